"""Nothing lost on the way out: a failed save asks before quitting, Save as, the recovery file."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from roam.assessment.loader import load_assessment
from roam.assessment.lock import AssessmentLock, lock_path
from roam.assessment.recovery import recovery_path
from roam.tui.app import RoamApp
from roam.tui.screens.dialogs import ConfirmScreen
from roam.tui.screens.save_dialogs import RecoveryScreen, SaveAsScreen, UnsavedWorkScreen
from roam.tui.screens.walkthrough import WalkthroughScreen
from roam.tui.widgets.choice_set import ChoiceSet
from tests.helpers.tui import answer_in_file, on_screen, pick, saved, type_text, ui_test

SIZE = (120, 40)
OUTSIDE = b"\n# changed by another program\n"


class NotedApp(RoamApp):
    """The app, keeping the text of every notification it shows."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notes: list[str] = []

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        self.notes.append(message)
        super().notify(message, *args, **kwargs)


def walkthrough(app: RoamApp) -> WalkthroughScreen:
    screen = app.walkthrough
    assert isinstance(screen, WalkthroughScreen)
    return screen


async def fail_a_save(app: RoamApp, pilot: object, path: Path) -> bytes:
    """Change the file behind roam's back, then answer R.A.1.b: the save is refused.

    Returns the file's bytes as roam last wrote them (writing them back lets the
    next save through).
    """
    before = path.read_bytes()
    path.write_bytes(before + OUTSIDE)
    screen = walkthrough(app)
    screen.go_to("R.A.1.b")
    await pick(pilot, screen.query_one("#status", ChoiceSet), "no_data")  # type: ignore[arg-type]
    assert app.session is not None and app.session.save_state == "failed"
    marker = str(screen.query_one("#save-marker", Static).render())
    assert "NOT SAVED" in marker
    return before


@ui_test
async def test_quit_after_a_failed_save_asks_and_cancel_stays(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await fail_a_save(app, pilot, mini_file)
        await pilot.press("ctrl+q")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, UnsavedWorkScreen)
        assert "changed by another program" in dialog.error
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
        assert app.screen is app.walkthrough
        assert app.session is not None and app.session.assessment.answers["R.A.1.b"].status == (
            "no_data"
        )
        assert lock_path(mini_file).exists()  # still editing


