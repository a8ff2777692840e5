"""The wheel a user installs carries the built-in framework and finds it."""

from __future__ import annotations

import os
import shutil
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


def test_the_wheel_carries_licences_and_types_and_pins_nothing_exactly(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    names = set(archive.namelist())
    assert "roam/py.typed" in names
    licences = {name.rsplit("/", 1)[-1] for name in names if "/licenses/" in name}
    assert licences == {"LICENSE", "NOTICE.md"}
    (metadata,) = [name for name in names if name.endswith(".dist-info/METADATA")]
    requires = [
        line.removeprefix("Requires-Dist: ")
        for line in archive.read(metadata).decode("utf-8").splitlines()
        if line.startswith("Requires-Dist: ")
    ]
    runtime = [line for line in requires if "extra ==" not in line]
    assert any(line.startswith("textual") for line in runtime)
    assert not [line for line in runtime if "==" in line]  # ranges only, at run time
    assert "textual==8.2.8; extra == 'dev'" in [line.replace('"', "'") for line in requires]


@pytest.fixture(scope="module")
def wheel_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment outside the checkout, with the wheel and its dependencies."""
    folder = tmp_path_factory.mktemp("user") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    python = folder / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True
    )
    return folder


def user_run(venv: Path, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env={**env, "ROAM_DATA_DIR": str(cwd / "data")},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
def test_the_installed_wheel_writes_the_demo_a_report_and_a_template(
    wheel_venv: Path, tmp_path: Path
) -> None:
    import openpyxl

    from roam.assessment.loader import load_assessment

    roam = wheel_venv / "bin" / "roam"
    python = wheel_venv / "bin" / "python"
    where = user_run(wheel_venv, python, "-c", "import roam; print(roam.__file__)", cwd=tmp_path)
    assert where.stdout.startswith(str(wheel_venv)), where.stdout  # not the checkout's roam
    helped = user_run(wheel_venv, python, "-m", "roam", "--help", cwd=tmp_path)
    assert helped.returncode == 0 and "Usage: roam" in helped.stdout
    for args in (
        ("demo", "examplia.yaml"),
        ("export", "examplia.yaml", "-o", "report.xlsx"),
        ("template", "examplia.yaml", "-o", "template.xlsx"),
    ):
        result = user_run(wheel_venv, roam, *args, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    assert len(load_assessment(tmp_path / "examplia.yaml").answers) == 303
    for name in ("report.xlsx", "template.xlsx"):
        with zipfile.ZipFile(tmp_path / name) as archive:
            assert archive.testzip() is None
        assert openpyxl.load_workbook(tmp_path / name).sheetnames


@pytest.mark.slow
@pytest.mark.tmux
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_the_installed_wheel_opens_the_terminal_ui(wheel_venv: Path, tmp_path: Path) -> None:
    from tests.helpers.terminal import Terminal, wait_until

    roam = wheel_venv / "bin" / "roam"
    assert user_run(wheel_venv, roam, "demo", "examplia.yaml", cwd=tmp_path).returncode == 0
    code = tmp_path / "exit-code"
    command = (
        f"cd '{tmp_path}' && env -u PYTHONPATH ROAM_DATA_DIR='{tmp_path / 'data'}' "
        f"'{roam}' assess examplia.yaml; echo $? >'{code}'"
    )
    terminal = Terminal(f"roam-wheel-{os.getpid()}")
    terminal.start(command)
    try:
        terminal.wait_for("Walkthrough")
        terminal.wait_for("Indicators (303)")
        terminal.keys("C-q")
        wait_until(code.exists, 20)
    finally:
        terminal.tmux("kill-server")
    assert code.read_text(encoding="utf-8").strip() == "0"
