"""The indicator framework: its model, its YAML loader and its summary figures.

Names are imported on first use, as in :mod:`roam`, so that importing the package
loads neither Pydantic nor the models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = [
    "Category",
    "ContextualIndicator",
    "Framework",
    "Indicator",
    "IndicatorPlace",
    "QuantitativeIndicator",
    "Question",
    "Scale",
    "ScaledIndicator",
    "Theme",
    "default_edition_path",
    "list_editions",
    "load_framework",
    "localize",
]
_FUNCTION_HOMES = {
    "default_edition_path": "roam.framework.loader",
    "list_editions": "roam.framework.loader",
    "load_framework": "roam.framework.loader",
    "localize": "roam.framework.text",
}
# Every other name of the API is a class of the model.
_API = {name: _FUNCTION_HOMES.get(name, "roam.framework.model") for name in __all__}

if TYPE_CHECKING:
    from roam.framework.loader import default_edition_path, list_editions, load_framework
    from roam.framework.model import (
        Category,
        ContextualIndicator,
        Framework,
        Indicator,
        IndicatorPlace,
        QuantitativeIndicator,
        Question,
        Scale,
        ScaledIndicator,
        Theme,
    )
    from roam.framework.text import localize


def __getattr__(name: str) -> Any:
    module_name = _API.get(name)
    if module_name is None:
        raise AttributeError(f"module 'roam.framework' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module_name), name)
