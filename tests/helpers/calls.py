"""Recording calls: for the tests that tell what was parsed or computed from a cache."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


def recorded_calls(
    monkeypatch: pytest.MonkeyPatch,
    owner: object,
    name: str,
    note: Callable[..., str],
    into: list[str] | None = None,
) -> list[str]:
    """Wrap ``owner.name`` so that each call adds ``note(*args, **kwargs)`` to the list returned.

    For the tests that tell what was parsed or computed from what came from a cache.
    """
    seen = [] if into is None else into
    real = getattr(owner, name)

    def recorded(*args: Any, **kwargs: Any) -> Any:
        seen.append(note(*args, **kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, recorded)
    return seen
