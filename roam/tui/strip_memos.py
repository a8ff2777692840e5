"""Textual's strips without memos of themselves, so a line no longer shown is freed at once.

A Textual ``Strip`` (one drawn line) remembers what it derived from itself.  When
the result is the strip itself, as for the crop to its own width and the single cut
at its end that the compositor asks of nearly every line, the memo holds the strip
itself: a reference cycle.  Such a line outlives its last use until the collector's
full pass, which comes rarely, so lines pile up as garbage.  In the walkthrough each
step to the next indicator left about 70 of them (the tree's scrollbar, redrawn on
each layout; the indicator's text; the justification box), about 1 MiB of the
session's peak memory (benchmarks/README.md).

The two methods are wrapped, not rewritten: Textual computes every strip as it
always has; a memo that came to hold the strip itself is emptied.  Working that
result out again costs two comparisons, which is all the memo saved.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from rich.style import Style
from textual.strip import Strip


@cache
def free_lines_promptly() -> None:
    """Wrap ``Strip.crop_extend`` and ``Strip.divide``, once per process."""
    crop_extend = Strip.crop_extend
    divide = Strip.divide

    def crop_extend_without_self(self: Strip, start: int, end: int, style: Style | None) -> Strip:
        strip = crop_extend(self, start, end, style)
        if strip is self:
            self._crop_extend_cache.clear()
        return strip

    def divide_without_self(self: Strip, cuts: Iterable[int]) -> Sequence[Strip]:
        strips = divide(self, cuts)
        if len(strips) == 1 and strips[0] is self:
            self._divide_cache.clear()
        return strips

    Strip.crop_extend = crop_extend_without_self  # type: ignore[method-assign]
    Strip.divide = divide_without_self  # type: ignore[method-assign]
