"""One choice among a few (status, level, confidence), drawn as a single widget.

Textual's RadioSet is one widget per button; on the walkthrough the answer
form's radio buttons alone cost about a tenth of the start-up.  This widget
draws every choice itself, as ``(•)`` for the chosen one and ``( )`` for the others,
and is driven the
same way: arrows move the cursor, enter or space presses, a click presses the
choice under the mouse.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget

from roam.tui.plain import shown

# The chosen and the other choices differ in shape, not only in colour: colour-blind
# readers, NO_COLOR terminals and screen readers tell them apart too.
CHOSEN = "(•)"
NOT_CHOSEN = "( )"


class ChoiceSet(Widget, can_focus=True):
    """Choices as radio buttons on one line (``horizontal``) or one per line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "move(1)", "Next choice", show=False, id="roam.choice.next"),
        Binding("up,left", "move(-1)", "Previous choice", show=False, id="roam.choice.previous"),
        Binding("enter,space", "press", "Choose", show=False, id="roam.choice.press"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "choice-set--button",
        "choice-set--on",
        "choice-set--cursor",
    }
    DEFAULT_CSS = """
    ChoiceSet {
        height: auto;
        width: 1fr;
        background: $surface;
        pointer: pointer;
        & > .choice-set--button { color: $text-muted; }
        & > .choice-set--on { color: $text-success; text-style: bold; }
        & > .choice-set--cursor { background: $block-cursor-blurred-background; }
        &:focus > .choice-set--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        &:disabled { opacity: 60%; }
    }
    """

    class Changed(Message):
        """The user pressed a choice (never sent by :meth:`ChoiceSet.show`)."""

        def __init__(self, choice_set: ChoiceSet, value: str | None) -> None:
            super().__init__()
            self.choice_set = choice_set
            self.value = value

        @property
        def control(self) -> ChoiceSet:
            return self.choice_set

    def __init__(
        self,
        choices: list[tuple[str, str | None]],
        *,
        id: str,
        classes: str = "",
        horizontal: bool = False,
    ) -> None:
        super().__init__(id=id, classes=f"choice-set {classes}".strip())
        self.labels = [label for label, _value in choices]
        self.values = [value for _label, value in choices]
        self.horizontal = horizontal
        self.pressed: int | None = None
        self.cursor: int | None = None  # the keyboard's place; starts on the pressed choice
        self._spans: list[tuple[int, int]] = []  # cells of each choice on a line

    @property
    def chosen(self) -> str | None:
        return self.values[self.pressed] if self.pressed is not None else None

    def show(self, value: str | None) -> None:
        """Press the choice ``value`` (none if it is not a choice) without announcing it."""
        pressed = self.values.index(value) if value in self.values else None
        cursor = pressed if pressed is not None else self.cursor
        if (pressed, cursor) != (self.pressed, self.cursor):
            self.pressed, self.cursor = pressed, cursor
            self.refresh()

    def relabel(self, labels: list[str]) -> None:
        self.labels = list(labels)
        self.refresh(layout=True)

    # -- drawing ------------------------------------------------------------------

    def render(self) -> Text:
        button = self.get_component_rich_style("choice-set--button", partial=True)
        on = self.get_component_rich_style("choice-set--on", partial=True)
        cursor = self.get_component_rich_style("choice-set--cursor")
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        self._spans = []
        for index, label in enumerate(self.labels):
            if index and not self.horizontal:
                text.append("\n")
            start = text.cell_len if self.horizontal else 0
            chosen = index == self.pressed
            text.append(CHOSEN if chosen else NOT_CHOSEN, style=on if chosen else button)
            written = shown(label)  # a level's label comes from the framework file
            text.append(f" {written} ", style=cursor if index == self.cursor else Style())
            end = text.cell_len if self.horizontal else len(written) + 5
            self._spans.append((start, end))
        return text

    # -- choosing -----------------------------------------------------------------

    def on_focus(self) -> None:
        if self.cursor is None:
            self.cursor = 0
            self.refresh()

    def action_move(self, step: int) -> None:
        count = len(self.values)
        self.cursor = 0 if self.cursor is None else (self.cursor + step) % count
        self.refresh()

    def action_press(self) -> None:
        if self.cursor is not None:
            self.press(self.cursor)

    def press(self, index: int) -> None:
        """Choose the choice at ``index``, as the user does, and announce it if it is new."""
        self.cursor = index
        if index != self.pressed:
            self.pressed = index
            self.post_message(self.Changed(self, self.values[index]))
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if not self.horizontal:
            index = offset.y
        else:
            index = next(
                (i for i, (start, end) in enumerate(self._spans) if start <= offset.x < end), -1
            )
        if 0 <= index < len(self.values):
            self.press(index)
