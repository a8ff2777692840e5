"""Progress always in view: overall and per-category completion, and the current score."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from roam.scoring.result import NodeScore
from roam.tui.plain import shown
from roam.tui.session import Session
from roam.tui.widgets.bars import bar, score_text

_LABEL_WIDTH = 3
_FIXED_WIDTH = 1 + _LABEL_WIDTH + 1 + 5  # marker, label, space, " 97%"


class ProgressPanel(Static):
    """Completion bars per category plus the score of the category being worked on."""

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.category_code: str | None = None

    def on_mount(self) -> None:
        self.border_title = "Progress"
        self.update_progress()

    def on_resize(self) -> None:
        self.update_progress()

    def show_category(self, code: str) -> None:
        if code != self.category_code:
            self.category_code = code
            self.update_progress()

    def update_progress(self) -> None:
        report = self.session.report
        width = max(self.content_size.width, 24)
        rows: list[tuple[str, NodeScore | None, bool]]
        if report is None:
            # Not scored yet (the walkthrough scores just after its first frame): the rows
            # without figures, on as many lines, so that nothing moves when the figures come.
            codes = [category.code for category in self.session.framework.categories]
            rows = [("All", None, False)]
            rows += [(code, None, code == self.category_code) for code in codes]
        else:
            rows = [("All", report.overall, False)]
            rows += [
                (node.code, node, node.code == self.category_code) for node in report.categories
            ]
        # On short terminals two bars share a line, so the tree keeps its room.
        columns = 2 if self.app.size.height < 34 else 1
        cell = (width - (columns - 1)) // columns
        text = Text()
        for index, (label, node, current) in enumerate(rows):
            if index:
                text.append("\n" if index % columns == 0 else " ")
            text.append_text(_row(label, node, cell - _FIXED_WIDTH, current))
        text.append("\n")
        if report is not None:
            text.append_text(self._current_score(report.categories))
        self.update(text)

    def _current_score(self, categories: tuple[NodeScore, ...]) -> Text:
        node = next((c for c in categories if c.code == self.category_code), None)
        if node is None:
            return Text("")
        category = self.session.framework.category(node.code)
        if category.contextual:
            return Text(f"{node.code}: context, not scored", style="dim")
        text = Text(f"{node.code} score ", style="bold")
        text.append(score_text(node.score), style="bold")
        text.append("/100", style="dim")
        if node.band:
            text.append(f" {node.band}", style="italic")
        if node.incomplete:
            text.append(" (partial)", style="dim")
        return text


def _row(label: str, node: NodeScore | None, width: int, current: bool) -> Text:
    """One bar: ``node``'s completion, or dots and no figure before the scores are known."""
    done = node.coverage.complete if node is not None else None
    text = Text()
    text.append("▸" if current else " ", style="bold")
    text.append(f"{shown(label):<{_LABEL_WIDTH}}", style="bold underline" if current else "bold")
    text.append(" ")
    text.append_text(bar(done, width))
    text.append(f"{done:4.0f}%" if done is not None else "     ")
    return text
