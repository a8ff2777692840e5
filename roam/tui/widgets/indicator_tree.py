"""The framework as a tree: category → theme → question → indicator, with status marks.

The tree is built once per filter; after an edit only the changed indicator's
label is replaced, so moving and typing never walk the whole framework.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from roam.tui.labels import CONFLICT_MARK, CORE_BADGE, status_mark
from roam.tui.plain import shown
from roam.tui.session import Session

_INDICATOR = "indicator"
# Clicking a part of a label with this meta expands or collapses the node: Tree's
# own toggle style, rebuilt here rather than imported from a private module.
TOGGLE_STYLE = Style.from_meta({"toggle": True})


# The style that makes a click on the icon open or close a node, as Textual's own tree draws it.
_TOGGLE = Style.from_meta({"toggle": True})


class IndicatorTree(Tree[tuple[str, str]]):
    """Node data is (level, code); indicator nodes are leaves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right", "expand_node", "Expand", show=False, id="roam.tree.expand"),
        Binding("left", "collapse_node", "Collapse", show=False, id="roam.tree.collapse"),
    ]

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        # Text, not a str: Textual reads a str label as markup, and that loads Rich's
        # emoji table (several milliseconds of the start) for a root that never shows.
        super().__init__(Text("assessment"), id=id)
        self.session = session
        self.show_root = False
        self.guide_depth = 2
        self._leaves: dict[str, TreeNode[tuple[str, str]]] = {}
        self.shown_codes: list[str] = []

    def build(self, codes: Iterable[str]) -> None:
        """Show ``codes`` (in framework order) with their question, theme and category."""
        self.clear()
        self._leaves = {}
        self.shown_codes = list(codes)
        session = self.session
        parents: dict[str, TreeNode[tuple[str, str]]] = {}
        for code in self.shown_codes:
            place = session.place(code)
            category = parents.get(place.category.code)
            if category is None:
                label = _heading(place.category.code, session.text(place.category.name), "bold")
                category = self.root.add(label, ("category", place.category.code), expand=True)
                parents[place.category.code] = category
            theme = parents.get(place.theme.code)
            if theme is None:
                label = _heading(place.theme.code, session.text(place.theme.name), "bold")
                theme = category.add(label, ("theme", place.theme.code), expand=True)
                parents[place.theme.code] = theme
            question = parents.get(place.question.code)
            if question is None:
                label = _heading(place.question.code, session.text(place.question.text), "")
                question = theme.add(label, ("question", place.question.code), expand=True)
                parents[place.question.code] = question
            self._leaves[code] = question.add_leaf(self.indicator_label(code), (_INDICATOR, code))

    def indicator_label(self, code: str) -> Text:
        session = self.session
        indicator = session.indicator(code)
        answer = session.answer(code)
        label = status_mark(answer)
        label.append(f" {code}", style="bold")
        if answer.conflicts:
            label.append(f" {CONFLICT_MARK[0]}", style=CONFLICT_MARK[1])
        if indicator.core:
            label.append(f" {CORE_BADGE[0]}", style=CORE_BADGE[1])
        label.append(" " + shown(session.text(indicator.text)), style="")
        return label

    def refresh_code(self, code: str) -> None:
        """Re-draw one indicator's mark after its answer changed."""
        node = self._leaves.get(code)
        if node is not None:
            node.set_label(self.indicator_label(code))

    def relabel_all(self) -> None:
        """New language: every label changes (a rare, explicit user action)."""
        for node in self._walk(self.root):
            level, code = node.data or ("", "")
            if level == _INDICATOR:
                node.set_label(self.indicator_label(code))
            elif level:
                node.set_label(self._heading_for(level, code))

    def _heading_for(self, level: str, code: str) -> Text:
        framework = self.session.framework
        if level == "category":
            return _heading(code, self.session.text(framework.category(code).name), "bold")
        place = next(
            p for p in framework.places.values() if code in (p.theme.code, p.question.code)
        )
        if level == "theme":
            return _heading(code, self.session.text(place.theme.name), "bold")
        return _heading(code, self.session.text(place.question.text), "")

    def _walk(self, node: TreeNode[tuple[str, str]]) -> Iterable[TreeNode[tuple[str, str]]]:
        for child in node.children:
            yield child
            yield from self._walk(child)

    @property
    def cursor_code(self) -> str | None:
        """The indicator under the cursor, if the cursor is on an indicator."""
        node = self.cursor_node
        if node is None or node.data is None or node.data[0] != _INDICATOR:
            return None
        return node.data[1]

    def select_code(self, code: str) -> bool:
        """Move the cursor to indicator ``code``; False when the filter hides it."""
        node = self._leaves.get(code)
        if node is None:
            return False
        parent = node.parent
        while parent is not None and not parent.is_root:
            if not parent.is_expanded:  # expand() re-lays out the whole tree, even if open
                parent.expand()
            parent = parent.parent
        if node.line < 0:
            # Lines are numbered when the tree next lays out; move once they are.
            self.call_after_refresh(self.move_cursor, node)
        else:
            self.move_cursor(node)
        return True

    def scroll_to_line(self, line: int, animate: bool = True) -> None:
        """Scroll only when ``line`` is out of view, and then by a good stretch.

        Keeping the cursor a third of the way from the edge it left means the
        next many moves redraw two lines instead of the whole tree.
        """
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        if height <= 0 or top <= line < top + height:
            return
        below = line >= top + height
        target = line - height // 3 if below else line - (2 * height) // 3
        self.scroll_to(y=max(0, target), animate=False, force=True)

    def get_label_width(self, node: TreeNode[tuple[str, str]]) -> int:
        """Nothing to measure: the tree never scrolls sideways (``overflow-x: hidden``).

        Textual measures every label to size a horizontal scroll that never
        comes; the lines are padded to the tree's own width all the same.
        """
        return 0

    def render_label(
        self, node: TreeNode[tuple[str, str]], base_style: Style, style: Style
    ) -> Text:
        """Only the start of the label that can show: the rest would be cut off anyway.

        Labels carry the indicator's whole text; styling and rendering all of it
        for every line drawn was most of the cost of drawing the tree.  Twice the
        width in characters covers labels whose characters take no cell of their own.
        """
        label = node.label
        label = label[: 2 * self.size.width] if isinstance(label, Text) else Text(str(label))
        label.stylize(style)
        if node.allow_expand:
            icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
            return Text.assemble((icon, base_style + _TOGGLE), label)
        return Text.assemble(("", base_style), label)

    def action_expand_node(self) -> None:
        node = self.cursor_node
        if node is not None and node.allow_expand:
            node.expand()

    def action_collapse_node(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and not node.parent.is_root:
            self.move_cursor(node.parent)


def _heading(code: str, name: str, style: str) -> Text:
    label = Text()
    label.append(code, style="bold")
    label.append(" " + shown(name), style=style)
    return label
