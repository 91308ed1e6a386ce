"""`sitegen report accept`: the customer's contact accepts a period's record.

Refused, with nothing written, unless the record is there and reads, its period has ended
(a report is accepted after its last day, never on it: the day's figures were not all in)
and the day is not in the future, the role is one of the agreement's customer contacts'
roles (in either language, as the agreement writes it), and this very record (its SHA-256)
was not accepted already. The role is checked against the version of the agreement the
record was computed for: its signed `vN.yaml` when the archive holds it, else the living
file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from sitegen.errors import UserError
from sitegen.files import write_atomic
from sitegen.load import load_agreement, load_agreement_bytes
from sitegen.load.config import Settings
from sitegen.load.layout import AGREEMENT_FILE, SIGNED_DIR
from sitegen.load.model import Agreement
from sitegen.reports.acceptance import Acceptance, read_acceptances, render_acceptances
from sitegen.reports.periods import Period
from sitegen.reports.record_store import read_record, read_record_bytes, reports_folder


def accept(
    root: Path,
    settings: Settings,
    agreement_id: str,
    period: str,
    role: str,
    date: dt.date,
    today: dt.date,
) -> Acceptance:
    """Record the acceptance of `period`'s record of `agreement_id`; the entry appended."""
    try:
        label = Period.reported(period)
    except ValueError as error:
        raise UserError(str(error)) from None
    reports = reports_folder(root, settings, agreement_id)
    record, data = read_record(reports, period)
    digest = hashlib.sha256(data).hexdigest()
    held = read_acceptances(reports, agreement_id)
    done = held.acceptances.of(period, digest)
    refused = f"cannot accept the record of {period}"
    if done is not None:
        raise UserError(f"{refused}: it was accepted on {done.date} by {done.role} already")
    if date <= label.last:
        raise UserError(
            f"{refused} on {date}: the period ends with {label.last}; a report is accepted "
            "after its period"
        )
    if date > today:
        raise UserError(f"{refused} on {date}: the day is in the future (today is {today})")
    folder = reports.parent
    agreement = _agreement(folder, record.figures.version, settings)
    roles = [c.role for c in agreement.contacts if c.party == "customer"]
    written = role.strip()
    if not any(written in (r.zh, r.en) for r in roles):
        named = "; ".join(f"{r.zh} / {r.en}" for r in roles) or "none"
        raise UserError(
            f"{refused}: {written!r} is not a customer contact's role of {agreement_id} "
            f"v{record.figures.version} (its customer contacts: {named})"
        )
    entry = Acceptance(period=period, sha256=digest, role=written, date=date)
    grown = held.acceptances.model_copy(update={"accepted": [*held.acceptances.accepted, entry]})
    write_atomic(held.path, render_acceptances(grown))
    return entry


def _agreement(folder: Path, version: int, settings: Settings) -> Agreement:
    """The agreement version the record was computed for, as the archive or file holds it."""
    signed = folder / SIGNED_DIR / f"v{version}.yaml"
    if signed.is_file() and not signed.is_symlink():
        data = read_record_bytes(signed)
        loaded = load_agreement_bytes(data, signed, settings.load, archived=True)
    else:
        loaded = load_agreement(folder / AGREEMENT_FILE, settings.load)
    if loaded.agreement is None:
        first = loaded.findings[0] if loaded.findings else None
        why = f"{first.code} {first.message}" if first else "it does not load"
        raise UserError(f"the agreement does not load: {why}", path=loaded.path)
    return loaded.agreement
