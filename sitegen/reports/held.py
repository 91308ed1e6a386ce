"""Every report an agreement holds: its current period records, each with the digest of its
bytes and the customer's acceptance of exactly those bytes (None: not accepted).

The one reader for what comes after the reports stage (the catalogue's columns and
deadlines, the site's report pages, the review that a period's reports pre-fill): each
record is read and checked once, by the same strict reader as `sitegen report show`, so a
malformed record is an error naming its file, never a figure quietly left out. Superseded
records stay where `record_store` keeps them: they are history, not the period's figures.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from sitegen.load.layout import RECORD_SUFFIX
from sitegen.reports.acceptance import Acceptance, read_acceptances
from sitegen.reports.periods import Period
from sitegen.reports.record import Record
from sitegen.reports.record_read import parse_record
from sitegen.reports.record_store import read_record_bytes
from sitegen.reports.strict_yaml import PERIOD_TEXT

_PERIOD_FILE = re.compile(PERIOD_TEXT + re.escape(RECORD_SUFFIX))


@dataclass(frozen=True)
class HeldReport:
    record: Record
    sha256: str  # of the record's bytes, as an acceptance names them
    accepted: Acceptance | None

    @property
    def period(self) -> str:
        return self.record.figures.period


def held_reports(reports: Path, agreement_id: str) -> list[HeldReport]:
    """The current record of each period under `reports/`, months and quarters in the order
    of their first day (a quarter after its first month); [] when there is no such folder.
    Errors (a record or the acceptances unreadable) are UserErrors naming the file."""
    if not reports.is_dir():
        return []
    found: list[tuple[Period, HeldReport]] = []
    acceptances = None
    for path in reports.iterdir():
        if not _PERIOD_FILE.fullmatch(path.name):
            continue
        period = Period.parse(path.name.removesuffix(RECORD_SUFFIX))
        if acceptances is None:
            acceptances = read_acceptances(reports, agreement_id).acceptances
        data = read_record_bytes(path)
        digest = hashlib.sha256(data).hexdigest()
        record = parse_record(data, path)
        held = HeldReport(record, digest, acceptances.of(period.label, digest))
        found.append((period, held))
    found.sort(key=lambda pair: (pair[0].first, pair[0].kind == "quarter"))
    return [held for _, held in found]