@ui_test
async def test_discard_quits_and_leaves_the_file_as_it_is(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await fail_a_save(app, pilot, mini_file)
        outside = mini_file.read_bytes()
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
    assert app.return_code == 0
    assert mini_file.read_bytes() == outside  # the other program's version, untouched
    assert not lock_path(mini_file).exists()
    assert not recovery_path(mini_file).exists()


@ui_test
async def test_save_retries_and_asks_again_while_it_fails(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        before = await fail_a_save(app, pilot, mini_file)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("s")  # the file is still changed: refused again, asked again
        await pilot.pause()
        assert isinstance(app.screen, UnsavedWorkScreen)
        assert app.is_running
        mini_file.write_bytes(before)  # the other program's change is undone
        await pilot.press("s")
        await pilot.pause()
    assert app.return_code == 0
    assert answer_in_file(mini_file, "R.A.1.b")["status"] == "no_data"
    assert not lock_path(mini_file).exists()


@ui_test
async def test_save_as_from_the_quit_dialog_writes_a_new_file_then_quits(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await fail_a_save(app, pilot, mini_file)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsScreen)
        field = app.screen.query_one("#new-file", Input)
        assert field.value == "kenya-2.yaml"  # beside the file, a free name
        await pilot.press("enter")
        await pilot.pause()
    copy = mini_file.with_name("kenya-2.yaml")
    assert answer_in_file(copy, "R.A.1.b")["status"] == "no_data"
    assert not lock_path(copy).exists() and not lock_path(mini_file).exists()
    assert app.return_code == 0


@ui_test
async def test_save_as_continues_on_the_new_file(mini_file: Path) -> None:
    app = NotedApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await fail_a_save(app, pilot, mini_file)
        # The message that says why points to the way out.
        assert any("ctrl+s (Save as…)" in note for note in app.notes)
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SaveAsScreen)
        field = dialog.query_one("#new-file", Input)
        field.value = ""
        await type_text(pilot, "kenya-mine.yaml")
        assert field.placeholder == "name.yaml"  # an example that never follows the typing
        await pilot.press("enter")
        await pilot.pause()
        copy = mini_file.with_name("kenya-mine.yaml")
        assert app.screen is app.walkthrough
        session = app.session
        assert session is not None and session.path == copy and session.save_state == "saved"
        assert "saved" in str(walkthrough(app).query_one("#save-marker", Static).render())
        assert lock_path(copy).exists() and not lock_path(mini_file).exists()
        # Editing goes on in the new file.
        screen = walkthrough(app)
        screen.go_to("O.A.1.a")
        await pick(pilot, screen.query_one("#status", ChoiceSet), "not_applicable")
        assert answer_in_file(copy, "O.A.1.a")["status"] == "not_applicable"
        await pilot.press("ctrl+q")
        await pilot.pause()
    reloaded = load_assessment(copy)
    assert reloaded.answers["R.A.1.b"].status == "no_data"
    assert reloaded.answers["O.A.1.a"].status == "not_applicable"
    assert reloaded.country == "Kenya"
    assert b"changed by another program" in mini_file.read_bytes()  # left as it was


@ui_test
async def test_save_as_refuses_another_assessment_and_a_locked_file(mini_file: Path) -> None:
    other = mini_file.with_name("ghana.yaml")
    other.write_bytes(mini_file.read_bytes())
    locked = mini_file.with_name("held.yaml")
    app = RoamApp(mini_file)
    with AssessmentLock(locked):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+s")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, SaveAsScreen)
            field = dialog.query_one("#new-file", Input)
            error = dialog.query_one("#error-new-file", Static)
            field.value = "ghana.yaml"
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is dialog
            message = await on_screen(pilot, error)
            assert "already exists (another assessment)" in message
            field.value = "held.yaml"
            await pilot.press("enter")
            await pilot.pause()
            assert "locked" in str(error.render()).lower() or "open" in str(error.render())
            assert not locked.exists()
            mini_file.with_name("[bold]old.yaml").write_bytes(b"notes\n")
            field.value = "[bold]old.yaml"
            await pilot.press("enter")
            await pilot.pause()
            assert "[bold]old.yaml: already exists (a file)" in str(error.render())
            field.value = "no-such-folder/x.yaml"
            await pilot.press("enter")
            await pilot.pause()
            assert "does not exist" in str(error.render())
            await pilot.press("escape")
            assert app.session is not None and app.session.path == mini_file
    assert other.read_bytes() == mini_file.read_bytes()  # untouched


@ui_test
async def test_a_signal_keeps_unsaved_answers_in_a_recovery_file(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await fail_a_save(app, pilot, mini_file)
        outside = mini_file.read_bytes()
        app.stop_on_signal(signal.SIGTERM)  # what the registered handler calls
        await pilot.pause()
    assert app.return_code == 1
    assert mini_file.read_bytes() == outside  # the other program's version is not replaced
    kept = recovery_path(mini_file)
    assert kept.name == "kenya.yaml.recovery"
    assert saved(kept)["answers"]["R.A.1.b"]["status"] == "no_data"
    assert not lock_path(mini_file).exists()

    # The next open says so and offers to restore; restoring puts the answers in the file.
    again = RoamApp(mini_file)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dialog = again.screen
        assert isinstance(dialog, RecoveryScreen)
        assert dialog.recovery.changed_codes == ("R.A.1.b",)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(again.screen, WalkthroughScreen)
        assert again.session is not None and again.session.save_state == "saved"
        screen = walkthrough(again)
        screen.go_to("R.A.1.b")
        await pilot.pause()
        assert screen.query_one("#status", ChoiceSet).chosen == "no_data"  # the form shows it
    assert answer_in_file(mini_file, "R.A.1.b")["status"] == "no_data"
    assert not kept.exists()
    assert mini_file.with_name("kenya.yaml.bak").read_bytes() == outside


@ui_test
async def test_a_recovery_file_can_be_discarded_or_left_for_later(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await fail_a_save(app, pilot, mini_file)
        app.stop_on_signal(signal.SIGHUP if hasattr(signal, "SIGHUP") else signal.SIGTERM)
        await pilot.pause()
    kept = recovery_path(mini_file)
    outside = mini_file.read_bytes()
    later = RoamApp(mini_file)
    async with later.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(later.screen, RecoveryScreen)
        await pilot.press("escape")  # decide later
        await pilot.pause()
    assert kept.exists() and mini_file.read_bytes() == outside
    keep = RoamApp(mini_file)
    async with keep.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(keep.screen, RecoveryScreen)
        await pilot.press("k")  # keep the file as it is
        await pilot.pause()
    assert not kept.exists() and mini_file.read_bytes() == outside
    quiet = RoamApp(mini_file)
    async with quiet.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(quiet.screen, WalkthroughScreen)  # nothing left to offer


@ui_test
async def test_a_signal_with_everything_saved_leaves_no_recovery_file(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        screen.go_to("R.A.1.b")
        await pick(pilot, screen.query_one("#status", ChoiceSet), "no_data")
        app.stop_on_signal(signal.SIGTERM)
        await pilot.pause()
    assert app.return_code == 0
    assert answer_in_file(mini_file, "R.A.1.b")["status"] == "no_data"
    assert not recovery_path(mini_file).exists()
    assert not lock_path(mini_file).exists()


@ui_test
async def test_read_only_open_mentions_a_recovery_file_without_offering_it(
    mini_file: Path,
) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await fail_a_save(app, pilot, mini_file)
        app.stop_on_signal(signal.SIGTERM)
        await pilot.pause()
    viewer = NotedApp(mini_file, read_only=True)
    async with viewer.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(viewer.screen, WalkthroughScreen)
        assert any("kenya.yaml.recovery" in note for note in viewer.notes)
    assert recovery_path(mini_file).exists()


@ui_test
async def test_a_second_stop_never_overwrites_a_recovery_file_left_for_later(
    mini_file: Path,
) -> None:
    first = RoamApp(mini_file)
    async with first.run_test(size=SIZE) as pilot:
        await fail_a_save(first, pilot, mini_file)
        first.stop_on_signal(signal.SIGTERM)
        await pilot.pause()
    second = RoamApp(mini_file)
    async with second.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # decide later
        await pilot.pause()
        mini_file.write_bytes(mini_file.read_bytes() + b"# again\n")
        screen = walkthrough(second)
        screen.go_to("O.A.1.a")
        await pick(pilot, screen.query_one("#status", ChoiceSet), "not_applicable")
        assert second.session is not None and second.session.save_state == "failed"
        second.stop_on_signal(signal.SIGTERM)
        await pilot.pause()
    older, newer = recovery_path(mini_file), recovery_path(mini_file, 2)
    assert newer.name == "kenya.yaml.recovery-2"
    assert saved(older)["answers"]["R.A.1.b"]["status"] == "no_data"
    assert saved(newer)["answers"]["O.A.1.a"]["status"] == "not_applicable"
    # Offered one after the other, oldest first.
    third = RoamApp(mini_file)
    async with third.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dialog = third.screen
        assert isinstance(dialog, RecoveryScreen) and dialog.recovery.path == older
        await pilot.press("k")
        await pilot.pause()
        dialog = third.screen
        assert isinstance(dialog, RecoveryScreen) and dialog.recovery.path == newer
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(third.screen, WalkthroughScreen)
    assert not older.exists() and not newer.exists()
    assert answer_in_file(mini_file, "O.A.1.a")["status"] == "not_applicable"


@ui_test
async def test_quitting_with_a_refused_value_in_the_form_asks(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        screen.go_to("R.A.2.a")
        screen.query_one("#value", Input).focus()
        screen.query_one("#value", Input).value = "150"  # at once: no pause between keys
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        assert "150 is outside the possible range 0 to 100" in question.question
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#value", Input).value == "150"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0
    assert answer_in_file(mini_file, "R.A.2.a")["status"] == "not_assessed"


@ui_test
async def test_ctrl_q_while_choosing_a_new_name_does_not_stack_dialogs(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await fail_a_save(app, pilot, mini_file)
        await pilot.press("ctrl+q", "a")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsScreen)
        await pilot.press("escape")  # no new name: asked again what to do
        await pilot.pause()
        assert isinstance(app.screen, UnsavedWorkScreen)
        assert app.is_running


@pytest.mark.skipif(os.name != "posix", reason="sends itself SIGTERM; only POSIX survives that")
@ui_test
async def test_without_loop_signal_handlers_python_s_handler_stops_roam_the_same_way(
    mini_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows' event loops have no add_signal_handler, and Windows has no SIGHUP."""
    monkeypatch.delattr(signal, "SIGHUP", raising=False)
    app = RoamApp(mini_file)
    previous = signal.getsignal(signal.SIGTERM)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await fail_a_save(app, pilot, mini_file)

            def no_loop_handlers(*args: object) -> None:
                raise NotImplementedError

            monkeypatch.setattr(asyncio.get_running_loop(), "add_signal_handler", no_loop_handlers)
            app.safekeeping.register_stop_signals()  # what on_mount does outside tests
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(10):
                await pilot.pause(0.05)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert app.return_code == 1
    assert saved(recovery_path(mini_file))["answers"]["R.A.1.b"]["status"] == "no_data"
    assert not lock_path(mini_file).exists()


@ui_test
async def test_a_file_name_with_markup_is_shown_as_it_is(mini_file: Path) -> None:
    odd = mini_file.with_name("[@click=app.quit]kenya[red].yaml")
    odd.write_bytes(mini_file.read_bytes())
    app = NotedApp(odd)
    async with app.run_test(size=SIZE) as pilot:
        await fail_a_save(app, pilot, odd)
        await pilot.press("ctrl+q")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, UnsavedWorkScreen)
        title = dialog.query_one("#unsaved-dialog").border_title or ""
        assert "[@click=app.quit]" in title.replace("\\[", "[")  # shown, never run
        await pilot.press("a", "enter")  # save as the suggested name, then quit
        await pilot.pause()
    copy = odd.with_name("[@click=app.quit]kenya[red]-2.yaml")
    assert answer_in_file(copy, "R.A.1.b")["status"] == "no_data"
    assert any("kenya[red]-2.yaml" in note for note in app.notes)
