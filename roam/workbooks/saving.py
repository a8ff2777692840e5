"""Writing a finished workbook to disk: whole or not at all."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook

from roam.assessment.atomic_file import write_output


def save_workbook(
    workbook: Workbook,
    path: str | Path,
    *,
    inputs: Iterable[str | Path] = (),
    follow_symlink: bool = True,
) -> Path:
    """Save ``workbook`` to ``path``, creating its folder; a crash leaves the old file or the new.

    The workbook is serialised in memory first, so a failure while building the
    XML never touches the target.  It goes through roam's one writer, which
    refuses to replace an assessment file, one of ``inputs`` or a file the user
    could not write; ``follow_symlink=False`` for names roam chose itself.
    """
    buffer = io.BytesIO()
    workbook.save(buffer)
    return write_output(
        path, buffer.getvalue(), inputs=inputs, follow_symlink=follow_symlink, create_folder=True
    )
