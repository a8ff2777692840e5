"""Write the README's screenshots of the terminal UI (SVG) into this folder.

    .venv/bin/python docs/screenshots/make_screenshots.py

Each picture opens a fresh copy of the demo assessment (fixed dates, a fixed
"today" for the readiness checks), so re-running gives the same pictures.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from roam.assessment.storage import save_assessment  # noqa: E402
from roam.demo import make_demo  # noqa: E402
from roam.framework.loader import load_framework  # noqa: E402
from roam.tui.app import RoamApp  # noqa: E402

TODAY = dt.date(2024, 6, 1)
SHOTS = [
    # name, size, theme, keys pressed before the picture
    ("walkthrough-120x40-dark", (120, 40), "textual-dark", ["ctrl+g", *"R.B.1.a", "enter"]),
    ("walkthrough-80x24-dark", (80, 24), "textual-dark", ["ctrl+g", *"R.B.1.a", "enter"]),
    ("walkthrough-120x40-light", (120, 40), "textual-light", ["ctrl+g", *"A.C.1.a", "enter"]),
    ("walkthrough-80x24-light", (80, 24), "textual-light", ["ctrl+g", *"A.C.1.a", "enter"]),
    ("dashboard-120x40-dark", (120, 40), "textual-dark", ["f3"]),
    ("dashboard-80x24-light", (80, 24), "textual-light", ["f3"]),
    ("review-120x40-dark", (120, 40), "textual-dark", ["ctrl+g", *"R.A.2.b", "enter", "f4"]),
    ("recommendations-120x40-light", (120, 40), "textual-light", ["f5"]),
    ("process-120x40-dark", (120, 40), "textual-dark", ["f6"]),
    ("evidence-form-80x24-dark", (80, 24), "textual-dark", ["ctrl+r"]),
    ("help-80x24-dark", (80, 24), "textual-dark", ["f1"]),
    ("conflict-120x40-dark", (120, 40), "textual-dark", ["ctrl+g", *"R.E.3.a", "enter", "ctrl+d"]),
    ("import-preview-120x40-dark", (120, 40), "textual-dark", ["f8", *"filled.xlsx", "enter"]),
]
# What a stakeholder typed into the demo's data-collection template (for the import picture).
FILLED = {
    "C.6.1.c": {"value": 31.5, "year": 2023, "justification": "ITU table 4, 2023 edition."},
    "R.E.1.b": {"level": "Partly in place", "justification": "The bill passed in March."},
    "R.A.1.a": {"level": "Initial", "justification": "A draft exists; nothing in force yet."},
    "R.F.3.b": {"level": "very high"},
}


def fill_template(assessment_path: Path, target: Path) -> None:
    """The demo's template with FILLED typed in, as the import picture reads it."""
    import openpyxl

    from roam.assessment.loader import load_assessment
    from roam.workbooks.template_layout import COLUMN_NUMBER
    from roam.workbooks.template_writer import write_template

    assessment = load_assessment(assessment_path)
    framework = load_framework()
    write_template(assessment, framework, list(assessment.answers), target)
    workbook = openpyxl.load_workbook(target)
    sheet = workbook["Answers"]
    rows = {sheet.cell(row, 1).value: row for row in range(1, sheet.max_row + 1)}
    for code, cells in FILLED.items():
        for key, value in cells.items():
            sheet.cell(rows[code], COLUMN_NUMBER[key]).value = value
    workbook.properties.lastModifiedBy = "Amina Odhiambo"
    workbook.save(target)


async def shoot(path: Path, name: str, size: tuple[int, int], theme: str, keys: list[str]) -> None:
    app = RoamApp(path, today=TODAY)
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            if key in ("ctrl+g", "enter"):
                await pilot.pause(0.3)
        await pilot.pause(1.5 if "import" in name else 0.3)  # the preview reads in a worker
        app.save_screenshot(filename=f"{name}.svg", path=str(HERE))
        await pilot.press("ctrl+q")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="roam-shots-"))
    os.environ["ROAM_DATA_DIR"] = str(folder / "data")
    try:
        framework = load_framework()
        master = folder / "examplia.yaml"
        # Dates relative to the same fixed "today" as the checks: the pictures never drift.
        save_assessment(make_demo(framework, path=master, today=TODAY), master, framework)
        fill_template(master, folder / "filled.xlsx")
        os.chdir(folder)  # the import picture names the workbook as typed: filled.xlsx
        for name, size, theme, keys in SHOTS:
            copy = folder / f"{name}.yaml"
            shutil.copyfile(master, copy)
            asyncio.run(shoot(copy, name, size, theme, keys))
            print(f"wrote {HERE / name}.svg")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
