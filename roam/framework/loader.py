"""Read an edition from YAML into a validated :class:`Framework`.

Every problem in every file is collected in one pass and raised together as a
:class:`SourceError` whose lines read ``path:line:col: what is wrong``.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from roam.errors import Problem, SourceError, sort_problems
from roam.framework.checks import CategorySource, check_edition
from roam.framework.collector import collector_paused
from roam.framework.model import Category, EditionHeader, Framework
from roam.framework.validated_cache import cache_key, recall, remember
from roam.marked_yaml import (
    MarkedDocument,
    parse_marked_bytes,
    read_marked_yaml,
    read_source,
    validation_problems,
)

EDITION_FILE = "edition.yaml"
DEFAULT_EDITION = "roam-x-2018"


def indicators_root() -> Path:
    """The folder of built-in editions: inside the wheel, or the checkout's."""
    packaged = Path(str(resources.files("roam") / "indicators"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "indicators"


def default_edition_path() -> Path:
    return indicators_root() / DEFAULT_EDITION


def list_editions(root: Path | None = None) -> list[Path]:
    """Every edition folder (one holding ``edition.yaml``) directly under ``root``."""
    base = root or indicators_root()
    return sorted(p.parent for p in base.glob(f"*/{EDITION_FILE}"))


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
    with collector_paused():
        framework = _recalled(key, top, top_sha256)
        if framework is None:
            document = parse_marked_bytes(raw, shown, top_sha256)
            framework, category_files = _read_edition(top, document)
            remember(key, _CachedEdition(category_files, framework))
    framework._origin = str(top)
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


def _sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_edition(
    top: Path, document: MarkedDocument
) -> tuple[Framework, tuple[tuple[str, str], ...]]:
    """The edition read from its files, and the category files' names and hashes."""
    data = document.data
    if not isinstance(data, dict):
        raise SourceError.single(
            document.path,
            "the edition file must be a mapping with id, version, categories, ...",
            1,
            1,
        )
    problems: list[Problem] = list(document.problems)
    header = _validate(EditionHeader, _without(data, "categories"), document, (), problems)
    sources, hashes = _load_categories(top.parent, data, document, problems)
    # The checks across files read the parsed data, so they run whatever failed above.
    problems += check_edition(data, document, sources)
    categories = [source.category for source in sources if source.category is not None]
    if problems or header is None or len(categories) != len(sources):
        raise SourceError(sort_problems(problems))
    framework = Framework.model_construct(**header.__dict__, categories=categories)
    digest = hashlib.sha256(document.sha256.encode())
    for part in hashes:
        digest.update(part.encode())
    framework._content_hash = digest.hexdigest()
    names = [entry for entry in data["categories"] if isinstance(entry, str)]
    return framework, tuple(zip(names, hashes, strict=True))


def _without(data: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != key}


def _validate(
    model: type[Any],
    data: Any,
    document: MarkedDocument,
    base: tuple[str | int, ...],
    problems: list[Problem],
) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems += validation_problems(document, exc, base)
        return None


def _load_categories(
    folder: Path, data: dict[str, Any], document: MarkedDocument, problems: list[Problem]
) -> tuple[list[CategorySource], list[str]]:
    entries = data.get("categories")
    if not isinstance(entries, list) or not entries:
        problems.append(
            document.problem_at(
                ("categories",),
                "'categories' must list the category files (or inline categories)",
                at_key=True,
            )
        )
        return [], []
    sources: list[CategorySource] = []
    hashes: list[str] = []
    for index, entry in enumerate(entries):
        if isinstance(entry, str):
            loaded = _load_category_file(folder, entry, document, index, problems)
            if loaded is not None:
                sources.append(loaded)
                hashes.append(loaded.document.sha256)
        elif isinstance(entry, dict):
            base = ("categories", index)
            category = _validate(Category, entry, document, base, problems)
            sources.append(CategorySource(entry, document, base, category))
        else:
            problems.append(
                document.problem_at(
                    ("categories", index),
                    "each category is a file name or an inline category mapping",
                )
            )
    return sources, hashes


def _load_category_file(
    folder: Path, name: str, parent: MarkedDocument, index: int, problems: list[Problem]
) -> CategorySource | None:
    path = (folder / name).resolve()
    if folder.resolve() not in path.parents:
        problems.append(
            parent.problem_at(("categories", index), f"'{name}' is outside the edition folder")
        )
        return None
    if not path.is_file():
        problems.append(
            parent.problem_at(("categories", index), f"category file '{name}' not found")
        )
        return None
    try:
        document = read_marked_yaml(path, display_path=display_path(path))
    except SourceError as exc:
        problems += exc.problems
        return None
    problems += document.problems
    if not isinstance(document.data, dict):
        problems.append(Problem(document.path, "a category file must be a mapping", 1, 1))
        return None
    category = _validate(Category, document.data, document, (), problems)
    return CategorySource(document.data, document, (), category)
