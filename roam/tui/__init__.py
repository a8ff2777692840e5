"""roam's terminal UI (Textual).  Nothing outside this package imports Textual."""
