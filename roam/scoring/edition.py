"""The framework edition an assessment names, for callers that pass none."""

from __future__ import annotations

from pathlib import Path

from roam.assessment.model import Assessment
from roam.framework.loader import resolve_framework
from roam.framework.model import Framework
from roam.framework.overlay import Overlay, load_overlay

# Stands for the file of an assessment that only lives in memory, in error messages.
UNSAVED = "<assessment>"


def framework_named_by(assessment: Assessment, assessment_path: str | Path | None) -> Framework:
    """The built-in edition with the assessment's framework id, or its ``framework.path``.

    ``framework.path`` is relative to the assessment's file (``assessment_path``;
    the current folder when the assessment was never saved).  Raises
    :class:`roam.errors.SourceError` when the edition cannot be found or loaded.
    """
    path = Path(UNSAVED) if assessment_path is None else Path(assessment_path)
    ref = assessment.framework
    return resolve_framework(ref.id, ref.path, path, version=ref.version)


def edition_and_overlay(
    assessment: Assessment,
    assessment_path: str | Path | None,
    framework: Framework | None,
    overlay: Overlay | None,
) -> tuple[Framework, Overlay | None]:
    """The edition and official-text overlay a document of ``assessment`` is written with.

    Each defaults as for a document made from the file: the edition the assessment names
    (:func:`framework_named_by`) and the overlays the team keeps beside the file
    (``*.overlay.yaml``; a broken one raises :class:`roam.errors.SourceError`).
    """
    if framework is None:
        framework = framework_named_by(assessment, assessment_path)
    if overlay is None and assessment_path is not None:
        overlay = load_overlay(framework, beside=Path(assessment_path))
    return framework, overlay
