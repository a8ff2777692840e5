"""The cache of validated files unpickles nothing that another user could have written.

Entries are read only from a folder and files of the user's own that others
cannot write, and each carries an HMAC made with the user's private key, checked
before anything is unpickled: a planted entry is a miss, never code.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import warnings
from pathlib import Path

import pytest

from roam import cache
from roam.assessment.file_format import reading_key
from roam.assessment.loader import read_assessment
from roam.assessment.storage import save_assessment
from roam.framework.loader import load_framework
from tests.helpers.assessment_builders import small_assessment
from tests.helpers.files import MINI_FRAMEWORK

posix_owners = pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config folder (and so a key) of the test's own."""
    folder = tmp_path / "config"
    monkeypatch.setenv(cache.CONFIG_DIR_ENV, str(folder))
    return folder


class Planted:
    """What another user could write: unpickling it creates ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[Path]]:
        return (Path.touch, (self.marker,))


def _planted_entries(marker: Path, key: str) -> list[bytes]:
    live = pickle.dumps(Planted(marker))
    probe = marker.with_name("probe")
    pickle.loads(pickle.dumps(Planted(probe)))
    assert probe.exists()  # the payload does run code when unpickled
    # The old format (a bare pickle), and the new one with a MAC that is not the user's.
    return [pickle.dumps((key, Planted(marker))), live, b"\0" * 32 + live, os.urandom(32) + live]


def test_a_planted_entry_is_never_unpickled(
    cache_dir: Path, config_dir: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "planted-code-ran"
    key = cache.cache_key("test", "planted")
    assert key is not None
    cache.remember(cache.cache_key("test", "mine"), "a real entry")  # folder and key exist
    for planted in _planted_entries(marker, key):
        (cache_dir / f"{key}.pickle").write_bytes(planted)
        assert cache.recall(key) is None
        assert not marker.exists()


def test_a_planted_reading_of_a_file_is_read_around(
    cache_dir: Path, config_dir: Path, tmp_path: Path
) -> None:
    mini = load_framework(MINI_FRAMEWORK)
    path = tmp_path / "kenya.yaml"
    save_assessment(small_assessment(mini), path, mini)
    read_assessment(path, cache=True)  # a genuine entry, then replaced by a planted one
    key = reading_key(hashlib.sha256(path.read_bytes()).hexdigest())
    assert key is not None and (cache_dir / f"{key}.pickle").is_file()
    marker = tmp_path / "planted-code-ran"
    for planted in _planted_entries(marker, key):
        (cache_dir / f"{key}.pickle").write_bytes(planted)
        loaded = read_assessment(path, cache=True)
        assert loaded.assessment.country == "Kenya"
        assert not marker.exists()


def test_an_entry_with_a_bad_mac_is_a_miss(cache_dir: Path, config_dir: Path) -> None:
    key = cache.cache_key("test", "value")
    cache.remember(key, {"answer": 42})
    entry = cache_dir / f"{key}.pickle"
    good = entry.read_bytes()
    assert cache.recall(key) == {"answer": 42}
    for position in (0, 31, 32, len(good) - 1):  # in the MAC, then in the pickled value
        damaged = bytearray(good)
        damaged[position] ^= 0x01
        entry.write_bytes(bytes(damaged))
        assert cache.recall(key) is None
    entry.write_bytes(good)
    assert cache.recall(key) == {"answer": 42}


def test_entries_made_with_another_users_key_are_misses(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.CONFIG_DIR_ENV, str(tmp_path / "someone"))
    key = cache.cache_key("test", "value")
    cache.remember(key, "someone's value")
    assert cache.recall(key) == "someone's value"
    monkeypatch.setenv(cache.CONFIG_DIR_ENV, str(tmp_path / "me"))
    assert cache.recall(key) is None


@posix_owners
def test_the_key_is_readable_by_the_user_alone(cache_dir: Path, config_dir: Path) -> None:
    cache.remember(cache.cache_key("test", "value"), 1)
    key_file = config_dir / cache.KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(config_dir.stat().st_mode) & 0o077 == 0
    assert len(key_file.read_bytes()) == 32


@posix_owners
def test_a_folder_writable_by_others_turns_the_cache_off_with_one_warning(
    cache_dir: Path, config_dir: Path
) -> None:
    key = cache.cache_key("test", "value")
    cache.remember(key, "stored while the folder was private")
    assert cache.recall(key) == "stored while the folder was private"
    cache_dir.chmod(0o777)
    with pytest.warns(cache.UnsafeCacheWarning) as caught:
        assert cache.recall(key) is None
        cache.remember(cache.cache_key("test", "other"), "not stored")
        assert cache.recall(cache.cache_key("test", "other")) is None
    assert len(caught) == 1
    assert str(cache_dir) in str(caught[0].message)
    assert "written by other users" in str(caught[0].message)
    assert not (cache_dir / f"{cache.cache_key('test', 'other')}.pickle").exists()


@posix_owners
def test_an_entry_writable_by_others_is_a_miss(cache_dir: Path, config_dir: Path) -> None:
    key = cache.cache_key("test", "value")
    cache.remember(key, "value")
    entry = cache_dir / f"{key}.pickle"
    entry.chmod(0o666)
    assert cache.recall(key) is None
    entry.chmod(0o600)
    assert cache.recall(key) == "value"


@posix_owners
def test_a_key_readable_by_others_turns_the_cache_off_with_one_warning(
    cache_dir: Path, config_dir: Path
) -> None:
    config_dir.mkdir()
    key_file = config_dir / cache.KEY_FILE
    key_file.write_bytes(os.urandom(32))
    key_file.chmod(0o644)
    key = cache.cache_key("test", "value")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cache.remember(key, "value")
        assert cache.recall(key) is None
    assert [type(w.message) for w in caught] == [cache.UnsafeCacheWarning]
    assert "read or written by other users" in str(caught[0].message)
    assert list(cache_dir.glob("*.pickle")) == []
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o644  # the user's file, left alone


def test_without_posix_owners_the_mac_alone_keeps_planted_entries_out(
    cache_dir: Path, config_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on Windows: no owners to check, so the cache works and the HMAC decides."""
    monkeypatch.setattr(cache, "_current_user", lambda: None)
    key = cache.cache_key("test", "value")
    cache.remember(key, "value")
    assert cache.recall(key) == "value"
    marker = tmp_path / "planted-code-ran"
    for planted in _planted_entries(marker, key):
        (cache_dir / f"{key}.pickle").write_bytes(planted)
        assert cache.recall(key) is None
        assert not marker.exists()


@posix_owners
def test_the_command_line_says_the_cache_is_off_in_one_readable_line(
    cache_dir: Path, config_dir: Path
) -> None:
    import subprocess
    import sys

    cache_dir.mkdir(exist_ok=True)
    cache_dir.chmod(0o777)
    env = {**os.environ, cache.CACHE_DIR_ENV: str(cache_dir), cache.CONFIG_DIR_ENV: str(config_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "roam", "validate"],
        check=False,
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr  # no second line quoting roam's source
    assert lines[0].startswith(f"warning: {cache_dir} can be written by other users")
