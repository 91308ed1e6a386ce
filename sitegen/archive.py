"""The signed archive, `agreements/<ID>/signed/`, and its append-only rule.

`sitegen sign` writes `v<N>.yaml` (the agreement exactly as signed) and `v<N>.pdf`, and
appends an entry to `manifest.yaml` with the SHA-256 of each; `sitegen attach` adds a scan of
the executed paper copy to an entry. Nothing else ever writes here. `check_archive` is what
`sitegen validate --history` runs: it compares the archive with its manifest, the manifest
and the archive with a base revision, the signing tags with the archive, and the living
agreement with its last signed version. All git access is a constant number of processes,
whatever the number of agreements.
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

from sitegen.config import LoadSettings, Settings
from sitegen.findings import Finding, Severity
from sitegen.history import (
    AGREEMENT_FILE,
    Base,
    Project,
    blob_bytes,
    blobs_at,
    changes_since,
    open_project,
    resolve_base,
    scan_header,
    tag_names,
)
from sitegen.lifecycle import same_terms
from sitegen.versions import SIGNED_DIR, signed_versions
from sitegen.yamltree import Limits, Refused, parse_tree

MANIFEST = "manifest.yaml"
SCAN_EXTENSIONS = ("pdf", "png", "jpg", "jpeg", "tif", "tiff")

FileName = Annotated[str, StringConstraints(pattern=r"^v[1-9][0-9]*(-scan)?\.[a-z]{2,4}$")]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class Entry(BaseModel):
    """One signed version: what was signed, when, with which template, and its files."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Annotated[int, PydanticStrict(), Field(ge=1)]
    date: dt.date
    template: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*@[1-9][0-9]*$")
    files: dict[FileName, Sha256] = Field(min_length=1)

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


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def git_blob_sha(data: bytes) -> str:
    """The id git gives a file's content, computed without asking git."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def parse_manifest(data: bytes) -> Manifest:
    """A manifest from its bytes; ManifestError when it is not one. Untrusted input."""
    limits = LoadSettings()
    if len(data) > 16 * limits.max_bytes:
        raise ManifestError(f"{len(data):,} bytes is too large for a manifest")
    try:
        tree = parse_tree(data.decode("utf-8"), Limits(0, 8))
    except UnicodeDecodeError:
        raise ManifestError("not UTF-8 text") from None
    except Refused as refusal:
        raise ManifestError(refusal.message, refusal.line + 1) from None
    try:
        return Manifest.model_validate(tree.data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        line = tree.positions.get(tuple(first["loc"]), (0, 0, 0, 0))[2] + 1
        raise ManifestError(f"{where}: {first['msg']}" if where else first["msg"], line) from None


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
    sha256: str | None  # None when the file is missing
    git_sha: str | None


def archived_file(path: Path) -> ArchivedFile:
    try:
        data = path.read_bytes()
    except OSError:
        return ArchivedFile(path, None, None)
    return ArchivedFile(path, sha256_hex(data), git_blob_sha(data))


# --- checks: what `sitegen validate --history` runs ------------------------------------


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


def check_archive(root: Path, settings: Settings, base: str | None) -> list[Finding]:
    """Every way the signed archives under `root` break the append-only rule."""
    project = open_project(root)
    findings: list[Finding] = []
    folders: list[Folder] = []
    for path in sorted((root / settings.agreements_dir).glob(f"*/{SIGNED_DIR}")):
        if path.is_dir():
            folder, problems = read_folder(path.parent)
            folders.append(folder)
            findings += problems
            findings += check_files(folder)
            findings += check_living(folder)
    findings += check_tags(project, settings, folders)
    resolved = resolve_base(project, base)
    if resolved is not None:
        findings += check_since(project, settings, resolved)
    return findings


MESSAGES = {
    "SG901": "archived file changed since {base}: signed files are append-only; restore it "
    "and raise `version` to sign an amendment",
    "SG902": "archived file deleted since {base}: signed files are append-only; restore it",
    "SG903": "SHA-256 differs from the manifest (recorded {expected}…, file {actual}…): "
    "the file was changed after signing",
    "SG904": "missing: manifest.yaml lists it for v{version}",
    "SG905": "not recorded in manifest.yaml: only `sitegen sign` and `sitegen attach` add "
    "files to the archive",
    "SG906": "manifest entry for v{version} was altered since {base}: entries are append-only",
    "SG907": "manifest entry for v{version} was removed since {base}: entries are append-only",
    "SG908": "manifest cannot be read: {problem}",
    "SG909": "tag {tag} points at content that differs from the archive: a signed tag must "
    "not move",
    "SG910": "version {version} is lower than the last signed version {last}: version "
    "numbers never go back",
    "SG912": "tag {tag} names v{version}, which manifest.yaml does not list",
    "SG911": "differs from signed/v{last}.yaml but keeps version {last}: raise `version` to "
    "amend a signed agreement",
}


def _error(path: Path, code: str, line: int = 1, **values: object) -> Finding:
    return Finding(path, line, 1, code, Severity.ERROR, MESSAGES[code].format(**values))


def read_folder(path: Path) -> tuple[Folder, list[Finding]]:
    manifest_path = path / SIGNED_DIR / MANIFEST
    try:
        data = manifest_path.read_bytes()
    except FileNotFoundError:
        return Folder(path.name, path, None, ""), []
    except OSError as error:
        problem = _error(manifest_path, "SG908", problem=error.strerror)
        return Folder(path.name, path, None, ""), [problem]
    text = data.decode("utf-8", errors="replace")
    try:
        manifest = parse_manifest(data)
    except ManifestError as error:
        problem = _error(manifest_path, "SG908", error.line, problem=error.message)
        return Folder(path.name, path, None, text), [problem]
    return Folder(path.name, path, manifest, text), []


def check_files(folder: Folder) -> list[Finding]:
    """Each recorded file is there with its recorded SHA-256; nothing unrecorded is there."""
    findings: list[Finding] = []
    recorded: set[str] = {MANIFEST}
    for entry in folder.manifest.signed if folder.manifest else []:
        for name, expected in entry.files.items():
            recorded.add(name)
            actual = archived_file(folder.signed / name).sha256
            if actual is None:
                findings.append(_error(folder.signed / name, "SG904", version=entry.version))
            elif actual != expected:
                shown = _error(
                    folder.signed / name, "SG903", expected=expected[:12], actual=actual[:12]
                )
                findings.append(shown)
    for path in sorted(folder.signed.iterdir()):
        if path.name not in recorded and (folder.manifest or folder.manifest_text == ""):
            findings.append(_error(path, "SG905"))
    return findings


def check_living(folder: Folder) -> list[Finding]:
    """The living agreement never goes below, or silently edits, the last signed version."""
    living = folder.path / AGREEMENT_FILE
    if folder.manifest is not None:
        last = folder.manifest.last.version if folder.manifest.last else None
    else:
        last = max(signed_versions(folder.path), default=None)
    try:
        data = living.read_bytes()
    except OSError:
        return []
    text = data.decode("utf-8", errors="replace")
    version = scan_header(text)[0]
    if last is None or version is None:
        return []
    line = _version_line(text)
    if version < last:
        return [_error(living, "SG910", line, version=version, last=last)]
    if version == last and _signed_text_differs(folder, last, data):
        signed = folder.signed / f"v{last}.yaml"
        signed_text = signed.read_text("utf-8", errors="replace") if signed.is_file() else ""
        if not same_terms(signed_text, text):  # reviews and termination may be added
            return [_error(living, "SG911", line, last=last)]
    return []


def _signed_text_differs(folder: Folder, version: int, data: bytes) -> bool:
    """Compared with the hash the manifest records (a tampered vN.yaml is reported on its
    own), or with the file when there is no readable manifest."""
    entry = folder.manifest.entry(version) if folder.manifest else None
    name = f"v{version}.yaml"
    if entry is not None and name in entry.files:
        return sha256_hex(data) != entry.files[name]
    signed = folder.signed / name
    return signed.is_file() and signed.read_bytes() != data


def _version_line(text: str) -> int:
    match = re.search(r"^version:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


_TAG = re.compile(r"^(?P<id>[A-Z]{2,10}-[0-9]{4}-[0-9]{3,6})/v(?P<version>[1-9][0-9]*)$")


def check_tags(project: Project, settings: Settings, folders: list[Folder]) -> list[Finding]:
    """Each tag `<ID>/v<N>` points at the archive as recorded. A missing tag is no error."""
    by_id = {folder.agreement_id: folder for folder in folders}
    wanted: list[tuple[str, Folder, Entry | None]] = []
    for tag in tag_names(project):
        match = _TAG.fullmatch(tag)
        if not match:
            continue
        agreement_id, version = match["id"], int(match["version"])
        path = project.root / settings.agreements_dir / agreement_id
        folder = by_id.get(agreement_id, Folder(agreement_id, path, None, ""))
        if folder.manifest is not None or not folder.manifest_text:  # else SG908 says it
            entry = folder.manifest.entry(version) if folder.manifest else None
            wanted.append((tag, folder, entry))
    queries = [
        _query(project, tag, path)
        for tag, folder, entry in wanted
        for path in _tagged(folder, entry)
    ]
    blobs = blobs_at(project, queries)
    findings: list[Finding] = []
    for tag, folder, entry in wanted:
        findings += _tag_findings(project, tag, folder, entry, blobs)
    return findings


def _tagged(folder: Folder, entry: Entry | None) -> list[Path]:
    """The files a signing commit holds: the agreement, and the entry's files but its scan."""
    if entry is None:
        return []
    names = [name for name in entry.files if not is_scan(name)]
    return [folder.path / AGREEMENT_FILE, *(folder.signed / name for name in names)]


