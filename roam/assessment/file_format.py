"""The version of the assessment file format, and the cache key of a file's reading."""

from __future__ import annotations

from roam.cache import cache_key

FORMAT_VERSION = 1


def reading_key(sha256: str) -> str | None:
    """The key of the reading of a file with these bytes (None when the cache is off)."""
    # The format the loader upgrades to is part of the key: a roam reading a newer
    # format upgrades the file.  Imported here: migrate imports this module.
    from roam.assessment import migrate

    return cache_key("assessment", sha256, str(migrate.CURRENT_VERSION))
