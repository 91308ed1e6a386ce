"""SHA-256 digests: what the keys of `.cache/` and of the process caches are made of.

One place computes them, so the page key and the template held in memory can never
disagree about which template they mean: both hang on `folder_digest` of the files.
(They once did: the process caches of templates and clause files were keyed by the
folder's path, so `mkdocs serve` stored a page built from the old template under the
new template's key, and every later build served it until `.cache/` was deleted.)

Each file is read and hashed once per process while it stays as it was: a file's digest
is kept with its status (size, modification and change times, inode, device), and a file
whose status moved is hashed again. The change time moves on every write and nothing
sets it back (see `sitegen.seal`), so the same status means the same bytes; a file
written within `RACY_NS` before it was hashed is not kept (a coarse file system clock
could give a write right after it the same times, as git's "racy clean" entries). A
template folder (~15 files) then costs ~15 `stat` calls per use, ~50 µs, however many
keys and caches ask for it in a run (the validation cache, the page keys, the document
keys, the templates and clauses in memory: it was hashed up to three times a run), and
workers forked from this process inherit digests they check the same way.
"""

from __future__ import annotations

import functools
import hashlib
import os
import time
from pathlib import Path

PACKAGE = Path(__file__).parent.resolve()
# A file changed less than this before it was hashed is hashed again on its next use.
RACY_NS = 2_000_000_000

Status = tuple[int, int, int, int, int]  # size, mtime_ns, ctime_ns, inode, device

_files: dict[str, tuple[Status, bytes]] = {}


def file_digest(path: Path) -> bytes:
    """The SHA-256 of the file's bytes; read again only when its status moved."""
    where = os.path.abspath(path)
    status = _status(where)
    known = _files.get(where)
    if known is not None and known[0] == status:
        return known[1]
    started = time.time_ns()
    with open(where, "rb") as source:
        digest = hashlib.file_digest(source, "sha256").digest()
    if _status(where) == status and started - max(status[1], status[2]) > RACY_NS:
        _files[where] = (status, digest)
    else:
        _files.pop(where, None)
    return digest


def _status(path: str) -> Status:
    found = os.stat(path)
    return (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev)


def folder_digest(folder: Path) -> bytes:
    """Every file below `folder` (its path and its bytes), compiled Python left out."""
    digest = hashlib.sha256()
    for path in sorted(
        p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    ):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(file_digest(path))
    return digest.digest()


@functools.cache
def package_digest() -> bytes:
    """Every file of the sitegen package, hashed once per process: the code that runs is
    the code that was there when it started."""
    return folder_digest(PACKAGE)
