"""What the selected indicator asks: text, guidance, kind, sources and scale levels.

The panel has a fixed size and scrolls its text itself, so showing another
indicator redraws this panel alone and never re-lays out the screen: that is
most of what keeps a step to the next indicator quick.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.strip import Strip
from textual.widget import Widget

from roam.errors import SourceError
from roam.framework.model import QuantitativeIndicator, ScaledIndicator
from roam.framework.overlay import Overlay, load_overlay
from roam.framework.provenance import (
    item_provenance_label,
    provenance_label,
    provenance_statement,
    unesco_reference,
)
from roam.tui.labels import CORE_BADGE
from roam.tui.plain import shown
from roam.tui.session import Session


class IndicatorInfo(Widget):
    """Read-only reference text for one indicator, in a window that scrolls."""

    MORE = "▼ more: ctrl+↓ or the mouse wheel"

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.text = Text()
        self.top = 0  # the first wrapped line shown
        self._wrapped: tuple[int, list[Text]] | None = None
        self._strips: dict[int, Strip] = {}  # line index -> drawn line, for this text and width
        self._base: Style | None = None  # the widget's own style: costly to work out per line
        self._overlay: Overlay | None = None
        self._overlay_problems: list[str] = []  # why the overlay beside the file is not used

    def show(self, code: str) -> None:
        self.text = self.describe(code)
        self.top = 0
        self._wrapped = None
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._base = None

    @property
    def plain(self) -> str:
        return self.text.plain

    def lines(self, width: int) -> list[Text]:
        """The text wrapped to ``width``, computed once per text and width."""
        if self._wrapped is None or self._wrapped[0] != width:
            wrapped = list(self.text.wrap(self.app.console, max(width, 1)))
            self._wrapped = (width, wrapped)
            self._strips.clear()
        return self._wrapped[1]

    def render_line(self, y: int) -> Strip:
        """One line of the window (the line API: no re-wrapping on every frame)."""
        width, height = self.content_size
        lines = self.lines(width)
        index = self.top + y
        more_below = self.top + height < len(lines)
        if y == height - 1 and more_below and height > 1:
            index = -1  # the "more" hint
        elif index >= len(lines):
            index = len(lines)  # blank
        strip = self._strips.get(index)
        if strip is None:
            strip = self._strip(lines, index, width)
            self._strips[index] = strip
        return strip

    def _strip(self, lines: list[Text], index: int, width: int) -> Strip:
        if self._base is None:
            self._base = self.rich_style
        base = self._base
        if index == len(lines):
            return Strip.blank(width, base)
        line = Text(self.MORE, style="dim italic") if index < 0 else lines[index].copy()
        line.end = ""
        line.stylize_before(base)
        # Every segment styled: Textual's colour filters (NO_COLOR) reject an unstyled one.
        segments = [
            Segment(text, style or base) for text, style, _ in line.render(self.app.console)
        ]
        strip = Strip(segments, line.cell_len)
        return strip.extend_cell_length(width, base)

    def scroll_text(self, lines: int) -> None:
        width, height = self.content_size
        last = max(0, len(self.lines(width)) - height + 1)
        top = min(max(0, self.top + lines), last)
        if top != self.top:
            self.top = top
            self.refresh()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self.scroll_text(3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self.scroll_text(-3)

    def describe(self, code: str) -> Text:
        session = self.session
        place = session.place(code)
        indicator = place.indicator
        text = Text()
        text.append(code, style="bold")
        if indicator.core:
            text.append(f"  {CORE_BADGE[0]} core", style=CORE_BADGE[1])
        text.append(f"  {indicator.kind}", style="italic")
        # Only UNESCO's own numbers, where the edition records them: roam's count of
        # questions would read as an official reference.
        overlay = self.overlay()
        for item, what in ((place.question, "question"), (indicator, "indicator")):
            official = overlay.get(item.code)
            reference = unesco_reference(item)
            if official is not None and official.unesco_ref:
                reference = f"UNESCO {official.unesco_ref}"
            if reference:
                text.append(f"  · {shown(reference)} ({what})", style="dim")
        text.append("\n")
        text.append(shown(session.text(indicator.text)), style="bold")
        text.append("\n")
        text.append(shown(session.text(place.question.text)), style="italic dim")
        text.append_text(self._official_texts(code))
        if indicator.guidance:
            text.append("\n\n")
            text.append("Guidance ", style="bold")
            text.append(shown(session.text(indicator.guidance)))
        if indicator.sources:
            text.append("\n")
            text.append("Sources ", style="bold")
            text.append(shown("; ".join(session.text(source) for source in indicator.sources)))
        text.append("\n")
        text.append_text(self._answer_shape(code))
        answer = session.assessment.answers.get(code)
        if answer is not None and answer.provenance:
            text.append("\nFilled in by roam ", style="bold")
            text.append(shown(f"from {answer.provenance}"))
            cited = [item for item in answer.evidence if item.kind == "dataset"]
            if cited:
                text.append(shown(f" ({cited[-1].citation})"), style="dim")
            if answer.review.state == "draft":
                text.append("; a draft until the team checks it", style="italic")
        text.append("\n\n")
        text.append_text(self._provenance(code))
        return text

    def overlay(self) -> Overlay:
        """Official texts kept beside the assessment file; read once, a broken file said once."""
        if self._overlay is None:
            session = self.session
            try:
                self._overlay = load_overlay(
                    session.framework, beside=session.path, folders=session.overlay_folders
                )
            except SourceError as exc:
                self._overlay = Overlay()
                self._overlay_problems = exc.lines
                self.app.notify(
                    shown("\n".join(exc.lines)),
                    title="Official texts not shown",
                    severity="error",
                    markup=False,
                )
        return self._overlay

    def _official_texts(self, code: str) -> Text:
        """UNESCO's wording of the question and indicator, where the team's overlay has it."""
        session = self.session
        place = session.place(code)
        text = Text()
        for item, what in ((place.question, "question"), (place.indicator, "indicator")):
            official = self.overlay().get(item.code)
            if official is None or not official.text:
                continue
            label = provenance_label("unesco", session.language)
            if official.example:
                label = "an example overlay: made-up text, not UNESCO's"
            text.append("\n")
            text.append(f"UNESCO's text ({what}; {label}) ", style="bold")
            text.append(shown(session.text(official.text)))
        return text

    def _provenance(self, code: str) -> Text:
        """Who wrote the texts above: the item's provenance and the edition's statement."""
        session = self.session
        framework = session.framework
        language = session.language
        indicator = session.indicator(code)
        text = Text(style="dim")
        text.append("About this text ", style="bold")
        text.append(f"{item_provenance_label(framework, indicator, language)}. ")
        text.append(shown(provenance_statement(framework, language)))
        for problem in self._overlay_problems:
            text.append("\n")
            text.append("Official texts not shown: ", style="bold")
            text.append(shown(problem))
        return text

    def _answer_shape(self, code: str) -> Text:
        """The scale's levels with their meaning, or the number the indicator expects."""
        session = self.session
        indicator = session.indicator(code)
        text = Text()
        if isinstance(indicator, ScaledIndicator):
            scale = session.framework.scale_for(indicator)
            text.append("Scale ", style="bold")
            text.append(shown(session.text(scale.name)))
            for level in scale.levels:
                text.append("\n ")
                text.append(shown(f"{session.text(level.label)} ({level.score:g})"), style="bold")
                if level.description:
                    text.append(shown(f": {session.text(level.description)}"))
            return text
        text.append("Value ", style="bold")
        text.append(shown(f"in {indicator.unit}") if indicator.unit else "a number")
        if isinstance(indicator, QuantitativeIndicator):
            goal = indicator.goalposts
            better = "higher" if indicator.direction == "higher_is_better" else "lower"
            text.append(f"; scored from {goal.lower:g} to {goal.upper:g}, {better} is better")
            if goal.rationale:
                text.append("\n")
                text.append("Why these goalposts ", style="bold")
                text.append(shown(session.text(goal.rationale)))
        else:
            text.append("; context only, never scored")
        valid = indicator.valid_range
        if valid is not None:
            low = "any" if valid.min is None else f"{valid.min:g}"
            high = "any" if valid.max is None else f"{valid.max:g}"
            text.append(f"; possible values {low} to {high}")
        return text
