"""The signed archive, `agreements/<ID>/signed/`, and its append-only rule.

`sitegen sign` writes `v<N>.yaml` (the agreement exactly as signed) and `v<N>.pdf`, and
appends an entry to `manifest.yaml` with the SHA-256 of each; `sitegen attach` adds a scan of
the executed paper copy to an entry. Nothing else ever writes here. `check_archive` is what
`sitegen validate --history` runs: it compares the archive with its manifest, the manifest
and the archive with a base revision, the signing tags with the archive, and the living
agreement with its last signed version (a living file that says signed for a version the
archive does not hold is SG922: only `sitegen sign` makes a version signed);
`sitegen.versions.archive_rules` checks that each entry is a signed version (consecutive,
dated in order, its YAML signed as the entry says, tagged, its PDF bound to its YAML). The
manifest's model and the safe reading of archived files live in
`sitegen.versions.archive_files`. All git access is a constant number of processes, whatever
the number of agreements.
"""

from __future__ import annotations

import re
from pathlib import Path

from sitegen.compose import SIGNED_STATUSES
from sitegen.files import NOT_REGULAR, Refusal, read_regular
from sitegen.findings import Finding, Severity
from sitegen.load import load_agreement_text
from sitegen.load.config import Settings
from sitegen.load.document import Document
from sitegen.load.layout import AGREEMENT_FILE, MANIFEST, SIGNED_DIR
from sitegen.versions import signed_versions
from sitegen.versions.archive_files import (
    ARCHIVE_MAX_BYTES,
    MANIFEST_MAX_BYTES,
    SCAN_EXTENSIONS,
    ArchivedFile,
    Entry,
    Folder,
    Manifest,
    ManifestError,
    archived_file,
    entry_line,
    is_scan,
    is_snapshot,
    only_scan_added,
    parse_manifest,
    read_archived,
    render_manifest,
    sha256_hex,
)
from sitegen.versions.archive_rules import check_entries, manifests_at, symlinks_in_git
from sitegen.versions.history import (
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
from sitegen.versions.lifecycle import same_terms

__all__ = [
    "ARCHIVE_MAX_BYTES",
    "MANIFEST",
    "MANIFEST_MAX_BYTES",
    "SCAN_EXTENSIONS",
    "Entry",
    "Folder",
    "Manifest",
    "ManifestError",
    "check_archive",
    "is_scan",
    "is_snapshot",
    "parse_manifest",
    "read_archived",
    "read_folder",
    "render_manifest",
    "sha256_hex",
]


def check_archive(root: Path, settings: Settings, base: str | None) -> list[Finding]:
    """Every way the signed archives under `root` break the append-only rule."""
    project = open_project(root)
    resolved = resolve_base(project, base)
    findings: list[Finding] = []
    folders: list[Folder] = []
    tags = tag_names(project)
    for path in sorted((root / settings.agreements_dir).glob(f"*/{SIGNED_DIR}")):
        if path.is_symlink():
            reason = "is a symbolic link: an archive is a folder of its own, never a link"
            findings.append(
                Finding(path, 1, 1, NOT_REGULAR, Severity.ERROR, f"the folder {reason}")
            )
        elif path.is_dir():
            folder, problems = read_folder(path.parent)
            folders.append(folder)
            findings += problems
            findings += check_files(folder)
            findings += check_living(folder, settings, set(tags))
    for living in sorted((root / settings.agreements_dir).glob(f"*/{AGREEMENT_FILE}")):
        if not (living.parent / SIGNED_DIR).exists() and not living.parent.is_symlink():
            findings += check_unsigned(living, settings, set(tags))
    findings += check_tags(project, settings, folders, tags)
    at_base = manifests_at(project, resolved, folders)
    findings += check_entries(folders, at_base, set(tags), resolved)
    findings += symlinks_in_git(project, settings)
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
    "SG922": "status is {status} but the signed archive does not hold v{version} ({held}): "
    "sign it with `sitegen sign {id}`, or set the status to draft or in_review until it is "
    "signed",
    "SG922-terminated": "status is terminated but the signed archive does not hold "
    "v{version} ({held}): record the termination on the signed version (`version: {last}`), "
    "or set the status to draft or in_review until v{version} is signed",
}


def _error(path: Path, code: str, line: int = 1, column: int = 1, **values: object) -> Finding:
    """A finding of `code` (or of one of its messages: `SG922-terminated` is SG922)."""
    message = MESSAGES[code].format(**values)
    return Finding(path, line, column, code.partition("-")[0], Severity.ERROR, message)


def _refused(path: Path, reason: str) -> Finding:
    return Finding(path, 1, 1, NOT_REGULAR, Severity.ERROR, f"the file {reason}")


def read_folder(path: Path) -> tuple[Folder, list[Finding]]:
    manifest_path = path / SIGNED_DIR / MANIFEST
    try:
        data = read_archived(manifest_path)
    except FileNotFoundError:
        return Folder(path.name, path, None, ""), []
    except Refusal as refusal:
        return Folder(path.name, path, None, "?"), [_refused(manifest_path, refusal.reason)]
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
    """Each recorded file is there with its recorded SHA-256; nothing unrecorded is there;
    nothing in the folder is a link or a special file."""
    findings: list[Finding] = []
    recorded: set[str] = {MANIFEST}
    for entry in folder.manifest.signed if folder.manifest else []:
        for name, expected in entry.files.items():
            recorded.add(name)
            findings += _recorded_file(archived_file(folder.signed / name), entry, expected)
    for path in sorted(folder.signed.iterdir()):
        if path.name not in recorded and (folder.manifest or folder.manifest_text == ""):
            findings.append(_error(path, "SG905"))
            if path.is_symlink() or not path.is_file():
                findings.append(_refused(path, _kind(path)))
    return findings


