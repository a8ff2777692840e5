"""The template's input cells: drop-down lists and the checks Excel makes as one types.

Excel limits a list written into a validation to 255 characters; longer lists go
to the hidden Lists sheet.  Each distinct rule is one validation over many cells.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from roam.assessment.model import EVIDENCE_KINDS, STATUSES
from roam.exchange.workbook_labels import value_label
from roam.framework.model import Framework, IndicatorPlace, ScaledIndicator
from roam.framework.text import localize
from roam.workbooks.inert_cells import clean_text
from roam.workbooks.sheet_names import sheet_reference
from roam.workbooks.template_layout import COLUMN_NUMBER, EVIDENCE_GROUPS

MAX_INLINE_LIST = 255  # Excel's limit on a list written into a data validation
CONFIDENCES = ("low", "medium", "high")


class ListSheet:
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


class InputValidations:
    """The drop-downs and checks of the Answers sheet, one validation per distinct rule."""

    def __init__(self, sheet: Worksheet, lists: ListSheet, lang: str) -> None:
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
