"""Upgrading assessment files written by older versions of roam.

``MIGRATIONS[n]`` turns the plain data of a format-``n`` file into format
``n + 1``; loading applies them in turn up to the current format.  A file from a
newer roam is refused rather than guessed at, since saving it would drop what
this version does not understand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from roam.assessment.file_format import FORMAT_VERSION
from roam.errors import SourceError
from roam.marked_yaml import MarkedDocument

Migration = Callable[[dict[str, Any]], dict[str, Any]]

CURRENT_VERSION = FORMAT_VERSION
# Format 1 is the first; add `1: _v1_to_v2` here when format 2 comes.
MIGRATIONS: dict[int, Migration] = {}


def file_version(data: dict[str, Any]) -> int | None:
    """The file's format version; None when it is not a whole number (validation reports it)."""
    version = data.get("format_version", 1)
    if isinstance(version, bool) or not isinstance(version, int):
        return None
    return version


def migrate(data: dict[str, Any], document: MarkedDocument) -> tuple[dict[str, Any], int | None]:
    """``data`` in the current format, and the version it was upgraded from (None if current)."""
    version = file_version(data)
    if version is None or version < 1 or version == CURRENT_VERSION:
        return data, None
    if version > CURRENT_VERSION:
        raise SourceError(
            [
                document.problem_at(
                    ("format_version",),
                    f"written by a newer roam (format_version {version}); this roam reads "
                    f"format_version {CURRENT_VERSION} and older: upgrade roam to open it",
                )
            ]
        )
    upgraded = data
    for step in range(version, CURRENT_VERSION):
        migration = MIGRATIONS.get(step)
        if migration is None:
            raise SourceError(
                [
                    document.problem_at(
                        ("format_version",),
                        f"format_version {step} cannot be upgraded by this roam; "
                        f"open it with the roam version that wrote it",
                    )
                ]
            )
        upgraded = migration(upgraded)
    upgraded["format_version"] = CURRENT_VERSION
    return upgraded, version
