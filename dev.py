"""Set up and run roam, or its tests, on any OS: no make needed (standard library only).

    python3 dev.py run [ROAM ARGS]     Linux, macOS   (Windows PowerShell: py dev.py run)
    python3 dev.py test [PYTEST ARGS]  Linux, macOS   (Windows PowerShell: py dev.py test)

Both create the virtual environment .venv on first use and install roam into it
(`pip install -e ".[dev]"`) again whenever pyproject.toml is newer than the last
install.  `run` then opens roam (the terminal UI, or the command given);
`test` runs what CI runs: ruff, the import contracts (import-linter), the manual's
strict build (mkdocs), mypy (for this OS, Windows and macOS) and pytest.
`--dry-run` prints the commands instead of running them.  `make run` and
`make test` call this script.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
# The same stamp as the Makefile's: touched after each successful install.
STAMP = VENV / ".installed"
PYPROJECT = ROOT / "pyproject.toml"
USAGE = """usage: dev.py [--dry-run] {run,test} [ARGS...]
  run   set up .venv if needed, then run roam with ARGS (no ARGS: the terminal UI)
  test  set up .venv if needed, then ruff, lint-imports, mkdocs, mypy (this OS, win32,
        darwin), pytest ARGS
"""


def venv_executable(folder: Path, name: str, *, windows: bool | None = None) -> Path:
    """A program inside a virtual environment: Scripts\\NAME.exe on Windows, bin/NAME elsewhere."""
    if windows is None:
        windows = os.name == "nt"
    if windows:
        return folder / "Scripts" / f"{name}.exe"
    return folder / "bin" / name


def python() -> Path:
    return venv_executable(VENV, "python")


def setup_commands() -> list[list[str]]:
    """What brings .venv up to date with pyproject.toml (nothing when it already is)."""
    commands: list[list[str]] = []
    if not python().exists():
        commands.append([sys.executable, "-m", "venv", str(VENV)])
    if not STAMP.exists() or STAMP.stat().st_mtime < PYPROJECT.stat().st_mtime:
        pip = [str(python()), "-m", "pip", "install", "--quiet"]
        commands.append([*pip, "--upgrade", "pip"])
        commands.append([*pip, "-e", ".[dev]"])
    return commands


def run_commands(args: Sequence[str]) -> list[list[str]]:
    return [[str(python()), "-m", "roam", *args]]


def test_commands(args: Sequence[str]) -> list[list[str]]:
    """The steps of `make test`, in its order; the first failure stops the rest."""
    py = str(python())
    return [
        [py, "-m", "ruff", "check", "."],
        [str(venv_executable(VENV, "lint-imports"))],  # import-linter has no `python -m`
        [py, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", "build/site"],
        [py, "-m", "mypy"],
        [py, "-m", "mypy", "--platform", "win32"],
        [py, "-m", "mypy", "--platform", "darwin"],
        [py, "-m", "pytest", *args],
    ]


def execute(command: list[str], *, dry_run: bool) -> int:
    shown = subprocess.list2cmdline(command) if os.name == "nt" else " ".join(command)
    print(f"dev.py: {shown}", file=sys.stderr, flush=True)
    if dry_run:
        return 0
    # mkdocs 1.6 prints a notice about its next major version on every build.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


def main(argv: Sequence[str]) -> int:
    arguments = list(argv)
    dry_run = "--dry-run" in arguments[:1]
    if dry_run:
        arguments.pop(0)
    if not arguments or arguments[0] not in ("run", "test"):
        print(USAGE, end="", file=sys.stderr)
        return 2
    command, rest = arguments[0], arguments[1:]
    if rest[:1] == ["--dry-run"]:
        dry_run = True
        rest = rest[1:]
    if rest[:1] == ["--"]:
        rest = rest[1:]
    setup = setup_commands()
    for step in setup:
        code = execute(step, dry_run=dry_run)
        if code:
            return code
    if setup and not dry_run:
        STAMP.touch()
    steps = run_commands(rest) if command == "run" else test_commands(rest)
    for step in steps:
        code = execute(step, dry_run=dry_run)
        if code:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
