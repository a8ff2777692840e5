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
# roam.assessment.demo before the move (with the answer's `provenance` field and the
# `dataset` evidence kind of `roam prefill`, and the review comment's `decision`, in the
# model): the package must reproduce them.
EXPECTED = {
    (2023, 1): "6623f15ff91feeab98f5912d109af707952478fe0864ee97042a77cba5b35ff4",
    (2023, 2): "d9c06de90e3fb79fbc06339827fcb4120543fec5c0fe254107a92c76dbeb3d52",
    (7, 1): "6688d83df3de107937d817272714bd0df8a04c1edda7cdf0419f70abc7c5e66f",
    (7, 2): "72347619de104a9e515e9010efb4549dd425cb34ef4cee8088f229b001906334",
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
