"""Parse and check the files of an edition: the slow path of `load_framework`.

Kept apart from the loader so that a start which finds the edition in the cache of
validated files imports none of the checks.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from roam.errors import Problem, SourceError, sort_problems
from roam.framework.cross_checks import CategorySource, check_edition
from roam.framework.loader import display_path
from roam.framework.model import Category, EditionHeader, Framework
from roam.marked_yaml import MarkedDocument, read_marked_yaml
from roam.validation_problems import validation_problems


def read_edition(
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
    framework = Framework.model_construct(**dict(header), categories=categories)
    digest = hashlib.sha256(document.sha256.encode())
    for part in hashes:
        digest.update(part.encode())
    framework.mark_source(content_hash=digest.hexdigest())
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
