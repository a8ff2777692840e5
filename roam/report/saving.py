"""Writing a finished workbook to disk: whole or not at all."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook

from roam.assessment.storage import write_atomically
from roam.errors import RoamError


def save_workbook(workbook: Workbook, path: str | Path) -> Path:
    """Save ``workbook`` to ``path``, creating its folder; a crash leaves the old file or the new.

    The workbook is serialised in memory first, so a failure while building the
    XML never touches the target.
    """
    buffer = io.BytesIO()
    workbook.save(buffer)
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise RoamError(
            f"{target}: cannot create the folder {target.parent}: a file is in the way"
        ) from None
    except OSError as exc:
        raise RoamError(
            f"{target}: cannot create the folder {target.parent}: {exc.strerror}"
        ) from None
    write_atomically(target, buffer.getvalue(), backup=False)
    return target
