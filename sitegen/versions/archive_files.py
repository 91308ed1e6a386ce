"""The signed archive's manifest and files, as `sitegen sign` writes them and as they are read.

Every file is read through `sitegen.files.read_regular`: an archived name that is a symbolic
link, a device or a FIFO is refused (SG111), never followed, and nothing is read past its
bound. A PDF or scan is bounded at 64 MiB (a 40-page bilingual contract is ~300 KB, a
600 dpi colour scan ~20 MB), a manifest at 4 MiB (~11,000 entries).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic import Strict as PydanticStrict

from sitegen.files import Refusal, read_regular
from sitegen.load.characters import places, refusal
from sitegen.load.invalid import first_invalid
from sitegen.load.layout import MANIFEST, SIGNED_DIR
from sitegen.load.yamltree import Limits, Refused, parse_tree

ARCHIVE_MAX_BYTES = 64 << 20
MANIFEST_MAX_BYTES = 4 << 20
SCAN_EXTENSIONS = ("pdf", "png", "jpg", "jpeg", "tif", "tiff")
# A provider's published agreement keeps the provider's own text, saved as PDF or HTML.
SNAPSHOT_EXTENSIONS = ("pdf", "html")

FileName = Annotated[str, StringConstraints(pattern=r"^v[1-9][0-9]*(-scan|-source)?\.[a-z]{2,4}$")]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class Entry(BaseModel):
    """One signed version: what was signed, when, with which template, and its files."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Annotated[int, PydanticStrict(), Field(ge=1)]
    date: dt.date
    template: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*@[1-9][0-9]*$")
    files: dict[FileName, Sha256] = Field(min_length=1)
    # True for entries `sitegen sign` wrote with the PDF bound to its YAML (every entry
    # from the first one signed so); absent, so False, in entries signed before.
    bound: Annotated[bool, PydanticStrict()] = False

    @property
    def yaml_name(self) -> str:
        return f"v{self.version}.yaml"

    @property
    def scan(self) -> str | None:
        return next((name for name in self.files if is_scan(name)), None)


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    agreement: str
    signed: list[Entry] = Field(default_factory=list)

    @model_validator(mode="after")
    def _increasing(self) -> Manifest:
        versions = [entry.version for entry in self.signed]
        if versions != sorted(set(versions)):
            raise ValueError(f"versions must be listed once each, in order (found {versions})")
        return self

    def entry(self, version: int) -> Entry | None:
        return next((e for e in self.signed if e.version == version), None)

    @property
    def last(self) -> Entry | None:
        return self.signed[-1] if self.signed else None


class ManifestError(Exception):
    """A manifest that cannot be read: the message and a 1-based line."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def is_scan(name: str) -> bool:
    return re.fullmatch(r"v[1-9][0-9]*-scan\.[a-z]{2,4}", name) is not None


def is_snapshot(name: str) -> bool:
    """`v2-source.html`: the provider's text of a published agreement's version."""
    return re.fullmatch(r"v[1-9][0-9]*-source\.(pdf|html)", name) is not None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def git_blob_sha(data: bytes) -> str:
    """The id git gives a file's content, computed without asking git."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def parse_manifest(data: bytes) -> Manifest:
    """A manifest from its bytes; ManifestError when it is not one. Untrusted input."""
    if len(data) > MANIFEST_MAX_BYTES:
        raise ManifestError(f"{len(data):,} bytes is too large for a manifest")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ManifestError("not UTF-8 text") from None
    hidden = next(places(text), None)  # SG109's characters: the manifest is text too
    if hidden is not None:
        raise ManifestError(refusal(hidden[2]), hidden[0] + 1)
    try:
        tree = parse_tree(text, Limits(0, 8))
    except Refused as refused:
        raise ManifestError(refused.message, refused.line + 1) from None
    if tree.hidden:  # the same characters written as escapes
        raise ManifestError(tree.hidden[0].message, tree.hidden[0].line + 1)
    try:
        return Manifest.model_validate(tree.data)
    except ValidationError as error:
        invalid = first_invalid(error)
        line = tree.positions.get(invalid.loc, (0, 0, 0, 0))[2] + 1
        raise ManifestError(invalid.message, line) from None


def render_manifest(manifest: Manifest) -> str:
    """The manifest's text. Deterministic, so rewriting it keeps earlier entries' bytes."""
    lines = [
        f"# The signed versions of {manifest.agreement}, written by `sitegen sign` and",
        "# `sitegen attach`. Append-only: never edit or remove an entry.",
        f"agreement: {manifest.agreement}",
        "signed:" if manifest.signed else "signed: []",
    ]
    for entry in manifest.signed:
        lines += [
            f"  - version: {entry.version}",
            f"    date: {entry.date.isoformat()}",
            f"    template: {entry.template}",
            *(["    bound: true"] if entry.bound else []),
            "    files:",
            *(f"      {name}: {sha}" for name, sha in entry.files.items()),
        ]
    return "\n".join(lines) + "\n"


def entry_line(text: str, version: int) -> int:
    """1-based line of the manifest entry for `version` (1 when it is not found)."""
    match = re.search(rf"^\s*-\s*version:\s*{version}\s*$", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def only_scan_added(before: Entry, after: Entry) -> bool:
    """True when `after` is `before`, or `before` with a scan attached (what attach does)."""
    if before == after:
        return True
    added = set(after.files) - set(before.files)
    kept = {name: after.files.get(name) for name in before.files}
    return (
        before.model_dump(exclude={"files"}) == after.model_dump(exclude={"files"})
        and kept == before.files
        and before.scan is None
        and len(added) == 1
        and all(is_scan(name) for name in added)
    )


@dataclass(frozen=True)
class ArchivedFile:
    """A file of the archive as it is on disk."""

    path: Path
    sha256: str | None  # None when the file is missing or refused
    git_sha: str | None
    refusal: str | None = None  # why it was not read: a link, a device, too large


def archived_file(path: Path) -> ArchivedFile:
    try:
        data = read_archived(path)
    except Refusal as refusal:
        return ArchivedFile(path, None, None, refusal.reason)
    except OSError:
        return ArchivedFile(path, None, None)
    return ArchivedFile(path, sha256_hex(data), git_blob_sha(data))


def read_archived(path: Path) -> bytes:
    """An archived file's bytes: Refusal for a link, a special file or one too large."""
    limit = MANIFEST_MAX_BYTES if path.name == MANIFEST else ARCHIVE_MAX_BYTES
    return read_regular(path, limit)


@dataclass(frozen=True)
class Folder:
    """One agreement folder with a `signed/` archive, its manifest read once."""

    agreement_id: str
    path: Path
    manifest: Manifest | None
    manifest_text: str

    @property
    def signed(self) -> Path:
        return self.path / SIGNED_DIR
