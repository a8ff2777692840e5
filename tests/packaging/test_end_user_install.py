"""The README's end-user installs from a clone: `pipx install .` and `uv tool install .`.

Each installs into folders of the test's own (never the user's), then runs the
installed `roam` from outside the checkout.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.checkout import copy_checkout

pytestmark = pytest.mark.slow
UV = Path(sys.executable).with_name("uv")


def clean_env(**extra: str | Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return {**env, **{key: str(value) for key, value in extra.items()}}


def run(args: list[str | Path], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def check_installed_roam(roam: Path, folder: Path) -> None:
    env = clean_env(ROAM_DATA_DIR=folder / "data")
    version = run([roam, "--version"], folder, env)
    assert version.returncode == 0 and version.stdout.startswith("roam, version"), version
    demo = run([roam, "demo", "examplia.yaml"], folder, env)
    assert demo.returncode == 0, demo.stderr
    checked = run([roam, "check", "examplia.yaml"], folder, env)
    assert checked.returncode in (0, 1), checked.stderr  # 1: the demo has open items
    assert "Examplia" in (folder / "examplia.yaml").read_text(encoding="utf-8")


@pytest.mark.skipif(importlib.util.find_spec("pipx") is None, reason="pipx is not installed")
def test_pipx_install_from_a_clone(tmp_path: Path) -> None:
    clone = copy_checkout(tmp_path / "roam")
    home = tmp_path / "pipx"
    env = clean_env(
        PIPX_HOME=home, PIPX_BIN_DIR=home / "bin", PIPX_MAN_DIR=home / "man", USE_EMOJI="0"
    )
    installed = run([sys.executable, "-m", "pipx", "install", "."], clone, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    user = tmp_path / "user"
    user.mkdir()
    check_installed_roam(home / "bin" / "roam", user)


@pytest.mark.skipif(not UV.exists() and shutil.which("uv") is None, reason="uv is not installed")
def test_uv_tool_install_from_a_clone(tmp_path: Path) -> None:
    clone = copy_checkout(tmp_path / "roam")
    tools = tmp_path / "uv"
    env = clean_env(
        UV_TOOL_DIR=tools / "tools",
        UV_TOOL_BIN_DIR=tools / "bin",
        UV_CACHE_DIR=tools / "cache",
        UV_PYTHON=sys.executable,  # this Python: no download of another
        UV_PYTHON_DOWNLOADS="never",
    )
    uv = UV if UV.exists() else Path(shutil.which("uv") or "uv")
    installed = run([uv, "tool", "install", "."], clone, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    user = tmp_path / "user"
    user.mkdir()
    check_installed_roam(tools / "bin" / "roam", user)
