"""The `roam` command line."""

from roam.cli.main import main

__all__ = ["main"]
