"""A running pandoc: one `pandoc lua` process per Python process converts pandoc JSON ASTs,
so each document pays pandoc's writer and not its start-up.

Measured with pandoc 3.9 on an ~8-page bilingual contract: a `pandoc -f json -t docx`
process per document took ~118 ms; the same conversion in the running process ~56 ms.

The process runs `pandoc/convert.lua` (its protocol is described there). It is started on
first use, restarted in a forked child (a child never shares its parent's pipes), and ends
when this process closes its standard input, or exits.
"""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path
from typing import IO

import pypandoc

from sitegen.errors import ToolFailed

SCRIPT = Path(__file__).with_name("pandoc") / "convert.lua"


class PandocProcess:
    """Converts JSON ASTs with one pandoc process, one document at a time."""

    def __init__(self, reference_doc: Path | None = None) -> None:
        self._reference = "" if reference_doc is None else str(reference_doc)
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._pid = 0

    def convert(self, ast_json: str, to: str) -> bytes:
        """The document `to` (a pandoc writer name) written from `ast_json`."""
        body = ast_json.encode("utf-8")
        with self._lock:
            process = self._running()
            assert process.stdin is not None and process.stdout is not None
            try:
                process.stdin.write(f"{to} {len(body)}\n".encode() + body)
                process.stdin.flush()
                status, length = _header(process.stdout)
                answer = _read_exactly(process.stdout, length)
            except (OSError, ValueError) as error:
                self._stop()
                raise ToolFailed(
                    tool="pandoc", message=f"stopped while writing {to}: {error}"
                ) from None
        if status != "ok":
            said = answer.decode("utf-8", "replace")
            raise ToolFailed(tool="pandoc", message=f"could not write {to}: {said}")
        return answer

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _running(self) -> subprocess.Popen[bytes]:
        process = self._process
        if process is not None and self._pid == os.getpid() and process.poll() is None:
            return process
        self._process = None  # a parent's process (after fork), or one that ended
        command = [pypandoc.get_pandoc_path(), "lua", str(SCRIPT), self._reference]
        self._process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self._pid = os.getpid()
        return self._process

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is None or self._pid != os.getpid():
            return
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def _header(stream: IO[bytes]) -> tuple[str, int]:
    line = stream.readline()
    if not line:
        raise ValueError("no answer")
    status, _, length = line.decode("ascii").strip().partition(" ")
    return status, int(length)


def _read_exactly(stream: IO[bytes], length: int) -> bytes:
    data = stream.read(length)
    if len(data) != length:
        raise ValueError("answer cut short")
    return data
