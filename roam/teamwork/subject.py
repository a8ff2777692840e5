"""Which country and edition an assessment file is about, and refusing mixed sets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from roam.assessment.model import Assessment
from roam.errors import RoamError


@dataclass(frozen=True, slots=True)
class Labelled:
    """An assessment with the name it is shown by (usually its file name)."""

    label: str
    assessment: Assessment


def describe_country(assessment: Assessment) -> str:
    return f"{assessment.country} ({assessment.iso})"


def describe_edition(assessment: Assessment) -> str:
    return f"{assessment.framework.id} {assessment.framework.version}"


def require_same_country(files: Sequence[Labelled], purpose: str) -> None:
    """Raise a one-line :class:`RoamError` (exit 2) unless every file is about one country."""
    first = files[0]
    for other in files[1:]:
        if other.assessment.iso != first.assessment.iso:
            raise RoamError(
                f"{other.label} is about {describe_country(other.assessment)} but "
                f"{first.label} is about {describe_country(first.assessment)}; "
                f"{purpose} only files of the same country"
            )


def require_same_edition(files: Sequence[Labelled], purpose: str) -> None:
    """Raise a one-line :class:`RoamError` (exit 2) unless every file uses one edition."""
    require_same_country(files, purpose)
    first = files[0]
    for other in files[1:]:
        if describe_edition(other.assessment) != describe_edition(first.assessment):
            raise RoamError(
                f"{other.label} was made against {describe_edition(other.assessment)} but "
                f"{first.label} against {describe_edition(first.assessment)}; "
                f"{purpose} only files of the same edition"
            )
