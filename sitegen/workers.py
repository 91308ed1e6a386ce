"""Worker processes for work that uses every core (validation, documents).

Forking is quickest (workers inherit the loaded package), but forking a process that runs
threads can leave a child waiting forever on a lock some other thread held: a typst
compiler runs threads. So: fork while typst is not loaded in this process, else start the
workers from a fresh fork server.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor


def cores(limit: int = 8) -> int:
    return max(1, min(len(os.sched_getaffinity(0)), limit))


# Niceness of background workers: they take what the foreground process leaves.
BACKGROUND_NICENESS = 10


def process_pool(
    workers: int, *, background: bool = False, fresh: bool = False
) -> ProcessPoolExecutor:
    """`workers` processes. `background` ones run at a lower priority (niceness 10), so a
    process working beside them (the site build beside the documents rendering) keeps its
    core, and they get every cycle it leaves. `fresh` ones start from a fork server, not
    from this process: a long-lived worker forked from a process holding much (a site
    build's agreements and pages) soon holds its own copy of it."""
    method = "forkserver" if fresh or "typst" in sys.modules else "fork"
    context = multiprocessing.get_context(method)
    if not background:
        return ProcessPoolExecutor(workers, mp_context=context)
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=os.nice, initargs=(BACKGROUND_NICENESS,)
    )
