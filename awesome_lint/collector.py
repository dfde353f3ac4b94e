"""Python's cycle collector, paused while a run makes objects that live to its end and hold almost no cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collection(freeze: bool = False) -> Iterator[None]:
    """The cycle collector off meanwhile (reference counting still frees everything else); with `freeze`, the objects
    made meanwhile go straight to the oldest generation, so the first collection after it does not walk them all."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if freeze:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
