"""Publishing the built site whole: built beside its folder, swapped in when complete.

mkdocs empties its `site_dir` and writes the new site into it file by file, so a full disk,
an error or a kill left half a site (and `sitegen build --out ~/Documents` emptied the
folder). Now the folder must be one sitegen built (it carries `SITE_MARKER`) or empty; the
site is built into a hidden sibling `.NAME.sitegen-XXXXXXXX`, then exchanged with the folder
in one `renameat2(RENAME_EXCHANGE)`, so a reader sees the old site or the new one, never a
mix, and any failure leaves the old site as it was. A sibling left by a killed build is
removed by the next one; each is locked (`flock`) by the build that made it while it runs,
so a build never removes another's.

Builds of one docs folder take turns (`exclusive`): they write the same docs folder and
caches, and two at once would delete each other's temporary files.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sitegen.errors import UserError

# The built site's own marker: a dot file, which mkdocs' cleaning of `site_dir` leaves.
SITE_MARKER = ".sitegen-site"
MARKER_TEXT = b"Built by sitegen: the whole folder is replaced by each build.\n"
RENAME_EXCHANGE = 2  # linux/fs.h
AT_FDCWD = -100


def _folder_mode() -> int:
    """The mode `mkdir` gives a new folder (0777 less the umask)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o777 & ~umask


FOLDER_MODE = _folder_mode()


def claim_site(folder: Path) -> None:
    """Refuse a folder that holds files and was not built by sitegen."""
    if folder.exists() and not folder.is_dir():
        raise UserError("not a folder: refusing to replace it with the site", path=folder)
    if folder.is_dir() and not (folder / SITE_MARKER).is_file() and any(folder.iterdir()):
        raise UserError(
            f"not a folder sitegen built (no {SITE_MARKER}): refusing to replace its files "
            "(a site built before sitegen marked its sites: delete it once)",
            path=folder,
        )


def mark_site(folder: Path) -> None:
    """Say that `folder` holds a site sitegen built (so the next build may replace it)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / SITE_MARKER).write_bytes(MARKER_TEXT)
    except OSError as error:
        raise UserError(f"cannot write: {error.strerror}", path=folder / SITE_MARKER) from None


@contextmanager
def staged(site: Path) -> Iterator[Path]:
    """A new empty folder beside `site` to build into; put in place of `site` when the
    block ends normally, removed (and `site` left as it was) when it raises."""
    site = site.resolve()
    claim_site(site)
    try:
        site.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(site)
        staging = Path(tempfile.mkdtemp(prefix=_prefix(site), dir=site.parent))
    except OSError as error:
        raise UserError(f"cannot make a folder beside it: {error.strerror}", path=site) from None
    lock = _lock(staging, wait=False)
    try:
        staging.chmod(FOLDER_MODE)  # made 0700: the web server must read the site
        mark_site(staging)
        yield staging
        _swap(staging, site)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # the new site half-built, or the old one
        os.close(lock)


@contextmanager
def spare(site: Path) -> Iterator[Path]:
    """A new empty folder beside `site` for the block (a part of the site built apart, then
    moved into it), locked as a staging folder is, and removed when the block ends."""
    site = site.resolve()
    try:
        folder = Path(tempfile.mkdtemp(prefix=_prefix(site), dir=site.parent))
    except OSError as error:
        raise UserError(f"cannot make a folder beside it: {error.strerror}", path=site) from None
    lock = _lock(folder, wait=False)
    try:
        folder.chmod(FOLDER_MODE)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        os.close(lock)


def remove_stale(site: Path) -> list[Path]:
    """Remove the siblings of `site` that builds left behind (those no build holds)."""
    removed = []
    for entry in sorted(site.parent.iterdir()):
        if not entry.name.startswith(_prefix(site)) or entry.is_symlink() or not entry.is_dir():
            continue
        try:
            handle = _lock(entry, wait=False)
        except BlockingIOError:  # a build running now
            continue
        try:
            shutil.rmtree(entry, ignore_errors=True)
        finally:
            os.close(handle)
        removed.append(entry)
    return removed


@contextmanager
def exclusive(folder: Path, waiting: Callable[[], None]) -> Iterator[None]:
    """Hold `folder` alone for the block: a second build waits (calling `waiting` first)
    until the first ends, or is killed (the kernel drops the lock of a dead process)."""
    try:
        handle = _lock(folder, wait=False)
    except BlockingIOError:
        waiting()
        handle = _lock(folder, wait=True)
    try:
        yield
    finally:
        os.close(handle)


def _prefix(site: Path) -> str:
    return f".{site.name}.sitegen-"


def _lock(folder: Path, *, wait: bool) -> int:
    """An open descriptor of `folder` holding its exclusive lock (BlockingIOError when
    another process holds it and not `wait`)."""
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BaseException:
        os.close(handle)
        raise
    return handle


def _swap(staging: Path, site: Path) -> None:
    """Put `staging` at `site`; the old site (if any) ends up at `staging`."""
    try:
        if not site.exists():
            os.rename(staging, site)
        elif not _exchange(staging, site):
            _swap_by_renames(staging, site)
    except OSError as error:
        raise UserError(f"cannot put the new site in place: {error.strerror}", path=site) from None


def _exchange(first: Path, second: Path) -> bool:
    """Exchange two paths in one step; False where the file system cannot."""
    libc = ctypes.CDLL(None, use_errno=True)
    if not hasattr(libc, "renameat2"):  # glibc before 2.28
        return False
    done = libc.renameat2(
        AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE
    )
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _swap_by_renames(staging: Path, site: Path) -> None:
    """Two renames, where one exchange is not possible: for a moment there is no site
    (a reader gets "not found", never a mix)."""
    old = staging.with_name(staging.name + "-old")
    os.rename(site, old)
    try:
        os.rename(staging, site)
    except OSError:
        os.rename(old, site)
        raise
    os.rename(old, staging)
