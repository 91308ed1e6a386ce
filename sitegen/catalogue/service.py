"""Where an agreement's service stands, from its period records: the catalogue's columns.

The catalogue shows the latest record's verdict (its period, passed or not, accepted or
not) and the credits due this year: the amounts of every current record whose period
starts in the year of the build's day, summed per currency. Of a negotiated agreement, a
credit counts as due once the customer's contact accepted its record: the credits of
records not yet accepted are summed apart, as awaiting acceptance. A provider's published
SLA has no acceptance (we measure the provider ourselves): its credits are what we may
claim, all of them due. Both come from
`sitegen.reports.held.held_reports`, the one reader of an agreement's records, so the
catalogue, the report pages and the JSON export never disagree about a period.

A credit whose amount the data cannot give (a basis of charges the provider bills) adds
nothing here: its percentage is on the report page; the catalogue states no amount it
does not hold. A record of a year other than the build day's counts in its own year only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sitegen.reports.held import HeldReport
from sitegen.reports.periods import Period


@dataclass(frozen=True)
class LastReport:
    period: str
    passed: bool
    accepted: dt.date | None  # the day the customer accepted exactly this record


@dataclass(frozen=True)
class Credit:
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class Service:
    """An agreement's service in the catalogue: None and () when it holds no records."""

    last: LastReport | None = None
    credits_this_year: tuple[Credit, ...] = ()
    credits_pending: tuple[Credit, ...] = ()  # of records not yet accepted


def service_of(held: Sequence[HeldReport], today: dt.date, *, accepted: bool = True) -> Service:
    """The catalogue's view of `held` (in period order, as `held_reports` gives them);
    `accepted`: whether a credit is due only once its record is accepted (a negotiated
    agreement; not a provider's published SLA)."""
    if not held:
        return Service()
    latest = held[-1]
    day = latest.accepted.date if latest.accepted is not None else None
    last = LastReport(latest.period, latest.record.figures.passed, day)
    due: dict[str, Decimal] = {}
    pending: dict[str, Decimal] = {}
    for report in held:
        credits = report.record.figures.credits
        if Period.parse(report.period).first.year != today.year or credits is None:
            continue
        if credits.amount is None or credits.currency is None or not credits.amount:
            continue
        sums = pending if accepted and report.accepted is None else due
        sums[credits.currency] = sums.get(credits.currency, Decimal(0)) + credits.amount
    return Service(last, _credits(due), _credits(pending))


def _credits(sums: dict[str, Decimal]) -> tuple[Credit, ...]:
    return tuple(Credit(sums[currency], currency) for currency in sorted(sums))
