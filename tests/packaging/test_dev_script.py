"""`python3 dev.py run|test` (`py dev.py run|test` on Windows): set up and run without make."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging.checkout import ROOT, copy_checkout

# What the README tells Linux and macOS users to type: the system's python3.
PYTHON3 = shutil.which("python3") or sys.executable
TEST_STEPS = [
    ["-m", "ruff", "check", "."],
    [],  # lint-imports: the venv's own script, without arguments
    ["-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", "build/site"],
    ["-m", "mypy"],
    ["-m", "mypy", "--platform", "win32"],
    ["-m", "mypy", "--platform", "darwin"],
    ["-m", "pytest", "-q", "-p", "no:cacheprovider"],
]


def load_dev_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dev(checkout: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    return subprocess.run(
        [PYTHON3, "dev.py", *args],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def steps(stderr: str) -> list[list[str]]:
    """The commands dev.py announced, without the interpreter (its path differs per OS)."""
    return [line.split()[2:] for line in stderr.splitlines() if line.startswith("dev.py: ")]


def interpreters(stderr: str) -> set[str]:
    return {line.split()[1] for line in stderr.splitlines() if line.startswith("dev.py: ")}


def test_the_venv_programs_are_where_each_os_puts_them() -> None:
    script = load_dev_script()
    venv = Path(".venv")
    assert script.venv_executable(venv, "python", windows=True) == venv / "Scripts/python.exe"
    assert script.venv_executable(venv, "python", windows=False) == venv / "bin/python"


def test_test_runs_the_steps_of_make_test_in_order() -> None:
    result = dev(ROOT, "--dry-run", "test", "-q", "-p", "no:cacheprovider")
    assert result.returncode == 0, result.stderr
    setting_up = (["-m", "venv"], ["-m", "pip"])  # only where .venv is missing or stale
    announced = [step for step in steps(result.stderr) if step[:2] not in setting_up]
    assert announced == TEST_STEPS


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_and_make_test_call_dev_py() -> None:
    # Not the settings of a `make test` that runs this test.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}

    def planned(*args: str) -> str:
        return subprocess.run(
            ["make", "-n", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        ).stdout.strip()

    assert planned("run") == "python3 dev.py run"
    assert planned("test", "PYTEST_ARGS=-q -x") == "python3 dev.py test -q -x"


def test_an_unknown_command_shows_the_usage() -> None:
    result = dev(ROOT, "install")
    assert result.returncode == 2
    assert "usage: dev.py [--dry-run] {run,test}" in result.stderr


@pytest.mark.slow
def test_on_a_fresh_clone_run_sets_up_and_starts_roam_and_test_runs_every_step(
    tmp_path: Path,
) -> None:
    checkout = copy_checkout(tmp_path / "roam")
    assert not (checkout / ".venv").exists()

    started = dev(checkout, "run", "--help")
    assert started.returncode == 0, started.stderr[-3000:]
    assert "Usage: roam" in started.stdout
    assert steps(started.stderr) == [
        ["-m", "venv", str(checkout.resolve() / ".venv")],
        ["-m", "pip", "install", "--quiet", "--upgrade", "pip"],
        ["-m", "pip", "install", "--quiet", "-e", ".[dev]"],
        ["-m", "roam", "--help"],
    ]
    assert (checkout / ".venv" / "bin" / "python").exists()

    again = dev(checkout, "--dry-run", "run")
    assert steps(again.stderr) == [["-m", "roam"]]  # set up already: straight to roam
    os.utime(checkout / ".venv" / ".installed", (0, 0))  # pyproject.toml changed since
    changed = dev(checkout, "--dry-run", "run")
    assert ["-m", "pip", "install", "--quiet", "-e", ".[dev]"] in steps(changed.stderr)
    os.utime(checkout / ".venv" / ".installed")

    only = "tests/platform/test_yaml_without_libyaml.py"
    tested = dev(checkout, "test", only, "-q", "-p", "no:cacheprovider")
    assert tested.returncode == 0, tested.stdout[-3000:] + tested.stderr[-3000:]
    assert steps(tested.stderr) == [
        *TEST_STEPS[:6],
        ["-m", "pytest", only, "-q", "-p", "no:cacheprovider"],
    ]
    assert " passed" in tested.stdout
    venv_bin = checkout.resolve() / ".venv" / "bin"
    assert {Path(program).parent for program in interpreters(tested.stderr)} == {venv_bin}
