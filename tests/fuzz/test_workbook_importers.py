"""Fuzzing the workbook importers: edited, corrupted and random workbooks import or fail clearly.

Seeds: a data-collection template and an exported report of the demo
assessment on the small test edition.  Each case edits the seed the way a
person or a broken program might (cells set to anything, rows inserted or
deleted, sheets renamed or dropped), or damages the file itself (bytes
flipped, truncated, XML parts rewritten), then imports it into a copy of the
assessment.  Whatever imports must leave an assessment that saves and loads.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, reject
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell

from roam.assessment.loader import read_assessment
from roam.assessment.model import Assessment
from roam.assessment.storage import assessment_yaml, save_assessment
from roam.demo import make_demo
from roam.exchange.answer_import import import_answers
from roam.exchange.review import import_review
from roam.framework.loader import load_framework
from roam.framework.model import Framework
from roam.workbooks.filled_template_reader import read_filled_template
from roam.workbooks.liaison_review import read_reviewed_workbook
from roam.workbooks.template_writer import write_template
from tests.fuzz.support import FUZZ, TOKENS, costly, holds_contract
from tests.helpers.files import MINI_FRAMEWORK

WHEN = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC)

CELL_WORDS = [
    "answered", "no data", "not applicable", "not assessed", "Low", "Mid", "High", "low",
    "accept", "query", "reject", "Accept", "R.A.1.a", "R.A.1.b", "R.A.2.a", "O.A.1.a",
    "C.1.1.a", "X.Z.9.z", "high", "medium", "law_or_regulation", "official statistic",
    "=1+1", "=HYPERLINK(\"http://x.example\")", "+1", "-1", "@SUM(A1)", "2020", "1899",
    "12.5 %", "1,234.5", "1.234,5", "n/a", "", " ", "2023-02-30", "31/12/2023",
]  # fmt: skip

cell_value = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2200, 1, 1)),
    st.sampled_from(CELL_WORDS + TOKENS),
    st.text(max_size=40),
    st.just("x" * 33_000),
).map(lambda v: ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v)


class Seeds:
    """The demo assessment on mini.yaml, its template and its report.

    A plain class, not a dataclass: hypothesis prints a dataclass field by
    field with every failing case, which here would be the whole workbooks.
    """

    def __init__(
        self, framework: Framework, assessment: Assessment, template: bytes, report: bytes | None
    ) -> None:
        self.framework = framework
        self.assessment = assessment
        self.template = template
        self.report = report

    def __repr__(self) -> str:
        return "Seeds(demo assessment on mini.yaml, its template and report)"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-workbooks")


@pytest.fixture(scope="module")
def seeds(folder: Path) -> Seeds:
    framework = load_framework(MINI_FRAMEWORK)
    path = folder / "examplia.yaml"
    assessment = make_demo(framework, path=path)
    save_assessment(assessment, path, framework)
    codes = [place.indicator.code for place in framework.iter_places()]
    template = write_template(assessment, framework, codes, folder / "template.xlsx")
    report: bytes | None = None
    try:
        from roam.workbooks.workbook import export_report
    except ImportError:
        pass
    else:
        report = export_report(assessment, folder / "report.xlsx", framework=framework).read_bytes()
    return Seeds(framework, assessment, template.read_bytes(), report)


# --- edits a person or a program might make -------------------------------------------------


@st.composite
def workbook_edits(draw: st.DrawFn) -> list[tuple[Any, ...]]:
    edits: list[tuple[Any, ...]] = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["cell"] * 6 + ["insert", "delete", "rename", "drop"]))
        sheet = draw(st.integers(0, 20))
        if kind == "cell":
            edits.append((kind, sheet, draw(st.integers(1, 40)), draw(st.integers(1, 30)),
                          draw(cell_value)))  # fmt: skip
        elif kind in ("insert", "delete"):
            edits.append((kind, sheet, draw(st.integers(1, 40)), draw(st.integers(1, 5))))
        elif kind == "rename":
            title = draw(st.sampled_from(["Answers", "_roam", "Sheet", "R", "x"]) | st.text(
                st.characters(blacklist_characters="[]:*?/\\", blacklist_categories=["Cs", "Cc"]),
                min_size=1, max_size=31))  # fmt: skip
            edits.append((kind, sheet, title))
        else:
            edits.append((kind, sheet))
    return edits


def _apply(workbook: Workbook, edits: list[tuple[Any, ...]]) -> None:
    for kind, sheet_index, *rest in edits:
        sheets = workbook.worksheets
        if not sheets:
            return
        sheet = sheets[sheet_index % len(sheets)]
        if kind == "cell":
            row, column, value = rest
            cell = sheet.cell(row=row, column=column)
            if not isinstance(cell, MergedCell):  # part of a merged range: not writable
                cell.value = value
        elif kind == "insert":
            sheet.insert_rows(rest[0], rest[1])
        elif kind == "delete":
            sheet.delete_rows(rest[0], rest[1])
        elif kind == "rename" and rest[0] not in workbook.sheetnames:
            sheet.title = rest[0]
        elif kind == "drop" and len(sheets) > 1:
            workbook.remove(sheet)


def _edited(seed: bytes, edits: list[tuple[Any, ...]]) -> bytes:
    workbook = load_workbook(io.BytesIO(seed))
    _apply(workbook, edits)
    buffer = io.BytesIO()
    try:
        workbook.save(buffer)
    except (ValueError, IndexError):  # openpyxl will not save it (no visible sheet left)
        reject()
    return buffer.getvalue()


# --- damage to the file itself ---------------------------------------------------------------


@st.composite
def damaged(draw: st.DrawFn, seed: bytes) -> bytes:
    kind = draw(st.sampled_from(["flip", "truncate", "xml", "xml", "random"]))
    if kind == "flip":
        data = bytearray(seed)
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    if kind == "truncate":
        return seed[: draw(st.integers(0, len(seed) - 1))]
    if kind == "random":
        return draw(st.binary(max_size=2000))
    return _rewritten_member(draw, seed)


def _rewritten_member(draw: st.DrawFn, seed: bytes) -> bytes:
    """The same archive with one XML part cut, spliced or given a hostile prolog."""
    with zipfile.ZipFile(io.BytesIO(seed)) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    name = draw(st.sampled_from(sorted(n for n in members if n.endswith((".xml", ".rels")))))
    text = members[name]
    change = draw(st.sampled_from(["cut", "splice", "doctype", "dimension"]))
    if change == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    elif change == "splice":
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(
            [b"<", b">", b"&", b"&x;", b"<c r=\"A1\"><v>1</v></c>", b"<row r=\"1048577\"/>",
             b"\x00", b"\xff\xfe", b"]]>", b"<!-- ", b"\"", b" t=\"s\""])) + text[at:]  # fmt: skip
    elif change == "doctype":
        text = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + text.split(b"?>", 1)[-1]
    else:
        text = text.replace(b'<dimension ref="', b'<dimension ref="A1:XFD1048576" old="', 1)
    members[name] = text
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member, content in members.items():
            target.writestr(member, content)
    return buffer.getvalue()


# --- the contract -----------------------------------------------------------------------------


def _import_into_copy(
    seeds: Seeds, path: Path, apply: Callable[[Assessment, Framework, Path], object]
) -> Assessment:
    assessment = seeds.assessment.model_copy(deep=True)
    apply(assessment, seeds.framework, path)
    return assessment


def _answers(assessment: Assessment, framework: Framework, path: Path) -> object:
    return import_answers(assessment, framework, read_filled_template(path), when=WHEN)


def _review(assessment: Assessment, framework: Framework, path: Path) -> object:
    return import_review(assessment, framework, read_reviewed_workbook(path), when=WHEN)


def _check(target: str, seeds: Seeds, folder: Path, content: bytes, apply: Any) -> None:
    path = folder / "incoming.xlsx"
    path.write_bytes(content)
    result = holds_contract(target, lambda: _import_into_copy(seeds, path, apply), [path])
    if isinstance(result, Assessment):
        # What an import leaves must save and load again: otherwise the next save loses data.
        saved = folder / "examplia-after-import.yaml"
        saved.write_text(assessment_yaml(result, seeds.framework), encoding="utf-8")
        assert read_assessment(saved).assessment == result


def test_the_seeds_import_cleanly(seeds: Seeds, folder: Path) -> None:
    path = folder / "seed-template.xlsx"
    path.write_bytes(seeds.template)
    _import_into_copy(seeds, path, _answers)
    if seeds.report is not None:
        path = folder / "seed-report.xlsx"
        path.write_bytes(seeds.report)
        _import_into_copy(seeds, path, _review)


@FUZZ
@given(edits=workbook_edits())
def test_edited_template(seeds: Seeds, folder: Path, edits: list[tuple[Any, ...]]) -> None:
    content = _edited(seeds.template, edits)
    _check("workbook: edited template (import-answers)", seeds, folder, content, _answers)


@FUZZ
@given(data=st.data())
def test_damaged_template(seeds: Seeds, folder: Path, data: st.DataObject) -> None:
    content = data.draw(damaged(seeds.template))
    _check("workbook: damaged template (import-answers)", seeds, folder, content, _answers)


@costly(4)  # a report is fifteen sheets to load and save for every case
@given(edits=workbook_edits())
def test_edited_report(seeds: Seeds, folder: Path, edits: list[tuple[Any, ...]]) -> None:
    if seeds.report is None:
        pytest.skip("report export has not landed")
    content = _edited(seeds.report, edits)
    _check("workbook: edited report (import-review)", seeds, folder, content, _review)


@FUZZ
@given(data=st.data())
def test_damaged_report(seeds: Seeds, folder: Path, data: st.DataObject) -> None:
    if seeds.report is None:
        pytest.skip("report export has not landed")
    content = data.draw(damaged(seeds.report))
    _check("workbook: damaged report (import-review)", seeds, folder, content, _review)
