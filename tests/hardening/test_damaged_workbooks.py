"""A workbook whose compressed parts are corrupt is refused with a message, not a traceback.

Found by tests/fuzz/test_workbook_importers.py: a flipped byte inside a deflated
part made zlib raise while the archive was being checked.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from roam.errors import SourceError
from roam.workbooks.untrusted_xlsx import check_workbook_bytes

_LOCAL_HEADER = 30  # bytes of a zip local file header before the name and extra field


def _with_corrupt_member(content: bytes, member: str) -> bytes:
    """``content`` with ``member``'s deflated bytes replaced by an invalid deflate block."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        info = archive.getinfo(member)
    assert info.compress_type == zipfile.ZIP_DEFLATED
    damaged = bytearray(content)
    name_length = int.from_bytes(
        damaged[info.header_offset + 26 : info.header_offset + 28], "little"
    )
    extra_length = int.from_bytes(
        damaged[info.header_offset + 28 : info.header_offset + 30], "little"
    )
    start = info.header_offset + _LOCAL_HEADER + name_length + extra_length
    # 0xff starts a deflate block of type 3, which does not exist: zlib refuses it at once.
    damaged[start : start + info.compress_size] = b"\xff" * info.compress_size
    return bytes(damaged)


def _small_workbook() -> bytes:
    workbook = Workbook()
    workbook.active["A1"] = "hello"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_corrupt_compressed_part_is_refused_clearly(tmp_path: Path) -> None:
    content = _with_corrupt_member(_small_workbook(), "xl/workbook.xml")
    with pytest.raises(SourceError) as caught:
        check_workbook_bytes(content, str(tmp_path / "damaged.xlsx"))
    assert "damaged" in str(caught.value)
