"""Dashboard, review, recommendations, process, help and export, checked in the saved file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from textual.widgets import DataTable, Input, Select, SelectionList, Static, TextArea

from roam.cli.report_commands import default_report_path
from roam.tui.app import RoamApp
from roam.tui.screens.assessment_process import ProcessScreen
from roam.tui.screens.dashboard import DashboardScreen
from roam.tui.screens.help import HelpScreen
from roam.tui.screens.recommendations import RecommendationsScreen
from roam.tui.screens.review import ReviewScreen
from roam.tui.screens.walkthrough import WalkthroughScreen
from roam.tui.widgets.choice_set import ChoiceSet
from roam.tui.widgets.indicator_info import IndicatorInfo
from roam.tui.widgets.indicator_tree import IndicatorTree
from roam.tui.widgets.record_table import RecordTable
from tests.helpers.tui import (
    TODAY,
    answer_in_file,
    choose,
    pick,
    record_form,
    saved,
    type_text,
    ui_test,
)

SIZE = (120, 40)


@ui_test
async def test_add_a_recommendation_linked_to_indicators_and_groups(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.go_to("R.A.1.a")  # type: ignore[attr-defined]
        await pilot.press("f5")
        assert isinstance(app.screen, RecommendationsScreen)
        form = await record_form(pilot, "a")
        # A fresh id and the indicator being worked on are filled in already.
        assert form.query_one("#field-id", Input).value == "REC-1"
        assert form.query_one("#field-indicators", Input).value == "R.A.1.a"
        form.query_one("#field-text", TextArea).focus()
        await type_text(pilot, "Adopt an access to information law.")
        form.query_one("#field-groups", SelectionList).focus()
        await pilot.press("space", "down", "space")  # government, parliament
        await choose(pilot, form.query_one("#field-priority", Select), "high")
        form.query_one("#field-indicators", Input).focus()
        await pilot.press("end")
        await type_text(pilot, ", Q.9.9.z")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # an unknown code is refused, and said so
        error = str(form.query_one("#error-indicators", Static).render())
        assert "Q.9.9.z" in error
        await pilot.press(*["backspace"] * len(", Q.9.9.z"))
        await type_text(pilot, ", O.A.1.a")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecommendationsScreen)
    assert saved(mini_file)["recommendations"] == [
        {
            "id": "REC-1",
            "text": "Adopt an access to information law.",
            "groups": ["government", "parliament"],
            "priority": "high",
            "indicators": ["R.A.1.a", "O.A.1.a"],
        }
    ]


@ui_test
async def test_edit_and_remove_a_recommendation(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        form = await record_form(pilot, "f5", "a")
        form.query_one("#field-text", TextArea).focus()
        await type_text(pilot, "First text")
        form.query_one("#field-groups", SelectionList).focus()
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        form = await record_form(pilot, "e")
        form.query_one("#field-text", TextArea).focus()
        await pilot.press("end")
        await type_text(pilot, ", revised")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert saved(mini_file)["recommendations"][0]["text"] == "First text, revised"
        await pilot.press("x", "y")  # remove, and confirm
        await pilot.pause()
        assert "recommendations" not in saved(mini_file)


@ui_test
async def test_reviewer_comments_and_queries_an_answer(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    app.settings.reviewer = "Grace Reviewer"
    async with app.run_test(size=SIZE) as pilot:
        walkthrough = app.screen
        assert isinstance(walkthrough, WalkthroughScreen)
        walkthrough.go_to("R.A.2.a")
        await pilot.press("f4")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.code == "R.A.2.a"  # opens on the indicator being worked on
        review.query_one("#comment", TextArea).focus()
        await type_text(pilot, "Which survey is this from?")
        await pilot.press("ctrl+s")
        await choose(pilot, review.query_one("#state", Select), "queried")
        thread = str(review.query_one("#thread", Static).render())
        assert "Which survey is this from?" in thread
        await pilot.press("f2")
        assert app.screen is walkthrough
        label = walkthrough.query_one(IndicatorTree).indicator_label("R.A.2.a")
        assert "?" in label.plain[:2]  # the query shows in the tree
    review_data = answer_in_file(mini_file, "R.A.2.a")["review"]
    assert review_data["state"] == "queried"
    assert [c["text"] for c in review_data["thread"]] == ["Which survey is this from?"]
    assert review_data["thread"][0]["author"] == "Grace Reviewer"


@ui_test
async def test_opening_the_review_keeps_an_accepted_answer_accepted(mini_file: Path) -> None:
    from roam.assessment.loader import load_assessment
    from roam.assessment.storage import save_assessment

    assessment = load_assessment(mini_file)
    assessment.answers["R.A.1.a"].review.state = "accepted"
    save_assessment(assessment, mini_file)
    before = mini_file.read_text(encoding="utf-8")
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        walkthrough = app.screen
        assert isinstance(walkthrough, WalkthroughScreen)
        walkthrough.go_to("R.A.1.a")
        await pilot.press("f4")
        await pilot.pause(0.3)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.query_one("#state", Select).value == "accepted"
        await pilot.press("down", "up")  # moving through the answers changes nothing either
        await pilot.pause(0.3)
    assert mini_file.read_text(encoding="utf-8") == before


@ui_test
async def test_process_team_mab_and_milestones_are_editable(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        screen = app.screen
        assert isinstance(screen, ProcessScreen)
        form = await record_form(pilot, "a")  # the team table has the focus
        await type_text(pilot, "Amina Njoroge")
        await pilot.press("tab")
        await type_text(pilot, "lead researcher")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen.query_one("#mab", RecordTable).table.focus()
        form = await record_form(pilot, "a")
        await type_text(pilot, "Joseph Otieno")
        await choose(pilot, form.query_one("#field-group", Select), "civil_society")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen.query_one("#milestones", RecordTable).table.focus()
        form = await record_form(pilot, "e")  # the first milestone: the research plan
        await choose(pilot, form.query_one("#field-status", Select), "done")
        form.query_one("#field-date", Input).focus()
        await type_text(pilot, "2024-03-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
    data = saved(mini_file)
    assert data["team"] == [{"name": "Amina Njoroge", "role": "lead researcher"}]
    assert data["mab"] == [{"name": "Joseph Otieno", "group": "civil_society"}]
    assert data["milestones"][0] == {
        "kind": "research_plan",
        "status": "done",
        "date": dt.date(2024, 3, 1),
    }


@ui_test
async def test_dashboard_checks_jump_to_their_indicator(mini_file: Path) -> None:
    app = RoamApp(mini_file, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        walkthrough = app.screen
        assert isinstance(walkthrough, WalkthroughScreen)
        walkthrough.go_to("R.B.1.a")
        await pick(pilot, walkthrough.query_one("#status", ChoiceSet), "no_data")
        walkthrough.go_to("C.1.1.a")
        await pilot.press("f3")
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        findings = dashboard.query_one("#findings", DataTable)
        assert findings.row_count == 1  # no data without a justification
        assert findings.get_row_at(0)[0] == "R.B.1.a"
        gaps = dashboard.query_one("#gaps", DataTable)
        assert [gaps.get_row_at(i)[0] for i in range(gaps.row_count)] == ["R.B.1.a"]
        findings.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is walkthrough
        assert walkthrough.code == "R.B.1.a"


@ui_test
async def test_dashboard_shows_the_engine_scores(mini_file: Path) -> None:
    app = RoamApp(mini_file, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        walkthrough = app.screen
        assert isinstance(walkthrough, WalkthroughScreen)
        walkthrough.go_to("O.A.1.a")
        walkthrough.query_one("#level-three").focus()
        await pilot.press("enter")  # "Low": 0 of 100
        await pilot.press("f3")
        scores = str(app.screen.query_one("#scores", Static).render())
        # O has one indicator, answered at the lowest level: its score is 0 of 100.
        o_line = next(line for line in scores.splitlines() if line.startswith("O Openness"))
        assert o_line.split()[-2] == "0.0"  # one decimal, as in the workbook and the CLI
        r_line = next(line for line in scores.splitlines() if line.startswith("R Rights"))
        assert "—" in r_line  # nothing scoreable in R yet
        robustness = app.screen.query_one("#robustness", DataTable)
        assert robustness.row_count == 4


@ui_test
async def test_dashboard_has_no_overall_figure_and_no_band_on_thin_coverage(
    mini_file: Path,
) -> None:
    app = RoamApp(mini_file, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        walkthrough = app.screen
        assert isinstance(walkthrough, WalkthroughScreen)
        walkthrough.go_to("R.A.1.a")
        await pick(pilot, walkthrough.query_one("#level-three", ChoiceSet), "high")  # 100
        await pilot.press("f3")
        scores = str(app.screen.query_one("#scores", Static).render())
        lines = scores.splitlines()
        assert not any(line.lstrip().startswith("Overall") for line in lines)
        assert "indicators decided" in lines[0]  # coverage first, never a composite score
        r_line = next(line for line in lines if line.startswith("R Rights"))
        assert "100.0" in r_line
        # One answer of R's four: a score, but no band below the stated coverage.
        assert "·" not in r_line.split("100.0")[0], r_line


@ui_test
async def test_help_lists_every_key_with_its_binding_id(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        helper = app.screen
        assert isinstance(helper, HelpScreen)
        rows = {row[3]: row for row in helper.rows}
        assert rows["roam.next"][1:3] == ("^n", "Next")
        assert rows["roam.undo"][1:3] == ("^z", "Undo")
        assert rows["roam.jump"][1:3] == ("^g", "Jump")
        await pilot.press("escape")
        assert isinstance(app.screen, WalkthroughScreen)


@ui_test
async def test_keys_can_be_remapped_by_binding_id(mini_file: Path, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "tui.json").write_text('{"keys": {"roam.next": "f12"}}', encoding="utf-8")
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        await pilot.press("f12")
        assert screen.code == "R.A.1.a"


@ui_test
async def test_export_writes_the_workbook_without_blocking(
    mini_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default is the CLI's (reports/<ISO>-<date>.xlsx), shown as an absolute path."""
    monkeypatch.chdir(mini_file.parent)
    app = RoamApp(mini_file, today=dt.date(2024, 6, 1))
    target = mini_file.parent / default_report_path("KEN", dt.date(2024, 6, 1))
    assert target == mini_file.parent / "reports" / "KEN-2024-06-01.xlsx"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        assert app.screen.query_one("#path", Input).value == str(target)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#export-status", Static).render())
        assert "written to" in status
    workbook = openpyxl.load_workbook(target, read_only=True)
    assert len(workbook.sheetnames) > 3


