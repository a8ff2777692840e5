"""The dashboard: scores with coverage, robustness, readiness checks and data gaps.

Every figure comes from the session's ScoreReport and readiness findings; the
scores are labelled as the diagnostic aid they are, never as a ranking.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer, Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from roam.scoring.display_rules import BAND_MIN_COMPLETE
from roam.scoring.readiness_check_names import CHECKS
from roam.scoring.result import NodeScore
from roam.tui.plain import plain, shown
from roam.tui.roam_screen import RoamScreen
from roam.tui.session import Session
from roam.tui.widgets.bars import bar, score_text
from roam.tui.widgets.key_bar import KeyBar
from roam.tui.widgets.top_bar import TopBar

RULE_LABELS = {
    "default": "Default method",
    "no_data_as_zero": "No data counts as 0",
    "equal_indicator_weights": "Equal indicator weights",
    "geometric_mean": "Geometric mean",
}
# What a finding asks of the team, in the walkthrough's terms (enter goes there).
TO_DO = {
    "answer_problem": "Correct the answer",
    "missing_justification": "Write the justification",
    "no_evidence": "Add evidence (ctrl+r)",
    "old_evidence": "Add more recent evidence",
    "open_query": "Answer the reviewer's query",
    "open_conflict": "Decide between versions (ctrl+d)",
}
_SCORE_WIDTH = 13  # " 45.0  97%*" and a space
_WHY_WIDTH = 40  # characters of a data gap's justification the table shows
_NOTE = "Scores are a diagnostic aid for the team (0-100), not a ranking of countries."


class DashboardScreen(RoamScreen[None]):
    CSS_PATH = Path(__file__).with_name("dashboard.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.view('walkthrough')", "Back", id="roam.dashboard.back"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield TopBar("Dashboard", self.session)
        # Side by side when wide; one column that scrolls (arrows, PageUp/PageDown) when narrow.
        with ScrollableContainer(id="dashboard", classes="view-body"):
            with VerticalScroll(id="dash-left"):
                yield Static(_NOTE, classes="hint")
                yield Static(id="scores", classes="panel")
            with Vertical(id="dash-right"):
                robustness: DataTable[str] = DataTable(id="robustness", cursor_type="none")
                robustness.can_focus = False  # a small table to read, nothing to choose in it
                robustness.border_title = "Robustness: category scores under other rules"
                yield robustness
                findings: DataTable[str] = DataTable(id="findings", cursor_type="row")
                yield findings
                gaps: DataTable[str] = DataTable(id="gaps", cursor_type="row")
                yield gaps
        yield KeyBar(classes="key-bar")

    def on_mount(self) -> None:
        self.refresh_view()
        # Narrow: the whole page scrolls and has the focus; wide: the checks, to jump from.
        narrow = self.app.size.width < 110
        self._lay_out(narrow)
        self.query_one("#dashboard" if narrow else "#findings").focus()

    def on_resize(self) -> None:
        self._lay_out(self.size.width < 110)
        self.call_after_refresh(self._redraw_scores)

    def _lay_out(self, narrow: bool) -> None:
        """Narrow: the page is what scrolls; wide: each side scrolls on its own."""
        self.set_class(narrow, "-narrow")
        self.query_one("#dashboard").can_focus = narrow
        self.query_one("#dash-left").can_focus = not narrow

    def _redraw_scores(self) -> None:
        self.query_one("#scores", Static).update(self._scores())

    def refresh_view(self) -> None:
        self.query_one("#scores", Static).update(self._scores())
        self._fill_robustness()
        self._fill_findings()
        self._fill_gaps()

    # -- scores ---------------------------------------------------------------------

    def _widths(self) -> tuple[int, int]:
        """(name, bar) widths that fit the scores panel as it is now."""
        width = max(self.query_one("#scores").content_size.width, 40)
        bar_width = max(8, min(24, (width - _SCORE_WIDTH) // 3))
        return width - _SCORE_WIDTH - bar_width - 1, bar_width

    def _scores(self) -> Text:
        report = self.session.scores()
        text = Text()
        scores = self.query_one("#scores")
        # The columns are named here: a header line of spaces wrapped at narrow widths.
        scores.border_title = "Score (0-100) and % done (* some not assessed)"
        # No overall figure: one number invites comparing countries (it is on the
        # workbook's Method sheet and in `roam score --json`, as a diagnostic summary).
        text.append(_coverage_line(report.overall), style="dim")
        for category in report.categories:
            framework_category = self.session.framework.category(category.code)
            name = shown(self.session.text(framework_category.name))
            text.append("\n\n")
            if framework_category.contextual:
                name_width, _ = self._widths()
                line = Text()
                line.append(f"{category.code} {name}"[:name_width].ljust(name_width + 1), "bold")
                line.append("context, not scored", style="dim")
                text.append_text(line)
                continue
            text.append_text(self._score_line(category.code, name, category, bold=True))
            for theme in category.children:
                text.append("\n")
                text.append_text(self._score_line(theme.code, self._theme_name(theme), theme))
        return text

    def _theme_name(self, node: NodeScore) -> str:
        place = next(p for p in self.session.framework.places.values() if p.theme.code == node.code)
        return shown(self.session.text(place.theme.name))

    def _score_line(self, code: str, name: str, node: NodeScore, bold: bool = False) -> Text:
        name_width, bar_width = self._widths()
        label = f"{code} {name}".strip() if bold else f"  {code} {name}"
        band = f" · {node.band}" if bold and node.band else ""
        if len(label) + len(band) > name_width:  # the name is cut, never the band
            label = label[: max(1, name_width - len(band) - 1)] + "…"
        label += band
        line = Text()
        line.append(label.ljust(name_width + 1), style="bold" if bold else "")
        line.append_text(bar(node.score, bar_width, style="cyan" if bold else "blue"))
        line.append(f" {score_text(node.score):>5}", style="bold")
        line.append(f" {node.coverage.complete:4.0f}%", style="dim")
        line.append("*" if node.incomplete else " ", style="yellow")
        return line

    # -- tables -----------------------------------------------------------------------

    def _fill_robustness(self) -> None:
        table = self.query_one("#robustness", DataTable)
        table.clear(columns=True)
        report = self.session.scores()
        if not report.robustness:
            return
        codes = list(next(iter(report.robustness.values())))
        table.add_columns("Rule", *codes)
        for rule, scores in report.robustness.items():
            cells = [score_text(scores.get(code)) for code in codes]
            table.add_row(RULE_LABELS.get(rule, rule), *cells)

    def _fill_findings(self) -> None:
        table = self.query_one("#findings", DataTable)
        table.clear(columns=True)
        table.add_columns("Code", "What to do", "Why")
        findings = [f for f in self.session.findings() if f.check != "not_assessed"]
        waiting = sum(1 for f in self.session.findings() if f.check == "not_assessed")
        for index, finding in enumerate(findings):
            to_do = TO_DO.get(finding.check, CHECKS.get(finding.check, finding.check))
            table.add_row(finding.code, to_do, plain(finding.message),
                          key=f"{index}:{finding.code}")  # fmt: skip
        title = f"Readiness: {len(findings)} to fix"
        if waiting:
            title += f", {waiting} not assessed"
        table.border_title = title + " (enter: go to)"

    def _fill_gaps(self) -> None:
        table = self.query_one("#gaps", DataTable)
        table.clear(columns=True)
        table.add_columns("Code", "Why no data", "Indicator")  # the reason first: it is short
        report = self.session.scores()
        gaps = report.data_gaps
        for code in gaps:
            indicator = self.session.text(self.session.indicator(code).text)
            why = self.session.answer(code).justification.replace("\n", " ")
            why = why if len(why) <= _WHY_WIDTH else why[: _WHY_WIDTH - 1] + "…"
            table.add_row(code, plain(why or "(not said)"), plain(indicator), key=f"gap:{code}")
        table.border_title = f"Data gaps: {len(gaps)} with no data (enter: go to)"

    @on(DataTable.RowSelected)
    def _go(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value or ""
        code = key.split(":", 1)[1] if ":" in key else ""
        if code:
            self.roam_app.go_to_indicator(code)


def _coverage_line(overall: NodeScore) -> str:
    """How much of the scope has a decided status, and when bands are named."""
    coverage = overall.coverage
    decided = coverage.total - coverage.not_assessed
    return (
        f"{decided} of {coverage.total} indicators decided ({coverage.complete:.0f}%). "
        f"Bands are named from {BAND_MIN_COMPLETE:.0f}% complete."
    )