def _query(project: Project, tag: str, path: Path) -> str:
    return f"refs/tags/{tag}^{{commit}}:{project.repo_path(path.relative_to(project.root))}"


def _tag_findings(
    project: Project, tag: str, folder: Folder, entry: Entry | None, blobs: dict[str, str | None]
) -> list[Finding]:
    if entry is None:
        version = tag.rpartition("/v")[2]
        return [_error(folder.signed / MANIFEST, "SG912", tag=tag, version=version)]
    moved: list[Path] = []
    for name, expected in entry.files.items():
        path = folder.signed / name
        if not is_scan(name):
            blob = blobs[_query(project, tag, path)]
            if blob is None or not _same(project, blob, archived_file(path), expected):
                moved.append(path)
    signed = folder.signed / entry.yaml_name
    living = blobs[_query(project, tag, folder.path / AGREEMENT_FILE)]
    if signed not in moved and living != blobs[_query(project, tag, signed)]:
        moved.append(signed)  # the tagged commit's agreement.yaml is not what was signed
    return [_error(path, "SG909", tag=tag) for path in moved]


def _same(project: Project, blob: str, on_disk: ArchivedFile, expected: str) -> bool:
    """True when a tagged blob holds the content the manifest records."""
    if blob == on_disk.git_sha:
        return True  # the same bytes as the file here, which check_files compares
    return all(sha256_hex(data) == expected for _, data in blob_bytes(project, [blob]))


