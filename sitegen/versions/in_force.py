"""Which version of an agreement is in force, and which one is being worked on.

Raising `version` on a signed agreement starts an amendment: the signed version stays in
force until the new one is signed. Only the archive (`signed/`) says what is signed, never
the working file's `status:`. Before this module every output believed the file: a version 2
that still said `status: signed` was listed as signed on the old date with its new terms
and rendered without its DRAFT watermark, and setting it to `in_review` hid the objection
deadline of the version in force (a draft has no term).

`Versions` holds both: the working version as written, and the version in force (the last
one the archive holds) with what the living file recorded since its signing (reviews held
and a termination: `lifecycle`). Reading the archive costs nothing more in the common case,
where the working file is the last signed version: only an amendment in progress reads its
`signed/vN.yaml`, checked against the manifest's SHA-256 first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sitegen.compose import SIGNED_STATUSES
from sitegen.errors import UserError
from sitegen.files import NOT_REGULAR, Refusal
from sitegen.load import load_agreement_bytes, visibility
from sitegen.load.config import LoadSettings
from sitegen.load.layout import SIGNED_DIR
from sitegen.load.model import Agreement
from sitegen.versions.archive import read_folder
from sitegen.versions.archive_files import read_archived, sha256_hex

# The working version's status as the archive establishes it: `unsigned` where the file
# says signed or terminated but the archive does not hold that version.
WorkingStatus = Literal["draft", "in_review", "signed", "accepted", "terminated", "unsigned"]
WORKING_STATUSES: tuple[WorkingStatus, ...] = (
    "draft", "in_review", "signed", "accepted", "terminated", "unsigned"
)  # fmt: skip


@dataclass(frozen=True)
class Signing:
    """One signed version as the archive's manifest records it."""

    version: int
    date: dt.date
    text_sha256: str | None = None  # of `signed/vN.yaml`, as the manifest records it


@dataclass(frozen=True)
class InForce:
    """The last signed version: its terms as signed, with the reviews held and the
    termination recorded in the living file since."""

    agreement: Agreement
    version: int
    signed: dt.date  # the signing date the archive records


@dataclass(frozen=True)
class Versions:
    """An agreement's working version and its version in force (None: nothing signed)."""

    working: Agreement
    in_force: InForce | None = None

    @classmethod
    def as_written(cls, agreement: Agreement) -> Versions:
        """The agreement as its file states it, for callers that hold no archive (a tool
        handed agreements, a test): signed when the file says so."""
        # a published agreement is accepted as of its provider's last update (`sign`)
        source = agreement.source.updated if agreement.source else None
        day = agreement.dates.signed or source
        if agreement.status not in SIGNED_STATUSES or day is None:
            return cls(agreement)
        return cls(agreement, InForce(agreement, agreement.version, day))

    @property
    def id(self) -> str:
        return self.working.id

    @property
    def agreements(self) -> list[Agreement]:
        """The working version, and the version in force when it is another file's."""
        in_force = self.in_force.agreement if self.in_force else self.working
        return [self.working] if in_force is self.working else [self.working, in_force]

    def shown(self, include_restricted: bool) -> bool:
        """Whether an output may show this agreement: neither version is restricted, or
        restricted agreements are included."""
        return all(visibility.shown(one, include_restricted) for one in self.agreements)

    @property
    def working_signed(self) -> bool:
        """The working version is the version in force (no draft or amendment pending)."""
        return (
            self.in_force is not None
            and self.working.version == self.in_force.version
            and self.working.status in SIGNED_STATUSES
        )

    @property
    def working_status(self) -> WorkingStatus:
        if self.working_signed or self.working.status in ("draft", "in_review"):
            return self.working.status
        return "unsigned"

    @property
    def current(self) -> Agreement:
        """The agreement whose terms and deadlines count: the version in force, else the
        working version (nothing is signed yet)."""
        return self.in_force.agreement if self.in_force is not None else self.working

    @property
    def rendered(self) -> Agreement:
        """The working version as it may be rendered: a version the archive does not hold
        is never signed, so it carries the DRAFT watermark and no signing date."""
        working = self.working
        if self.working_signed or working.status not in SIGNED_STATUSES:
            return working
        dates = working.dates.model_copy(update={"signed": None})
        return working.model_copy(update={"status": "draft", "dates": dates})


