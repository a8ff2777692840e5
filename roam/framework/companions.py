"""Checking the files that accompany an edition: crosswalks and official-text overlays.

`roam validate` checks them on their own, before `roam upgrade` or `roam export`
meets them: a crosswalk against the two built-in editions its name gives, an overlay
against the built-in edition it names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from roam.errors import SourceError
from roam.framework.crosswalk import (
    CROSSWALK_FOLDER,
    SIDES_SEPARATOR,
    Crosswalk,
    read_crosswalk,
)
from roam.framework.loader import VERSION_SEPARATOR, built_in_edition, display_path, load_framework
from roam.framework.model import Framework
from roam.framework.overlay import OVERLAY_SUFFIX, OverlayFile, read_overlay
from roam.marked_yaml import read_marked_yaml


def is_crosswalk_file(path: Path) -> bool:
    return path.parent.name == CROSSWALK_FOLDER and SIDES_SEPARATOR in path.stem


def is_overlay_file(path: Path) -> bool:
    return path.name.endswith(OVERLAY_SUFFIX)


def built_in_named(name: str, path: Path) -> Framework:
    """The built-in edition ``<id>@<version>``; a SourceError naming ``path`` otherwise."""
    edition_id, _, version = name.partition(VERSION_SEPARATOR)
    folder = built_in_edition(edition_id, version)
    framework = load_framework(folder) if folder is not None else None
    if framework is None or framework.version != version:
        raise SourceError.single(
            display_path(path),
            f"{name} is not a built-in edition; check this file with the command that uses it "
            "(roam upgrade --to, roam export)",
        )
    return framework


def check_crosswalk_file(path: Path) -> Crosswalk:
    source, _, target = path.stem.partition(SIDES_SEPARATOR)
    return read_crosswalk(path, built_in_named(source, path), built_in_named(target, path))


def check_overlay_file(path: Path) -> tuple[OverlayFile, Framework]:
    document = read_marked_yaml(path, display_path=display_path(path))
    edition: Any = document.data.get("edition") if isinstance(document.data, dict) else None
    if isinstance(edition, dict) and {"id", "version"} <= set(edition):
        framework = built_in_named(f"{edition['id']}{VERSION_SEPARATOR}{edition['version']}", path)
    else:
        framework = load_framework()  # the overlay's own checks say what is missing
    parsed = read_overlay(path, framework)
    if parsed is None:  # only when the edition named is not the one loaded
        raise SourceError.single(display_path(path), "the overlay names no built-in edition")
    return parsed, framework
