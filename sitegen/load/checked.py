"""The record validation hands to every later stage: the agreement, the file it came from,
its parsed document and the digest of the bytes that were read.

The record travels through the build so that no stage rebuilds the path from the id or
reads the file again: a build of 1,000 agreements read each `agreement.yaml` four times
(validation, the document key, the page key, the "committed as is" check against git) —
one read is enough, and two stages reading at different moments could disagree about a
file edited during the build.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sitegen.load.document import Document
from sitegen.load.model import Agreement


@dataclass(frozen=True)
class FileDigest:
    """What the bytes of a file hash to: SHA-256, and its git blob ids (SHA-1 and SHA-256
    object formats), so `git` need not be asked whether the file is committed as is."""

    sha256: str
    git_blobs: tuple[str, str]

    @classmethod
    def of(cls, data: bytes) -> FileDigest:
        header = b"blob %d\0" % len(data)
        blobs = (hashlib.sha1(header + data).hexdigest(), hashlib.sha256(header + data).hexdigest())
        return cls(hashlib.sha256(data).hexdigest(), blobs)


@dataclass(frozen=True)
class Checked:
    """One agreement file that passed validation (no errors), as it was read."""

    agreement: Agreement
    path: Path
    document: Document
    digest: FileDigest

    @property
    def id(self) -> str:
        return self.agreement.id

    @property
    def sha256(self) -> str:
        return self.digest.sha256
