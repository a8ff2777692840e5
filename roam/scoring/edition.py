"""Finding the framework edition an assessment was made against."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from roam.assessment.model import FrameworkRef
from roam.errors import RoamError
from roam.framework.loader import list_editions, load_framework
from roam.framework.model import Framework


def framework_for(ref: FrameworkRef, base_dir: Path | None = None) -> Framework:
    """The edition ``ref`` names: its ``path`` (relative to ``base_dir``) or a built-in one.

    Raises :class:`RoamError` when no such edition exists or its version differs
    from the one the assessment was made against, since scoring against other
    indicators would silently mislead.
    """
    if ref.path is not None:
        folder = Path(ref.path) if base_dir is None else base_dir / ref.path
        framework = _load_cached(folder)
    else:
        framework = _built_in(ref.id)
    if framework.id != ref.id:
        raise RoamError(
            f"the assessment names edition '{ref.id}', but {ref.path} holds '{framework.id}'"
        )
    if framework.version != ref.version:
        raise RoamError(
            f"the assessment was made against {ref.id} version {ref.version}, "
            f"but the available edition is version {framework.version}"
        )
    return framework


def _built_in(edition_id: str) -> Framework:
    editions = list_editions()
    for folder in editions:
        if folder.name == edition_id:
            return _load_cached(folder)
    for folder in editions:  # an edition whose folder is named differently from its id
        framework = _load_cached(folder)
        if framework.id == edition_id:
            return framework
    known = ", ".join(folder.name for folder in editions) or "none"
    raise RoamError(f"no built-in edition '{edition_id}' (built-in editions: {known})")


def _load_cached(path: Path) -> Framework:
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    try:
        stamp = max((file.stat().st_mtime_ns for file in files), default=0)
    except OSError:
        stamp = 0  # load_framework reports the missing file properly
    return _load(str(path.resolve()), stamp)


@lru_cache(maxsize=8)
def _load(path: str, stamp: int) -> Framework:
    # ``stamp`` is part of the key so that an edited edition file is read again.
    return load_framework(path)
