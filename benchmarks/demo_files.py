"""The demo assessment, written once per run into a scratch folder."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from benchmarks.harness import NotAvailable


@cache
def scratch() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="roam-bench-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


@cache
def demo_assessment() -> Path:
    """Examplia, cycle 1, on the built-in edition, as `roam demo` writes it."""
    try:
        from roam.assessment.storage import save_assessment
        from roam.demo import DEFAULT_SEED, make_demo
    except ImportError as exc:
        raise NotAvailable(f"demo assessment: {exc}") from None
    from roam.framework.loader import load_framework

    framework = load_framework()
    path = scratch() / "examplia.roam.yaml"
    save_assessment(make_demo(framework, seed=DEFAULT_SEED, path=path), path, framework)
    return path
