"""SHA-256 digests of folders: what the caches' keys are made of."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

PACKAGE = Path(__file__).parent.resolve()


def folder_digest(folder: Path) -> bytes:
    """Every file below `folder` (its path and its bytes), compiled Python left out."""
    digest = hashlib.sha256()
    for path in sorted(
        p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    ):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.digest()


@functools.cache
def package_digest() -> bytes:
    """Every file of the sitegen package, hashed once per process: the code that runs is
    the code that was there when it started."""
    return folder_digest(PACKAGE)
