"""What roam read and validated before, kept between runs so unchanged files open faster.

Parsing and validating a file costs ten times what unpickling its result does.
An entry is stored under a key made from the file's content hash and a
fingerprint of the code that reads it (Python's version and the bytes of every
module that parses, validates or upgrades a file, roam's version among them), so
an edited file or an edited roam is never answered from the cache.  Callers check
whatever else the result depends on (the framework loader re-hashes an edition's
category files).

The cache is never needed: a missing, damaged, foreign or unwritable entry is a
miss, and the caller reads the file as if there were no cache (and stores a new
entry).  Only files read without any error are stored.

Unpickling runs code named in the data, so nothing is unpickled that another
user could have written:

- entries are read only from a folder (and files) owned by the current user and
  not writable by others; any other folder turns the cache off, with one warning;
- every entry carries an HMAC made with a random key of the user's own, kept in
  the user's private config folder (created readable by the user alone), and the
  HMAC is checked before anything is unpickled: a planted entry is a miss.

``ROAM_CACHE_DIR`` points the cache elsewhere, ``ROAM_CACHE_DIR=off`` turns it off;
``ROAM_CONFIG_DIR`` moves the key's folder (tests use it).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import importlib.util
import os
import pickle
import secrets
import stat
import sys
import tempfile
import warnings
from functools import cache
from pathlib import Path
from typing import Any

CACHE_DIR_ENV = "ROAM_CACHE_DIR"
CONFIG_DIR_ENV = "ROAM_CONFIG_DIR"
DISABLED = "off"
MAX_ENTRIES = 48
MAX_TOTAL_BYTES = 96 * 1024 * 1024
KEY_FILE = "cache.key"
_KEY_BYTES = 32
_MAC_BYTES = hashlib.sha256().digest_size
_SUFFIX = ".pickle"
# The code whose output is cached: a change to any of these files is a new fingerprint.
_CODE_FOLDERS = ("framework", "assessment")
_CODE_FILES = (
    "__init__.py",
    "cache.py",
    "marked_yaml.py",
    "yaml_builder.py",
    "validation_problems.py",
    "errors.py",
)
# Written by the user alone: others may neither write (entries) nor read (the key).
_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH
_OTHERS_ANY = stat.S_IRWXG | stat.S_IRWXO
_warned: set[str] = set()


class UnsafeCacheWarning(UserWarning):
    """The cache folder or its key could be written (or read) by another user: cache off."""


def cache_folder() -> Path | None:
    """Where entries live; None when the cache is turned off."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override == DISABLED:
        return None
    if override:
        return Path(override)
    from platformdirs import user_cache_path

    return user_cache_path("roam", appauthor=False) / "validated"


def key_file() -> Path:
    """The file holding the user's key for the entries' HMACs."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override) / KEY_FILE
    from platformdirs import user_config_path

    return user_config_path("roam", appauthor=False) / KEY_FILE


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
    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).resolve().parent
    files = [package / name for name in _CODE_FILES]
    for folder in _CODE_FOLDERS:
        files += sorted((package / folder).glob("*.py"))
    # The versions of PyYAML and Pydantic are in files read rather than imported:
    # a run that finds everything in the cache never loads PyYAML.
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
    folder = _trusted_folder(create=False)
    if key is None or folder is None:
        return None
    secret = _secret()
    if secret is None:
        return None
    path = folder / f"{key}{_SUFFIX}"
    data = _read_own_file(path)
    if data is None or len(data) < _MAC_BYTES:
        return None
    mac, payload = data[:_MAC_BYTES], data[_MAC_BYTES:]
    if not hmac.compare_digest(mac, _mac(secret, key, payload)):
        return None  # planted, damaged or made with another key: never unpickled
    try:
        value = pickle.loads(payload)
    except Exception:  # signed by this user, so only a roam that changed: a miss
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: pruned last
    return value


def remember(key: str | None, value: Any) -> None:
    """Store ``value`` under ``key``; silently nothing if the folder is not writable."""
    if key is None or cache_folder() is None:
        return
    secret = _secret()
    if secret is None:
        return
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        folder = _trusted_folder(create=True)
        if folder is None:
            return
        _write_private(folder, f"{key}{_SUFFIX}", _mac(secret, key, payload) + payload)
        _prune(folder)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return  # a cache that cannot be written is a cache that misses


def _mac(secret: bytes, key: str, payload: bytes) -> bytes:
    # The key is signed too: an entry copied under another name is a miss.
    signed = hmac.new(secret, key.encode("ascii") + b"\0", hashlib.sha256)
    signed.update(payload)
    return signed.digest()


# --- who may have written it -------------------------------------------------------------


def _current_user() -> int | None:
    """The user id where files have POSIX owners; None elsewhere (Windows)."""
    getuid = getattr(os, "getuid", None)
    return None if getuid is None else int(getuid())


def _unsafe(status: os.stat_result, forbidden: int) -> str | None:
    """Why a file or folder with this status could hold another user's writing, if it could."""
    user = _current_user()
    if user is None:
        return None  # no POSIX owners: the user's profile folders are private by default
    if status.st_uid != user:
        return "is owned by another user"
    if status.st_mode & forbidden:
        return (
            "can be read or written by other users"
            if forbidden == _OTHERS_ANY
            else "can be written by other users"
        )
    return None


def _warn_once(path: Path, why: str) -> None:
    if str(path) in _warned:
        return
    _warned.add(str(path))
    warnings.warn(
        f"{path} {why}; roam's cache of validated files is off "
        f"(files open more slowly, nothing else changes)",
        UnsafeCacheWarning,
        stacklevel=3,
    )


def _trusted_folder(*, create: bool) -> Path | None:
    """The cache folder if it is the user's own; None (cache off, one warning) otherwise."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = folder.stat()
    except OSError:
        return None  # missing or unreachable: a miss, nothing to warn about
    if not stat.S_ISDIR(status.st_mode):
        return None
    why = _unsafe(status, _OTHERS_WRITE)
    if why is not None:
        _warn_once(folder, why)
        return None
    return folder


def _read_own_file(path: Path) -> bytes | None:
    """The bytes of ``path`` if it is a regular file the user alone could have written."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode) or _unsafe(status, _OTHERS_WRITE) is not None:
            return None
        try:
            return stream.read()
        except OSError:
            return None


def _write_private(folder: Path, name: str, data: bytes) -> None:
    """Write ``data`` to ``folder/name`` atomically, readable and writable by the user alone."""
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".new-", suffix=_SUFFIX)
    try:
        with os.fdopen(handle, "wb") as stream:  # mkstemp: mode 0600 where modes exist
            stream.write(data)
        os.replace(temporary, folder / name)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


# --- the user's key ----------------------------------------------------------------------


def _secret() -> bytes | None:
    """The user's HMAC key, made on first use; None (cache off) if it is not private."""
    return _secret_at(str(key_file())) or None


@cache
def _secret_at(location: str) -> bytes | None:
    path = Path(location)
    data = _read_key(path)
    if data is None:
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            _write_private(path.parent, path.name, secrets.token_bytes(_KEY_BYTES))
        except OSError:
            return None  # no private place for a key: no cache
        data = _read_key(path)
    return data


def _read_key(path: Path) -> bytes | None:
    try:
        with path.open("rb") as stream:
            status = os.fstat(stream.fileno())
            data = stream.read(_KEY_BYTES + 1)
    except OSError:
        return None
    why = _unsafe(status, _OTHERS_ANY)
    if why is not None:
        _warn_once(path, why)
        return b""  # there but not private: left as it is, and no cache
    return data if len(data) == _KEY_BYTES else None


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
