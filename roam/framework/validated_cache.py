"""What roam read and validated before, kept between runs so unchanged files open faster.

Parsing and validating a file costs ten times what unpickling its result does
(the 327 KiB demo assessment: about 90 ms against 7 ms).  An entry is stored
under a key made from the file's content hash and a fingerprint of the code that
reads it (roam's, Python's, Pydantic's and PyYAML's versions and the bytes of
every module that parses, validates or upgrades a file), so an edited file or an
edited roam is never answered from the cache.  Callers check whatever else the
result depends on (the framework loader re-hashes an edition's category files).

The cache is never needed: a missing, damaged, foreign or unwritable entry is a
miss, and the caller reads the file as if there were no cache (and stores a new
entry).  Only files read without any error are stored.  Unpickling runs code
named in the file, so entries live in the user's own cache folder, trusted like
the user's other files; ``ROAM_CACHE_DIR`` points elsewhere, ``ROAM_CACHE_DIR=off``
turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import pickle
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

CACHE_DIR_ENV = "ROAM_CACHE_DIR"
DISABLED = "off"
MAX_ENTRIES = 48
MAX_TOTAL_BYTES = 96 * 1024 * 1024
_SUFFIX = ".pickle"
# The code whose output is cached (scores too: roam/scoring/remembered.py): a change
# to any of these files is a new fingerprint.
_CODE_FOLDERS = ("framework", "assessment", "scoring")
_CODE_FILES = ("marked_yaml.py", "errors.py")


def cache_folder() -> Path | None:
    """Where entries live; None when the cache is turned off."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override == DISABLED:
        return None
    if override:
        return Path(override)
    from platformdirs import user_cache_path

    return user_cache_path("roam", appauthor=False) / "validated"


def cache_key(kind: str, *parts: str) -> str | None:
    """The key of a result that depends on ``parts`` (content hashes, paths) and on roam's code.

    None when the cache is off or roam's source cannot be read to fingerprint it.
    """
    fingerprint = code_fingerprint()
    if fingerprint is None or cache_folder() is None:
        return None
    digest = hashlib.sha256(fingerprint.encode())
    for part in parts:
        digest.update(b"\0" + part.encode("utf-8", "surrogateescape"))
    return f"{kind}-{digest.hexdigest()}"


@cache
def code_fingerprint() -> str | None:
    import roam

    digest = hashlib.sha256(f"{roam.__version__}|{sys.version}".encode())
    package = Path(__file__).resolve().parents[1]
    files = [package / name for name in _CODE_FILES]
    for folder in _CODE_FOLDERS:
        files += sorted((package / folder).glob("*.py"))
    # The versions of PyYAML and Pydantic are in files read rather than imported:
    # a run that finds everything in the cache never loads PyYAML, and the TUI
    # checks the cache before it imports Pydantic (roam/assessment/read_ahead.py).
    for version_file in (("yaml", "__init__.py"), ("pydantic", "version.py")):
        found = _package_file(*version_file)
        if found is None:
            return None
        files.append(found)
    try:
        for path in files:
            digest.update(f"\0{path.name}\0".encode())
            digest.update(path.read_bytes())
    except OSError:
        return None  # installed without sources: no safe fingerprint, so no cache
    return digest.hexdigest()


def _package_file(package: str, name: str) -> Path | None:
    spec = importlib.util.find_spec(package)  # finds it without importing it
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / name


def recall(key: str | None) -> Any:
    """The value stored under ``key``, or None (a miss) for any reason at all."""
    folder = cache_folder()
    if key is None or folder is None:
        return None
    path = folder / f"{key}{_SUFFIX}"
    try:
        stored_key, value = pickle.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign entry, whatever it raises, is a miss
        return None
    if stored_key != key:
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: pruned last
    return value


def holds(key: str | None) -> bool:
    """Whether an entry is stored under ``key`` (cheaper than :func:`recall`; not checked)."""
    folder = cache_folder()
    return key is not None and folder is not None and (folder / f"{key}{_SUFFIX}").is_file()


def remember(key: str | None, value: Any) -> None:
    """Store ``value`` under ``key``; silently nothing if the folder is not writable."""
    folder = cache_folder()
    if key is None or folder is None:
        return
    try:
        data = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".new-", suffix=_SUFFIX)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, folder / f"{key}{_SUFFIX}")
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _prune(folder)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return  # a cache that cannot be written is a cache that misses


def _prune(folder: Path) -> None:
    """Drop the least recently used entries beyond the count and size limits."""
    entries = []
    for path in folder.glob(f"*{_SUFFIX}"):
        with contextlib.suppress(OSError):
            status = path.stat()
            entries.append((status.st_mtime, status.st_size, path))
    entries.sort(reverse=True)
    total = 0
    for index, (_, size, path) in enumerate(entries):
        total += size
        if index >= MAX_ENTRIES or total > MAX_TOTAL_BYTES:
            with contextlib.suppress(OSError):
                path.unlink()
