"""Opening a workbook someone sent us, without trusting it.

A workbook that comes back from a liaison or a stakeholder is untrusted input.
Before openpyxl sees it, the file is read into memory once (so it cannot change
between the checks and the parse) and checked as a zip archive:

- it must be a zip holding ``xl/workbook.xml`` (anything else is not xlsx);
- the uncompressed sizes the archive declares are capped, in total and per
  member, and so is each member's compression ratio: a zip bomb is refused
  before a byte of it is inflated.  Python's zipfile never inflates a member
  past its declared size, so a bomb that lies about its size is cut short and
  fails its checksum instead;
- no XML part may carry a document type declaration: xlsx never needs one, and
  it is how entity-expansion ("billion laughs") and external-entity tricks
  start.  defusedxml, which openpyxl uses when installed, refuses them as well.

openpyxl then loads the workbook in read-only mode, and every sheet's declared
dimension is checked before its rows are read.  The declared dimension is not
trusted for anything else: rows are read to the sheet's real end (a sheet may
omit or misstate its dimension, and rows past it must not be lost), counted as
they are read, and each row's width is checked too.

Formulas are never evaluated, and their stored results are not used: a cell
holding a formula or an error value is read as a
:class:`~roam.exchange.read_cells.NotText`, which the importers report as a bad cell.
Such cells are text a person typed that Excel or LibreOffice turned into a
formula (anything starting with ``=``, ``+`` or ``-`` in a General cell).  A
date-formatted number that no date has is a ``NotText`` too, and openpyxl's warnings
are kept from the user's terminal (see ``_openpyxl_warnings``).

Every refusal is a :class:`~roam.errors.SourceError` naming the file and the
reason, so nothing the file does reaches the user as a traceback.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from roam.bounded_read import NotRegularFileError, read_at_most
from roam.errors import SourceError
from roam.exchange.read_cells import CellData, NotText
from roam.workbooks.inert_cells import text_from_cell
from roam.workbooks.workbook_parts import (
    DamagedPartError,
    PartLimits,
    PartOverLimitError,
    count_parts,
)

_MB = 1024 * 1024
# Only a document type declaration can define entities; the root element ends the prolog.
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_ROOT_START = re.compile(rb"<[A-Za-z_]")
_PROLOG_SCAN_BYTES = 64 * 1024
_OPENPYXL_BAD_DATE = re.compile(
    r"Cell (?P<cell>[A-Z]+[0-9]+) is marked as a date "
    r"but the serial value (?P<serial>\S+) is outside"
)


@dataclass(frozen=True, slots=True)
class WorkbookLimits:
    """How large a workbook we accept; far above any real report or template."""

    max_file_bytes: int = 50 * _MB
    max_uncompressed_bytes: int = 400 * _MB
    max_member_ratio: float = 200.0  # checked for members over one megabyte
    max_members: int = 5_000
    max_sheets: int = 200
    max_rows: int = 20_000
    max_columns: int = 1_000
    max_shared_strings: int = 200_000
    max_xml_elements: int = 2_000_000
    max_part_elements: int = 100_000  # in a part other than a sheet or the shared strings

    @property
    def parts(self) -> PartLimits:
        return PartLimits(
            self.max_rows, self.max_shared_strings, self.max_xml_elements, self.max_part_elements
        )


DEFAULT_LIMITS = WorkbookLimits()


def check_workbook_bytes(
    content: bytes, name: str, limits: WorkbookLimits = DEFAULT_LIMITS
) -> None:
    """Raise :class:`SourceError` unless ``content`` looks like a safe xlsx archive."""
    if len(content) > limits.max_file_bytes:
        _refuse(
            name,
            f"the file is {_size(len(content))}; roam reads workbooks up to "
            f"{_size(limits.max_file_bytes)}",
        )
    if not content.startswith(b"PK"):
        _refuse(
            name,
            "not an Excel workbook (.xlsx): the file is not a zip archive" + _format_hint(content),
        )
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
            _check_members(name, members, limits)
            _check_prologs(name, archive, members)
            # Inflate every member once (bounded by the sizes just checked), counting its
            # rows, shared strings and elements (see roam.workbooks.workbook_parts), so a
            # corrupt or overfull member fails here with one message, not later inside
            # openpyxl, which reads the shared strings and undimensioned sheets whole.
            count_parts(archive, limits.parts)
    except PartOverLimitError as exc:
        _refuse(name, str(exc))
    except DamagedPartError as exc:
        _refuse(name, f"not a readable xlsx workbook: part '{exc}' is damaged")
    except (
        zlib.error,
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        EOFError,
        RuntimeError,
        ValueError,
        OSError,
    ) as exc:
        _refuse(name, f"not a readable xlsx workbook: the zip archive is damaged ({exc})")


def _format_hint(content: bytes) -> str:
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        return " (it looks like an old .xls file or an encrypted workbook; save it as .xlsx)"
    head = content[:4096]
    if head and b"\0" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:  # not just a character cut at the end
                return ""
        return " (it looks like a text file, such as CSV; save it as .xlsx)"
    return ""


def _check_members(name: str, members: list[zipfile.ZipInfo], limits: WorkbookLimits) -> None:
    if len(members) > limits.max_members:
        _refuse(
            name,
            f"the archive holds {len(members)} parts; a workbook has far fewer "
            f"(limit {limits.max_members})",
        )
    names = {member.filename for member in members}
    if "xl/workbook.xml" not in names and "[Content_Types].xml" not in names:
        _refuse(
            name,
            "not an Excel workbook (.xlsx): the zip archive has no workbook part "
            "(is it a .docx, .ods or another zip file?)",
        )
    if "xl/workbook.xml" not in names:
        _refuse(name, "not an Excel workbook (.xlsx): the zip archive has no xl/workbook.xml")
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            _refuse(name, "the workbook is encrypted; remove its password and save it again")
        total += member.file_size
        if total > limits.max_uncompressed_bytes:
            _refuse(
                name,
                f"the archive unpacks to more than {_size(limits.max_uncompressed_bytes)}"
                f"; refused as a possible zip bomb",
            )
        if member.file_size > _MB:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > limits.max_member_ratio:
                _refuse(
                    name,
                    f"part {member.filename} would unpack {ratio:.0f} times its size "
                    f"({_size(member.file_size)}); refused as a possible zip bomb",
                )


def _check_prologs(name: str, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    for member in members:
        if not member.filename.endswith((".xml", ".rels", ".vml")):
            continue
        with archive.open(member) as stream:
            head = stream.read(_PROLOG_SCAN_BYTES)
        if _DOCTYPE.search(_prolog(head)):
            _refuse(
                name,
                f"part {member.filename} declares a document type (XML entities); "
                f"xlsx never needs one, so the file is refused as unsafe",
            )


def _prolog(head: bytes) -> bytes:
    """The bytes before the root element (all of ``head`` if the root is not in it)."""
    position = 0
    while True:
        match = _ROOT_START.search(head, position)
        if match is None:
            return head
        before = head[: match.start()]
        # `<?xml ...?>`, comments and DOCTYPE start with `<?` or `<!`, never `<letter`.
        if before.count(b"<!--") == before.count(b"-->"):
            return before
        position = match.end()


@contextlib.contextmanager
def open_untrusted_workbook(
    path: str | Path, limits: WorkbookLimits = DEFAULT_LIMITS
) -> Iterator[Workbook]:
    """Check ``path`` (see the module notes) and yield it loaded read-only, formulas as formulas.

    Raises :class:`SourceError` for a missing, unsafe or unreadable file.
    """
    name = str(path)
    content = _read_bounded(Path(path), name, limits)
    check_workbook_bytes(content, name, limits)
    try:
        # data_only=False: a formula must be seen as one (see the module notes), not as
        # its cached result, which may be an error, a stale value, or missing.
        with _openpyxl_warnings():
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl reports bad parts with many exception types
        _refuse(name, f"not a readable xlsx workbook: {_reason(exc)}")
    try:
        if len(workbook.sheetnames) > limits.max_sheets:
            _refuse(
                name,
                f"the workbook has {len(workbook.sheetnames)} sheets (limit {limits.max_sheets})",
            )
        yield workbook
    finally:
        workbook.close()


def _read_bounded(path: Path, name: str, limits: WorkbookLimits) -> bytes:
    try:
        content = read_at_most(path, limits.max_file_bytes)
    except FileNotFoundError:
        _refuse(name, "no such file")
    except IsADirectoryError:
        _refuse(name, "is a folder, not a workbook")
    except NotRegularFileError as exc:
        _refuse(name, f"{exc}; roam reads workbooks from files only")
    except OSError as exc:
        _refuse(name, f"cannot read it: {exc.strerror or exc}")
    return content


def _reason(exc: BaseException) -> str:
    """One line about why openpyxl or the XML parser gave up."""
    cause = exc.__cause__ or exc
    text = str(cause).splitlines()[0] if str(cause) else ""
    kind = type(cause).__name__
    if "Forbidden" in kind:  # defusedxml's EntitiesForbidden, DTDForbidden, ...
        return "it uses XML entities or a document type, which roam refuses as unsafe"
    return f"{kind}: {text}" if text else kind


def sheet_rows(
    workbook: Workbook,
    title: str,
    source: str,
    limits: WorkbookLimits = DEFAULT_LIMITS,
    min_row: int = 1,
) -> Iterator[tuple[int, tuple[CellData, ...]]]:
    """(row number, values) of sheet ``title``, refusing oversized sheets before reading them.

    ``source`` names the file in error messages.  A sheet declaring too many rows or
    columns is refused before any row is read; the declaration is otherwise ignored,
    so rows and columns past it are read (and counted) like the others.  A formula
    or error cell comes back as a :class:`NotText`.
    """
    with _openpyxl_warnings():
        sheet = workbook[title]
    declared_rows = sheet.max_row or 0
    declared_columns = sheet.max_column or 0
    if declared_rows > limits.max_rows:
        _refuse(
            source,
            f"sheet '{title}' declares {declared_rows:,} rows; roam reads at most "
            f"{limits.max_rows:,} (is this the workbook roam made?)",
        )
    if declared_columns > limits.max_columns:
        _refuse(
            source,
            f"sheet '{title}' declares {declared_columns:,} columns; roam reads at "
            f"most {limits.max_columns:,}",
        )
    reset = getattr(sheet, "reset_dimensions", None)
    if reset is not None:
        reset()  # read to the real end of the sheet, whatever its <dimension> says
    try:
        # Without max_row and max_col, openpyxl reads every row the sheet holds,
        # each as wide as its last cell.
        rows = sheet.iter_rows(min_row=min_row)
        for number in itertools.count(min_row):
            cells, bad_dates = _next_row(rows)
            if cells is None:
                break
            if number > limits.max_rows:
                _refuse(source, f"sheet '{title}' has more than {limits.max_rows:,} rows")
            values = _trimmed(tuple(_cell_data(cell, bad_dates) for cell in cells))
            if len(values) > limits.max_columns:
                _refuse(
                    source,
                    f"sheet '{title}' has cells past column {limits.max_columns:,} (row {number})",
                )
            yield number, values
    except SourceError:
        raise
    except Exception as exc:
        _refuse(source, f"sheet '{title}' cannot be read: {_reason(exc)}")


@contextlib.contextmanager
def _openpyxl_warnings() -> Iterator[list[warnings.WarningMessage]]:
    """Collect openpyxl's warnings instead of letting Python print them.

    Printed, a warning reaches the user's terminal as a line of openpyxl's source.  What
    it says (a part it ignores, an extension it does not support, a date it could not
    convert) is either nothing the user can act on or, for the dates, reported by roam
    cell by cell (see ``_next_row``).
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught


