"""The version of the assessment file format, and the cache key of a file's reading.

Light on purpose: ``roam assess FILE`` computes the key before it imports Pydantic,
to tell whether the file needs reading ahead (:mod:`roam.assessment.read_ahead`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from roam.framework.validated_cache import cache_key
from roam.marked_yaml import MAX_FILE_BYTES

FORMAT_VERSION = 1


def reading_key(sha256: str) -> str | None:
    """The key of the reading of a file with these bytes (None when the cache is off)."""
    # The format the loader upgrades to is part of the key: a roam reading a newer
    # format upgrades the file.  Imported here: migrate imports this module.
    from roam.assessment import migrate

    return cache_key("assessment", sha256, str(migrate.CURRENT_VERSION))


def reading_key_of(path: Path) -> str | None:
    """:func:`reading_key` of ``path`` as it is now; None too if it is unreadable or too big."""
    try:
        with path.open("rb") as stream:
            if path.stat().st_size > MAX_FILE_BYTES:
                return None
            digest = hashlib.file_digest(stream, "sha256")
    except OSError:
        return None
    return reading_key(digest.hexdigest())
