"""Screens reach roam's app one way: ``roam_app`` of RoamScreen or RoamModalScreen."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from textual.app import App
from textual.screen import Screen

import roam.tui.screens
from roam.tui.roam_screen import RoamModalScreen, RoamScreen, roam_app_of
from tests.helpers.tui import ui_test

MODULES = [
    info.name for info in pkgutil.iter_modules(roam.tui.screens.__path__, "roam.tui.screens.")
]


def _tree(module_name: str) -> ast.Module:
    module = importlib.import_module(module_name)
    return ast.parse(Path(inspect.getfile(module)).read_text(encoding="utf-8"))


def _is_self_app(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "app"
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    )


@pytest.mark.parametrize("module_name", MODULES)
def test_screens_use_only_textuals_app_through_self_app(module_name: str) -> None:
    """``self.app`` is Textual's App; roam's own attributes come through ``roam_app``."""
    tree = _tree(module_name)
    for node in ast.walk(tree):
        assert not (isinstance(node, ast.Name) and node.id == "RoamApp"), (
            f"{module_name}:{node.lineno}: names RoamApp; use self.roam_app"
        )
        if isinstance(node, ast.Attribute) and _is_self_app(node.value):
            assert hasattr(App, node.attr), (
                f"{module_name}:{node.lineno}: self.app.{node.attr} is roam's; use self.roam_app"
            )
        if isinstance(node, ast.Call) and node.args and _is_self_app(node.args[0]):
            assert not (isinstance(node.func, ast.Name) and node.func.id in ("getattr", "cast")), (
                f"{module_name}:{node.lineno}: reaches the app around its type"
            )


def test_every_screen_that_reaches_roams_app_derives_from_the_roam_base() -> None:
    reaching: list[type[Screen[object]]] = []
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module_name or not issubclass(cls, Screen):
                continue
            if "roam_app" in inspect.getsource(cls):
                reaching.append(cls)
                assert issubclass(cls, (RoamScreen, RoamModalScreen)), cls.__name__
    # The walkthrough, home, dashboard, review, records, help and new-assessment screens.
    assert len(reaching) >= 7, [cls.__name__ for cls in reaching]


@ui_test
async def test_a_screen_outside_roams_app_says_so() -> None:
    """roam_app is RoamApp, checked: a screen pushed in another app gets a TypeError."""

    class Other(App[None]):
        pass

    app = Other()
    async with app.run_test():
        screen: RoamScreen[None] = RoamScreen()
        await app.push_screen(screen)
        with pytest.raises(TypeError, match="runs only in roam's app"):
            roam_app_of(screen)
