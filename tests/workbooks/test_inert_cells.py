"""The safe cell writer: typed text never becomes a formula, and every file stays valid."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from roam.workbooks.inert_cells import (
    MAX_CELL_CHARS,
    TRUNCATION_MARKER,
    cell_text,
    clean_text,
    is_formula_like,
    put,
    text_from_cell,
)
from roam.workbooks.sheet_names import safe_sheet_title, sheet_reference
from roam.workbooks.styles import TEXT, install_styles
from tests.helpers.hostile_text import (
    CONTROL_CORPUS,
    FORMULA_CORPUS,
    FULL_WIDTH,
    HIDDEN_CORPUS,
    PLAIN_CORPUS,
)


def _round_trip(tmp_path: Path, values: list[str], styled: bool) -> tuple[Path, list[object]]:
    workbook = Workbook()
    sheet = workbook.active
    writer = install_styles(workbook) if styled else None
    for row, value in enumerate(values, start=1):
        if writer is None:
            put(sheet, row, 1, value)
        else:
            writer.put(sheet, row, 1, value, TEXT)
    path = tmp_path / "cells.xlsx"
    workbook.save(path)
    sheet = load_workbook(path).active
    cells = [sheet.cell(row, 1) for row in range(1, len(values) + 1)]
    assert all(cell.data_type != "f" for cell in cells)
    return path, [cell.value for cell in cells]


def _sheet_xml(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as archive:
        return [archive.read(n) for n in archive.namelist() if n.endswith(".xml")]


@pytest.mark.parametrize("styled", [False, True], ids=["plain", "styled"])
def test_formula_like_text_is_stored_inert_and_reads_back_whole(tmp_path: Path, styled: bool):
    corpus = FORMULA_CORPUS + HIDDEN_CORPUS + FULL_WIDTH
    path, values = _round_trip(tmp_path, corpus, styled)
    # The value itself starts with an apostrophe: a CSV export writes it as it is.
    assert values == ["'" + clean_text(text) for text in corpus]
    assert [text_from_cell(str(value)) for value in values] == [clean_text(t) for t in corpus]
    for part in _sheet_xml(path):
        etree.fromstring(part)  # every part is well-formed XML
        assert b"<f>" not in part and b"<f " not in part


@pytest.mark.parametrize("text", HIDDEN_CORPUS + FULL_WIDTH)
def test_what_spreadsheets_skip_or_fold_does_not_hide_a_formula(text: str):
    assert is_formula_like(clean_text(text))
    assert cell_text(text).startswith("'")


def test_text_no_spreadsheet_runs_is_stored_as_typed(tmp_path: Path):
    _, values = _round_trip(tmp_path, PLAIN_CORPUS, styled=True)
    assert values == PLAIN_CORPUS
    assert [text_from_cell(str(v)) for v in values] == PLAIN_CORPUS


@given(st.text(max_size=40))
def test_the_inert_mark_comes_off_exactly(text: str):
    stored = cell_text(text)
    assert not is_formula_like(stored)
    assert text_from_cell(stored) == clean_text(text)


def test_styled_formula_like_text_carries_the_quote_prefix(tmp_path: Path):
    workbook = Workbook()
    writer = install_styles(workbook)
    sheet = workbook.active
    writer.put(sheet, 1, 1, "=1+1", TEXT)
    writer.put(sheet, 2, 1, "plain", TEXT)
    writer.put(sheet, 3, 1, "\x07=1+1", TEXT)  # decided after cleaning
    path = tmp_path / "prefix.xlsx"
    workbook.save(path)
    sheet = load_workbook(path).active
    assert sheet["A1"].quotePrefix
    assert not sheet["A2"].quotePrefix
    assert sheet["A3"].quotePrefix and sheet["A3"].value == "'=1+1"
    assert sheet["A1"].alignment.wrap_text  # the style is kept besides the prefix


def test_control_characters_are_removed_and_the_file_is_valid_xml(tmp_path: Path):
    path, values = _round_trip(tmp_path, [raw for raw, _ in CONTROL_CORPUS], styled=True)
    assert values == [expected for _, expected in CONTROL_CORPUS]
    for part in _sheet_xml(path):
        etree.fromstring(part)


def test_every_character_openpyxl_refuses_is_removed():
    refused = "".join(chr(c) for c in range(0x20) if ILLEGAL_CHARACTERS_RE.match(chr(c)))
    assert len(refused) == 29  # the C0 controls but tab, line feed and carriage return
    assert clean_text(f"a{refused}b") == "ab"


def test_lone_surrogates_are_removed(tmp_path: Path):
    # The assessment model refuses them, but text reaches the writer from other places too.
    _, values = _round_trip(tmp_path, ["lone \ud800surrogate"], styled=False)
    assert values == ["lone surrogate"]


def test_text_over_the_cell_limit_is_cut_with_a_visible_marker():
    text = "x" * 40_000
    cut = clean_text(text)
    assert len(cut) == MAX_CELL_CHARS
    assert cut.endswith(TRUNCATION_MARKER)
    assert cut.startswith("x" * 1000)
    assert clean_text("y" * MAX_CELL_CHARS) == "y" * MAX_CELL_CHARS  # exactly at the limit


def test_numbers_dates_and_times_keep_their_types(tmp_path: Path):
    workbook = Workbook()
    sheet = workbook.active
    put(sheet, 1, 1, 73.25)
    put(sheet, 2, 1, dt.date(2024, 3, 1))
    # 12:30 in UTC+2 is 10:30 UTC: Excel has no time zones, so UTC wall time is stored.
    put(sheet, 3, 1, dt.datetime(2024, 4, 2, 12, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))))
    put(sheet, 4, 1, float("nan"))
    path = tmp_path / "types.xlsx"
    workbook.save(path)
    sheet = load_workbook(path).active
    assert sheet["A1"].value == 73.25
    assert sheet["A2"].value == dt.datetime(2024, 3, 1)
    assert sheet["A3"].value == dt.datetime(2024, 4, 2, 10, 30)
    assert sheet["A4"].value == "nan"


def test_sheet_titles_are_valid_unique_and_cut_at_a_word():
    assert safe_sheet_title("M Multistakeholder participation") == "M Multistakeholder"
    assert safe_sheet_title("R: Rights/Droits?") == "R- Rights-Droits-"
    assert safe_sheet_title("Rights", taken=["rights"]) == "Rights (2)"
    assert len(safe_sheet_title("x" * 50)) == 31


def test_sheet_references_quote_apostrophes():
    assert sheet_reference("Droits de l'homme", "B7") == "'Droits de l''homme'!B7"
