"""The walkthrough: the indicator tree, the selected indicator, its answer, and progress."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import CommandInput, CommandPalette
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Tree

from roam.errors import RoamError
from roam.tui.commands import CodeJumpCommands, JumpCommands, SearchCommands
from roam.tui.roam_screen import RoamScreen
from roam.tui.session import FILTER_LABELS, FilterName, Session
from roam.tui.widgets.answer_form import AnswerForm
from roam.tui.widgets.blank_containers import BlankHorizontal, BlankVertical, BlankVerticalScroll
from roam.tui.widgets.indicator_info import IndicatorInfo
from roam.tui.widgets.indicator_tree import IndicatorTree
from roam.tui.widgets.key_bar import FIND, MOVE, KeyBar
from roam.tui.widgets.progress_panel import ProgressPanel
from roam.tui.widgets.top_bar import TopBar


class WalkthroughScreen(RoamScreen[None]):
    """Answer indicators one after another; every key here also works inside a text field."""

    BLANK = True  # nothing of its own but the background (roam.tui.widgets.blank_containers)

    # In the order the footer shows them: what does not fit on a narrow terminal is at the end.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "Next", priority=True, id="roam.next", group=MOVE),
        Binding("ctrl+p", "previous", "Prev", priority=True, id="roam.previous", group=MOVE),
        Binding("ctrl+g", "jump", "Jump", priority=True, id="roam.jump", group=FIND),
        Binding("ctrl+f", "search", "Search", priority=True, id="roam.search", group=FIND),
        Binding(
            "ctrl+r", "add_evidence", "Evidence", priority=True, id="roam.add_evidence"
        ),
        Binding("ctrl+o", "next_open", "Next open", priority=True, id="roam.next_unanswered"),
        Binding("ctrl+l", "filter", "Filter", priority=True, id="roam.filter"),
        Binding("ctrl+z", "undo", "Undo", priority=True, id="roam.undo"),
        Binding("ctrl+d", "decide", "Decide a conflict", show=False, priority=True,
                id="roam.decide"),
        Binding("escape", "focus_tree", "Tree", show=False, id="roam.focus_tree"),
        Binding("ctrl+up", "scroll_info(-1)", "Scroll text", show=False, priority=True,
                id="roam.info.up"),
        Binding("ctrl+down", "scroll_info(1)", "Scroll text", show=False, priority=True,
                id="roam.info.down"),
    ]  # fmt: skip

    def __init__(self, session: Session, *, start: str | None = None) -> None:
        """``start``: the indicator to open on (where the person left off), if in scope."""
        super().__init__()
        self.session = session
        self.code: str | None = None
        self.filter_name: FilterName = "all"
        codes = session.codes
        if start not in codes:
            start = session.next_unanswered(None) or (codes[0] if codes else None)
        self.first = start
        self._resumed = False

    def compose(self) -> ComposeResult:
        session = self.session
        yield TopBar("Walkthrough", session)
        with BlankHorizontal(id="walkthrough"):
            with Vertical(id="sidebar"):
                yield IndicatorTree(session, id="tree")
                yield ProgressPanel(session, id="progress")
            with BlankVertical(id="detail"):
                # Fixed heights: a longer or shorter indicator text never moves the form,
                # so a move redraws only what changed.  Neither box takes the focus, so
                # Tab goes from the tree straight to the answer's fields.
                yield IndicatorInfo(session, id="info")
                with BlankVerticalScroll(id="form-box", can_focus=False):
                    yield AnswerForm(session, first=self.first, id="form")
        yield KeyBar(classes="key-bar")

    def on_mount(self) -> None:
        tree = self.query_one(IndicatorTree)
        tree.build(self.session.codes)
        self._title_sidebar()
        if self.first is not None:
            tree.select_code(self.first)
            self.show(self.first)
            self.fill_form()
        tree.focus()
        if self.session.report is None:
            self.call_after_refresh(self._score_later)

    def _score_later(self) -> None:
        """After the first frame: the scores, then the progress panel that shows them.

        A worker on the app's own loop, not a thread: the scoring reads the answers
        an edit changes, and on one loop the two never overlap; an edit rescores
        by itself, so the panel never shows the numbers of an older state.
        """
        self.run_worker(self._score(), group="scores", exclusive=True)

    async def _score(self) -> None:
        if self.session.report is None:
            self.session.rescore()
        self.query_one(ProgressPanel).update_progress()

    # -- showing ------------------------------------------------------------------

    @on(Tree.NodeHighlighted, "#tree")
    def _highlighted(self, event: Tree.NodeHighlighted[tuple[str, str]]) -> None:
        data = event.node.data
        if data is not None and data[0] == "indicator" and data[1] != self.code:
            self.show(data[1])

    @on(Tree.NodeSelected, "#tree")
    def _selected(self, event: Tree.NodeSelected[tuple[str, str]]) -> None:
        """Enter on an indicator: into its form, at the first field."""
        data = event.node.data
        if data is not None and data[0] == "indicator":
            if data[1] != self.code:
                self.show(data[1])
            self.focus_form()

    def focus_form(self) -> None:
        """Put the focus on the form's first field, the form scrolled to its top."""
        self.fill_form()
        self.query_one("#form-box", VerticalScroll).scroll_home(animate=False)
        self.query_one(AnswerForm).query_one("#status").focus(scroll_visible=False)

    def show(self, code: str) -> None:
        """Display indicator ``code``: its text now, its answer's fields in the next frame.

        Drawing the tree and the text first keeps a step quick, and a key held
        down skims through indicators, filling the form once, at the end.  Until
        then the form still shows, and edits, the previous indicator.  Callers
        that go on to use the form at once call ``fill_form`` after this.
        """
        self.code = code
        self.query_one(IndicatorInfo).show(code)
        self.call_after_refresh(self.fill_form)
        self.query_one(ProgressPanel).show_category(self.session.place(code).category.code)
        self.query_one("#form-box", VerticalScroll).scroll_home(animate=False)

    def fill_form(self) -> None:
        """Load the shown indicator's answer into the form, unless it is there already."""
        form = self.query_one(AnswerForm)
        if self.code is not None and form.code != self.code:
            form.load(self.code)

    def go_to(self, code: str) -> None:
        """Select ``code`` in the tree, clearing a filter that hides it."""
        tree = self.query_one(IndicatorTree)
        if code not in tree.shown_codes:
            self.apply_filter("all")
        self.query_one(AnswerForm).flush()
        if tree.select_code(code) and code != self.code:
            self.show(code)
        self.fill_form()

    def refresh_after_change(self, code: str) -> None:
        """After an edit or an undo: the one tree label, progress and the saved marker."""
        self.session.touched.discard(code)
        self.query_one(IndicatorTree).refresh_code(code)
        self.query_one(ProgressPanel).update_progress()
        self.query_one(TopBar).refresh_state()
        if self.session.save_state == "failed":
            self.notify(self.session.save_advice, title="Not saved", severity="error", timeout=10)

    def relabel(self) -> None:
        """The framework language changed."""
        self.query_one(IndicatorTree).relabel_all()
        self.query_one(AnswerForm).relabel()
        if self.code is not None:
            self.query_one(IndicatorInfo).show(self.code)

    def on_unmount(self) -> None:
        self.remember_place()

    def remember_place(self) -> None:
        """Closed or quit: remember where the person was, the country and the progress."""
        session = self.session
        if self.code is None:
            return
        done = sum(session.answer(code).status != "not_assessed" for code in session.codes)
        self.roam_app.settings.remember_place(
            session.path,
            code=self.code,
            country=f"{session.assessment.country} ({session.assessment.iso})",
            progress=f"{done}/{len(session.codes)}",
        )

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Back from another view: redraw the answers changed there (reviews, for one)."""
        if not self._resumed:
            # Each widget was styled as it mounted, just before this first resume,
            # and Textual would restyle every one of them again, a visible share of
            # the start-up.  Later resumes restyle as usual.
            self._resumed = True
            event.refresh_styles = False
        changed, self.session.touched = self.session.touched, set()
        if not changed or self.code is None or not self.is_mounted:
            return
        tree = self.query_one(IndicatorTree)
        for code in changed:
            tree.refresh_code(code)
        form = self.query_one(AnswerForm)
        if self.code in changed:
            form.load(self.code)
        self.query_one(ProgressPanel).update_progress()
        self.query_one(TopBar).refresh_state()

    @on(AnswerForm.Refused)
    def _refused(self) -> None:
        self.query_one(TopBar).refresh_state()

    @on(AnswerForm.Committed)
    def _committed(self, event: AnswerForm.Committed) -> None:
        self.refresh_after_change(event.code)

    # -- actions ------------------------------------------------------------------

    def action_next(self) -> None:
        self._step(1)

    def action_previous(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        tree = self.query_one(IndicatorTree)
        self.query_one(AnswerForm).flush()
        target = self.session.next_code(self.code, step, tree.shown_codes)
        if target is not None:
            tree.select_code(target)
            # Shown now rather than when the tree's message arrives: one frame, not two.
            self.show(target)

    def action_next_open(self) -> None:
        self.query_one(AnswerForm).flush()
        target = self.session.next_unanswered(self.code)
        if target is None:
            self.notify("Every indicator in scope has a status. Well done.")
        else:
            self.go_to(target)

    def action_jump(self) -> None:
        self.app.push_screen(
            CommandPalette(providers=[CodeJumpCommands], placeholder="Indicator code, e.g. R.B.1.a")
        )

    def action_search(self, query: str = "") -> None:
        """Codes, theme and question names, then indicator texts; ``query`` typed in already."""
        palette = CommandPalette(
            providers=[JumpCommands, SearchCommands],
            placeholder="A code, or words of a theme, question or indicator",
        )
        self.app.push_screen(palette)
        if query:
            palette.call_after_refresh(self._type_query, palette, query)

    @staticmethod
    def _type_query(palette: CommandPalette, query: str) -> None:
        field = palette.query_one(CommandInput)
        field.value = query
        field.cursor_position = len(query)

    def action_filter(self) -> None:
        from roam.tui.screens.filter_picker import FilterPicker

        def chosen(name: FilterName | None) -> None:
            if name is not None:
                self.apply_filter(name)

        self.app.push_screen(FilterPicker(self.filter_name), chosen)

    def apply_filter(self, name: FilterName) -> None:
        """Show only the indicators passing ``name`` (rebuilds the tree once)."""
        self.query_one(AnswerForm).flush()
        session = self.session
        codes = [code for code in session.codes if session.matches(code, name)]
        if not codes:
            self.notify(f"No indicator is {FILTER_LABELS[name].lower()}; the filter is unchanged.")
            return
        self.filter_name = name
        tree = self.query_one(IndicatorTree)
        tree.build(codes)
        self._title_sidebar()
        target = self.code if self.code in codes else codes[0]
        tree.select_code(target)
        if target != self.code:
            self.show(target)
            self.fill_form()

    def _title_sidebar(self) -> None:
        shown = len(self.query_one(IndicatorTree).shown_codes)
        sidebar = self.query_one("#sidebar")
        if self.filter_name == "all":
            sidebar.border_title = f"Indicators ({shown})"
        else:
            sidebar.border_title = f"{FILTER_LABELS[self.filter_name]} ({shown})"

    def action_undo(self) -> None:
        form = self.query_one(AnswerForm)
        form.flush()
        step = self.session.undo()
        if step is None:
            message = "Read-only: nothing to undo" if self.session.read_only else "Nothing to undo"
            self.notify(message)
            return
        codes = step.codes
        for code in codes:
            self.refresh_after_change(code)
        if self.code in codes:
            form.load(self.code)
        else:
            self.go_to(step.code)
        where = step.code if len(codes) == 1 else f"{len(codes)} answers"
        self.notify(f"Undone: {step.what} of {where}")

    def action_decide(self) -> None:
        """Show the versions in conflict side by side; the one chosen becomes the answer."""
        from roam.tui.screens.conflicts import ConflictScreen

        code = self.code
        if code is None:
            return
        if not self.session.answer(code).conflicts:
            self.notify(f"{code} has no versions waiting for a decision.")
            return
        if self.session.read_only:
            self.notify("Opened read-only: the decision cannot be recorded.")
            return
        self.query_one(AnswerForm).flush()
        app = self.roam_app

        def chosen(index: int | None) -> None:
            if index is not None:
                app.with_name(
                    lambda who: self._decide(code, index, who), "recorded with the decision"
                )

        self.app.push_screen(ConflictScreen(self.session, code), chosen)

    def _decide(self, code: str, index: int, who: str) -> None:
        try:
            source = self.session.resolve_conflict(code, index, who)
        except (RoamError, ValueError) as exc:
            self.notify(str(exc), title="Not decided", severity="error")
            return
        self.refresh_after_change(code)
        if code == self.code:
            self.query_one(AnswerForm).load(code)
        self.notify(f"{code}: the team keeps {source}'s version (decided by {who}; ctrl+z undoes)")

    def action_add_evidence(self) -> None:
        self.query_one(AnswerForm).open_evidence(None)

    def action_scroll_info(self, lines: int) -> None:
        self.query_one(IndicatorInfo).scroll_text(lines * 3)

    def action_focus_tree(self) -> None:
        self.query_one(IndicatorTree).focus()