def read_versions(working: Agreement, folder: Path, settings: LoadSettings) -> Versions:
    """The versions of the agreement in `folder`, reading its archive's manifest (an archive
    that cannot be read stops here: `validate --history` names every problem)."""
    if not (folder / SIGNED_DIR).is_dir():
        return Versions(working)
    read, problems = read_folder(folder)
    if problems:
        first = problems[0]
        raise UserError(f"{first.code} {first.message}", path=first.path)
    entries = read.manifest.signed if read.manifest is not None else []
    signings = [Signing(e.version, e.date, e.files.get(e.yaml_name)) for e in entries]
    return versions_of(working, folder, signings, settings)


def versions_of(
    working: Agreement, folder: Path, signed: Sequence[Signing], settings: LoadSettings
) -> Versions:
    """The versions of the agreement in `folder`, from its archive's entries (oldest first,
    as `read_folder` checked them)."""
    if not signed:
        return Versions(working)
    last = signed[-1]
    if working.version == last.version and working.status in SIGNED_STATUSES:
        return Versions(working, InForce(working, last.version, last.date))
    archived = _archived(folder, last, settings)
    return Versions(working, InForce(_since_signing(archived, working), last.version, last.date))


def in_force_on(
    working: Agreement,
    folder: Path,
    settings: LoadSettings,
    day: dt.date,
    versions: Versions | None = None,
) -> InForce | None:
    """The signed version in force on `day`: the last one the archive holds that took effect
    on or before it (a service report measures a period against the terms then in force);
    None when no signed version had taken effect by then. `versions`: the folder's, when
    the caller read them already (one agreement over many periods reads its archive once)."""
    versions = versions or read_versions(working, folder, settings)
    if versions.in_force is None:
        return None
    if versions.in_force.agreement.dates.effective <= day:
        return versions.in_force
    read, _ = read_folder(folder)  # read_versions stopped at any problem of the archive
    entries = read.manifest.signed if read.manifest is not None else []
    for entry in reversed(entries[:-1]):
        signing = Signing(entry.version, entry.date, entry.files.get(entry.yaml_name))
        archived = _since_signing(_archived(folder, signing, settings), working)
        if archived.dates.effective <= day:
            return InForce(archived, entry.version, entry.date)
    return None


def _archived(folder: Path, signing: Signing, settings: LoadSettings) -> Agreement:
    """`signed/vN.yaml`, refused unless it is what the manifest records."""
    path = folder / SIGNED_DIR / f"v{signing.version}.yaml"
    try:
        data = read_archived(path)
    except Refusal as refusal:
        raise UserError(f"{NOT_REGULAR} {refusal.reason}", path=path) from None
    except OSError as error:
        raise UserError(f"cannot read the signed version: {error.strerror}", path=path) from None
    actual = sha256_hex(data)
    if signing.text_sha256 is not None and actual != signing.text_sha256:
        raise UserError(
            f"SG903 SHA-256 differs from the manifest (recorded {signing.text_sha256[:12]}…, "
            f"file {actual[:12]}…): the version in force cannot be read from it",
            path=path,
        )
    loaded = load_agreement_bytes(data, path, settings, archived=True)
    if loaded.agreement is None:
        first = loaded.findings[0] if loaded.findings else None
        why = f"{first.code} {first.message}" if first else "it does not load"
        raise UserError(f"the version in force cannot be read: {why}", path=path)
    return loaded.agreement


def _since_signing(signed: Agreement, working: Agreement) -> Agreement:
    """The signed version with what the living file recorded after it: the reviews held
    under it and its termination (or the notice that ends it)."""
    review = signed.review
    if review is not None:  # an agreement with no reviews has no records to carry over
        records = [*review.records]
        since = working.review.records if working.review else []
        records += [record for record in since if record not in records]
        review = review.model_copy(
            update={"records": sorted(records, key=lambda record: record.date)}
        )
    terminated = working.dates.terminated or signed.dates.terminated
    dates = signed.dates.model_copy(update={"terminated": terminated})
    ended = working.status == "terminated" and terminated is not None
    status = "terminated" if ended else signed.status
    return signed.model_copy(update={"review": review, "dates": dates, "status": status})
