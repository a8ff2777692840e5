"""The data-collection template: a workbook stakeholders fill in, and reading it back.

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
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.utils.exceptions import CellCoordinatesException
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from roam.assessment.model import EVIDENCE_KINDS, STATUSES, Assessment
from roam.assessment.size_policy import person_name
from roam.errors import RoamError
from roam.exchange.cells import CellData, CellRef, CellValue
from roam.exchange.incoming import EvidenceCells, FilledTemplate, TemplateRow
from roam.exchange.origin import GENERATED_KEY, TEMPLATE_FORMAT_KEY, identity_stamp
from roam.exchange.workbook_labels import value_label
from roam.framework.model import Framework, IndicatorPlace, ScaledIndicator
from roam.framework.text import localize
from roam.workbooks.answer_text import answer_text
from roam.workbooks.cells import CellWriter, clean_text, sheet_reference
from roam.workbooks.layout import fit_row, merged_note
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
    prepare_printing,
    set_widths,
)
from roam.workbooks.template_columns import columns_by_header
from roam.workbooks.untrusted_xlsx import (
    DEFAULT_LIMITS,
    WorkbookLimits,
    cell_name,
    open_untrusted_workbook,
    sheet_rows,
)
from roam.workbooks.workbook_origin import read_origin

TEMPLATE_FORMAT = 1
# The Instructions sheet's two columns; its rows are sized to their wrapped steps.
_INSTRUCTION_WIDTHS = (14.0, 110.0)
FORMAT_KEY = TEMPLATE_FORMAT_KEY
SHEET_KEY = "roam.template.sheet"
HEADER_ROW_KEY = "roam.template.header_row"
COLUMNS_KEY = "roam.template.columns"
CONTRIBUTOR_KEY = "roam.template.contributor_cell"
ORGANISATION_KEY = "roam.template.organisation_cell"

INSTRUCTIONS_SHEET = "Instructions"
ANSWERS_SHEET = "Answers"
LISTS_SHEET = "Lists"
HEADER_ROW = 3
EVIDENCE_GROUPS = 3
MAX_INLINE_LIST = 255  # Excel's limit on a list written into a data validation
CONFIDENCES = ("low", "medium", "high")
TEXT_FORMAT = "@"  # Excel's Text number format: a typed "=..." stays text
NUMBER_INPUTS = frozenset({"value", "year"})  # checked as numbers, so not Text


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    width: float
    is_input: bool = False


_FIXED_COLUMNS = (
    Column("code", "Code", 10),
    Column("indicator", "Indicator", 42),
    Column("guidance", "Question and guidance", 42),
    Column("scale", "Scale or unit", 34),
    # What the team has now: answering again differs from it on purpose, not by accident.
    Column("current", "Team's answer now", 20),
    Column("status", "Status", 15, True),
    Column("level", "Level", 14, True),
    Column("value", "Value", 11, True),
    Column("year", "Year", 8, True),
    Column("justification", "Justification", 44, True),
    Column("confidence", "Confidence", 11, True),
)
_EVIDENCE_PARTS = (
    ("kind", "kind", 16),
    ("citation", "citation", 32),
    ("link", "link", 26),
    ("date", "date published", 13),
)
COLUMNS: tuple[Column, ...] = _FIXED_COLUMNS + tuple(
    Column(f"evidence{group}.{part}", f"Evidence {group} {header}", width, True)
    for group in range(1, EVIDENCE_GROUPS + 1)
    for part, header, width in _EVIDENCE_PARTS
)
COLUMN_NUMBER = {column.key: number for number, column in enumerate(COLUMNS, start=1)}

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


# --- writing -------------------------------------------------------------------------


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
    lists = _ListSheet(workbook.create_sheet(LISTS_SHEET))
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

    def answers(self, sheet: Worksheet, places: list[IndicatorPlace], lists: _ListSheet) -> None:
        put = self.cells.put
        for number, column in enumerate(COLUMNS, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = column.width
        put(sheet, 1, 1, "Answers: fill the yellow cells (see the sheet Instructions)", TITLE)
        put(
            sheet,
            2,
            1,
            "Status, level, confidence and evidence kind offer a list; "
            "value and year are numbers; dates are dates or YYYY-MM-DD.",
            NOTE,
        )
        self.cells.put_row(sheet, HEADER_ROW, [column.header for column in COLUMNS], HEADER)
        first = HEADER_ROW + 1
        validations = _Validations(sheet, lists, self.lang)
        for row, place in enumerate(places, start=first):
            self._indicator_row(sheet, place, row)
            validations.add_row(self.framework, place, row)
        if places:
            validations.add_common(first, first + len(places) - 1)
        sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 2).coordinate
        _protect(sheet)
        prepare_printing(sheet, self.assessment.country, self.lang, f"{HEADER_ROW}:{HEADER_ROW}")

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
        self.cells.put_row(sheet, row, fixed, [PLAIN, TEXT, TEXT, TEXT, TEXT])
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


class _ListSheet:
    """The hidden sheet that holds drop-down lists too long to write into a validation."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self._columns: dict[tuple[str, ...], str] = {}

    def formula(self, values: Sequence[str]) -> str:
        """A data-validation list formula: inline when it fits, else a range on this sheet."""
        inline = ",".join(values)
        if len(inline) <= MAX_INLINE_LIST and not any('"' in v or "," in v for v in values):
            return f'"{inline}"'
        key = tuple(values)
        if key not in self._columns:
            column = len(self._columns) + 1
            for row, value in enumerate(values, start=1):
                cell = self.sheet.cell(row=row, column=column, value=clean_text(value))
                cell.data_type = "s"
            letter = get_column_letter(column)
            self._columns[key] = sheet_reference(
                self.sheet.title, f"${letter}$1:${letter}${len(values)}"
            )
        return self._columns[key]

    def finish(self) -> None:
        self.sheet.sheet_state = "hidden"
        self.sheet.protection.sheet = True


