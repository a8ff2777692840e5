"""Every key binding of the UI has an id, so a user can remap any of them."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.binding import Binding
from textual.dom import DOMNode

import roam.tui


def _classes_with_bindings() -> list[type[DOMNode]]:
    found = []
    for module_info in pkgutil.walk_packages(roam.tui.__path__, "roam.tui."):
        module = importlib.import_module(module_info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if value.__module__ == module.__name__ and "BINDINGS" in vars(value):
                found.append(value)
    return found


def test_every_binding_has_a_unique_roam_id() -> None:
    classes = _classes_with_bindings()
    assert len(classes) >= 10  # the app, every screen, and the widgets with keys
    ids: list[str] = []
    for cls in classes:
        for binding in vars(cls)["BINDINGS"]:
            assert isinstance(binding, Binding), f"{cls.__name__}: {binding!r} is not a Binding"
            assert binding.id and binding.id.startswith("roam."), f"{cls.__name__}: {binding}"
            ids.append(binding.id)
    assert len(ids) == len(set(ids)), "two bindings share an id"


def test_navigation_keys_survive_typing_in_a_field() -> None:
    """Keys that move between indicators must not be letters, which a field would swallow."""
    from roam.tui.screens.walkthrough import WalkthroughScreen

    for binding in WalkthroughScreen.BINDINGS:
        assert isinstance(binding, Binding)
        if binding.key != "escape":
            assert binding.priority, binding.id
            assert binding.key.startswith(("ctrl+", "f")) and len(binding.key) > 1, binding.id
