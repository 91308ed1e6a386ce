"""The canonical input rows, as DuckDB tables in UTC.

Every reader (CSV, JSON Lines, Parquet, and the mappings of real exports) ends in these
tables; every figure is computed from them. `file` and `row` keep where a row came
from (1-based data row, the header not counted; the line of a JSON Lines file; the series
of a Prometheus answer) so an error or a breach can name it. `read.py` fills them.

    outages(agreement, tier, start, end, kind, notified, ref, file, row)
    tickets(agreement, id, priority, opened, responded, resolved, file, row)
    pauses(agreement, ticket, start, end, file, row)
    charges(agreement, tier, period, charged, paid, currency, ref, file, row)

`tier` is NULL where the agreement has one tier. `pauses` holds each interval of a ticket's
`pauses` column (`start/end;start/end`), one row each. `charges` holds what the billing
data says the customer was charged (and paid) for each tier's service in a period, the
basis of credits on `charges` (and of a cap on `paid`). Times are TIMESTAMPTZ; a time
written without an offset was read in the agreement's zone (`service_time.agreement_zone`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

TABLES = {
    "outages": """
        agreement VARCHAR NOT NULL, tier VARCHAR,
        "start" TIMESTAMPTZ NOT NULL, "end" TIMESTAMPTZ NOT NULL,
        kind VARCHAR NOT NULL, notified TIMESTAMPTZ, ref VARCHAR,
        file VARCHAR NOT NULL, "row" BIGINT NOT NULL
    """,
    "tickets": """
        agreement VARCHAR NOT NULL, id VARCHAR NOT NULL, priority VARCHAR NOT NULL,
        opened TIMESTAMPTZ NOT NULL, responded TIMESTAMPTZ, resolved TIMESTAMPTZ,
        file VARCHAR NOT NULL, "row" BIGINT NOT NULL
    """,
    "pauses": """
        agreement VARCHAR NOT NULL, ticket VARCHAR NOT NULL,
        "start" TIMESTAMPTZ NOT NULL, "end" TIMESTAMPTZ NOT NULL,
        file VARCHAR NOT NULL, "row" BIGINT NOT NULL
    """,
    "charges": """
        agreement VARCHAR NOT NULL, tier VARCHAR, period VARCHAR NOT NULL,
        charged DECIMAL(18, 4) NOT NULL, paid DECIMAL(18, 4), currency VARCHAR NOT NULL,
        ref VARCHAR, file VARCHAR NOT NULL, "row" BIGINT NOT NULL
    """,
}


def configure(con: duckdb.DuckDBPyConnection) -> None:
    """The session settings every query of the stage assumes: the zone UTC, no progress
    bar (it would write to the terminal)."""
    con.execute("SET TimeZone = 'UTC'")
    con.execute("SET enable_progress_bar = false")


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the empty tables on a DuckDB connection, its session set by `configure`."""
    configure(con)
    for name, columns in TABLES.items():
        con.execute(f"CREATE TABLE {name} ({columns})")


# DuckDB takes 80% of the machine's memory by default. At a year of data for 1,000
# agreements (1,000,000 tickets) the whole run peaked at 1.8 GB with no limit, 1.3 GB at
# 1 GB and 0.9 GB at 500 MB, for 17 s of figures instead of 14.6 s (make bench).
MEMORY_LIMIT = "500MB"


@contextmanager
def connection() -> Iterator[duckdb.DuckDBPyConnection]:
    """A DuckDB connection with the tables, bounded memory, no progress bar, and a
    private folder for what it spills to disk (else `.tmp` in the working folder), removed
    with the connection."""
    with tempfile.TemporaryDirectory(prefix="sitegen-duckdb-") as spill:
        con = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "temp_directory": spill})
        try:
            create_tables(con)
            yield con
        finally:
            con.close()