class _Validations:
    """The drop-downs and checks of the Answers sheet, one validation per distinct rule."""

    def __init__(self, sheet: Worksheet, lists: _ListSheet, lang: str) -> None:
        self.sheet = sheet
        self.lists = lists
        self.lang = lang
        self._by_rule: dict[tuple[object, ...], DataValidation] = {}

    def add_row(self, framework: Framework, place: IndicatorPlace, row: int) -> None:
        indicator = place.indicator
        if isinstance(indicator, ScaledIndicator):
            # By name: the importer takes a level's id or its label in any language.
            levels = [
                localize(level.label, self.lang) for level in framework.scale_for(indicator).levels
            ]
            self._add(
                ("list", *levels), self._list(levels, "Level", "a level of the scale"), "level", row
            )
            return
        valid = indicator.valid_range
        if valid is not None and (valid.min is not None or valid.max is not None):
            low = -1e15 if valid.min is None else valid.min
            high = 1e15 if valid.max is None else valid.max
            rule = DataValidation(
                type="decimal",
                operator="between",
                formula1=f"{low:g}",
                formula2=f"{high:g}",
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="warning",
                errorTitle="Value",
                error=f"The possible values are {low:g} to {high:g}.",
            )
            self._add(("decimal", low, high), rule, "value", row)

    def add_common(self, first: int, last: int) -> None:
        """The checks every row shares, as one validation per column."""
        # Words, not ids: the importer reads the report's labels back in every language.
        statuses = self._list(self._words("status", STATUSES), "Status", "a status")
        confidences = self._list(
            self._words("confidence", CONFIDENCES), "Confidence", "a confidence"
        )
        kinds = self._list(
            self._words("evidence", EVIDENCE_KINDS), "Evidence kind", "an evidence kind"
        )
        year = DataValidation(
            type="whole",
            operator="between",
            formula1="1900",
            formula2="2200",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle="Year",
            error="A year such as 2023.",
        )
        date = DataValidation(
            type="date",
            operator="greaterThan",
            formula1="1",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle="Date",
            error="A date, such as 2023-05-01.",
        )
        for validation, keys in (
            (statuses, ["status"]),
            (confidences, ["confidence"]),
            (year, ["year"]),
            (kinds, [f"evidence{g}.kind" for g in range(1, EVIDENCE_GROUPS + 1)]),
            (date, [f"evidence{g}.date" for g in range(1, EVIDENCE_GROUPS + 1)]),
        ):
            for key in keys:
                letter = get_column_letter(COLUMN_NUMBER[key])
                validation.add(f"{letter}{first}:{letter}{last}")
            self.sheet.add_data_validation(validation)

    def _words(self, prefix: str, ids: Sequence[str]) -> list[str]:
        return [value_label(prefix, item, self.lang) for item in ids]

    def _list(self, values: Sequence[str], title: str, what: str) -> DataValidation:
        return DataValidation(
            type="list",
            formula1=self.lists.formula(values),
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=title,
            error=f"Choose {what} from the list.",
        )

    def _add(
        self, rule: tuple[object, ...], validation: DataValidation, key: str, row: int
    ) -> None:
        existing = self._by_rule.get(rule)
        if existing is None:
            existing = self._by_rule[rule] = validation
            self.sheet.add_data_validation(existing)
        existing.add(f"{get_column_letter(COLUMN_NUMBER[key])}{row}")


def _protect(sheet: Worksheet) -> None:
    """Protected without a password; people may still resize columns and rows."""
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = False
    protection.formatRows = False


# --- reading -------------------------------------------------------------------------


