"""What the selected indicator asks: text, guidance, kind, sources and scale levels."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from roam.framework.model import QuantitativeIndicator, ScaledIndicator
from roam.tui.labels import CORE_BADGE
from roam.tui.session import Session


class IndicatorInfo(Static):
    """Read-only reference text for one indicator, re-rendered on each move."""

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session

    def show(self, code: str) -> None:
        self.update(self.describe(code))

    def describe(self, code: str) -> Text:
        session = self.session
        place = session.place(code)
        indicator = place.indicator
        text = Text()
        text.append(code, style="bold")
        if indicator.core:
            text.append(f"  {CORE_BADGE[0]} core", style=CORE_BADGE[1])
        text.append(f"  {indicator.kind}", style="italic")
        if not place.category.contextual:
            text.append(f"  · question {place.category.code}.{place.question_number}", style="dim")
        text.append("\n")
        text.append(session.text(indicator.text), style="bold")
        text.append("\n")
        text.append(session.text(place.question.text), style="italic dim")
        if indicator.guidance:
            text.append("\n\n")
            text.append("Guidance ", style="bold")
            text.append(session.text(indicator.guidance))
        if indicator.sources:
            text.append("\n")
            text.append("Sources ", style="bold")
            text.append("; ".join(session.text(source) for source in indicator.sources))
        text.append("\n")
        text.append_text(self._answer_shape(code))
        return text

    def _answer_shape(self, code: str) -> Text:
        """The scale's levels with their meaning, or the number the indicator expects."""
        session = self.session
        indicator = session.indicator(code)
        text = Text()
        if isinstance(indicator, ScaledIndicator):
            scale = session.framework.scale_for(indicator)
            text.append("Scale ", style="bold")
            text.append(session.text(scale.name))
            for level in scale.levels:
                text.append("\n ")
                text.append(f"{session.text(level.label)} ({level.score:g})", style="bold")
                if level.description:
                    text.append(f": {session.text(level.description)}")
            return text
        text.append("Value ", style="bold")
        text.append(f"in {indicator.unit}" if indicator.unit else "a number")
        if isinstance(indicator, QuantitativeIndicator):
            goal = indicator.goalposts
            better = "higher" if indicator.direction == "higher_is_better" else "lower"
            text.append(f"; scored from {goal.lower:g} to {goal.upper:g}, {better} is better")
        else:
            text.append("; context only, never scored")
        valid = indicator.valid_range
        if valid is not None:
            low = "any" if valid.min is None else f"{valid.min:g}"
            high = "any" if valid.max is None else f"{valid.max:g}"
            text.append(f"; possible values {low} to {high}")
        return text
