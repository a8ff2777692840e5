"""The catalogue's open_data entries: checked like the rest of the framework, and counted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.helpers.open_data import run

EDITION = Path(__file__).parents[2] / "indicators" / "roam-x-2018"


@pytest.mark.parametrize("edition", [[], [str(EDITION.with_name("roam-x-2018@2018.1"))]])
def test_validate_counts_the_indicators_with_a_series(edition: list[str]) -> None:
    """Both built-in versions of the 2018 catalogue map the same 19 indicators."""
    result = run("validate", *edition, "--json")
    assert json.loads(result.output)["open_data"] == 19


def test_an_unknown_transform_is_reported_at_its_line(tmp_path: Path) -> None:
    edition = tmp_path / "edition"
    shutil.copytree(EDITION, edition)
    category = edition / "A.yaml"
    text = category.read_text("utf-8")
    old = "- {source: wdi, series: IT.NET.USER.ZS}"
    line = text[: text.index(old)].count("\n") + 1
    category.write_text(
        text.replace(old, "- {source: wdi, series: IT.NET.USER.ZS, transform: squared}"), "utf-8"
    )
    result = run("validate", edition)
    assert result.exit_code == 2
    assert f"A.yaml:{line}:" in result.output
    assert "transform" in result.output and "share_to_percent" in result.output


def test_the_manual_lists_every_mapped_indicator_with_its_series() -> None:
    from roam.framework import load_framework
    from tests.helpers.open_data import mapped

    page = (Path(__file__).parents[2] / "docs" / "open-data.md").read_text("utf-8")
    rows = [[c.strip() for c in line.split("|")] for line in page.splitlines()]
    listed = {cells[1]: cells[4].strip("`") for cells in rows if len(cells) > 5 and "`" in cells[4]}
    assert listed == mapped(load_framework(None))
