"""Horizontal bars drawn as text: cheap to redraw, crisp at any terminal size."""

from __future__ import annotations

from rich.text import Text

from roam.scoring.display_rules import score_text

__all__ = ["bar", "score_text"]

_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(percent: float | None, width: int, style: str = "green", empty: str = "grey35") -> Text:
    """A bar ``width`` cells wide filled to ``percent`` (0-100), with eighth-cell precision."""
    width = max(width, 1)
    text = Text()
    if percent is None:
        text.append("·" * width, style=empty)
        return text
    eighths = round(max(0.0, min(100.0, percent)) / 100 * width * 8)
    full, part = divmod(eighths, 8)
    text.append("█" * full, style=style)
    if part:
        text.append(_EIGHTHS[part], style=style)
    rest = width - full - (1 if part else 0)
    text.append("░" * rest, style=empty)
    return text