def _recorded_file(on_disk: ArchivedFile, entry: Entry, expected: str) -> list[Finding]:
    path, actual = on_disk.path, on_disk.sha256
    if on_disk.refusal is not None:
        return [_refused(path, on_disk.refusal)]
    if actual is None:
        return [_error(path, "SG904", version=entry.version)]
    if actual != expected:
        return [_error(path, "SG903", expected=expected[:12], actual=actual[:12])]
    return []


def _kind(path: Path) -> str:
    """Why an unrecorded name would be refused, without opening it (a FIFO would block)."""
    if path.is_symlink():
        return "is a symbolic link: sitegen reads only regular files, never what a link points at"
    return "is not a regular file: sitegen reads only regular files"


def check_living(folder: Folder, settings: Settings, tags: set[str]) -> list[Finding]:
    """The living agreement never goes below, or silently edits, the last signed version.

    Its version is read from the parsed YAML, as the loader reads it (CRLF, quoting, `!!int`,
    `0x1`, flow style, the value on the next line), never from a line pattern."""
    living = folder.path / AGREEMENT_FILE
    if folder.manifest is not None:
        last = folder.manifest.last.version if folder.manifest.last else None
    else:
        last = max(signed_versions(folder.path), default=None)
    try:
        data = read_regular(living, settings.load.max_bytes)
        text = data.decode("utf-8")
    except (Refusal, OSError, UnicodeDecodeError):
        return []  # the loader reports the file itself
    document = load_agreement_text(text, living, settings.load).document
    version = document.data.get("version") if document is not None else None
    if last is None or document is None or not _is_int(version):
        return []  # a missing or malformed version is the schema's finding
    assert isinstance(version, int)
    line, column = document.locate(("version",))
    if version > last:
        return _claimed(living, document, version, last, tags)
    if version < last:
        return [_error(living, "SG910", line, column, version=version, last=last)]
    differs = version == last and _signed_text_differs(folder, last, data)
    if differs and not same_terms(_signed_text(folder, last), text):  # reviews, termination
        return [_error(living, "SG911", line, column, last=last)]
    return []


def check_unsigned(living: Path, settings: Settings, tags: set[str]) -> list[Finding]:
    """An agreement nothing of which is signed never says it is: the archive decides.

    Its header is read as the history reads every revision (`scan_header`); only a file
    that says signed or terminated is parsed, for the place of its status."""
    try:
        text = read_regular(living, settings.load.max_bytes).decode("utf-8")
    except (Refusal, OSError, UnicodeDecodeError):
        return []  # the loader reports the file itself
    version, status = scan_header(text)
    if version is None or status not in SIGNED_STATUSES:
        return []
    document = load_agreement_text(text, living, settings.load).document
    return _claimed(living, document, version, None, tags) if document is not None else []


def _claimed(
    living: Path, document: Document, version: int, last: int | None, tags: set[str]
) -> list[Finding]:
    """SG922 when the living file says signed or terminated for a version above the last
    signed one: only `sitegen sign` makes a version signed. A version whose signing tag
    exists was signed, and its lost entry is SG912's (one finding, not two)."""
    status = document.data.get("status")
    if status not in SIGNED_STATUSES or f"{living.parent.name}/v{version}" in tags:
        return []
    line, column = document.locate(("status",))
    held = f"the last signed version is v{last}" if last else "no version is signed yet"
    code = "SG922-terminated" if status == "terminated" and last else "SG922"
    values = {"status": status, "version": version, "held": held, "last": last}
    return [_error(living, code, line, column, id=living.parent.name, **values)]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _signed_text(folder: Folder, version: int) -> str:
    try:
        return read_archived(folder.signed / f"v{version}.yaml").decode("utf-8", errors="replace")
    except (Refusal, OSError):
        return ""


def _signed_text_differs(folder: Folder, version: int, data: bytes) -> bool:
    """Compared with the hash the manifest records (a tampered vN.yaml is reported on its
    own), or with the file when there is no readable manifest."""
    entry = folder.manifest.entry(version) if folder.manifest else None
    name = f"v{version}.yaml"
    if entry is not None and name in entry.files:
        return sha256_hex(data) != entry.files[name]
    try:
        return read_archived(folder.signed / name) != data
    except (Refusal, OSError):
        return False


_TAG = re.compile(r"^(?P<id>[A-Z]{2,10}-[0-9]{4}-[0-9]{3,6})/v(?P<version>[1-9][0-9]*)$")


def check_tags(
    project: Project, settings: Settings, folders: list[Folder], tags: list[str]
) -> list[Finding]:
    """Each tag `<ID>/v<N>` points at the archive as recorded (a missing one: archive_rules)."""
    by_id = {folder.agreement_id: folder for folder in folders}
    wanted: list[tuple[str, Folder, Entry | None]] = []
    for tag in tags:
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
    names = {entry.yaml_name, *(name for name in entry.files if not is_scan(name))}
    return [folder.path / AGREEMENT_FILE, *(folder.signed / name for name in sorted(names))]


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
        data = read_archived(path)
        after = parse_manifest(data)
    except (ManifestError, Refusal, OSError):
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
