"""Times in the input files, read in SQL: ISO 8601, or an export's own format, to UTC.

A time is ISO 8601 with a date and at least hours and minutes (`2026-10-08T09:15`,
`2026-10-08 09:15:00.5`), and an offset or not (`Z`, `+08:00`, `+0800`, `+08`: DuckDB writes
a TIMESTAMPTZ of a Parquet file as `2026-10-08 01:15:00+00`). A bare date is refused: an
outage that ends "on the 8th" is not an instant. A mapping may add strptime formats
(`01/Oct/26 9:15 AM`), tried after ISO 8601.

A time without an offset is the agreement's local time (`Expect.zone`), read as Python's
zoneinfo reads it with `fold=0`, the rule `service_time` and `periods` follow:

- a local time that exists twice (the hour repeated when summer time ends: 01:30 on
  25 October 2026 in London) is the first of the two, in summer time (00:30Z);
- a local time that does not exist (the hour skipped when it begins: 01:30 on 29 March
  2026 in London) is read with the offset in force before the change: 01:30 GMT, which
  is 01:30Z, shown as 02:30 BST.

DuckDB's `timezone(zone, timestamp)` (ICU) gives the second of two repeated times, so
`sg_in_zone` looks one day back for the offset before a change and takes the earlier
instant when it names the same local time.
"""

from __future__ import annotations

import duckdb

# Date, time to the minute at least, fractions of a second to microseconds, offset.
_ISO = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?"
_OFFSET = r"(Z|[+-]\d{2}(:?\d{2})?)$"

_MACROS = (
    # The UTC instant of a local time `ts` in zone `z` (see the module's docstring).
    """
    CREATE OR REPLACE TEMP MACRO sg_in_zone(ts, z) AS (
        CASE
            WHEN sg_earlier(ts, z) < timezone(z, ts)
                 AND timezone(z, sg_earlier(ts, z)) = ts THEN sg_earlier(ts, z)
            ELSE timezone(z, ts)
        END
    )
    """,
    # `ts` read with the offset of the day before: the first instant of a repeated time.
    """
    CREATE OR REPLACE TEMP MACRO sg_earlier(ts, z) AS timezone(
        'UTC',
        ts - (timezone(z, timezone(z, ts) - INTERVAL 1 DAY)
              - timezone('UTC', timezone(z, ts) - INTERVAL 1 DAY))
    )
    """,
    # An ISO 8601 text as a UTC instant; NULL when it is not one.
    f"""
    CREATE OR REPLACE TEMP MACRO sg_iso(v, z) AS (
        CASE
            WHEN regexp_full_match(v, '{_ISO}{_OFFSET}') THEN TRY_CAST(v AS TIMESTAMPTZ)
            WHEN regexp_full_match(v, '{_ISO}$') THEN sg_in_zone(TRY_CAST(v AS TIMESTAMP), z)
        END
    )
    """,
)


def install(con: duckdb.DuckDBPyConnection) -> None:
    """Create the macros the readers use on `con` (temporary: they go with the session)."""
    for macro in (_MACROS[1], _MACROS[0], _MACROS[2]):
        con.execute(macro)


def time_sql(value: str, zone: str, formats: list[str], offset_formats: list[str]) -> str:
    """The SQL expression of the UTC instant of the text column `value`, local times read
    in the zone column `zone`. `formats` and `offset_formats` are the names of the
    query's parameters holding strptime formats without and with an offset (`%z`); the
    formats themselves never become SQL text."""
    parts = [f"sg_iso({value}, {zone})"]
    parts += [f"sg_in_zone(try_strptime({value}, ${name}), {zone})" for name in formats]
    parts += [f"try_strptime({value}, ${name})" for name in offset_formats]
    return f"COALESCE({', '.join(parts)})"


def format_parameters(time_format: list[str]) -> tuple[dict[str, str], list[str], list[str]]:
    """The query parameters of a mapping's strptime formats, and their names split by
    whether the format reads an offset."""
    values: dict[str, str] = {}
    naive: list[str] = []
    aware: list[str] = []
    for index, text in enumerate(time_format):
        name = f"time_format_{index}"
        values[name] = text
        (aware if "%z" in text or "%Z" in text else naive).append(name)
    return values, naive, aware
