"""A real terminal for tests: one tmux session on a private server socket."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable


class Terminal:
    """One tmux session on a private server socket, so no user session is touched."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        command = ["tmux", "-L", self.socket, *args]
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout

    def start(self, command: str) -> None:
        """Run ``command`` (a shell line) in a new 120x40 window named roam."""
        self.tmux("new-session", "-d", "-s", "roam", "-x", "120", "-y", "40", command)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "roam")

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "roam", key)
            time.sleep(0.15)

    def running(self) -> bool:
        return "roam" in self.tmux("list-sessions", "-F", "#{session_name}")


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    """Poll ``condition`` until it holds or ``seconds`` pass; whether it held."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)
    return True
