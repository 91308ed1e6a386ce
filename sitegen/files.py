"""Reading untrusted files safely; writing files so that a failure leaves the old file or
none, never half a file.

Agreements, templates and archived files come from pull requests. A path there can be a
symbolic link (`signed/v1-scan.pdf -> /etc/passwd` was archived and published as a
download), a device (`-> /dev/zero` reports `st_size` 0 and then never ends: MemoryError)
or a FIFO (`read()` blocks forever). `read_regular` opens without following a link and
without blocking, checks the open descriptor is a regular file, and reads at most one byte
more than allowed, whatever `st_size` says.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from sitegen.errors import UserError


def _file_mode() -> int:
    """The mode `open()` gives a new file (0666 less the umask): a temporary file is made
    0600, and a published file must stay readable to the web server."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


FILE_MODE = _file_mode()

# A template's manifest or section file is a page of YAML; 1 MiB is far past any real one.
TEMPLATE_MAX_BYTES = 1 << 20
# SG111: the one finding code for a path sitegen refuses to read.
NOT_REGULAR = "SG111"
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class Refusal(Exception):
    """A file sitegen will not read: `reason` completes "path: …"; `size` when too large."""

    def __init__(self, reason: str, size: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.size = size


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of `path` if it is a regular file (not a link) of at most `limit` bytes.

    Raises Refusal for a link, anything but a regular file, or more than `limit` bytes;
    OSError for anything else (a missing file, no permission).
    """
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        handle = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise Refusal(_LINK) from None
        raise
    try:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            raise Refusal(f"is {kind}, not a regular file: sitegen reads only regular files")
        data = _read_at_most(handle, limit + 1)
        if len(data) > limit:
            raise Refusal(f"is larger than the limit of {limit:,} bytes", os.fstat(handle).st_size)
    finally:
        os.close(handle)
    return data


def _read_at_most(handle: int, size: int) -> bytes:
    chunks: list[bytes] = []
    while size > 0:
        chunk = os.read(handle, min(size, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


_LINK = "is a symbolic link: sitegen reads only regular files, never what a link points at"


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            os.fchmod(handle, FILE_MODE)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise UserError(f"cannot write: {error.strerror}", path=path) from None


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write only when the content differs; True when the file was written."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data)
    return True
