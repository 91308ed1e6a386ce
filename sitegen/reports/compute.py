"""One period's figures for each job: availability, support targets, credits, pass or fail.

The stage's one entry point for the commands: the input rows are already in the connection's
tables (`rows.py`, filled by `read.py`); `availability` and `support` answer for all jobs in
a few set-based queries; `credits_due` then reads each job's tiers and, for credits on
charges, its billing data (`billing.py`). A job passes when every availability tier and
every support target met its target (the pass criteria of the agreements this project holds
say just that; an agreement's own words are shown beside it).

Availability and credits are worked out in a thread of their own, on a second connection to
the same tables, while support is: DuckDB lets go of Python while a query runs, so each
side's Python runs while the other's queries do.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import duckdb

from sitegen.calendars import YearNotCovered
from sitegen.errors import UserError
from sitegen.load.config import Settings
from sitegen.load.model import Agreement
from sitegen.load.workdays import agreement_calendar
from sitegen.reports import collector, rows
from sitegen.reports.availability import Key, availability, availability_met
from sitegen.reports.billing import charges_of
from sitegen.reports.credits import credits_due
from sitegen.reports.figures import CreditsDue, PeriodFigures, TierFigures
from sitegen.reports.periods import Job, Period
from sitegen.reports.service_time import NoZone, agreement_zone
from sitegen.reports.support import support


@contextmanager
def _side(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A second connection to the same database (its tables, not its temporary ones), set
    as `rows.connection` sets the first, for a thread of its own."""
    other = con.cursor()
    try:
        rows.configure(other)
        yield other
    finally:
        other.close()


def job(agreement: Agreement, settings: Settings, period: str) -> Job:
    """The job of one agreement over one period, checked against its measurement period."""
    try:
        found = Period.reported(period)
    except ValueError as error:
        raise UserError(str(error)) from None
    if found.kind != agreement.measurement.period:
        raise UserError(
            f"{agreement.id} measures by {agreement.measurement.period} "
            f"(measurement.period): give a {agreement.measurement.period}, not {period}"
        )
    try:
        zone = agreement_zone(agreement)
    except NoZone as error:
        raise UserError(str(error)) from None
    return Job(agreement, agreement_calendar(agreement, settings), zone, found)


def figures(con: duckdb.DuckDBPyConnection, jobs: Sequence[Job]) -> list[PeriodFigures]:
    """The figures of every job, in the jobs' order."""
    try:
        with collector.paused():  # the rows refer to nothing that refers back
            return _figures(con, jobs)
    except YearNotCovered as error:  # a deadline or a service day in a year without data
        raise UserError(str(error)) from None


def _figures(con: duckdb.DuckDBPyConnection, jobs: Sequence[Job]) -> list[PeriodFigures]:
    # The thread ends (the executor waits for it) before its connection is closed.
    with _side(con) as other, ThreadPoolExecutor(max_workers=1) as beside:
        tiers_made = beside.submit(_availability_and_credits, other, jobs)
        targets = support(con, jobs)
        tiers, credits = tiers_made.result()
    found = []
    for item in jobs:
        period_tiers = tiers.get(item.key, ())
        priorities, breaches = targets.get(item.key, ((), ()))
        met = availability_met(period_tiers) and all(
            target.met
            for priority in priorities
            for target in (priority.response, priority.resolution)
            if target is not None
        )
        found.append(
            PeriodFigures(
                agreement=item.agreement.id,
                version=item.agreement.version,
                period=item.period.label,
                start=item.start,
                end=item.end,
                availability=period_tiers,
                priorities=priorities,
                breaches=breaches,
                credits=credits[item.key],
                passed=met,
            )
        )
    return found


def _availability_and_credits(
    con: duckdb.DuckDBPyConnection, jobs: Sequence[Job]
) -> tuple[dict[Key, tuple[TierFigures, ...]], dict[Key, CreditsDue | None]]:
    """Each job's tiers and the credits they give, by `Job.key`."""
    tiers = availability(con, jobs)
    billed = charges_of(con)
    credits = {
        item.key: credits_due(
            item, tiers.get(item.key, ()), billed.get((item.agreement.id, item.period.label))
        )
        for item in jobs
    }
    return tiers, credits
