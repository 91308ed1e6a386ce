"""Where an agreement's service stands, from its period records: the catalogue's columns.

The catalogue shows the latest record's verdict (its period, passed or not, accepted or
not) and the credits due this year: the amounts of every current record whose period
starts in the year of the build's day, summed per currency. Both come from
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


def service_of(held: Sequence[HeldReport], today: dt.date) -> Service:
    """The catalogue's view of `held` (in period order, as `held_reports` gives them)."""
    if not held:
        return Service()
    latest = held[-1]
    accepted = latest.accepted.date if latest.accepted is not None else None
    last = LastReport(latest.period, latest.record.figures.passed, accepted)
    sums: dict[str, Decimal] = {}
    for report in held:
        credits = report.record.figures.credits
        if Period.parse(report.period).first.year != today.year or credits is None:
            continue
        if credits.amount is None or credits.currency is None or not credits.amount:
            continue
        sums[credits.currency] = sums.get(credits.currency, Decimal(0)) + credits.amount
    return Service(last, tuple(Credit(sums[c], c) for c in sorted(sums)))
