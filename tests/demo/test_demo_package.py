"""roam.demo: the same demo as before its content became data, and a cache key that ignores it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from roam import cache
from roam.demo import make_demo
from roam.framework import load_framework
from tests.helpers.files import MINI_FRAMEWORK

# Canonical dumps (framework reference left out) of the demo on the mini edition, taken from
# roam.assessment.demo before the move: the generator and its data must reproduce them.
EXPECTED = {
    (2023, 1): "5e37b3a2aac7917de80aed476adddba5538b3cbd25e5ce43b48b412b97c44338",
    (2023, 2): "5311eb41b2f3b1dc6246abaa160666c5106f6809b3aee6c6d811ef3e0f1f7283",
    (7, 1): "fb411bd767d4047a373de69abf7521a12fcf55fcd0909a365315047e95f8422b",
    (7, 2): "e90d0faefc72ae8d4e65233cd98c4dc21e079a4d8fdd9884749261c70b72ee01",
}


@pytest.mark.parametrize(("seed", "cycle"), sorted(EXPECTED))
def test_the_demo_is_the_same_for_the_same_seed_and_day(seed: int, cycle: int) -> None:
    framework = load_framework(MINI_FRAMEWORK)
    demo = make_demo(framework, seed=seed, cycle=cycle, today=dt.date(2026, 3, 1))  # type: ignore[arg-type]
    dump = json.dumps(
        demo.model_dump(mode="json", exclude={"framework"}), sort_keys=True, ensure_ascii=False
    )
    assert hashlib.sha256(dump.encode()).hexdigest() == EXPECTED[seed, cycle]


def test_the_cache_key_does_not_hash_the_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Editing the demo's words (or its generator) must not throw away validated files."""
    read: list[Path] = []
    original = Path.read_bytes

    def recording(path: Path) -> bytes:
        read.append(path)
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", recording)
    cache.code_fingerprint.cache_clear()
    try:
        assert cache.code_fingerprint() is not None
    finally:
        cache.code_fingerprint.cache_clear()
    demo_folder = Path(cache.__file__).resolve().parent / "demo"
    assert read, "the fingerprint read no files"
    assert not [path for path in read if path.resolve().is_relative_to(demo_folder)]
