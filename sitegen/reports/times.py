"""Times in the input files, read in SQL: ISO 8601, or an export's own format, to UTC.

A time is ISO 8601 with a date and at least hours and minutes (`2026-10-08T09:15`,
`2026-10-08 09:15:00.5`), and an offset or not (`Z`, `+08:00`, `+0800`, `+08`: DuckDB writes
a TIMESTAMPTZ of a Parquet file as `2026-10-08 01:15:00+00`). A bare date is refused: an
outage that ends "on the 8th" is not an instant. A mapping may add strptime formats
(`01/Oct/26 9:15 AM`), tried after ISO 8601.

A Parquet column typed as a timestamp is staged twice: as text (what a problem quotes) and
as its value (`<name>__at` for an instant, a TIMESTAMP WITH TIME ZONE; `<name>__local` for
a local time, a TIMESTAMP of any precision). The value is taken as it is, not printed and
parsed again: at a million tickets the round trip cost about a second of the read. A
DATE column is staged as text only, so it is refused like a bare date.

A time without an offset is the agreement's local time (`Expect.zone`), read as Python's
zoneinfo reads it with `fold=0`, the rule `service_time` and `periods` follow:

- a local time that exists twice (the hour repeated when summer time ends: 01:30 on
  25 October 2026 in London) is the first of the two, in summer time (00:30Z);
- a local time that does not exist (the hour skipped when it begins: 01:30 on 29 March
  2026 in London) is read with the offset in force before the change: 01:30 GMT, which
  is 01:30Z, shown as 02:30 BST.

DuckDB's `timezone(zone, ts)` (ICU, its own copy of the zone data) reads a skipped time
so, but a repeated one as the second of the two. So `localize` finds, with zoneinfo, the
hours repeated in the zones and years the data holds (`sg_repeated`: a change at instant
T from offset o1 down to o2 repeats the local times from T + o2 to T + o1) and reads a
time inside one with o1; every other time with ICU. Both are set-based: one ICU call per
value, and a hash join on (zone, day) against a handful of repeated hours. (An ASOF join
against every change of offset cost three times as much; four ICU calls per value to
find the earlier instant, 8 s for 200,000 tickets.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import duckdb

# Date, time to the minute at least, fractions of a second to microseconds, offset.
_ISO = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?"
_OFFSET = r"(Z|[+-]\d{2}(:?\d{2})?)$"

_MACROS = (
    # An ISO 8601 text with an offset as its instant; NULL otherwise.
    f"""
    CREATE OR REPLACE TEMP MACRO sg_aware(v) AS CASE
        WHEN regexp_full_match(v, '{_ISO}{_OFFSET}') THEN TRY_CAST(v AS TIMESTAMPTZ) END
    """,
    # An ISO 8601 text without an offset as a local time; NULL otherwise.
    f"""
    CREATE OR REPLACE TEMP MACRO sg_local(v) AS CASE
        WHEN regexp_full_match(v, '{_ISO}$') THEN TRY_CAST(v AS TIMESTAMP) END
    """,
)
# Years scanned for changes of offset: a year outside is read with the nearest one's.
_FIRST_YEAR, _LAST_YEAR = 1900, 2200
_DAY = dt.timedelta(days=1)

# The time columns of each kind of row, and the Parquet types staged as their values.
TIME_COLUMNS = {
    "outages": ("start", "end", "notified"),
    "tickets": ("opened", "responded", "resolved"),
}
INSTANT_TYPES = frozenset({"TIMESTAMP WITH TIME ZONE"})
LOCAL_TYPES = frozenset({"TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS"})


def typed_columns(kind: str) -> list[tuple[str, str]]:
    """The staging table's typed columns of `kind`: (name, SQL type), two per time column."""
    found = []
    for name in TIME_COLUMNS.get(kind, ()):
        found += [(f"{name}__at", "TIMESTAMPTZ"), (f"{name}__local", "TIMESTAMP")]
    return found


def typed_as(name: str, parquet_type: str) -> str | None:
    """The typed staging column a Parquet column of `parquet_type` fills for the time
    column `name`, or None (staged as text only)."""
    if parquet_type in INSTANT_TYPES:
        return f"{name}__at"
    if parquet_type in LOCAL_TYPES:
        return f"{name}__local"
    return None


def install(con: duckdb.DuckDBPyConnection) -> None:
    """Create the macros the readers use on `con` (temporary: they go with the session)."""
    for macro in _MACROS:
        con.execute(macro)


