"""What the site shows of an agreement's versions: the signed archive, the diffs between
consecutive versions, and the git history.

Signed PDFs and scans are published exactly as archived, after checking each file's SHA-256
against the manifest: a file changed after signing stops the build instead of being
published as the signed text.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from pathlib import Path

from sitegen.compose.contract import Contract
from sitegen.diff.compare import diff_specs
from sitegen.diff.model import AgreementDiff
from sitegen.errors import UserError
from sitegen.files import NOT_REGULAR, Refusal
from sitegen.load.checked import Checked, FileDigest
from sitegen.load.config import Settings
from sitegen.load.layout import SIGNED_DIR
from sitegen.load.model import Agreement
from sitegen.versions.archive import (
    Entry,
    is_scan,
    is_snapshot,
    read_archived,
    read_folder,
    sha256_hex,
)
from sitegen.versions.history import Revision, open_project, read_history
from sitegen.versions.in_force import Signing, Versions, versions_of
from sitegen.versions.verify import PdfSignature, pdf_signatures


@dataclass(frozen=True)
class SignedFile:
    name: str  # as archived: v1.pdf, v1-scan.pdf
    path: Path
    sha256: str


@dataclass(frozen=True)
class SignedVersion:
    version: int
    date: dt.date
    template: str
    pdf: SignedFile | None
    scan: SignedFile | None
    # the signed text's SHA-256 as the manifest records it (`read_folder` has checked it)
    text_sha256: str | None = None
    # a published agreement's: the provider's saved page, hashed, never published
    source: SignedFile | None = None
    # the PDF's own digital signatures (PAdES), each checked; () when it carries none
    digital: tuple[PdfSignature, ...] = ()


def signed_versions(folder: Path) -> list[SignedVersion]:
    """The archive's signed versions in an agreement's folder, oldest first, each file
    checked against its hash."""
    if not (folder / SIGNED_DIR).is_dir():
        return []
    read, problems = read_folder(folder)
    if problems:
        first = problems[0]
        raise UserError(f"{first.code} {first.message}", path=first.path)
    manifest = read.manifest
    return [_version(folder / SIGNED_DIR, entry) for entry in manifest.signed] if manifest else []


def _version(signed: Path, entry: Entry) -> SignedVersion:
    pdf = scan = source = None
    digital: tuple[PdfSignature, ...] = ()
    for name, expected in entry.files.items():
        if name == f"v{entry.version}.pdf":
            pdf, data = _checked_bytes(signed / name, expected)
            digital = pdf_signatures(data)
        elif is_scan(name):
            scan = _checked(signed / name, expected)
        elif is_snapshot(name):
            source = _checked(signed / name, expected)
    text = entry.files.get(entry.yaml_name)
    return SignedVersion(
        entry.version, entry.date, entry.template, pdf, scan, text, source, digital
    )


def _checked(path: Path, expected: str) -> SignedFile:
    return _checked_bytes(path, expected)[0]


def _checked_bytes(path: Path, expected: str) -> tuple[SignedFile, bytes]:
    try:
        data = read_archived(path)
        actual = sha256_hex(data)
    except Refusal as refusal:
        raise UserError(f"{NOT_REGULAR} {refusal.reason}", path=path) from None
    except OSError as error:
        raise UserError(f"cannot read the signed file: {error.strerror}", path=path) from None
    if actual != expected:
        raise UserError(
            f"SG903 SHA-256 differs from the manifest (recorded {expected[:12]}…, file "
            f"{actual[:12]}…): not publishing a signed file changed after signing",
            path=path,
        )
    return SignedFile(path.name, path, actual), data


def held(record: Checked, signed: list[SignedVersion], settings: Settings) -> Versions:
    """The agreement's version in force and its working version, from its archive."""
    signings = [Signing(v.version, v.date, v.text_sha256) for v in signed]
    return versions_of(record.agreement, record.path.parent, signings, settings.load)


@dataclass(frozen=True)
class Comparison:
    """A diff page: `old` and `new` are `v1`, `v2`… or `draft` (the working version)."""

    agreement_id: str
    old: str
    new: str
    diff: AgreementDiff

    @property
    def stem(self) -> str:
        return f"diffs/{self.agreement_id}/{self.old}-{self.new}"


def comparisons(
    root: Path,
    settings: Settings,
    agreement: Agreement,
    signed: list[SignedVersion],
    working_file: FileDigest,
    *,
    revisions: list[Revision] | None = None,
    git: bool | None = None,
    working: Contract | None = None,
) -> list[Comparison]:
    """Consecutive signed versions, then the last signed one against the working version
    when that differs from it (inside a git repository, which names who changed it).
    `agreement` and `working_file`: the working version and its file's digest, as checked.

    `revisions` (the agreement's history, newest first) and `git` (whether `root` is in a
    repository), when the caller has them, spare a git process or two per agreement;
    `working` (the working version's contract) spares composing it again."""
    agreement_id, found = agreement.id, []
    for old, new in itertools.pairwise(signed):
        a, b = f"v{old.version}", f"v{new.version}"
        diff = diff_specs(f"{agreement_id}@{a}", f"{agreement_id}@{b}", root, settings)
        found.append(Comparison(agreement_id, a, b, diff))
    if (
        signed
        and (in_git(root) if git is None else git)
        and _working_differs(signed[-1], working_file)
    ):
        last = f"v{signed[-1].version}"
        known = _committed_change(working_file, revisions)
        diff = diff_specs(
            f"{agreement_id}@{last}",
            agreement_id,
            root,
            settings,
            last_changes={agreement_id: known} if known else None,
            contracts={agreement_id: working} if working else None,
            working=agreement,
        )
        if diff.differs:
            found.append(Comparison(agreement_id, last, "draft", diff))
    return found


def _committed_change(
    working_file: FileDigest, revisions: list[Revision] | None
) -> tuple[str, str] | None:
    """Who last committed the working file and when, from the history, when the file as
    checked is exactly that commit's blob; None (ask git) when there is any doubt."""
    if not revisions or revisions[0].blob is None:
        return None
    newest = revisions[0]
    if newest.blob not in working_file.git_blobs:
        return None  # uncommitted changes (or a filter): git says which
    return newest.author, newest.date.date().isoformat()


def _working_differs(last: SignedVersion, working_file: FileDigest) -> bool:
    """Whether the working file as checked differs from the last signed text."""
    return working_file.sha256 != last.text_sha256


def in_git(root: Path) -> bool:
    try:
        open_project(root)
    except UserError:
        return False
    return True


def history(
    root: Path, settings: Settings, agreement_id: str | None = None
) -> dict[str, list[Revision]]:
    """Every agreement's git revisions (or `agreement_id`'s only), newest first; none
    outside a git repository."""
    try:
        project = open_project(root)
    except UserError:
        return {}
    return read_history(project, settings, agreement_id)
