"""A ticket's `pauses` column, `start/end;start/end`, as rows of the `pauses` table.

Each interval is ISO 8601 `start/end` (the times as any other: an offset, or the
agreement's zone). An interval that is not two times, ends before it starts, lies outside
the ticket's open time (from `opened` to `resolved`, or on while it is open) or overlaps
the interval before it is a problem of the ticket's row, column `pauses`: a pause counted
twice, or one while the ticket was closed, would take time off the clock that was never
off. Empty pieces (`a/b;`) are nothing.
"""

from __future__ import annotations

import duckdb

from sitegen.reports.times import TimeParser, localize


def split(con: duckdb.DuckDBPyConnection, times: TimeParser) -> None:
    """`sg_pause_rows` from the `pauses` text of the known tickets in `sg_rows`."""
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE sg_pause_rows AS
        WITH pieces AS (
            SELECT src, "row", agreement, id_text AS ticket, zone, opened, resolved,
                   opened_text, resolved_text, string_split(pauses_text, ';') AS ps
            FROM sg_rows
            WHERE known AND pauses_text IS NOT NULL AND opened IS NOT NULL
        ), one AS (
            SELECT * EXCLUDE (ps), trim(unnest(ps)) AS piece,
                   generate_subscripts(ps, 1) AS k
            FROM pieces
        )
        SELECT *, string_split(piece, '/') AS parts FROM one WHERE piece <> ''
        """
    )
    first = times.columns("CASE WHEN len(parts) = 2 THEN trim(parts[1]) END", "start")
    second = times.columns("CASE WHEN len(parts) = 2 THEN trim(parts[2]) END", "end")
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE sg_pause_rows AS SELECT *, {first}, {second} "
        "FROM sg_pause_rows",
        times.parameters,
    )
    localize(con, "sg_pause_rows", ["start", "end"])


_RULES = (
    ("pause", '"start" IS NULL OR "end" IS NULL'),
    ("pause_order", '"end" < "start"'),
    ("pause_outside", '"start" < opened OR (resolved IS NOT NULL AND "end" > resolved)'),
)


def check(con: duckdb.DuckDBPyConnection) -> None:
    """The rules of the module's docstring, into `sg_problems`."""
    for code, where in _RULES:
        con.execute(
            f"""INSERT INTO sg_problems
                SELECT src, "row", 'pauses', '{code}', piece,
                       'from opened ' || opened_text || ' to '
                       || COALESCE('resolved ' || resolved_text, 'now (still open)'), k
                FROM sg_pause_rows WHERE {where}"""
        )
    con.execute(
        """INSERT INTO sg_problems
           SELECT src, "row", 'pauses', 'pause_overlap', piece, '', k
           FROM (SELECT *, lag("end") OVER (PARTITION BY src, "row" ORDER BY "start", k) AS before
                 FROM sg_pause_rows WHERE "start" IS NOT NULL AND "end" >= "start")
           WHERE before > "start\""""
    )


def insert(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """INSERT INTO pauses
           SELECT p.agreement, p.ticket, p."start", p."end", f.name, p."row"
           FROM sg_pause_rows p JOIN sg_files f USING (src)"""
    )