def check_since(project: Project, settings: Settings, base: Base) -> list[Finding]:
    """Nothing under `signed/` changed or went away since `base`; manifests only grew."""
    findings: list[Finding] = []
    for change in changes_since(project, base, f"{settings.agreements_dir}/*/{SIGNED_DIR}/**"):
        path = project.local(change.path)
        if change.status == "A":
            continue
        if change.status == "D":
            findings.append(_error(path, "SG902", base=base.label))
        elif path.name == MANIFEST and change.old_blob:
            findings += _manifest_since(project, base, change.old_blob, path)
        else:
            findings.append(_error(path, "SG901", base=base.label))
    return findings


def _manifest_since(project: Project, base: Base, old_blob: str, path: Path) -> list[Finding]:
    try:
        before = parse_manifest(next(blob_bytes(project, [old_blob]))[1])
        data = path.read_bytes()
        after = parse_manifest(data)
    except (ManifestError, OSError):
        return []  # a manifest that cannot be read is reported by read_folder
    findings: list[Finding] = []
    for old in before.signed:
        new = after.entry(old.version)
        if new is None:
            findings.append(_error(path, "SG907", version=old.version, base=base.label))
        elif not only_scan_added(old, new):
            line = entry_line(data.decode("utf-8", errors="replace"), old.version)
            findings.append(_error(path, "SG906", line, version=old.version, base=base.label))
    return findings
