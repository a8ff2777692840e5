"""The recovery file: answers that could not be saved when roam had to stop.

When the terminal UI is told to stop by a signal (the terminal closed, the
system shutting down) while a save had failed (disk full, the file changed by
another program, no permission), nobody can be asked what to do.  The answers
then go to ``FILE.recovery`` beside the assessment ``FILE`` (``FILE.recovery-2``
and so on when an earlier one still waits), a complete assessment file written
through the same atomic writer.  The next session that
opens ``FILE`` says so and offers to restore it; the recovery file is removed
once its answers are restored or knowingly discarded, never before.
"""

from __future__ import annotations

import contextlib
import glob
from dataclasses import dataclass
from pathlib import Path

from roam.assessment.model import Assessment
from roam.errors import RoamError
from roam.framework.model import Framework

RECOVERY_SUFFIX = ".recovery"


def recovery_path(path: Path, number: int = 1) -> Path:
    """Recovery file ``number`` of assessment ``path``: ``FILE.recovery``, ``FILE.recovery-2``..."""
    tail = "" if number == 1 else f"-{number}"
    return path.with_name(f"{path.name}{RECOVERY_SUFFIX}{tail}")


def recovery_paths(path: Path) -> list[Path]:
    """The recovery files beside assessment ``path``, oldest first."""
    found = []
    for candidate in path.parent.glob(f"{glob.escape(path.name)}{RECOVERY_SUFFIX}*"):
        tail = candidate.name[len(path.name) + len(RECOVERY_SUFFIX) :]
        if tail == "":
            found.append((1, candidate))
        elif tail.startswith("-") and tail[1:].isdigit():
            found.append((int(tail[1:]), candidate))
    return [candidate for _number, candidate in sorted(found)]


def write_recovery(path: Path, assessment: Assessment, framework: Framework) -> Path:
    """Write ``assessment`` to a new recovery file of ``path``; raise :class:`RoamError` if not.

    The assessment file itself is not touched: it may be another program's
    newer version, which the user decides about on the next open.  An earlier
    recovery file (its owner chose to decide later) is never overwritten: the
    new one takes the next free number.
    """
    from roam.assessment.storage import assessment_bytes, write_atomically

    number = 1
    while recovery_path(path, number).exists():
        number += 1
    target = recovery_path(path, number)
    write_atomically(target, assessment_bytes(assessment, framework, target), backup=False)
    return target


@dataclass(frozen=True, slots=True)
class Recovery:
    """A recovery file found beside an assessment, and how it differs from the file."""

    path: Path
    assessment: Assessment
    changed_codes: tuple[str, ...]  # answers that differ from the assessment file's
    other_changes: bool  # the record's other parts (team, recommendations, ...) differ

    def describe(self, limit: int = 6) -> str:
        """One or two sentences for the person deciding what to do with it."""
        codes = self.changed_codes
        if not codes and not self.other_changes:
            return "It holds nothing that the assessment file lacks."
        parts = []
        if codes:
            more = len(codes) - limit
            shown = ", ".join(codes[:limit]) + (f" and {more} more" if more > 0 else "")
            noun = "answer that differs" if len(codes) == 1 else "answers that differ"
            parts.append(f"{len(codes)} {noun} from the file: {shown}")
        if self.other_changes:
            parts.append("changes to the team, advisory board, process or recommendations")
        return "It holds " + "; and ".join(parts) + "."


def find_recovery(path: Path, current: Assessment, framework: Framework) -> Recovery | None:
    """The oldest recovery file of ``path`` compared with ``current``; None when there is none.

    Raises :class:`RoamError` naming the recovery file when it cannot be read
    (it is left in place: it may be the only copy of someone's work).
    """
    from roam.assessment.loader import read_assessment

    waiting = recovery_paths(path)
    if not waiting:
        return None
    target = waiting[0]
    try:
        loaded = read_assessment(target, framework)
    except RoamError as exc:
        raise RoamError(
            f"{target}: a recovery file of {path.name} that roam cannot read; "
            f"it is left as it is ({exc.lines[0] if exc.lines else exc})"
        ) from None
    recovered = loaded.assessment
    codes = sorted(set(recovered.answers) | set(current.answers))
    changed = tuple(c for c in codes if recovered.answers.get(c) != current.answers.get(c))
    others = recovered.model_copy(update={"answers": current.answers}) != current
    return Recovery(target, recovered, changed, others)


def discard_recovery(recovery: Recovery) -> None:
    """Remove the file of ``recovery`` (gone already is fine)."""
    with contextlib.suppress(FileNotFoundError):
        recovery.path.unlink()
