"""What `validate --history` checks of the period records: acceptances are append-only, and
nothing accepted is ever changed or lost.

In the working tree (no git needed):
- SG926: an acceptance whose SHA-256 matches no record of its period, current or
  superseded (the record was changed after it was accepted);
- SG925: a record whose `supersedes` names a file that is missing or not those bytes;
- SG927: a record or an acceptances file that cannot be read.
Against the base revision (as the signed archive is checked, `versions.archive`):
- SG923: a record that was accepted (at the base or now) was changed or deleted, and its
  accepted bytes are nowhere under `reports/` now (superseding moves them: that is allowed);
- SG924: the acceptances file was deleted, or an entry of it edited or removed (entries are
  only ever appended);
- SG925: a file under `reports/superseded/` was changed or deleted.
The git work is a fixed number of processes, whatever the number of agreements.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.errors import SitegenError
from sitegen.findings import Finding, Severity
from sitegen.load.config import Settings
from sitegen.load.layout import ACCEPTANCES, RECORD_SUFFIX, REPORTS_DIR, SUPERSEDED_DIR
from sitegen.reports.acceptance import Acceptances, Held, parse_acceptances, read_acceptances
from sitegen.reports.record_read import parse_record
from sitegen.reports.record_store import read_record_bytes
from sitegen.reports.strict_yaml import PERIOD_TEXT, Unreadable
from sitegen.versions.history import (
    Base,
    Project,
    blob_bytes,
    changes_since,
    open_project,
    resolve_base,
)

MESSAGES = {
    "SG923": "the record of {period} accepted on {date} was {what} since {base}, and its "
    "accepted text is nowhere under reports/: an accepted record is kept as it was; restore "
    'it, or re-run with --supersede --reason "…"',
    "SG924": "{what} since {base}: acceptances are append-only; restore it",
    "SG925": "{what}: a superseded record is kept as it was; restore it",
    "SG926": "the acceptance of {period} ({date}) matches no record of {period} (accepted "
    "SHA-256 {expected}…): the record was changed after it was accepted",
    "SG927": "cannot be read: {problem}",
}


_CURRENT = re.compile(PERIOD_TEXT + re.escape(RECORD_SUFFIX))
_SUPERSEDED = re.compile(PERIOD_TEXT + r"\.[1-9][0-9]*" + re.escape(RECORD_SUFFIX))


def _finding(path: Path, code: str, line: int = 1, column: int = 1, **values: object) -> Finding:
    return Finding(path, line, column, code, Severity.ERROR, MESSAGES[code].format(**values))


@dataclass
class Folder:
    """One agreement's reports folder as it is now: digests by period, acceptances."""

    path: Path
    agreement_id: str
    held: Held | None = None
    digests: dict[str, set[str]] = field(default_factory=dict)  # period → SHA-256s on disk
    findings: list[Finding] = field(default_factory=list)


def check_reports(root: Path, settings: Settings, base: str | None) -> list[Finding]:
    """Every rule above, for every agreement's `reports/` folder under `root`."""
    project = open_project(root)
    folders = [
        _read(path)
        for path in sorted((root / settings.agreements_dir).glob(f"*/{REPORTS_DIR}"))
        if path.is_dir()
    ]
    findings = [f for folder in folders for f in folder.findings]
    for folder in folders:
        findings += _unmatched(folder)
    resolved = resolve_base(project, base)
    if resolved is not None:
        by_path = {folder.path: folder for folder in folders}
        findings += _since(project, settings, resolved, by_path)
    return findings


def _read(path: Path) -> Folder:
    folder = Folder(path, path.parent.name)
    try:
        folder.held = read_acceptances(path, folder.agreement_id)
    except SitegenError as error:
        folder.findings.append(_unreadable(path / ACCEPTANCES, error))
    for record in _records(path):
        period = _period_of(record)
        try:
            data = read_record_bytes(record)
            parsed = parse_record(data, record)
        except SitegenError as error:
            folder.findings.append(_unreadable(record, error))
            continue
        folder.digests.setdefault(period, set()).add(hashlib.sha256(data).hexdigest())
        if record.parent == path and parsed.supersedes is not None:
            folder.findings += _link(
                path, record, data, parsed.supersedes.file, parsed.supersedes.sha256
            )
    return folder


def _records(reports: Path) -> Iterator[Path]:
    """The current records (`<period>.yaml`), then the superseded ones
    (`superseded/<period>.<n>.yaml`); any other file is not a record."""
    for place, names in ((reports, _CURRENT), (reports / SUPERSEDED_DIR, _SUPERSEDED)):
        for path in sorted(place.glob(f"*{RECORD_SUFFIX}")):
            if names.fullmatch(path.name):
                yield path


def _period_of(path: Path) -> str:
    """`2026-10` of `2026-10.yaml` and of `superseded/2026-10.2.yaml`."""
    stem = path.name.removesuffix(RECORD_SUFFIX)
    return stem.split(".")[0]


