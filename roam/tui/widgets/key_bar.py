"""The keys of the current screen along the bottom line, clickable.

Textual's Footer rebuilds itself on every focus change, which cost more than
everything else on the walkthrough together; this bar is drawn once per
screen from the bindings marked ``show=True``.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class KeyBar(Static):
    """One line: ``key label`` for each shown binding of the screen and the app."""

    def on_mount(self) -> None:
        self.call_after_refresh(self.refresh_keys)

    def refresh_keys(self) -> None:
        parts: list[str] = []
        seen: set[str] = set()
        app = self.app
        # The app's keys (help, commands) first: on a narrow terminal the end is cut.
        bindings = sorted(
            self.screen.active_bindings.values(), key=lambda active: active.node is not app
        )
        for active in bindings:
            binding = active.binding
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            namespace = "app" if active.node is app else "screen"
            action = binding.action if "." in binding.action else f"{namespace}.{binding.action}"
            key = _escape(app.get_key_display(binding))
            parts.append(f"[@click={action}][b $accent]{key}[/] {_escape(binding.description)}[/]")
        self.update(Content.from_markup("  ".join(parts)))


def _escape(text: str) -> str:
    return text.replace("[", r"\[")
