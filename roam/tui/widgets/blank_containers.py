"""Layout containers that draw nothing of their own but their background.

Textual draws every container's lines and cuts them where its children's edges
are, and each piece is a strip that keeps five caches of its own (``FIFOCache``),
kept as long as the line it was cut from.  On the walkthrough the four
full-height containers held 1,900 of the screen's 2,500 live strips.  A container
with no border and no content can say so (Textual's ``BLANK``): it is drawn as
one blank line, repeated, and nothing of it is kept between frames.  Give one of
these a border or content and it must go back to Textual's own container.
"""

from __future__ import annotations

from textual.containers import Horizontal, Vertical, VerticalScroll


class BlankHorizontal(Horizontal):
    """A Horizontal with no border and no content of its own."""

    BLANK = True


class BlankVertical(Vertical):
    """A Vertical with no border and no content of its own."""

    BLANK = True


class BlankVerticalScroll(VerticalScroll):
    """A VerticalScroll with no border and no content of its own (its scrollbars are widgets)."""

    BLANK = True
