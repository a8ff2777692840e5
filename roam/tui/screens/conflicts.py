"""Versions of one answer side by side, for the team's consensus decision.

``roam merge`` and ``roam import-answers`` (without ``--keep``) leave every
differing version in ``Answer.conflicts``.  This screen lists them next to
each other, the fields in which they differ marked, and dismisses with the
index of the version the team chose; the walkthrough records the decision.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, HorizontalScroll, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from roam.assessment.model import AnswerVersion
from roam.framework.model import ScaledIndicator
from roam.tui.labels import CONFIDENCE_LABELS, CONFLICT_MARK, STATUS_LABELS
from roam.tui.plain import plain
from roam.tui.session import Session

FIELDS = ("status", "answer", "year", "confidence", "evidence", "justification")
_NAMES = {
    "status": "Status",
    "year": "Year",
    "confidence": "Confidence",
    "evidence": "Evidence",
    "justification": "Justification",
}
_EVIDENCE_SHOWN = 3


class ConflictScreen(ModalScreen[int | None]):
    """Choose one version (its button, or its number key); esc leaves them all waiting."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="roam.conflict.cancel"),
    ]

    def __init__(self, session: Session, code: str) -> None:
        super().__init__()
        self.session = session
        self.code = code
        self.versions = session.conflict_versions(code)

    def compose(self) -> ComposeResult:
        session = self.session
        count = len(self.versions)
        with Vertical(classes="dialog tall-dialog conflicts") as dialog:
            dialog.border_title = f"{self.code}: {count} versions wait for the team's decision"
            text = session.text(session.indicator(self.code).text)
            hint = plain(text, style="bold")
            hint.append(
                f"\nChoose the version the team agrees on (1-{count}, or its button); "
                f"{CONFLICT_MARK[0]} marks what differs. Its evidence is added, and every "
                "version stays in the answer's history.",
                style="dim",
            )
            yield Static(hint, classes="conflict-intro")
            rows = [self.describe(version) for version in self.versions]
            differing = {name for name in FIELDS if len({row[name].plain for row in rows}) > 1}
            with HorizontalScroll(classes="versions"):
                for number, (version, row) in enumerate(zip(self.versions, rows, strict=True), 1):
                    with Vertical(classes="version") as panel:
                        panel.border_title = plain(f"{number} · {version.source}")
                        with VerticalScroll(classes="version-body"):
                            yield Static(_panel_text(row, differing, self._answer_name()))
                        yield Button(
                            f"Choose {number}",
                            variant="primary",
                            id=f"choose-{number}",
                            compact=True,
                        )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Decide later (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#choose-1", Button).focus()

    def _answer_name(self) -> str:
        scaled = isinstance(self.session.indicator(self.code), ScaledIndicator)
        return "Level" if scaled else "Value"

    def describe(self, version: AnswerVersion) -> dict[str, Text]:
        """Each field of ``version`` as the panel shows it."""
        session = self.session
        indicator = session.indicator(self.code)
        if isinstance(indicator, ScaledIndicator):
            scale = session.framework.scale_for(indicator)
            levels = {level.id: level for level in scale.levels}
            level = levels.get(version.level or "")
            if level is not None:
                answer = f"{session.text(level.label)} ({level.score:g})"
            else:
                answer = version.level or "–"
        elif version.value is not None:
            unit = f" {indicator.unit}" if indicator.unit else ""
            answer = f"{version.value:g}{unit}"
        else:
            answer = "–"
        evidence = [item.citation for item in version.evidence]
        listed = "".join(f"\n  · {citation}" for citation in evidence[:_EVIDENCE_SHOWN])
        if len(evidence) > _EVIDENCE_SHOWN:
            listed += f"\n  · and {len(evidence) - _EVIDENCE_SHOWN} more"
        count = len(evidence)
        return {
            "status": Text(STATUS_LABELS[version.status]),
            "answer": plain(answer),
            "year": Text(str(version.year) if version.year is not None else "–"),
            "confidence": Text(CONFIDENCE_LABELS.get(version.confidence or "", "not stated")),
            "evidence": plain(f"{count} item{'s' if count != 1 else ''}{listed}"),
            "justification": plain(version.justification.strip() or "–"),
        }

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            number = int(event.character)
            if 1 <= number <= len(self.versions):
                event.stop()
                self.dismiss(number - 1)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if button.startswith("choose-"):
            self.dismiss(int(button.removeprefix("choose-")) - 1)
        else:
            self.dismiss(None)


def _panel_text(row: dict[str, Text], differing: set[str], answer_name: str) -> Text:
    """The fields one under another; those in which the versions differ are marked."""
    text = Text()
    for name in FIELDS:
        differs = name in differing
        text.append(f"{CONFLICT_MARK[0]} " if differs else "  ", style=CONFLICT_MARK[1])
        text.append(f"{answer_name if name == 'answer' else _NAMES[name]}: ", style="bold")
        value = row[name].copy()
        if differs:
            value.stylize(CONFLICT_MARK[1])
        text.append("\n" if name == "justification" else "")
        text.append_text(value)
        text.append("\n")
    return text
