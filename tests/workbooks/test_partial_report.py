"""A partial assessment in the workbook: what exists is plotted, bands wait for coverage.

Read back with openpyxl: the Dashboard has no overall figure, its category chart
covers only categories with a score (bars when fewer than three), a note names the
rest, and no band is named below the coverage the Method sheet states.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from roam.assessment.create import new_assessment
from roam.assessment.model import Answer
from roam.exchange.workbook_labels import label
from roam.framework import Framework, load_framework
from roam.scoring.display_rules import BAND_MIN_COMPLETE
from roam.workbooks.workbook import export_report


@pytest.fixture(scope="module")
def edition() -> Framework:
    return load_framework()  # the built-in edition: 303 indicators in full scope


def _thin_report(edition: Framework, folder: Path, prefixes: tuple[str, ...]) -> Workbook:
    """Two answers at the top level in each category named by ``prefixes``; nothing else."""
    assessment = new_assessment(edition, country="Thinland", iso="XTH", scope="full")
    for prefix in prefixes:
        places = [p for p in edition.places.values() if p.indicator.code.startswith(prefix)]
        scaled = [p for p in places if getattr(p.indicator, "scale", None)][:2]
        for place in scaled:
            scale = edition.scales[place.indicator.scale]  # type: ignore[union-attr]
            top = max(scale.levels, key=lambda level: level.score)
            assessment.answers[place.indicator.code] = Answer(status="answered", level=top.id)
    path = export_report(assessment, folder / "thin.xlsx", framework=edition)
    return load_workbook(path)


def _rows(sheet: Worksheet) -> dict[str, list[object]]:
    return {
        str(row[0].value): [cell.value for cell in row]
        for row in sheet.iter_rows(min_row=8, max_row=13, max_col=10)
        if row[0].value
    }


def test_two_scored_categories_are_plotted_as_bars_and_the_rest_named(
    edition: Framework, tmp_path: Path
) -> None:
    workbook = _thin_report(edition, tmp_path, ("R.", "A."))
    dashboard = workbook["Dashboard"]
    rows = _rows(dashboard)
    # No overall row: categories with a score first, then those without, then context.
    assert list(rows) == ["R", "A", "O", "M", "X", "C"]
    assert label("col.overall") not in [str(c.value) for c in dashboard["A"] if c.value]
    assert rows["R"][2] == 100 and rows["A"][2] == 100
    no_band = label("no_band").format(min=f"{BAND_MIN_COMPLETE:.0f}")
    assert rows["R"][3] == no_band  # 2 answers of 64: a score, no band
    assert rows["O"][2] is None and rows["O"][3] == label("no_score")
    charts = dashboard._charts
    category_chart = next(c for c in charts if _title(c) == label("dash.radar"))
    assert type(category_chart).__name__ == "BarChart"  # a radar needs three axes
    values = category_chart.series[0].val.numRef.f
    assert values.endswith("$C$8:$C$9")  # R and A only: no empty cell in the range
    notes = [str(c.value) for c in dashboard["A"] if c.value]
    assert any("O Openness" in n and "M " in n and "X " in n for n in notes), notes
    # The bands and the threshold are stated where the bands are shown.
    assert any("Emerging" in n and f"{BAND_MIN_COMPLETE:.0f}%" in n for n in notes), notes


def test_three_scored_categories_make_a_radar_of_those_three(
    edition: Framework, tmp_path: Path
) -> None:
    workbook = _thin_report(edition, tmp_path, ("R.", "O.", "X."))
    dashboard = workbook["Dashboard"]
    assert list(_rows(dashboard))[:3] == ["R", "O", "X"]
    (radar,) = [c for c in dashboard._charts if type(c).__name__ == "RadarChart"]
    assert radar.series[0].val.numRef.f.endswith("$C$8:$C$10")
    assert radar.series[0].cat.numRef.f.endswith("$A$8:$A$10")


def test_the_overall_figure_is_on_the_method_sheet_as_a_diagnostic_summary(
    edition: Framework, tmp_path: Path
) -> None:
    workbook = _thin_report(edition, tmp_path, ("R.", "A."))
    method = workbook["Method"]
    texts = [str(c.value) for row in method.iter_rows(max_col=3) for c in row if c.value]
    title = label("method.summary")
    assert title in texts
    row = next(c.row for c in method["A"] if c.value == title)
    assert method.cell(row + 1, 2).value == 100  # the weighted mean of R and A
    threshold = label("method.band_threshold").format(min=f"{BAND_MIN_COMPLETE:.0f}")
    assert threshold in texts


def _title(chart: object) -> str:
    """The text of an openpyxl chart title."""
    title = getattr(chart, "title", None)
    runs = title.tx.rich.p[0].r if title is not None and title.tx.rich else []
    return "".join(run.t for run in runs)
