"""Service-report test data: agreements shaped like real ones with their availability
replaced, a real DuckDB with the canonical tables, and outage rows written as local
times of the agreement's zone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb

from sitegen.calendars import WorkCalendar
from sitegen.load import load_agreement_text
from sitegen.load.model import Agreement
from sitegen.reports.periods import Job, Period
from sitegen.reports.rows import create_tables
from sitegen.reports.service_time import agreement_zone
from tests.helpers import replace_once, sample_text
from tests.real_credit_slas import with_availability, with_credits
from tests.real_slas import UNIVERSITY_HOURS

FILE = "agreements/SLA-2024-001/agreement.yaml"
OUTAGES = "outages.csv"


def agreement(
    availability: str, *, credits: str | None = None, text: str | None = None
) -> Agreement:
    """The guide sample (7x24, mainland calendar, CNY 80,000 a month) with this
    availability (and these credit terms)."""
    changed = with_availability(text or sample_text(), availability)
    if credits is not None:
        changed = with_credits(changed, credits)
    loaded = load_agreement_text(changed, Path(FILE))
    assert loaded.agreement is not None, [f.message for f in loaded.findings]
    return loaded.agreement


def business_hours(text: str) -> str:
    """The sample on a university's hours: Monday to Friday 08:30-17:30, London, England's
    calendar."""
    calendar = "calendar: {country: GB, subdivision: ENG}\n"
    return replace_once(text, "service_hours: 7x24\n", calendar + UNIVERSITY_HOURS)


def job(found: Agreement, period: str, calendar: WorkCalendar | None = None) -> Job:
    country = found.calendar.country
    cal = calendar or WorkCalendar(country, found.calendar.subdivision)
    return Job(found, cal, agreement_zone(found), Period.parse(period))


def database() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    create_tables(con)
    return con


def local(text: str, zone: str = "Asia/Shanghai") -> dt.datetime:
    """`2026-10-15 23:50` in the zone, as an aware datetime."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone))


def add_outage(
    con: duckdb.DuckDBPyConnection,
    row: int,
    start: str,
    end: str,
    *,
    kind: str = "outage",
    notified: str | None = None,
    tier: str | None = None,
    agreement_id: str = "SLA-2024-001",
    zone: str = "Asia/Shanghai",
) -> None:
    con.execute(
        "INSERT INTO outages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            agreement_id,
            tier,
            local(start, zone),
            local(end, zone),
            kind,
            None if notified is None else local(notified, zone),
            f"R{row}",
            OUTAGES,
            row,
        ],
    )
