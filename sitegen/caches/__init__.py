"""`.cache/`, where builds keep what they made for the next run: a convenience, never an
authority, and never a reason for a build to fail.

Each entry is checked against its seal when it is read (`sitegen.caches.seal`); one that fails is
deleted and made again, with a one-line warning naming it (`discarded`). A `.cache/` that
cannot be written (a read-only mount, a file in its place, no permission), or a user cache
folder where the sealing secret cannot be kept, gives one warning, and the build keeps its
entries in a temporary folder that is deleted when the process ends: everything is made
again, as on a first build.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import logging
import os
import shutil
import tempfile
from pathlib import Path

from sitegen.caches import seal

FOLDER = Path(".cache")
CHECKED = "checked.json"
PAGES = "pages"
DOCUMENTS = "documents"

log = logging.getLogger("sitegen.cache")

_folders: dict[Path, Path] = {}


def cache_folder(root: Path) -> Path:
    """The project's `.cache/`, or (one warning, once per process) a temporary stand-in."""
    root = root.resolve()
    if root not in _folders:
        _folders[root] = _usable(root / FOLDER)
    return _folders[root]


def discarded(entry: Path, reason: str) -> None:
    """Warn that `entry` failed its check and delete it (a link itself, never its target)."""
    log.warning(f"{entry}: {reason}: discarded, made again")
    remove(entry)


def remove(entry: Path) -> None:
    if entry.is_dir() and not entry.is_symlink():
        shutil.rmtree(entry, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):  # not ours to delete: it is not used either way
            entry.unlink(missing_ok=True)


def _usable(folder: Path) -> Path:
    for part in (folder, folder / PAGES, folder / DOCUMENTS):
        try:
            _probe(part)
        except OSError as error:
            return _stand_in(f"{part}: cannot write ({error.strerror or error})")
    try:
        seal.machine_secret()
    except OSError as error:
        stand_in = _stand_in(f"{seal.secret_file()}: cannot keep the cache's key ({error})")
        os.environ["XDG_CACHE_HOME"] = str(stand_in)  # a key for this run (and its workers)
        return stand_in
    return folder


def _probe(folder: Path) -> None:
    """Make `folder` if need be, and a file in it; OSError if either cannot be done."""
    if os.path.lexists(folder) and not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
    folder.mkdir(parents=True, exist_ok=True)
    handle, probe = tempfile.mkstemp(prefix=".probe-", dir=folder)
    os.close(handle)
    os.unlink(probe)


def _stand_in(problem: str) -> Path:
    log.warning(f"{problem}: building without the cache")
    folder = Path(tempfile.mkdtemp(prefix="sitegen-cache-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder
