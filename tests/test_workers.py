"""Worker processes end with the process that started them, even when it is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from sitegen import workers

# A parent that starts two workers of each kind (forked, and from a fork server), keeps
# them busy, and prints their ids.
PARENT = textwrap.dedent(
    """
    import time
    from sitegen.workers import process_pool

    pools = [process_pool(2, fresh=fresh, background=True) for fresh in (False, True)]
    futures = [pool.submit(time.sleep, 600) for pool in pools for _ in range(2)]
    while sum(len(pool._processes or {}) for pool in pools) < 4:
        time.sleep(0.05)
    time.sleep(1)  # every worker has run its initializer and taken a job
    ids = [pid for pool in pools for pid in pool._processes]
    print(" ".join(map(str, ids)), flush=True)
    time.sleep(600)
    """
)


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            state = handle.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_end_when_their_parent_is_killed() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    assert parent.stdout is not None
    ids = [int(word) for word in parent.stdout.readline().split()]
    assert len(ids) == 4 and all(alive(pid) for pid in ids)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    end = time.monotonic() + 5
    while [pid for pid in ids if alive(pid)] and time.monotonic() < end:
        time.sleep(0.1)
    left = [pid for pid in ids if alive(pid)]
    for pid in left:  # do not leave them to the next test
        os.kill(pid, signal.SIGKILL)
    assert left == []


def test_a_worker_whose_parent_is_gone_ends_at_once() -> None:
    child = os.fork()
    if child == 0:  # pragma: no cover - the child process
        workers.watch_parent(2**22 + 1)  # above pid_max: no such process
        os._exit(0)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == workers.ORPHANED
