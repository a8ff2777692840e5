"""Inputs that would make roam read without bound are refused early, with exit 2.

The hostile files are built here: a shared-strings table far larger than any
workbook needs, a sheet of rows without a ``<dimension>``, a device and a named
pipe given as a file.  "Early" is measured by what was read, never by the clock:
the counting stops at the limit, and openpyxl never sees the file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from roam.bounded_read import NotRegularFileError, read_at_most
from roam.errors import SourceError
from roam.workbooks import untrusted_xlsx
from roam.workbooks.untrusted_xlsx import WorkbookLimits, open_untrusted_workbook
from roam.workbooks.workbook_parts import PartLimits, PartOverLimitError, count_parts
from tests.helpers.exchange_workbooks import run

ANSWERS_PART = "xl/worksheets/sheet2.xml"
SHARED_STRINGS = "xl/sharedStrings.xml"
MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SST_TYPE = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def with_parts(template: Path, target: Path, parts: dict[str, Iterator[bytes]]) -> Path:
    """``template`` with ``parts`` replaced or added, each streamed into the archive."""
    with (
        zipfile.ZipFile(template) as old,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for info in old.infolist():
            if info.filename in parts:
                continue
            data = old.read(info)
            if info.filename == "[Content_Types].xml" and SHARED_STRINGS in parts:
                override = b'<Override PartName="/' + SHARED_STRINGS.encode()
                data = data.replace(
                    b"</Types>", override + b'" ContentType="' + SST_TYPE + b'"/></Types>'
                )
            new.writestr(info, data)
        for name, pieces in parts.items():
            with new.open(name, "w") as stream:
                for piece in pieces:
                    stream.write(piece)
    return target


def shared_strings(count: int, tail: bytes = b"</sst>") -> Iterator[bytes]:
    """A table of ``count`` distinct strings, none used by any cell, then ``tail``."""
    yield b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="' + MAIN + b'">'
    for start in range(0, count, 10_000):
        stop = min(count, start + 10_000)
        yield b"".join(b"<si><t>s%d</t></si>" % n for n in range(start, stop))
    yield tail


def undimensioned_rows(count: int, tail: bytes = b"</sheetData></worksheet>") -> Iterator[bytes]:
    """A sheet of ``count`` one-cell rows and no ``<dimension>``, then ``tail``."""
    yield b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="' + MAIN + b'"><sheetData>'
    for start in range(1, count + 1, 10_000):
        stop = min(count + 1, start + 10_000)
        yield b"".join(
            b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>X.%d</t></is></c></row>' % (n, n, n)
            for n in range(start, stop)
        )
    yield tail


@pytest.fixture
def openpyxl_never_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if the workbook reaches openpyxl: it must be refused before."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("openpyxl was asked to load a workbook that should be refused")

    monkeypatch.setattr(untrusted_xlsx, "load_workbook", refuse)


def test_sixteen_million_shared_strings_are_not_read(template: Path) -> None:
    # Fifty times the limit, and a damaged end that openpyxl would fail on.
    hostile = with_parts(
        template,
        template.with_name("strings.xlsx"),
        {SHARED_STRINGS: shared_strings(50_000, tail=b"<si><t>unfinished")},
    )
    part_size = zipfile.ZipFile(hostile).getinfo(SHARED_STRINGS).file_size
    with zipfile.ZipFile(hostile) as archive, pytest.raises(PartOverLimitError) as caught:
        count_parts(
            archive,
            PartLimits(
                max_rows=100, max_shared_strings=1_000, max_elements=10**9, max_part_elements=10**9
            ),
        )
    assert "more than 1,000 shared strings" in str(caught.value)
    assert caught.value.counts.shared_strings < 10_000
    assert caught.value.counts.bytes_read < part_size / 2


def test_a_workbook_over_the_shared_string_limit_exits_2(
    assessment_file: Path, template: Path, openpyxl_never_loads: None
) -> None:
    limit = WorkbookLimits().max_shared_strings
    hostile = with_parts(
        template, template.with_name("strings.xlsx"), {SHARED_STRINGS: shared_strings(limit + 1)}
    )
    before = assessment_file.read_bytes()
    for command in ("import-answers", "import-review"):
        result = run(command, assessment_file, hostile)
        assert result.exit_code == 2, result.output
        assert result.output.startswith(f"{hostile}: the workbook holds more than 200,000 shared")
    assert assessment_file.read_bytes() == before


def test_a_sheet_without_dimension_is_refused_at_the_row_limit(
    assessment_file: Path, template: Path, openpyxl_never_loads: None
) -> None:
    limit = WorkbookLimits().max_rows
    hostile = with_parts(
        template,
        template.with_name("rows.xlsx"),
        {ANSWERS_PART: undimensioned_rows(limit + 10, tail=b"<row><c>unfinished")},
    )
    assert b"<dimension" not in zipfile.ZipFile(hostile).read(ANSWERS_PART)
    result = run("import-answers", assessment_file, hostile)
    assert result.exit_code == 2, result.output
    assert result.output == (
        f"{hostile}: sheet 'Answers' has more than 20,000 rows; roam reads at most 20,000 "
        f"(is this the workbook roam made?)\n"
    )


def test_counting_rows_stops_at_the_limit(template: Path) -> None:
    hostile = with_parts(
        template, template.with_name("rows.xlsx"), {ANSWERS_PART: undimensioned_rows(20_000)}
    )
    limits = WorkbookLimits(max_rows=500)
    refused = pytest.raises(SourceError, match="sheet 'Answers' has more than 500 rows")
    with refused, open_untrusted_workbook(hostile, limits):
        pass
    part_size = zipfile.ZipFile(hostile).getinfo(ANSWERS_PART).file_size
    with zipfile.ZipFile(hostile) as archive, pytest.raises(PartOverLimitError) as caught:
        count_parts(
            archive,
            PartLimits(
                max_rows=500, max_shared_strings=10, max_elements=10**9, max_part_elements=10**9
            ),
        )
    assert caught.value.counts.bytes_read < part_size / 2


def test_every_element_counts_against_a_budget(template: Path) -> None:
    refused = pytest.raises(SourceError, match="more than 1,000 XML elements")
    with refused, open_untrusted_workbook(template, WorkbookLimits(max_xml_elements=1_000)):
        pass
    with open_untrusted_workbook(template) as workbook:  # the real template is far under it
        assert "Answers" in workbook.sheetnames


# --- files that are not files ----------------------------------------------------------


def test_a_regular_file_is_read_to_the_limit_and_one_byte_more(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 5000)
    assert read_at_most(big, 100) == b"x" * 101
    assert read_at_most(big, 5000) == b"x" * 5000


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_a_device_is_refused_before_reading(assessment_file: Path) -> None:
    with pytest.raises(NotRegularFileError, match="is a device"):
        read_at_most("/dev/zero", 10)
    for args in (("score", "/dev/zero"), ("check", "/dev/zero")):
        result = run(*args)
        assert result.exit_code == 2
        assert result.output == (
            "/dev/zero: is a device, not a regular file; roam reads YAML from files only\n"
        )
    result = run("import-review", assessment_file, "/dev/zero")
    assert result.exit_code == 2
    assert "/dev/zero: is a device, not a regular file" in result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "answers.yaml"
    os.mkfifo(pipe)
    # In a child: a reader that opened the pipe would wait for a writer for ever.
    code = f"from roam.cli.main import main; main(['score', {str(pipe)!r}])"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 2, done.stderr
    assert "is a named pipe (FIFO), not a regular file" in done.stdout + done.stderr


def test_a_bloated_styles_part_is_refused_before_openpyxl_parses_it(
    assessment_file: Path, template: Path, openpyxl_never_loads: None
) -> None:
    # openpyxl parses styles.xml whole when it opens a workbook: 1.5 million formats
    # kept it busy for 40 seconds. Distinct formats, so the zip-bomb ratio lets them by.
    def styles() -> Iterator[bytes]:
        original = zipfile.ZipFile(template).read("xl/styles.xml")
        start = original.index(b">", original.index(b"<cellXfs")) + 1
        yield original[:start]
        limit = WorkbookLimits().max_part_elements
        yield b"".join(b'<xf numFmtId="%d" fontId="0"/>' % (n * 7919) for n in range(limit + 1))
        yield original[start:]

    hostile = with_parts(template, template.with_name("styles.xlsx"), {"xl/styles.xml": styles()})
    result = run("import-answers", assessment_file, hostile)

    assert result.exit_code == 2, result.output
    assert result.output == (
        f"{hostile}: part xl/styles.xml holds more than 100,000 XML elements; a roam "
        f"workbook's parts other than its sheets have far fewer\n"
    )