@ui_test
async def test_french_shows_the_framework_texts_in_french(mini_file: Path) -> None:
    app = RoamApp(mini_file, language="fr")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        screen.go_to("R.A.1.a")
        await pilot.pause()
        info = screen.query_one(IndicatorInfo).plain
        assert "Existe-t-il une loi ?" in info
        assert "A law exists" in info  # no French text: English stands in
        tree = screen.query_one(IndicatorTree)
        labels = [str(node.label) for node in tree.root.children]
        assert "R Droits" in labels
        app.set_language("en")
        await pilot.pause()
        assert "R Rights" in [str(node.label) for node in tree.root.children]


@ui_test
async def test_export_writes_the_report_draft_too(mini_file: Path) -> None:
    from docx import Document

    app = RoamApp(mini_file)
    target = mini_file.with_name("kenya-draft.docx")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        app.screen.query_one("#kind", Select).value = "draft"
        await pilot.pause()
        # Choosing the draft puts a Word file name in place of the workbook's.
        assert app.screen.query_one("#path", Input).value == str(target)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#export-status", Static).render())
        assert "written to" in status
    headings = [p.text for p in Document(str(target)).paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Executive summary"


@ui_test
async def test_the_draft_export_quotes_the_overlay_beside_the_file(mini_file: Path) -> None:
    from tests.helpers.documents import OFFICIAL_QUESTION, OVERLAY, all_text

    mini_file.with_name("team.overlay.yaml").write_bytes(OVERLAY.encode("utf-8"))
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        app.screen.query_one("#kind", Select).value = "draft"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    text = all_text(mini_file.with_name("kenya-draft.docx"))
    assert f"UNESCO's text (UNESCO ref. R.1, p. 12, team.overlay.yaml): {OFFICIAL_QUESTION}" in text