def read_filled_template(
    path: str | Path, limits: WorkbookLimits = DEFAULT_LIMITS
) -> FilledTemplate:
    """The input cells of a filled template, with the stamp that says whose it is.

    Raises :class:`~roam.errors.SourceError` for an unsafe or unreadable file and
    :class:`RoamError` for a workbook that is not a roam template.
    """
    source = str(path)
    with open_untrusted_workbook(path, limits) as workbook:
        origin = read_origin(workbook, source, limits)
        stamp = origin.stamp
        if FORMAT_KEY not in stamp:
            hint = (
                " (it looks like a report: import a liaison's review with `roam import-review`)"
                if "roam.answers_hash" in stamp
                else ""
            )
            raise RoamError(
                f"{source}: not a roam data-collection template{hint}; "
                f"make one with `roam template`"
            )
        if _format_of(stamp) > TEMPLATE_FORMAT:
            raise RoamError(
                f"{source}: made by a newer roam (template format "
                f"{stamp[FORMAT_KEY]}); update roam to import it"
            )
        sheet = stamp.get(SHEET_KEY, ANSWERS_SHEET)
        if sheet not in workbook.sheetnames:
            raise RoamError(f"{source}: the sheet '{sheet}' is missing; was it renamed?")
        header_row = _header_row(stamp, source)
        read = sheet_rows(workbook, sheet, source, limits, header_row)
        _, headers = next(read, (header_row, ()))
        numbers = columns_by_header(
            headers,
            {column.key: column.header for column in COLUMNS},
            _stamped_columns(stamp.get(COLUMNS_KEY, "")),
            f"{source}: sheet '{sheet}' row {header_row}",
        )
        rows = [_template_row(sheet, values, numbers, number) for number, values in read]
        contributor = _contributor(workbook, stamp, source, limits)
    return FilledTemplate(origin=origin, contributor=contributor, rows=rows)


def _header_row(stamp: dict[str, str], source: str) -> int:
    listed = stamp.get(HEADER_ROW_KEY) or str(HEADER_ROW)
    try:
        row = int(listed)
    except ValueError:
        row = 0
    if row < 1:
        raise RoamError(
            f"{source}: the template's stamp names header row {listed!r}, which is not a row; "
            f"was the hidden _roam sheet edited?"
        )
    return row


def _format_of(stamp: dict[str, str]) -> int:
    try:
        return int(stamp[FORMAT_KEY])
    except ValueError:
        return TEMPLATE_FORMAT + 1  # unreadable: treat as a format this roam does not know


def _stamped_columns(listed: str) -> list[str]:
    """The column keys the template was made with, as its stamp lists them."""
    return [key for key in listed.split(",") if key] or [column.key for column in COLUMNS]


def _template_row(
    sheet: str, values: tuple[CellData, ...], numbers: dict[str, int], row: int
) -> TemplateRow:
    def cell(key: str) -> CellValue:
        column = numbers.get(key, 0)
        value = values[column - 1] if 0 < column <= len(values) else None
        return CellValue(CellRef(sheet, cell_name(column or 1, row)), value)

    groups = tuple(
        EvidenceCells(
            kind=cell(f"evidence{g}.kind"),
            citation=cell(f"evidence{g}.citation"),
            link=cell(f"evidence{g}.link"),
            date=cell(f"evidence{g}.date"),
        )
        for g in range(1, EVIDENCE_GROUPS + 1)
        if f"evidence{g}.citation" in numbers
    )
    return TemplateRow(
        code=cell("code"),
        status=cell("status"),
        level=cell("level"),
        value=cell("value"),
        year=cell("year"),
        justification=cell("justification"),
        confidence=cell("confidence"),
        evidence=groups,
    )


def _contributor(
    workbook: Workbook, stamp: dict[str, str], source: str, limits: WorkbookLimits
) -> str | None:
    name = _stamped_cell(workbook, stamp.get(CONTRIBUTOR_KEY, ""), source, limits)
    organisation = _stamped_cell(workbook, stamp.get(ORGANISATION_KEY, ""), source, limits)
    # The size policy: a name too long for the history (it repeats per change) is no name.
    return person_name(
        f"{name} ({organisation})" if name and organisation else name or organisation
    )


def _stamped_cell(workbook: Workbook, where: str, source: str, limits: WorkbookLimits) -> str:
    """The text in the cell the stamp names as ``Sheet!B12``; '' if there is none."""
    sheet, _, name = where.partition("!")
    if sheet not in workbook.sheetnames:
        return ""
    try:
        letters, row = coordinate_from_string(name)
    except (ValueError, CellCoordinatesException):
        return ""
    if row < 1:
        return ""
    column = column_index_from_string(letters)
    for number, values in sheet_rows(workbook, sheet, source, limits, row):
        value = values[column - 1] if column <= len(values) else None
        cell = CellValue(CellRef(sheet, name), value)
        # A name typed as "=..." became a formula: not a name roam can record.
        return cell.text if number == row and cell.not_text is None else ""
    return ""
