"""Reporting periods, and the jobs the figures are computed for.

A period is a calendar month (`2026-10`) or quarter (`2026Q3`) as the agreement's
`measurement.period` says; a review may also cover a half-year (`2026H1`) or a year
(`2026`), the cadences `review.cadence` names. A period is counted in the agreement's
zone: October in Shanghai starts at 2026-09-30T16:00Z. A `Job` is one agreement over one
period with everything the figures need to know about its clock, so the modules that
compute figures take a list of jobs and answer for all of them in one query.
"""

from __future__ import annotations

import calendar as months
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from zoneinfo import ZoneInfo

from sitegen.calendars import WorkCalendar
from sitegen.load.model import Agreement

_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")
_QUARTER = re.compile(r"(\d{4})Q([1-4])")
_HALF = re.compile(r"(\d{4})H([12])")
_YEAR = re.compile(r"\d{4}")
# The forms a report's period is written in, by kind (the input checks read them in SQL).
REPORTED_FORMS = {"month": _MONTH.pattern, "quarter": _QUARTER.pattern}


@dataclass(frozen=True, order=True)
class Period:
    first: dt.date
    last: dt.date
    label: str

    @classmethod
    def reported(cls, text: str) -> Period:
        """A period a service report is kept for: a month or a quarter; ValueError naming
        those two forms otherwise (a review's half-years and years have no record)."""
        found = cls.parse(text) if _MONTH.fullmatch(text) or _QUARTER.fullmatch(text) else None
        if found is None:
            raise ValueError(f"period {text!r}: write a month as 2026-10 or a quarter as 2026Q3")
        return found

    @classmethod
    def parse(cls, text: str) -> Period:
        """`2026-10`, `2026Q3`, `2026H1` or `2026`; ValueError naming the forms otherwise."""
        month = _MONTH.fullmatch(text)
        if month:
            year, number = int(month.group(1)), int(month.group(2))
            last = months.monthrange(year, number)[1]
            return cls(dt.date(year, number, 1), dt.date(year, number, last), text)
        quarter = _QUARTER.fullmatch(text)
        if quarter:
            year, number = int(quarter.group(1)), int(quarter.group(2))
            end_month = number * 3
            last = months.monthrange(year, end_month)[1]
            return cls(dt.date(year, end_month - 2, 1), dt.date(year, end_month, last), text)
        half = _HALF.fullmatch(text)
        if half:
            year, number = int(half.group(1)), int(half.group(2))
            first, last_month = (1, 6) if number == 1 else (7, 12)
            last = months.monthrange(year, last_month)[1]
            return cls(dt.date(year, first, 1), dt.date(year, last_month, last), text)
        if _YEAR.fullmatch(text):
            return cls(dt.date(int(text), 1, 1), dt.date(int(text), 12, 31), text)
        raise ValueError(
            f"period {text!r}: write a month as 2026-10, a quarter as 2026Q3, a half-year as "
            "2026H1 or a year as 2026"
        )

    @classmethod
    def parse_span(cls, text: str) -> list[Period]:
        """A period (`2026-10`, `2026Q3`), or the months of a range (`2025-10..2026-09`)."""
        first, dots, last = text.partition("..")
        if not dots:
            return [cls.parse(text)]
        start, end = cls.parse(first), cls.parse(last)
        if start.kind != "month" or end.kind != "month" or end < start:
            raise ValueError(
                f"{text!r}: a range runs from a month to a later one, e.g. 2025-10..2026-09"
            )
        found, month = [], start
        while month <= end:
            found.append(month)
            after = month.last + dt.timedelta(days=1)
            month = cls.parse(f"{after.year}-{after.month:02d}")
        return found

    @property
    def days(self) -> str:
        """Its first and last day, as the agreement counts them: 2026-10-01 – 2026-10-31."""
        return f"{self.first.isoformat()} – {self.last.isoformat()}"

    @property
    def kind(self) -> str:
        if "Q" in self.label:
            return "quarter"
        if "H" in self.label:
            return "half_year"
        return "month" if "-" in self.label else "year"

    def holds(self, other: Period) -> bool:
        """Whether `other` lies within this period (a period holds itself)."""
        return self.first <= other.first and other.last <= self.last

    def bounds(self, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
        """The period's first instant and the instant after it, in UTC."""
        return _bounds(self.first, self.last, zone)

    def months(self) -> list[Period]:
        """The months of the period (itself, for a month)."""
        if self.kind == "month":
            return [self]
        return [
            Period.parse(f"{self.first.year}-{month:02d}")
            for month in range(self.first.month, self.last.month + 1)
        ]


@dataclass(frozen=True)
class Job:
    """One agreement over one period, with its calendar and zone."""

    agreement: Agreement
    calendar: WorkCalendar
    zone: ZoneInfo
    period: Period

    @cached_property
    def start(self) -> dt.datetime:
        return self.period.bounds(self.zone)[0]

    @cached_property
    def end(self) -> dt.datetime:
        return self.period.bounds(self.zone)[1]

    @property
    def key(self) -> tuple[str, str]:
        return (self.agreement.id, self.period.label)


@lru_cache(maxsize=4096)
def _bounds(first: dt.date, last: dt.date, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """A thousand agreements in a handful of zones share a handful of periods: each
    period's instants are worked out once per zone (30,000 times a run, else)."""
    start = dt.datetime.combine(first, dt.time(), tzinfo=zone)
    after = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    return start.astimezone(dt.UTC), after.astimezone(dt.UTC)
