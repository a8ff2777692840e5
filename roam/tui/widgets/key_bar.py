"""The keys of the current screen along the bottom line: Textual's own footer.

Keys that belong together share a ``Binding.Group`` (``^n ^p Next/prev``), so the
line names what a user can do rather than listing every key.  The app's own keys
(help, the palette, dashboard, export) stand at the right end and are always shown;
the screen's keys fill the line from the left in the order of their bindings, and a
key that does not fit whole is left out rather than cut (help and the palette list
every key).  The palette's key is one of the app's bindings, so the footer does not
add it a second time.
"""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import HorizontalGroup
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Footer, Label

MOVE = Binding.Group("Next/prev", compact=True)  # ctrl+n, ctrl+p on the walkthrough
FIND = Binding.Group("Find", compact=True)  # ctrl+g (jump to a code), ctrl+f (search)


class AppKeys(HorizontalGroup):
    """The app's keys, docked at the right end of the key bar."""


class KeyBar(Footer):
    """The footer of every roam screen: compact, clickable, grouped, never cut mid-key."""

    DEFAULT_CSS = """
    KeyBar {
        AppKeys {
            dock: right;
            width: auto;
            height: 1;
        }
        AppKeys FooterKey:last-of-type {
            margin-right: 0;
        }
        /* One space between entries: a group's keys, its label, the next key. */
        KeyGroup.-compact {
            padding-left: 0;
        }
        &.-compact FooterLabel {
            margin-right: 1;
        }
    }
    """

    def __init__(self, *, classes: str = "") -> None:
        super().__init__(compact=True, show_command_palette=False, classes=classes)

    def compose(self) -> ComposeResult:
        app_keys: list[Widget] = []
        bindings: dict[str, ActiveBinding] | None = None  # read once, when there are keys
        for widget in super().compose():
            # A footer key (Textual's FooterKey) carries the key it stands for.
            key = getattr(widget, "key", None)
            if isinstance(key, str) and bindings is None:
                bindings = self.screen.active_bindings
            active = bindings.get(key) if isinstance(key, str) and bindings else None
            if (
                active is not None
                and isinstance(active.node, App)
                and not widget.has_class("-grouped")
            ):
                app_keys.append(widget)
            else:
                yield widget
        if app_keys:
            with AppKeys():
                yield from app_keys
        self.call_after_refresh(self.fit_keys)

    def on_resize(self, event: events.Resize) -> None:
        self.fit_keys()

    def fit_keys(self) -> None:
        """Leave out, whole, the screen's keys that would run under the app's keys.

        Widths come from the keys' texts and styles, not from a layout, so the line is
        right on the first frame of a screen and after every change of focus or size.
        """
        docked = self.query(AppKeys)
        room = (self.size.width or self.app.size.width) - sum(map(_width, docked))
        used = 0
        previous: Widget | None = None
        for widget in self.children:
            if isinstance(widget, AppKeys):
                continue
            used += _width(widget)
            widget.display = used <= room
            # A group's label left out takes the group's keys with it.
            label_left_out = not widget.display and isinstance(widget, Label)
            if label_left_out and isinstance(previous, HorizontalGroup):
                previous.display = False
            previous = widget


def _width(widget: Widget) -> int:
    """The columns ``widget`` takes in the key bar, margins included."""
    if widget.children:
        inner = sum(map(_width, widget.children))
    else:
        inner = widget.get_content_width(Size(0, 0), Size(0, 0))
    return inner + widget.styles.padding.width + widget.styles.margin.width
