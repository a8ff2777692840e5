"""Reading a file without the garbage collector walking everything else in the process.

Reading the demo assessment creates some 26,000 objects (parse data, then
validated records; or the records unpickled from the cache), none of them in a
reference cycle.  Python starts a collection every 700 new objects and, every
so often, a full one over every object alive: in the TUI, all of Textual's.
Measured there, the collector's passes cost more than reading from the cache
itself (31 ms with them, 14 without) and a quarter of a full parse.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic collections inside; what was left by then is collected as usual after."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
