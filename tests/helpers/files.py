"""Where the test data lives."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
MINI_FRAMEWORK = DATA / "frameworks" / "mini.yaml"