class TimeParser:
    """The SQL that reads a text column as a time: `aware` gives the instant of a text
    with an offset, `local` the local time of one without; a mapping's strptime formats
    are the query's `parameters`, never SQL text."""

    def __init__(self, time_format: Iterable[str]) -> None:
        self.parameters: dict[str, str] = {}
        self._naive: list[str] = []
        self._aware: list[str] = []
        for index, text in enumerate(time_format):
            name = f"time_format_{index}"
            self.parameters[name] = text
            (self._aware if "%z" in text or "%Z" in text else self._naive).append(name)

    def aware(self, value: str) -> str:
        parts = [f"sg_aware({value})", *(f"try_strptime({value}, ${n})" for n in self._aware)]
        return f"COALESCE({', '.join(parts)})"

    def local(self, value: str) -> str:
        parts = [f"sg_local({value})", *(f"try_strptime({value}, ${n})" for n in self._naive)]
        return f"COALESCE({', '.join(parts)})"

    def columns(self, value: str, name: str, typed: str | None = None) -> str:
        """The select list of `name_aware` and `name_local` from the text `value`; with
        `typed` (a table's alias and dot), from its staged values `"name__at"` and
        `"name__local"` where the row has one."""
        if typed is None:
            return f'{self.aware(value)} AS "{name}_aware", {self.local(value)} AS "{name}_local"'
        at, local = f'{typed}"{name}__at"', f'{typed}"{name}__local"'
        return (
            f"CASE WHEN {at} IS NOT NULL THEN {at} WHEN {local} IS NULL "
            f'THEN {self.aware(value)} END AS "{name}_aware", '
            f"CASE WHEN {local} IS NOT NULL THEN {local} WHEN {at} IS NULL "
            f'THEN {self.local(value)} END AS "{name}_local"'
        )


def localize(con: duckdb.DuckDBPyConnection, table: str, names: list[str]) -> None:
    """Replace each `name_aware`, `name_local` pair of `table` (which has a `zone`
    column) by `name`, the instant: the aware one, or the local time in the zone."""
    local = " UNION ALL ".join(f'SELECT year("{n}_local") AS y FROM {table}' for n in names)
    years = con.execute(f"SELECT min(y), max(y) FROM ({local})").fetchone()
    if years is None or years[0] is None:  # every time had an offset: rename, not copy
        for name in names:
            con.execute(f'ALTER TABLE {table} DROP COLUMN "{name}_local"')
            con.execute(f'ALTER TABLE {table} RENAME COLUMN "{name}_aware" TO "{name}"')
        return
    zones = con.execute(f"SELECT DISTINCT zone FROM {table} WHERE zone IS NOT NULL").fetchall()
    first, last = years
    _repeated(con, [row[0] for row in zones], first, last)
    joins = " ".join(
        f"LEFT JOIN sg_repeated r{i} ON r{i}.zone = t.zone "
        f'AND r{i}.day = CAST(t."{n}_local" AS DATE) '
        f'AND t."{n}_local" >= r{i}.local_from AND t."{n}_local" < r{i}.local_until'
        for i, n in enumerate(names)
    )
    values = ", ".join(
        f'COALESCE(t."{n}_aware", '
        f"timezone('UTC', t.\"{n}_local\" - to_seconds(r{i}.seconds)), "
        f'timezone(t.zone, t."{n}_local")) AS "{n}"'
        for i, n in enumerate(names)
    )
    dropped = ", ".join(f'"{n}_aware", "{n}_local"' for n in names)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {table} AS "
        f"SELECT t.* EXCLUDE ({dropped}), {values} FROM {table} t {joins}"
    )


def _repeated(con: duckdb.DuckDBPyConnection, zones: list[str], first: int, last: int) -> None:
    """`sg_repeated(zone, day, local_from, local_until, seconds)`: the local times each
    zone repeats in the years `first` to `last` (and one either side), one row per day
    they touch, with the offset of their first occurrence."""
    start = dt.datetime(max(first - 1, _FIRST_YEAR), 1, 1, tzinfo=dt.UTC)
    end = dt.datetime(min(last + 1, _LAST_YEAR) + 1, 1, 1, tzinfo=dt.UTC)
    found: list[tuple[str, dt.date, dt.datetime, dt.datetime, int]] = []
    for key in zones:
        for at, before, after in _changes(ZoneInfo(key), start, end):
            if after >= before:
                continue
            since = (at + dt.timedelta(seconds=after)).replace(tzinfo=None)
            until = (at + dt.timedelta(seconds=before)).replace(tzinfo=None)
            day = since.date()
            while day <= (until - dt.timedelta(microseconds=1)).date():
                found.append((key, day, since, until, before))
                day += _DAY
    con.execute(
        "CREATE OR REPLACE TEMP TABLE sg_repeated (zone VARCHAR, day DATE, "
        "local_from TIMESTAMP, local_until TIMESTAMP, seconds INTEGER)"
    )
    if found:
        columns = [list(column) for column in zip(*found, strict=True)]
        con.execute(
            "INSERT INTO sg_repeated SELECT unnest(?), unnest(?), unnest(?), unnest(?), unnest(?)",
            columns,
        )


def _offset(zone: ZoneInfo, instant: dt.datetime) -> int:
    offset = instant.astimezone(zone).utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


def _changes(
    zone: ZoneInfo, start: dt.datetime, end: dt.datetime
) -> list[tuple[dt.datetime, int, int]]:
    """Each change of offset between the instants: (its instant, the offset before and
    after it in seconds), found day by day and then to the second."""
    found: list[tuple[dt.datetime, int, int]] = []
    day, before = start, _offset(zone, start)
    while day < end:
        after = _offset(zone, day + _DAY)
        if after != before:
            low, high = 0, 86_400  # seconds into the day: the change is after low, by high
            while high - low > 1:
                middle = (low + high) // 2
                if _offset(zone, day + dt.timedelta(seconds=middle)) == before:
                    low = middle
                else:
                    high = middle
            found.append((day + dt.timedelta(seconds=high), before, after))
        day, before = day + _DAY, after
    return found
