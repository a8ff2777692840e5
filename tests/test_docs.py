"""The README and the manual in docs/ say true things about the code they describe.

`make test` also builds the manual with `mkdocs build --strict`, which fails on a broken
link inside docs/ or a page missing from the navigation; these tests cover what mkdocs
does not see: the README's links, the command-line reference against the real commands,
and the version against the changelog.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

import roam
from roam.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
CLI_PAGE = DOCS / "cli.md"

# The front door's size limit (issue 29: "at most about 10 KB").
README_MAX_BYTES = 10 * 1024

MANUAL_PAGES = [
    "index.md",
    "install.md",
    "quick-start.md",
    "user-guide.md",
    "cli.md",
    "framework-format.md",
    "catalogue.md",
    "assessment-files.md",
    "scoring.md",
    "workbooks.md",
    "national-report.md",
    "teamwork.md",
    "python-api.md",
    "architecture.md",
    "security.md",
]

TWO_COMMANDS = """\
# Linux and macOS
make run      # or: python3 dev.py run   — set up .venv and open roam
make test     # or: python3 dev.py test  — set up .venv and run every check and test
# Windows (PowerShell)
py dev.py run
py dev.py test
# Using roam without a checkout's venv
pipx install .        # or: uv tool install .
python -m roam --help
"""

MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")
# A date as a diary writes it ("5 December 2026", "December 5, 2026") or a clock time.
DIARY_DATE = re.compile(
    r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October"
    r"|November|December) 20\d\d\b|\b(January|February|March|April|May|June|July|August"
    r"|September|October|November|December) \d{1,2}, 20\d\d\b|\bat \d{1,2}:\d\d\b"
)


def _commands() -> dict[str, click.Command]:
    context = click.Context(main)
    found = {}
    for name in main.list_commands(context):
        command = main.get_command(context, name)
        assert command is not None
        found[name] = command
    return found


def test_readme_is_a_short_front_door() -> None:
    assert len(README.read_bytes()) <= README_MAX_BYTES


def test_readme_shows_the_two_commands_for_every_desk() -> None:
    assert TWO_COMMANDS in README.read_text(encoding="utf-8")
    assert TWO_COMMANDS in (DOCS / "install.md").read_text(encoding="utf-8")


def test_every_manual_page_exists_and_is_in_the_navigation() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in MANUAL_PAGES:
        assert (DOCS / page).is_file(), page
        assert f": {page}" in nav, page
    # No page outside the list: a new page is added to the list and to mkdocs.yml's nav.
    assert sorted(p.name for p in DOCS.glob("*.md")) == sorted(MANUAL_PAGES)


@pytest.mark.parametrize("document", ["README.md", "CHANGELOG.md", "benchmarks/README.md"])
def test_relative_links_outside_the_manual_point_at_files(document: str) -> None:
    """mkdocs checks the links inside docs/; these files are read on GitHub instead."""
    path = ROOT / document
    targets = [t for t in MARKDOWN_LINK.findall(path.read_text(encoding="utf-8")) if "://" not in t]
    for target in targets:
        file_part = target.split("#", 1)[0]
        if file_part:
            assert (path.parent / file_part).exists(), f"{document}: {target}"


def test_the_readme_links_to_every_manual_page() -> None:
    links = set(MARKDOWN_LINK.findall(README.read_text(encoding="utf-8")))
    for page in MANUAL_PAGES:
        assert f"docs/{page}" in links, page


def test_cli_reference_lists_every_command_and_option() -> None:
    page = CLI_PAGE.read_text(encoding="utf-8")
    commands = _commands()
    assert len(commands) >= 15
    for name, command in commands.items():
        assert f"### roam {name}\n" in page, f"no section for roam {name}"
        for parameter in command.params:
            if isinstance(parameter, click.Option):
                if parameter.name == "help":
                    continue
                longest = max(parameter.opts, key=len)
                assert longest in page, f"roam {name} {longest} is not in docs/cli.md"


def test_cli_reference_lists_no_command_that_does_not_exist() -> None:
    page = CLI_PAGE.read_text(encoding="utf-8")
    documented = set(re.findall(r"^### roam ([a-z-]+)$", page, flags=re.MULTILINE))
    assert documented == set(_commands())


def test_the_version_has_a_changelog_entry() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(roam.__version__)}\]", changelog, flags=re.MULTILINE)


@pytest.mark.parametrize(
    "document",
    ["README.md", "benchmarks/README.md", *(f"docs/{page}" for page in MANUAL_PAGES)],
)
def test_no_diary_dates_in_the_manual(document: str) -> None:
    """A manual, not a diary: history goes in CHANGELOG.md, figures in benchmark results."""
    text = (ROOT / document).read_text(encoding="utf-8")
    assert not DIARY_DATE.search(text), DIARY_DATE.search(text)
