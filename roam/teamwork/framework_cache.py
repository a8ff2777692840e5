"""Each framework edition loaded once per portfolio, however many assessment files name it.

A portfolio of 193 countries names one or two editions; loading an edition (even
from the cache of validated files, which hashes every file of it again) costs far
more than looking it up, so each process building a portfolio keeps the editions
it loaded by their resolved location.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from roam.assessment.loader import EditionLoader
from roam.framework.loader import load_framework
from roam.framework.model import Framework

# Editions kept per portfolio: far more than a liaison's files ever name.
MAX_EDITIONS = 32


def editions_loaded_once() -> EditionLoader:
    """A loader of editions that loads each location once (a failure is tried again)."""
    by_location = lru_cache(maxsize=MAX_EDITIONS)(load_framework)

    def load(location: Path) -> Framework:
        return by_location(location.resolve())

    return load
