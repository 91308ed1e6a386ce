"""Where a period's record lives, and writing it without losing what was accepted.

    reports/<period>.yaml               the period's record (the latest run)
    reports/superseded/<period>.<n>.yaml  an accepted record a later run replaced, as it was

A period not yet accepted is simply rewritten: its figures were never agreed. A period
whose record was accepted is refused, unless the run supersedes it with a reason: the
accepted record is then moved, byte for byte (its acceptance still matches its SHA-256),
to `superseded/<period>.<n>.yaml` (n = 1, 2, … in order), and the new record names it with
its digest and the reason. Moving keeps `reports/<period>.yaml` the one current record a
reader or a site looks for, and the superseded ones readable as they were, in a folder of
their own that `validate --history` holds append-only (SG925).

Every write is atomic (`files.write_atomic`): the copy under `superseded/` is written before
the record is replaced, so a failure between the two leaves both records, never neither.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib.metadata import version as package_version
from pathlib import Path

from sitegen.digest import file_digest
from sitegen.errors import UserError
from sitegen.files import write_atomic, write_if_changed
from sitegen.load.config import Settings
from sitegen.load.layout import RECORD_SUFFIX, REPORTS_DIR, SUPERSEDED_DIR
from sitegen.reports.acceptance import read_acceptances
from sitegen.reports.periods import Period
from sitegen.reports.record import InputFile, Record, Supersedes, render_record
from sitegen.reports.record_read import RECORD_MAX_BYTES, parse_record
from sitegen.reports.strict_yaml import read_kept_file


def reports_folder(root: Path, settings: Settings, agreement_id: str) -> Path:
    return root / settings.agreements_dir / agreement_id / REPORTS_DIR


def record_path(reports: Path, period: str) -> Path:
    return reports / f"{period}{RECORD_SUFFIX}"


def superseded_records(reports: Path, period: str) -> list[Path]:
    """The superseded records of `period`, oldest first."""
    pattern = re.compile(rf"{re.escape(period)}\.([1-9][0-9]*){re.escape(RECORD_SUFFIX)}")
    found = []
    for path in (reports / SUPERSEDED_DIR).glob(f"{period}.*{RECORD_SUFFIX}"):
        match = pattern.fullmatch(path.name)
        if match:
            found.append((int(match[1]), path))
    return [path for _, path in sorted(found)]


def sitegen_version() -> str:
    return package_version("sitegen")


def input_name(path: Path, root: Path) -> str:
    """How a record names an input file: relative to the project folder `root` when inside
    it (so a record's bytes do not depend on where the project is checked out), else as
    given."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def input_files(paths: Sequence[Path], root: Path) -> tuple[InputFile, ...]:
    """Each input file's name (`input_name`) and SHA-256, by name."""
    found = []
    for path in paths:
        try:
            found.append(InputFile(input_name(path, root), file_digest(path).hex()))
        except OSError as error:
            raise UserError(f"cannot read: {error.strerror}", path=path) from None
    return tuple(sorted(found, key=lambda i: i.name))


def read_record_bytes(path: Path) -> bytes:
    return read_kept_file(path, RECORD_MAX_BYTES)


def read_record(reports: Path, period: str) -> tuple[Record, bytes]:
    """The current record of `period`, and its bytes; UserError when there is none."""
    try:
        Period.reported(period)  # a period, never a path of its own
    except ValueError as error:
        raise UserError(str(error)) from None
    path = record_path(reports, period)
    if not path.exists() and not path.is_symlink():
        raise UserError(f"no record of {period}: `sitegen report` writes one", path=path)
    data = read_record_bytes(path)
    return parse_record(data, path), data


@dataclass(frozen=True)
class Written:
    path: Path
    changed: bool  # False: the record held these bytes already
    superseded: Path | None = None  # where the accepted record it replaced was moved


def write_record(reports: Path, record: Record, *, supersede: str | None = None) -> Written:
    """Write the period's record; `supersede` is the reason to replace an accepted one.

    Refused (UserError, nothing written) when the period's record was accepted and no
    reason is given, when a reason is given for a record nobody accepted, and when the
    record is not of this folder's agreement (`check_write` says so before any write)."""
    path, current = check_write(reports, record, supersede=supersede)
    if current is None:
        return Written(path, write_if_changed(path, render_record(record)))
    held, data = current
    if supersede is None:
        kept = replace(record, supersedes=held.supersedes)  # the link to what it replaced
        return Written(path, write_if_changed(path, render_record(kept)))
    return _supersede(reports, record, data, supersede)


def check_write(
    reports: Path, record: Record, *, supersede: str | None = None
) -> tuple[Path, tuple[Record, bytes] | None]:
    """Where the record goes and the record there now (None: none yet), or the UserError
    `write_record` would raise: a run of several records checks them all before writing."""
    figures = record.figures
    agreement_id = reports.parent.name
    if figures.agreement != agreement_id:
        raise UserError(f"a record of {figures.agreement} cannot be kept under {agreement_id}")
    try:
        Period.reported(figures.period)
    except ValueError as error:
        raise UserError(str(error)) from None
    if supersede is not None and not supersede.strip():
        raise UserError("--supersede needs a --reason that says why the figures change")
    path = record_path(reports, figures.period)
    if not path.exists() and not path.is_symlink():
        if supersede is not None:
            raise UserError(f"no record of {figures.period} to supersede", path=path)
        return path, None
    current, data = read_record(reports, figures.period)
    held = read_acceptances(reports, agreement_id)
    accepted = held.acceptances.of(figures.period, hashlib.sha256(data).hexdigest())
    if accepted is None and supersede is not None:
        raise UserError(
            f"the record of {figures.period} is not accepted: nothing to supersede; "
            "run again without --supersede to rewrite it",
            path=path,
        )
    if accepted is not None and supersede is None:
        raise UserError(
            f"the record of {figures.period} was accepted on {accepted.date} by "
            f"{accepted.role}: it is kept as it is; to replace it, run again with "
            '--supersede --reason "why the figures change"',
            path=path,
        )
    return path, (current, data)


def _supersede(reports: Path, record: Record, old: bytes, reason: str) -> Written:
    period = record.figures.period
    earlier = superseded_records(reports, period)
    number = 1 + max((int(p.name.rsplit(".", 2)[1]) for p in earlier), default=0)
    kept = reports / SUPERSEDED_DIR / f"{period}.{number}{RECORD_SUFFIX}"
    link = Supersedes(
        f"{SUPERSEDED_DIR}/{kept.name}", hashlib.sha256(old).hexdigest(), reason.strip()
    )
    new = render_record(replace(record, supersedes=link))
    write_atomic(kept, old)
    path = record_path(reports, period)
    write_atomic(path, new)
    return Written(path, True, kept)
