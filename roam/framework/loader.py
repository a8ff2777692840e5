"""Read an edition from YAML into a validated :class:`Framework`.

Every problem in every file is collected in one pass and raised together as a
:class:`SourceError` whose lines read ``path:line:col: what is wrong``.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from roam.bounded_read import read_at_most
from roam.cache import cache_key, recall, remember
from roam.errors import SourceError
from roam.framework.model import Framework
from roam.marked_yaml import MAX_FILE_BYTES, parse_marked_bytes, read_source

EDITION_FILE = "edition.yaml"
DEFAULT_EDITION = "roam-x-2018"
VERSION_SEPARATOR = "@"


def indicators_root() -> Path:
    """The folder of built-in editions: inside the wheel, or the checkout's."""
    # The package's own folder, not importlib.resources: roam is always installed
    # as files (never zipped), and importing the resources machinery costs a start.
    package = Path(__file__).resolve().parents[1]
    packaged = package / "indicators"
    if packaged.is_dir():
        return packaged
    return package.parent / "indicators"


def default_edition_path() -> Path:
    return indicators_root() / DEFAULT_EDITION


def list_editions(root: Path | None = None) -> list[Path]:
    """Every edition folder (one holding ``edition.yaml``) directly under ``root``."""
    base = root or indicators_root()
    return sorted(p.parent for p in base.glob(f"*/{EDITION_FILE}"))


def built_in_folder_name(edition_id: str, version: str) -> str:
    """The folder an older version of a built-in edition is kept in: ``<id>@<version>``.

    The newest version of an edition lives in the folder named by its id alone, so
    new assessments get it; older versions stay beside it so their files still load.
    """
    return f"{edition_id}{VERSION_SEPARATOR}{version}"


def built_in_edition(edition_id: str, version: str | None = None) -> Path | None:
    """The built-in folder of ``edition_id`` at ``version`` (kept apart), else its newest."""
    editions = {folder.name: folder for folder in list_editions()}
    if version is not None:
        kept = editions.get(built_in_folder_name(edition_id, version))
        if kept is not None:
            return kept
    return editions.get(edition_id)


def display_path(path: Path) -> str:
    """A path as short as it can be while still finding the file from here."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def edition_file(path: str | Path | None) -> Path:
    """The ``edition.yaml`` (or single-file edition) that ``path`` designates."""
    target = default_edition_path() if path is None else Path(path)
    if target.is_dir():
        candidate = target / EDITION_FILE
        if candidate.is_file():
            return candidate
        editions = list_editions(target)
        hint = (
            f"; it holds the editions {', '.join(e.name for e in editions)}: choose one"
            if editions
            else ""
        )
        raise SourceError.single(display_path(target), f"no {EDITION_FILE} in this folder{hint}")
    if not target.exists():
        raise SourceError.single(display_path(target), "no such file or folder")
    return target


@dataclass(frozen=True, slots=True)
class _CachedEdition:
    """A validated edition as the cache keeps it, with the category files it was read from."""

    category_files: tuple[tuple[str, str], ...]  # (name as edition.yaml gives it, sha256)
    framework: Framework


def load_framework(path: str | Path | None = None) -> Framework:
    """Load and validate an edition (folder or file); the built-in ROAM-X 2018 by default.

    An edition read before, unchanged since (every file's bytes are hashed
    again), comes from the cache of validated files instead of being parsed.
    """
    top = edition_file(path)
    shown = display_path(top)
    raw = read_source(top, shown)
    top_sha256 = hashlib.sha256(raw).hexdigest()
    key = cache_key("framework", str(top.resolve()), top_sha256)
    framework = _recalled(key, top, top_sha256)
    if framework is None:
        # Imported on a miss only: a start from the cache needs none of the checks.
        from roam.framework.edition_reader import read_edition

        document = parse_marked_bytes(raw, shown, top_sha256)
        framework, category_files = read_edition(top, document)
        remember(key, _CachedEdition(category_files, framework))
    framework.mark_source(origin=str(top))
    return framework


def _recalled(key: str | None, top: Path, top_sha256: str) -> Framework | None:
    """The cached edition, if every category file it was read from is unchanged."""
    entry = recall(key)
    if not isinstance(entry, _CachedEdition):
        return None
    folder = top.parent.resolve()
    digest = hashlib.sha256(top_sha256.encode())
    for name, sha256 in entry.category_files:
        path = (folder / name).resolve()
        try:
            if folder not in path.parents or _sha256_of(path) != sha256:
                return None
        except OSError:
            return None
        digest.update(sha256.encode())
    framework = entry.framework
    return framework if digest.hexdigest() == framework.content_hash else None


def _sha256_of(path: Path) -> str | None:
    """The hash of a category file, or None if it is over the read limit (a cache miss)."""
    raw = read_at_most(path, MAX_FILE_BYTES)
    return None if len(raw) > MAX_FILE_BYTES else hashlib.sha256(raw).hexdigest()


# --- the edition an assessment names --------------------------------------------------------


class EditionNotFoundError(Exception):
    """The edition named is not where the name says; ``field`` is ``"id"`` or ``"path"``."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def edition_location(
    edition_id: str, relative: str | None, beside: Path, *, version: str | None = None
) -> Path:
    """Where the edition lives that an assessment file at ``beside`` names.

    Its ``framework.path`` (``relative``, relative to the file's folder) when it
    gives one, else the built-in edition ``edition_id`` at ``version`` when that
    version is kept (``<id>@<version>``), or its newest.  Raises
    :class:`EditionNotFoundError` when there is no such folder or built-in edition.
    """
    if relative is not None:
        folder = beside.parent / relative
        if not folder.exists():
            raise EditionNotFoundError(
                "path",
                f"framework '{relative}' not found (framework.path is relative to this file)",
            )
        return folder
    built_in = built_in_edition(edition_id, version)
    if built_in is None:
        known = ", ".join(sorted(edition.name for edition in list_editions())) or "none"
        raise EditionNotFoundError(
            "id",
            f"'{edition_id}' is not a built-in framework (built-in: {known}); "
            f"give its folder in framework.path",
        )
    return built_in


def other_edition_message(edition_id: str, framework: Framework) -> str | None:
    """What is wrong when ``framework`` is not the edition ``edition_id``; None when it is."""
    if framework.id == edition_id:
        return None
    return (
        f"this assessment was made against framework '{edition_id}', "
        f"not '{framework.id}' ({display_path(Path(framework.origin))})"
    )


def resolve_framework(
    edition_id: str, relative: str | None, assessment_path: Path, *, version: str | None = None
) -> Framework:
    """The edition an assessment file names: its ``framework.path`` or a built-in one by id.

    Raises :class:`SourceError` (naming ``assessment_path``) when it cannot be found,
    loaded, or is another edition than ``edition_id``.
    """
    shown = display_path(assessment_path)
    try:
        location = edition_location(edition_id, relative, assessment_path, version=version)
        framework = load_framework(location)
    except EditionNotFoundError as exc:
        raise SourceError.single(shown, exc.message, 1, 1) from None
    wrong = other_edition_message(edition_id, framework)
    if wrong is not None:
        raise SourceError.single(shown, wrong, 1, 1)
    return framework