def _unreadable(path: Path, error: SitegenError) -> Finding:
    if isinstance(error, Unreadable):
        where = error.location
        line, column = where.line or 1, where.column or 1
        return _finding(path, "SG927", line, column, problem=error.problem)
    return _finding(path, "SG927", problem=error.reason)


def _link(reports: Path, record: Path, data: bytes, name: str, sha256: str) -> list[Finding]:
    """The superseded record this one names is there, byte for byte."""
    kept = reports / name
    line = _line_of(data.decode("utf-8", errors="replace"), "supersedes:")
    try:
        found = hashlib.sha256(read_record_bytes(kept)).hexdigest()
    except SitegenError:
        return [_finding(record, "SG925", line, what=f"it supersedes {name}, which is missing")]
    if found != sha256:
        what = f"it supersedes {name}, which is no longer the record it replaced"
        return [_finding(record, "SG925", line, what=what)]
    return []


def _line_of(text: str, prefix: str) -> int:
    return next((n for n, line in enumerate(text.splitlines(), 1) if line.startswith(prefix)), 1)


def _unmatched(folder: Folder) -> list[Finding]:
    if folder.held is None:
        return []
    findings = []
    for index, entry in enumerate(folder.held.acceptances.accepted):
        if entry.sha256 not in folder.digests.get(entry.period, set()):
            findings.append(
                _finding(
                    folder.held.path,
                    "SG926",
                    folder.held.line_of(index),
                    period=entry.period,
                    date=entry.date,
                    expected=entry.sha256[:12],
                )
            )
    return findings


def _since(
    project: Project, settings: Settings, base: Base, folders: dict[Path, Folder]
) -> list[Finding]:
    changes = changes_since(project, base, f"{settings.agreements_dir}/*/{REPORTS_DIR}/**")
    old = dict(blob_bytes(project, [c.old_blob for c in changes if c.old_blob]))
    before: dict[Path, Acceptances] = {}
    for change in changes:
        path = project.local(change.path)
        if path.name == ACCEPTANCES and path.parent.name == REPORTS_DIR and change.old_blob:
            try:
                before[path.parent] = parse_acceptances(old[change.old_blob], path)
            except SitegenError:
                continue  # nothing at the base is trusted then
    findings: list[Finding] = []
    for change in changes:
        if change.status == "A" or change.old_blob is None:
            continue
        path = project.local(change.path)
        shown = path.relative_to(project.root).as_posix()
        if path.parent.name == SUPERSEDED_DIR:
            what = "deleted" if change.status == "D" else "changed"
            findings.append(_finding(path, "SG925", what=f"{shown} was {what} since {base.label}"))
        elif path.name == ACCEPTANCES:
            findings += _acceptances_since(
                path, change.status, before.get(path.parent), folders.get(path.parent), base
            )
        else:
            findings += _record_since(
                path,
                change.status,
                old[change.old_blob],
                before.get(path.parent),
                folders.get(path.parent),
                base,
            )
    return findings


def _acceptances_since(
    path: Path, status: str, old: Acceptances | None, folder: Folder | None, base: Base
) -> list[Finding]:
    if status == "D" or folder is None:
        return [_finding(path, "SG924", what=f"{ACCEPTANCES} was deleted", base=base.label)]
    if old is None or folder.held is None:
        return []  # unreadable before or now: nothing to compare, SG927 says the latter
    now = folder.held.acceptances.accepted
    findings = []
    for index, entry in enumerate(old.accepted):
        if index >= len(now):
            what = f"the acceptance of {entry.period} ({entry.date}) was removed"
            findings.append(_finding(path, "SG924", what=what, base=base.label))
        elif now[index] != entry:
            what = f"the acceptance of {entry.period} ({entry.date}) was edited"
            findings.append(
                _finding(path, "SG924", folder.held.line_of(index), what=what, base=base.label)
            )
    return findings


def _record_since(
    path: Path, status: str, data: bytes, old: Acceptances | None, folder: Folder | None, base: Base
) -> list[Finding]:
    """An accepted record's bytes that changed or went are still kept somewhere."""
    period = _period_of(path)
    digest = hashlib.sha256(data).hexdigest()
    entries = [
        *(old.accepted if old else []),
        *(folder.held.acceptances.accepted if folder and folder.held else []),
    ]
    accepted = next((e for e in entries if e.period == period and e.sha256 == digest), None)
    if accepted is None:
        return []  # never accepted: a period not yet accepted is simply rewritten
    if folder is not None and digest in folder.digests.get(period, set()):
        return []  # superseded: moved, byte for byte
    what = "deleted" if status == "D" else "changed"
    return [_finding(path, "SG923", period=period, date=accepted.date, what=what, base=base.label)]
