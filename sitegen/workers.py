"""Worker processes for work that uses every core (validation, documents).

Forking is quickest (workers inherit the loaded package), but forking a process that runs
threads can leave a child waiting forever on a lock some other thread held: a typst
compiler runs threads. So: fork while typst is not loaded in this process, else start the
workers from a fresh fork server.

Every worker dies with the process that started it. Without that, `kill -9` of a site
build left the fork server, the resource tracker, two workers and their two `pandoc lua`
processes running for over a minute (a worker waits on a queue whose writing end it holds
itself, so it never sees the parent go). Each worker watches the parent through a pidfd
(Linux 5.3): it becomes readable when that *process* ends. `PR_SET_PDEATHSIG` was not
used: it fires when the parent *thread* that forked ends, and a fork server's worker has
the fork server, not the build, as its parent. A worker ending so takes its `pandoc lua`
with it (its standard input closes) and the typst compiler (it runs in the worker).
"""

from __future__ import annotations

import multiprocessing
import os
import select
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor


def cores(limit: int = 8) -> int:
    return max(1, min(len(os.sched_getaffinity(0)), limit))


# Niceness of background workers: they take what the foreground process leaves.
BACKGROUND_NICENESS = 10
# The exit status of a worker whose parent ended (128 + SIGHUP, as a shell would say).
ORPHANED = 129


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
    niceness = BACKGROUND_NICENESS if background else 0
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=start_worker, initargs=(os.getpid(), niceness)
    )


def start_worker(parent: int, niceness: int) -> None:
    """A worker's first step: lower its priority, and end when `parent` ends."""
    if niceness:
        os.nice(niceness)
    watch_parent(parent)


def watch_parent(parent: int) -> None:
    """End this process (at once, without clean-up) when the process `parent` ends."""
    try:
        handle = os.pidfd_open(parent)
    except ProcessLookupError:  # already gone
        os._exit(ORPHANED)
    except OSError:  # a kernel before 5.3: ask once a second instead
        threading.Thread(target=_exit_when_gone, args=(parent,), daemon=True).start()
        return
    threading.Thread(target=_exit_when_readable, args=(handle,), daemon=True).start()


def _exit_when_readable(handle: int) -> None:
    select.select([handle], [], [])
    os._exit(ORPHANED)


def _exit_when_gone(parent: int) -> None:
    while True:
        time.sleep(1)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(ORPHANED)
        except PermissionError:  # the number now names another user's process
            os._exit(ORPHANED)
