"""The wheel a user installs carries the built-in framework and finds it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("roam_iui-*.whl")
    return built


def test_wheel_contains_every_edition_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        f"roam/indicators/roam-x-2018/{name}.yaml"
        for name in ("edition", "C", "R", "O", "A", "M", "X")
    }
    assert expected <= names
    assert "roam/indicators/roam-framework.schema.json" in names
    assert not any(name.startswith("tests/") for name in names)


def test_wheel_contains_the_demo_content(wheel: Path) -> None:
    """`roam demo` reads its invented people and phrases from a data file in the package."""
    assert "roam/demo/content.yaml" in zipfile.ZipFile(wheel).namelist()


def test_installed_wheel_loads_the_built_in_framework(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    probe = (
        "from roam.framework import load_framework; f = load_framework(); "
        "import roam; print(roam.__file__); print(f.origin); print(len(f.places))"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run(
        [sys.executable, "-c", probe],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    ).stdout.split()
    assert out[0].startswith(str(target))
    assert out[1].startswith(str(target / "roam" / "indicators"))
    assert out[2] == "303"
