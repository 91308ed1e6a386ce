"""Writing files so that a failure leaves the old file or none, never half a file."""

from __future__ import annotations

import os
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
