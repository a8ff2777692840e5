"""The indicator framework: its model, its YAML loader and its summary figures."""

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