def _next_row(rows: Iterator[tuple[Any, ...]]) -> tuple[tuple[Any, ...] | None, dict[str, str]]:
    """The next row's cells, and the serials of its date cells openpyxl could not convert.

    openpyxl reads a date-formatted number outside the calendar as ``#VALUE!`` and says
    so only in a warning, which is where the number is kept.
    """
    with _openpyxl_warnings() as caught:
        cells = next(rows, None)
    bad_dates = {}
    for warning in caught:
        match = _OPENPYXL_BAD_DATE.match(str(warning.message))
        if match:
            bad_dates[match["cell"]] = match["serial"]
    return cells, bad_dates


def _cell_data(cell: Any, bad_dates: dict[str, str]) -> CellData:
    """A cell's value; a formula, an error value or an impossible date as :class:`NotText`."""
    value = cell.value
    kind = getattr(cell, "data_type", None)
    if bad_dates and getattr(cell, "coordinate", None) in bad_dates:
        return NotText("date", bad_dates[cell.coordinate])
    if kind == "f" and value is not None:
        text = getattr(value, "text", None)  # ArrayFormula keeps its formula in .text
        return NotText("formula", str(text if isinstance(text, str) else value))
    if kind == "e" and value is not None:
        return NotText("error", str(value))
    if isinstance(value, str):
        return text_from_cell(value)  # without the mark that kept roam's text inert
    return value  # type: ignore[no-any-return]


def _trimmed(values: tuple[CellData, ...]) -> tuple[CellData, ...]:
    end = len(values)
    while end and values[end - 1] in (None, ""):
        end -= 1
    return tuple(values[:end])


def cell_name(column: int, row: int) -> str:
    """``F12`` for column 6, row 12: how a user finds the cell in Excel."""
    return f"{get_column_letter(column)}{row}"


def _size(count: int) -> str:
    return f"{count / _MB:.0f} MB" if count >= _MB else f"{count:,} bytes"


def _refuse(name: str, message: str) -> NoReturn:
    raise SourceError.single(name, message)
