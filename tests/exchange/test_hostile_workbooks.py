"""Hostile files are refused with one clear line, and the assessment stays as it was.

The zip bomb and the entity-expansion workbooks are built here from a real
template, so each differs from a file roam accepts in one hostile detail only.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from roam.errors import SourceError
from roam.workbooks.filled_template_reader import read_filled_template
from roam.workbooks.untrusted_xlsx import (
    WorkbookLimits,
    check_workbook_bytes,
    open_untrusted_workbook,
    sheet_rows,
)
from tests.helpers.exchange_workbooks import ANSWERS_PART, rewrite, run

BILLION_LAUGHS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    )
    + "]>\n"
)


def add_member(source: Path, target: Path, name: str, data: bytes) -> Path:
    rewrite(source, target, "", lambda b: b)
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return target


def without_prolog(xml: bytes) -> bytes:
    return re.sub(rb"^<\?xml[^>]*\?>\s*", b"", xml)


def assert_refused(assessment_file: Path, workbook: Path, message: str) -> None:
    """Both imports refuse ``workbook`` with one line naming it, and change nothing."""
    before = assessment_file.read_bytes()
    for command in ("import-answers", "import-review"):
        result = run(command, assessment_file, workbook)
        assert result.exit_code == 2, result.output
        assert result.output.startswith(f"{workbook}: ")
        assert message in result.output
        assert len(result.output.strip().splitlines()) == 1
        assert "Traceback" not in result.output
    assert assessment_file.read_bytes() == before
    assert not (assessment_file.parent / f".{assessment_file.name}.lock").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"code,status\nR.A.1.a,answered\n", "not a zip archive (it looks like a text file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "it looks like an old .xls file"),
        (b"", "not a zip archive"),
        (bytes(range(256)) * 4, "not a zip archive"),
        (b"PK\x03\x04 broken", "the zip archive is damaged"),
    ],
    ids=["csv", "xls", "empty", "binary", "truncated-zip"],
)
def test_files_that_are_not_xlsx(assessment_file: Path, content: bytes, message: str) -> None:
    workbook = assessment_file.parent / "sent.xlsx"
    workbook.write_bytes(content)
    assert_refused(assessment_file, workbook, message)


def test_a_zip_that_is_not_a_workbook(assessment_file: Path) -> None:
    workbook = assessment_file.parent / "photos.xlsx"
    with zipfile.ZipFile(workbook, "w") as archive:
        archive.writestr("holiday.txt", "not a spreadsheet")
    assert_refused(assessment_file, workbook, "the zip archive has no workbook part")


def test_a_missing_file(assessment_file: Path) -> None:
    assert_refused(assessment_file, assessment_file.parent / "nowhere.xlsx", "no such file")


def test_zip_bomb_is_refused_before_inflating(assessment_file: Path, template: Path) -> None:
    # 64 MB of zeros deflate to about 64 KB: a ratio near 1000, far above any real part.
    bomb = add_member(
        template, template.with_name("bomb.xlsx"), "xl/media/image1.png", bytes(64 * 1024 * 1024)
    )
    assert bomb.stat().st_size < 1024 * 1024
    assert_refused(assessment_file, bomb, "refused as a possible zip bomb")


def test_total_unpacked_size_is_capped(template: Path) -> None:
    content = template.read_bytes()
    unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(content)).infolist())
    check_workbook_bytes(content, "t.xlsx", WorkbookLimits(max_uncompressed_bytes=unpacked))
    with pytest.raises(SourceError, match="unpacks to more than"):
        check_workbook_bytes(content, "t.xlsx", WorkbookLimits(max_uncompressed_bytes=unpacked - 1))


def test_entity_expansion_is_refused(assessment_file: Path, template: Path) -> None:
    def laughs(xml: bytes) -> bytes:
        body = without_prolog(xml).replace(b"<v>", b"<v>&lol9;", 1)
        return BILLION_LAUGHS.encode() + body

    hostile = rewrite(template, template.with_name("laughs.xlsx"), ANSWERS_PART, laughs)
    assert_refused(assessment_file, hostile, "declares a document type (XML entities)")


def test_external_entity_is_refused(assessment_file: Path, template: Path) -> None:
    def xxe(xml: bytes) -> bytes:
        declaration = b'<!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        return declaration + without_prolog(xml)

    hostile = rewrite(template, template.with_name("xxe.xlsx"), "xl/workbook.xml", xxe)
    assert_refused(assessment_file, hostile, "declares a document type")


def test_entities_hidden_past_the_scan_are_still_refused(
    assessment_file: Path, template: Path
) -> None:
    # A long comment pushes the DOCTYPE past roam's own scan; defusedxml still refuses it.
    def hidden(xml: bytes) -> bytes:
        padding = b"<!--" + b" " * 70_000 + b"-->"
        return padding + BILLION_LAUGHS.encode().split(b"\n", 1)[1] + without_prolog(xml)

    hostile = rewrite(template, template.with_name("hidden.xlsx"), ANSWERS_PART, hidden)
    assert_refused(assessment_file, hostile, "refuses as unsafe")


def test_a_sheet_declaring_a_million_rows_is_refused_unread(
    assessment_file: Path, template: Path
) -> None:
    def huge(xml: bytes) -> bytes:
        return re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:V1048576"', xml)

    hostile = rewrite(template, template.with_name("huge.xlsx"), ANSWERS_PART, huge)
    assert b"A1:V1048576" in zipfile.ZipFile(hostile).read(ANSWERS_PART)
    # import-review reads every sheet, import-answers the Answers sheet: both refuse.
    assert_refused(assessment_file, hostile, "declares 1,048,576 rows")


def test_rows_are_counted_even_without_a_dimension(template: Path) -> None:
    def undeclared(xml: bytes) -> bytes:
        return re.sub(rb"<dimension [^>]*/>", b"", xml)

    hostile = rewrite(template, template.with_name("undeclared.xlsx"), ANSWERS_PART, undeclared)
    assert len(read_filled_template(hostile).rows) == 6  # the real size reads fine
    with open_untrusted_workbook(hostile) as workbook:
        assert workbook["Answers"].max_row is None  # nothing declared: openpyxl cannot tell
        rows = sheet_rows(workbook, "Answers", str(hostile), WorkbookLimits(max_rows=8))
        with pytest.raises(SourceError, match="sheet 'Answers' has more than 8 rows"):
            list(rows)
