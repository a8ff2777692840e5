"""Writing the data-collection template: a workbook stakeholders fill in.

Sheets, in order:

- **Instructions**: how to fill the template, and two input cells for the
  contributor's name and organisation (recorded with every imported answer);
- **Answers**: one row per chosen indicator with its text, guidance and scale
  (or unit), then the input cells: status, level, value, year, justification,
  confidence and three evidence groups (kind, citation, link, date published).
  Status, level, confidence and evidence kind are drop-downs; value, year and
  date are checked as numbers and dates;
- **Lists** (hidden): drop-down lists too long for Excel's 255-character limit
  on a list written into the validation itself;
- **_roam** (hidden): which assessment the template belongs to and where its
  columns are, so the importer reads it back exactly.

Every sheet is protected without a password (a guard against slips, not a
lock) except the input cells, and the workbook structure is locked so the
hidden sheets stay hidden and the sheets keep their names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from roam.assessment.model import EVIDENCE_KINDS, Assessment
from roam.exchange.origin import GENERATED_KEY, identity_stamp
from roam.exchange.workbook_labels import value_label
from roam.framework.model import Framework, IndicatorPlace, ScaledIndicator
from roam.framework.text import localize
from roam.workbooks.answer_text import answer_text
from roam.workbooks.inert_cells import CellWriter, clean_text
from roam.workbooks.layout import fit_row, merged_note
from roam.workbooks.printing import prepare_printing
from roam.workbooks.saving import save_workbook
from roam.workbooks.sheets.stamp import STAMP_SHEET
from roam.workbooks.styles import (
    HEADER,
    LABEL,
    LIAISON,
    NOTE,
    PLAIN,
    SUBTITLE,
    TEXT,
    TITLE,
    install_styles,
    set_widths,
)
from roam.workbooks.template_layout import (
    ANSWERS_SHEET,
    COLUMN_NUMBER,
    COLUMNS,
    COLUMNS_KEY,
    CONTRIBUTOR_KEY,
    EVIDENCE_GROUPS,
    FORMAT_KEY,
    HEADER_ROW,
    HEADER_ROW_KEY,
    INSTRUCTIONS_SHEET,
    LISTS_SHEET,
    ORGANISATION_KEY,
    SHEET_KEY,
    TEMPLATE_FORMAT,
)
from roam.workbooks.template_validations import InputValidations, ListSheet

# The Instructions sheet's two columns; its rows are sized to their wrapped steps.
_INSTRUCTION_WIDTHS = (14.0, 110.0)
TEXT_FORMAT = "@"  # Excel's Text number format: a typed "=..." stays text
# The last column of each printed page across the Answers sheet: what is asked, the
# answer, then one evidence group a page.
_PAGE_ENDS = ("current", "confidence", "evidence1.date", "evidence2.date")
_FIXED_WIDTHS = [column.width for column in COLUMNS[: COLUMN_NUMBER["current"]]]
NUMBER_INPUTS = frozenset({"value", "year"})  # checked as numbers, so not Text

_STEPS = (
    "Write your name and organisation in the yellow cells below; they are recorded with "
    "every answer you give.",
    f"On the sheet '{ANSWERS_SHEET}', fill the row of each indicator you can answer. Only "
    "the yellow cells can be edited. Leave rows you cannot answer empty. 'Team's answer "
    "now' shows what the team has recorded: answer where you know more or disagree, and a "
    "different answer is kept beside the team's for the team to decide.",
    "Status: 'Answered' (then give a level or a value), 'No data' (no reliable data exists), "
    "'N/A' (the indicator does not apply) or 'Not assessed'. If you give a level "
    "or a value you may leave the status empty: it counts as answered.",
    "Level: for qualitative and institutional indicators, pick a level from the list. "
    "The column 'Scale or unit' says what each level means.",
    "Value and Year: for quantitative and contextual indicators, the number in the unit "
    "shown in 'Scale or unit', and the year it refers to.",
    "Justification: why you chose this answer, in a few sentences. It is required for "
    "'No data', 'N/A' and the lowest level of a scale.",
    "Confidence: how sure you are (low, medium, high).",
    f"Evidence: up to {EVIDENCE_GROUPS} sources per row. Kind (left empty it counts as "
    "'report'), citation (author, title, year), link (web address or file name) and the "
    "date it was published (a date, or YYYY-MM-DD).",
    "Do not add, remove or rename sheets or columns. Save the file as .xlsx and send it "
    "back to the assessment team.",
)
_AFTERWARDS = (
    "What happens next: the team imports your answers with `roam import-answers`. They "
    "arrive as 'submitted' for the team to review, and never replace an answer the team "
    "already has without the team choosing: where yours differs, both are kept side by "
    "side until the team decides. Any cell roam cannot read is reported by its sheet and "
    "cell; the rest still imports."
)


def write_template(
    assessment: Assessment,
    framework: Framework,
    codes: Sequence[str],
    path: str | Path,
    *,
    lang: str = "en",
    generated: dt.datetime | None = None,
) -> Path:
    """Write the template for ``codes`` to ``path`` (atomically); returns the path."""
    workbook = build_template(assessment, framework, codes, lang=lang, generated=generated)
    return save_workbook(workbook, path)


def build_template(
    assessment: Assessment,
    framework: Framework,
    codes: Sequence[str],
    *,
    lang: str = "en",
    generated: dt.datetime | None = None,
) -> Workbook:
    """The template as an openpyxl workbook (what :func:`write_template` saves)."""
    moment = (generated or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    workbook = Workbook()
    builder = _Builder(install_styles(workbook), assessment, framework, lang)
    instructions = workbook.active
    instructions.title = INSTRUCTIONS_SHEET
    answers = workbook.create_sheet(ANSWERS_SHEET)
    lists = ListSheet(workbook.create_sheet(LISTS_SHEET))
    places = [framework.places[code] for code in codes]
    name_cell, organisation_cell = builder.instructions(instructions, len(places), moment)
    builder.answers(answers, places, lists)
    lists.finish()
    stamp = identity_stamp(assessment)
    stamp.update(
        {
            GENERATED_KEY: moment.isoformat(),
            FORMAT_KEY: str(TEMPLATE_FORMAT),
            SHEET_KEY: ANSWERS_SHEET,
            HEADER_ROW_KEY: str(HEADER_ROW),
            COLUMNS_KEY: ",".join(column.key for column in COLUMNS),
            CONTRIBUTOR_KEY: f"{INSTRUCTIONS_SHEET}!{name_cell}",
            ORGANISATION_KEY: f"{INSTRUCTIONS_SHEET}!{organisation_cell}",
        }
    )
    builder.stamp(workbook.create_sheet(STAMP_SHEET), stamp)
    workbook.security = WorkbookProtection(lockStructure=True)
    workbook.properties.creator = "roam"
    workbook.properties.title = clean_text(f"Data collection: {assessment.country}")
    workbook.active = 0
    return workbook


@dataclass(frozen=True, slots=True)
class _Builder:
    cells: CellWriter
    assessment: Assessment
    framework: Framework
    lang: str

    def instructions(self, sheet: Worksheet, count: int, moment: dt.datetime) -> tuple[str, str]:
        """Fill the first sheet; returns the cells of the contributor's name and organisation."""
        put, framework = self.cells.put, self.framework
        set_widths(sheet, {"A": _INSTRUCTION_WIDTHS[0], "B": _INSTRUCTION_WIDTHS[1]})
        put(sheet, 1, 1, f"Data collection for {self.assessment.country}", TITLE)
        # Across both columns: in column A alone the line wrapped and was cut.
        merged_note(
            self.cells,
            sheet,
            2,
            f"{localize(framework.title, self.lang)} ({framework.id} "
            f"{framework.version}); {count} indicators; made "
            f"{moment.date().isoformat()}",
            2,
        )
        row = 4
        put(sheet, row, 1, "How to fill this workbook", SUBTITLE)
        for number, step in enumerate(_STEPS, start=1):
            row += 1
            put(sheet, row, 1, number, LABEL)
            put(sheet, row, 2, step, TEXT)
            fit_row(sheet, row, [number, step], [LABEL, TEXT], _INSTRUCTION_WIDTHS)
        row += 2
        put(sheet, row, 1, "Your name", LABEL)
        name = put(sheet, row, 2, None, LIAISON)
        name.number_format = TEXT_FORMAT
        row += 1
        put(sheet, row, 1, "Organisation", LABEL)
        organisation = put(sheet, row, 2, None, LIAISON)
        organisation.number_format = TEXT_FORMAT
        name_cell, organisation_cell = name.coordinate, organisation.coordinate
        row += 2
        put(sheet, row, 2, _AFTERWARDS, NOTE)
        fit_row(sheet, row, [None, _AFTERWARDS], [LABEL, NOTE], _INSTRUCTION_WIDTHS)
        row += 2
        put(sheet, row, 1, "Evidence kinds", SUBTITLE)
        kinds = ", ".join(value_label("evidence", kind, self.lang) for kind in EVIDENCE_KINDS)
        put(sheet, row + 1, 2, kinds, TEXT)
        _protect(sheet)
        prepare_printing(sheet, self.assessment.country, self.lang)
        return name_cell, organisation_cell

    def answers(self, sheet: Worksheet, places: list[IndicatorPlace], lists: ListSheet) -> None:
        put = self.cells.put
        for number, column in enumerate(COLUMNS, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = column.width
        put(sheet, 1, 1, "Answers: fill the yellow cells (see the sheet Instructions)", TITLE)
        merged_note(
            self.cells,
            sheet,
            2,
            "Status, level, confidence and evidence kind offer a list; "
            "value and year are numbers; dates are dates or YYYY-MM-DD.",
            COLUMN_NUMBER["current"],
        )
        headers = [column.header for column in COLUMNS]
        self.cells.put_row(sheet, HEADER_ROW, headers, HEADER)
        fit_row(sheet, HEADER_ROW, headers, [HEADER] * len(COLUMNS), [c.width for c in COLUMNS])
        first = HEADER_ROW + 1
        validations = InputValidations(sheet, lists, self.lang)
        for row, place in enumerate(places, start=first):
            self._indicator_row(sheet, place, row)
            validations.add_row(self.framework, place, row)
        if places:
            validations.add_common(first, first + len(places) - 1)
        sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 2).coordinate
        _protect(sheet)
        prepare_printing(sheet, self.assessment.country, self.lang, f"{HEADER_ROW}:{HEADER_ROW}")
        # Too wide for one page at 9 pt: each band of rows prints on pages side by side,
        # each with the codes, and breaks between the parts a person reads together.
        for key in _PAGE_ENDS:
            sheet.col_breaks.append(Break(id=COLUMN_NUMBER[key]))

    def _indicator_row(self, sheet: Worksheet, place: IndicatorPlace, row: int) -> None:
        indicator, lang = place.indicator, self.lang
        scaled = isinstance(indicator, ScaledIndicator)
        question = f"{place.question.code} {localize(place.question.text, lang)}"
        guidance = localize(indicator.guidance, lang) if indicator.guidance else ""
        fixed = [
            indicator.code,
            localize(indicator.text, lang),
            f"{question}\n{guidance}".strip(),
            _scale_text(self.framework, place, lang),
            self._current(place),
        ]
        styles = [PLAIN, TEXT, TEXT, TEXT, TEXT]
        self.cells.put_row(sheet, row, fixed, styles)
        # Tall enough for the wrapped texts: no spreadsheet sizes the rows of a new file.
        fit_row(sheet, row, fixed, styles, _FIXED_WIDTHS)
        for column in COLUMNS[len(fixed) :]:
            unused = (column.key == "level" and not scaled) or (
                column.key in ("value", "year") and scaled
            )
            number = COLUMN_NUMBER[column.key]
            cell = self.cells.put(sheet, row, number, None, PLAIN if unused else LIAISON)
            if column.key.endswith(".date"):
                cell.number_format = "yyyy-mm-dd"
            elif column.key not in NUMBER_INPUTS:
                # Text, so that what people type stays what they typed: in a General
                # cell, "=- no source" or "+254 ..." becomes a formula.
                cell.number_format = TEXT_FORMAT

    def _current(self, place: IndicatorPlace) -> str:
        """The team's answer, as the report shows it; empty while not assessed."""
        answer = self.assessment.answers.get(place.indicator.code)
        if answer is None or answer.status == "not_assessed":
            return ""
        status = value_label("status", answer.status, self.lang)
        given = answer_text(self.framework, self.lang, place, answer)
        return f"{status}: {given}" if given else status

    def stamp(self, sheet: Worksheet, stamp: dict[str, str]) -> None:
        self.cells.put_row(sheet, 1, ["key", "value"])
        for row, (key, value) in enumerate(stamp.items(), start=2):
            self.cells.put_row(sheet, row, [key, value])
        sheet.sheet_state = "hidden"
        sheet.protection.sheet = True


def _scale_text(framework: Framework, place: IndicatorPlace, lang: str) -> str:
    indicator = place.indicator
    if isinstance(indicator, ScaledIndicator):
        scale = framework.scale_for(indicator)
        lines = [f"{localize(scale.name, lang)}:"]
        for level in scale.levels:
            meaning = localize(level.description, lang) if level.description else ""
            label = localize(level.label, lang)
            lines.append(label + (f" — {meaning}" if meaning else ""))
        return "\n".join(lines)
    parts = [f"Unit: {indicator.unit}" if indicator.unit else "A number"]
    valid = indicator.valid_range
    if valid is not None and (valid.min is not None or valid.max is not None):
        low = "" if valid.min is None else f"from {valid.min:g} "
        high = "" if valid.max is None else f"to {valid.max:g}"
        parts.append(f"possible values {low}{high}".strip())
    parts.append("give the year the value refers to")
    return "; ".join(parts)


def _protect(sheet: Worksheet) -> None:
    """Protected without a password; people may still resize columns and rows."""
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = False
    protection.formatRows = False
