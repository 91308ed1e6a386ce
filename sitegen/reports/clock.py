"""The service-time index: how much service time lies between two instants, for every ticket
at once, in two lookups.

A support target on `clock: service_hours` counts only the time inside the agreement's
service hours, on its calendar (public holidays out, make-up working days in). Counting it
minute by minute would cost a loop per ticket; instead each clock gets a table of its service
segments (`service_time.segments`) with the service time that lies before each:

    clock, seg_start, seg_end, before_us, next_start

The service time up to an instant `t` is then one ASOF JOIN (the last segment that starts at
or before `t`) and a clamp: `before_us + clamp(t - seg_start, 0, seg_end - seg_start)`
(`service_us`), and the service time between two instants the difference of two such
lookups, for any number of rows in one query. Each clock's table starts with a segment of
no length a day before its first day, so that every instant from its first day on finds a
row (`next_start` of that row is the first service time).

A clock is the agreement's service hours with its calendar and the zone the hours are
written in; agreements that share all three share one clock. 7×24 service hours and
`clock: calendar` targets run on plain time and need no index: their service time is the
instant itself (`epoch_us`).

Working days (`2wd`) need a second table per calendar, the days with a running count of
working days (`ordinal`): the n-th working day after day d is the working day whose ordinal
is d's ordinal plus n, one equality join.

Times are whole microseconds (`epoch_us`), so a comparison with a limit is exact; the
figures round to minutes only when they are stated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import duckdb

from sitegen.calendars import WorkCalendar
from sitegen.load.model import Schedule
from sitegen.reports.service_time import segments

_DAY = dt.timedelta(days=1)

# The service time up to `t`, from the segment an ASOF JOIN found for it (NULLs: no segment).
SERVICE_US = """
CREATE OR REPLACE TEMP MACRO service_us(t, seg_start, seg_end, before_us) AS
    before_us + least(
        greatest(epoch_us(t) - epoch_us(seg_start), 0),
        epoch_us(seg_end) - epoch_us(seg_start)
    )
"""


@dataclass(frozen=True)
class ServiceClock:
    """Service hours on a calendar, in the zone the hours are written in."""

    hours: Schedule
    calendar: WorkCalendar

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.hours.timezone)

    @property
    def key(self) -> tuple[str, str]:
        return (self.hours.model_dump_json(), calendar_key(self.calendar))


def calendar_key(calendar: WorkCalendar) -> str:
    """One text per distinct calendar (its place and the project's official years)."""
    official = sorted(
        (year, sorted(days.holidays), sorted(days.workdays))
        for year, days in calendar.official.items()
    )
    return repr((calendar.country, calendar.subdivision, official))


@dataclass(frozen=True)
class Span:
    """The local days one clock (or calendar) must cover: `first` to `last`, both included."""

    number: int
    first: dt.date
    last: dt.date


def _local_midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=zone).astimezone(dt.UTC)


def write_segments(
    con: duckdb.DuckDBPyConnection, table: str, clocks: Iterable[tuple[Span, ServiceClock]]
) -> None:
    """Create `table` (clock, seg_start, seg_end, before_us, next_start): each clock's service
    segments over its span, with the service time before each. YearNotCovered when a day is
    in a year the clock's calendar has no data for."""
    numbers: list[int] = []
    starts: list[dt.datetime] = []
    ends: list[dt.datetime] = []
    for span, clock in clocks:
        sentinel = _local_midnight(span.first - _DAY, clock.zone)
        found = [(sentinel, sentinel)]
        found += segments(clock.hours, clock.calendar, clock.zone, span.first, span.last)
        numbers += [span.number] * len(found)
        starts += [start for start, _ in found]
        ends += [end for _, end in found]
    con.execute(SERVICE_US)
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE {table} AS
        WITH s AS (
            SELECT unnest(?::INTEGER[]) AS clock, unnest(?::TIMESTAMPTZ[]) AS seg_start,
                   unnest(?::TIMESTAMPTZ[]) AS seg_end
        )
        SELECT clock, seg_start, seg_end,
            coalesce(sum(epoch_us(seg_end) - epoch_us(seg_start)) OVER (
                PARTITION BY clock ORDER BY seg_start
                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
            ), 0)::BIGINT AS before_us,
            lead(seg_start) OVER (PARTITION BY clock ORDER BY seg_start) AS next_start
        FROM s
        """,
        [numbers, starts, ends],
    )


def write_working_days(
    con: duckdb.DuckDBPyConnection, table: str, calendars: Iterable[tuple[Span, WorkCalendar]]
) -> None:
    """Create `table` (cal, day, working, ordinal): every day of each calendar's span, with
    the number of working days from the span's start up to and including it. YearNotCovered
    when a day is in a year the calendar has no data for."""
    numbers: list[int] = []
    days: list[dt.date] = []
    working: list[bool] = []
    for span, calendar in calendars:
        day = span.first
        while day <= span.last:
            numbers.append(span.number)
            days.append(day)
            working.append(calendar.is_working_day(day))
            day += _DAY
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE {table} AS
        WITH d AS (
            SELECT unnest(?::INTEGER[]) AS cal, unnest(?::DATE[]) AS day,
                   unnest(?::BOOLEAN[]) AS working
        )
        SELECT cal, day, working,
            sum(working::INTEGER) OVER (PARTITION BY cal ORDER BY day)::INTEGER AS ordinal
        FROM d
        """,
        [numbers, days, working],
    )
