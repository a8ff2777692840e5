"""The screens of roam's terminal UI."""
