"""The garbage collector while the TUI starts: paused until the first screen is drawn.

Opening the walkthrough creates a few hundred thousand objects that live as long
as the session (widgets, styles, tree nodes, records) and next to no garbage.
Python's collector still makes a pass every 700 new objects and, every so often,
walks every object in the process, Textual's and Pydantic's included: about 55 ms
of a 900 ms start on the demo (benchmarks/README.md).  So automatic collections
wait until the first frame is drawn, and the objects that came with the imports
(modules, classes, functions: alive as long as the process) are moved out of the
collector's sight once (``gc.freeze``), which keeps later full passes short too.
"""

from __future__ import annotations

import gc
from functools import cache


@cache
def _freeze_imports() -> None:
    # Once per process: a second app (in tests) would freeze the first one's garbage.
    gc.freeze()


def pause_for_start() -> bool:
    """Pause automatic collections; returns whether they were on, for :func:`resume`."""
    _freeze_imports()
    was_enabled = gc.isenabled()
    gc.disable()
    return was_enabled


def resume(was_enabled: bool) -> None:
    """Collections as before :func:`pause_for_start`; what piled up meanwhile goes first."""
    if was_enabled:
        gc.enable()
