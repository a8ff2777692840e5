"""Counting what a workbook's parts hold while they are inflated, before openpyxl parses them.

openpyxl reads the whole shared-strings table when it opens a workbook, and it
reads every sheet without a ``<dimension>`` to its end to learn its size, even in
read-only mode: a 42 MB workbook with 16 million unused shared strings, or a sheet
of a million rows, keeps it busy for minutes and gigabytes.  So every part is
inflated here first, in chunks, and its XML start tags are counted as they pass:
past a limit the file is refused at once, long before its end.

Counting start tags needs no XML parser: inside an element's text a ``<`` is always
written ``&lt;``, so each ``<`` followed by a letter starts an element (a comment or
CDATA section holding one is counted too, which only errs on the safe side).
Reading every part to its end also checks its checksum, as ``ZipFile.testzip`` does.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

_CHUNK = 64 * 1024
_SMALL_PART = 1024 * 1024
_WORKBOOK = "xl/workbook.xml"
_WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
_SHARED_STRINGS_PART = "xl/sharedStrings.xml"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ELEMENT = re.compile(rb"<[A-Za-z_]")
_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_SHARED_STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")


@dataclass(frozen=True, slots=True)
class PartLimits:
    max_rows: int  # row elements in one part (a sheet)
    max_shared_strings: int  # si elements in the whole workbook
    max_elements: int  # XML elements in the whole workbook
    max_part_elements: int  # XML elements in one part that is neither a sheet nor the strings


@dataclass(slots=True)
class PartCounts:
    """What has been counted so far; ``bytes_read`` is how far the counting got."""

    elements: int = 0
    shared_strings: int = 0
    bytes_read: int = 0


class PartOverLimitError(Exception):
    """A part holds more than a limit allows; the message says what and where."""

    def __init__(self, message: str, counts: PartCounts) -> None:
        super().__init__(message)
        self.counts = counts  # how far the counting got before it stopped


class DamagedPartError(Exception):
    """A member fails its checksum; the message is its name."""


def count_parts(archive: zipfile.ZipFile, limits: PartLimits) -> PartCounts:
    """Inflate every member of ``archive`` once, refusing one that holds too much.

    Raises :class:`PartOverLimitError` as soon as a limit is passed,
    :class:`DamagedPartError` for a member that fails its checksum, and the zipfile
    module's other errors for a damaged archive.
    """
    counts = PartCounts()
    large = _large_parts(archive)
    for member in archive.infolist():
        if member.is_dir():
            continue
        budget = None if member.filename in large else limits.max_part_elements
        try:
            _count_member(archive, member, limits, counts, budget)
        except zipfile.BadZipFile as exc:
            if "CRC" not in str(exc):
                raise
            raise DamagedPartError(member.filename) from None
    return counts


def _count_member(
    archive: zipfile.ZipFile,
    member: zipfile.ZipInfo,
    limits: PartLimits,
    counts: PartCounts,
    budget: int | None,
) -> None:
    """Count one member; ``budget`` caps its own elements (None: only the workbook's total)."""
    rows = 0
    elements = 0
    tail = b""
    with archive.open(member) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            counts.bytes_read += len(chunk)
            # A tag cut at the chunk's end is counted with the next chunk: keep
            # everything from the last "<" on.
            buffer = tail + chunk
            cut = buffer.rfind(b"<") if chunk else len(buffer)
            if cut < 0:
                cut = len(buffer)
            ready, tail = buffer[:cut], buffer[cut:]
            found = len(_ELEMENT.findall(ready))
            elements += found
            counts.elements += found
            rows += len(_ROW.findall(ready))
            counts.shared_strings += len(_SHARED_STRING.findall(ready))
            if rows > limits.max_rows:
                raise PartOverLimitError(
                    f"{_sheet_named(archive, member.filename)} has more than "
                    f"{limits.max_rows:,} rows; roam reads at most {limits.max_rows:,} "
                    f"(is this the workbook roam made?)",
                    counts,
                )
            if budget is not None and elements > budget:
                raise PartOverLimitError(
                    f"part {member.filename} holds more than {budget:,} XML elements; "
                    f"a roam workbook's parts other than its sheets have far fewer",
                    counts,
                )
            _check(counts, limits)
            if not chunk:
                return


def _check(counts: PartCounts, limits: PartLimits) -> None:
    if counts.shared_strings > limits.max_shared_strings:
        raise PartOverLimitError(
            f"the workbook holds more than {limits.max_shared_strings:,} shared strings "
            f"(texts); a roam workbook has far fewer",
            counts,
        )
    if counts.elements > limits.max_elements:
        raise PartOverLimitError(
            f"the workbook's parts hold more than {limits.max_elements:,} XML elements; "
            f"a roam workbook has far fewer",
            counts,
        )


def _large_parts(archive: zipfile.ZipFile) -> set[str]:
    """The parts that may be large: the sheets and the shared strings.

    Found where Excel, LibreOffice and roam put them, and where the workbook's
    relationships (which openpyxl follows) say they are.  Every other part (styles,
    drawings, the workbook's own list) is small in any real workbook, and openpyxl
    parses some of them whole when it opens the file.
    """
    large = {_SHARED_STRINGS_PART}
    large.update(
        name
        for name in archive.namelist()
        if name.startswith("xl/worksheets/") and name.count("/") == 2
    )
    try:
        info = archive.getinfo(_WORKBOOK_RELS)
        if info.file_size <= _SMALL_PART:
            for rel in ElementTree.fromstring(archive.read(info)):
                if rel.get("Type", "").endswith(("/worksheet", "/sharedStrings")):
                    large.add(_part_path(rel.get("Target", "")))
    except (KeyError, ElementTree.ParseError, ValueError, OSError, zipfile.BadZipFile):
        pass  # openpyxl cannot find sheets there either; the defaults stand
    return large


def _sheet_named(archive: zipfile.ZipFile, part: str) -> str:
    """ "sheet 'Answers'" for the part that holds that sheet, else "part <its name>"."""
    try:
        titles = _sheet_titles(archive)
    except (KeyError, ElementTree.ParseError, ValueError, OSError, zipfile.BadZipFile):
        titles = {}
    return f"sheet '{titles[part]}'" if part in titles else f"part {part}"


def _sheet_titles(archive: zipfile.ZipFile) -> dict[str, str]:
    """Part name -> sheet title, from the workbook's sheet list and its relationships.

    Only in the error path, and only from parts of a plausible size; their
    prologs were checked already (no document type, so no entities).
    """
    parts = [archive.getinfo(name) for name in (_WORKBOOK, _WORKBOOK_RELS)]
    if any(info.file_size > _SMALL_PART for info in parts):
        return {}
    relations = ElementTree.fromstring(archive.read(_WORKBOOK_RELS))
    targets = {rel.get("Id"): _part_path(rel.get("Target", "")) for rel in relations}
    workbook = ElementTree.fromstring(archive.read(_WORKBOOK))
    titles = {}
    for sheet in workbook.iter(f"{{{_MAIN}}}sheet"):
        target = targets.get(sheet.get(f"{{{_RELATIONS}}}id"))
        if target:
            titles[target] = sheet.get("name", "")
    return titles


def _part_path(target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join("xl", target))
