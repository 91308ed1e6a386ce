"""`sitegen preview ID` on the synthetic site project (`tests.bench.site.site_project`: N
agreements × 3 git revisions, a signed version each): the time from starting the command
to the first page served (HTTP 200 with the agreement's page), and from saving an edit of
the agreement to the page showing it.

The edit's time includes the wait of mkdocs' polling observer (it looks every 0.5 s) and
its 0.1 s pause for further changes, as a user's save does. Each run starts the command
afresh (a cold process, the caches of the file system warm) and stops it with SIGTERM.
"""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tests.bench.agreement import ID_FORMAT

TIMEOUT = 120.0  # seconds: a run that takes longer is an error, not a figure
POLL = 0.02  # seconds between requests
TITLE = re.compile(r"^title:\n  zh: (.+)$", re.MULTILINE)
# What each run adds to the Chinese title: no digit, or the English title would differ in
# its numbers (SG705) and the edit would show as a finding, not as the new title.
MARKS = ("（修订）", "（再修订）", "（修订稿）", "（改定稿）", "（定稿）")


@dataclass(frozen=True)
class Run:
    first_page: float  # seconds from the start of the command
    edit: float  # seconds from the save to the page showing it


def agreement_of(count: int) -> str:
    """The agreement previewed: one in the middle of the catalogue."""
    return ID_FORMAT.format(max(1, count // 2))


def run_once(root: Path, agreement_id: str, today: str, mark: str, env: dict[str, str]) -> Run:
    """Start the preview, time its first page, save an edit of the title, time the page
    showing it; then stop the server and put the file back."""
    port = _free_port()
    page = f"http://127.0.0.1:{port}/agreements/{agreement_id}/"
    path = root / "agreements" / agreement_id / "agreement.yaml"
    text = path.read_text(encoding="utf-8")
    found = TITLE.search(text)
    if found is None:
        raise RuntimeError(f"{path}: no `title: zh:` to edit")
    argv = [sys.executable, "-c", "from sitegen.cli import main; main()", "preview",
            agreement_id, "--port", str(port), "--today", today]  # fmt: skip
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        _wait(page, f"仅预览 {agreement_id}", process)
        first = time.perf_counter() - start
        edited = f"{found[1]}{mark}"
        path.write_text(text[: found.start(1)] + edited + text[found.end(1) :], encoding="utf-8")
        saved = time.perf_counter()
        _wait(page, edited, process)
        return Run(first, time.perf_counter() - saved)
    finally:
        path.write_text(text, encoding="utf-8")
        if process.poll() is None:  # not SIGINT: ignored when this runs in the background
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()


def _wait(url: str, text: str, process: subprocess.Popen[str]) -> None:
    end = time.perf_counter() + TIMEOUT
    while time.perf_counter() < end:
        if process.poll() is not None:
            said = process.stderr.read() if process.stderr else ""
            raise RuntimeError(f"sitegen preview exited with {process.returncode}:\n{said}")
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if response.status == 200 and text in response.read().decode("utf-8"):
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(POLL)
    raise RuntimeError(f"{url} did not show {text!r} within {TIMEOUT} s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
