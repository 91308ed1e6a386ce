"""Python's cycle collector paused while the stage builds its rows.

CPython frees an object when its last reference goes; the cycle collector only finds groups
of objects that refer to each other. It runs after every few hundred new objects, and
every so often walks every object alive: at a year of data for 1,000 agreements that is
the 1,000 agreement models and, while the figures are made, hundreds of thousands of
rows. The figures are frozen dataclasses and tuples that refer to nothing that refers back,
so those walks find nothing, and they cost more than a fifth of the stage's CPU
(`make bench`'s reports row: figures 11.7–12.2 s of CPU with the collector, 9.9 s without;
reading 6.4 s against 5.2 s). So reading and computing run with it paused; it runs again
as before once they return (any cycles left then are collected as usual).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cycle collection inside the block; as before after it (nested blocks too)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
