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


def process_pool(workers: int) -> ProcessPoolExecutor:
    method = "forkserver" if "typst" in sys.modules else "fork"
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method))
