"""The service reports at scale: a year of data for the synthetic catalogue, and one run
that reads it and computes every monthly figure.

    python -m tests.bench.reports DIR    # DIR holds agreements/ and data/*.parquet

`write_data` writes, with DuckDB's own generator (seeded, so the same bytes each time),
1,000 tickets and 100 outage intervals per agreement over the year from December 2025:
1,000,000 tickets (one in ten paused once) and 100,000 outages (one in twenty a
maintenance, one in twenty caused by the customer) for 1,000 agreements. Most tickets meet
their targets, as in a real year: answered within 26 minutes and resolved within 210.
`main` runs in its own process, so its peak memory is its own: it loads the agreements,
reads both files and computes the periods of each, and prints the seconds of each step as
JSON, wall and CPU (user + system of every thread: on a machine shared with other work the
CPU seconds are the steadier figure).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import duckdb

from sitegen.load import load_agreement
from sitegen.load.config import Settings
from sitegen.load.model import Agreement
from sitegen.reports import rows
from sitegen.reports.compute import figures, job
from sitegen.reports.read import Expect, read_outages, read_tickets

TICKETS_PER_AGREEMENT = 1000
OUTAGES_PER_AGREEMENT = 100
# December 2025 to November 2026: a December 2026 claim or report deadline would fall in
# 2027, which the mainland calendar data do not cover yet (a clear error, not a figure).
MONTHS = ["2025-12", *(f"2026-{month:02d}" for month in range(1, 12))]
QUARTERS = [f"2026Q{quarter}" for quarter in range(1, 4)]


def _agreements(root: Path) -> list[Agreement]:
    found = []
    for path in sorted((root / "agreements").glob("*/agreement.yaml")):
        loaded = load_agreement(path)
        if loaded.agreement is None:
            raise SystemExit(f"{path}: does not load")
        found.append(loaded.agreement)
    return found


def write_data(root: Path) -> tuple[Path, Path]:
    """Write data/outages.parquet and data/tickets.parquet for the agreements under root."""
    agreements = _agreements(root)
    data = root / "data"
    data.mkdir(exist_ok=True)
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    con.execute("SELECT setseed(0.42)")
    con.execute("CREATE TABLE levels (agreement VARCHAR, levels VARCHAR[], tier VARCHAR)")
    con.executemany(
        "INSERT INTO levels VALUES (?, ?, ?)",
        [
            (
                a.id,
                [p.level for p in a.slos.priorities] or ["P1"],
                next((t.id for t in a.slos.tiers if t.id), None),
            )
            for a in agreements
        ],
    )
    year = "TIMESTAMPTZ '2025-12-01 00:00:00+08'"
    seconds = 365 * 24 * 3600
    tickets, outages = data / "tickets.parquet", data / "outages.parquet"
    con.execute(
        f"""
        COPY (
          SELECT agreement, id, priority, opened,
                 opened + to_minutes(1 + (random() * 25)::BIGINT) AS responded,
                 opened + to_minutes(10 + (random() * 200)::BIGINT) AS resolved,
                 CASE WHEN n % 10 = 0 THEN
                   strftime(opened + INTERVAL 2 MINUTE, '%Y-%m-%dT%H:%M:%S+00:00') || '/' ||
                   strftime(opened + INTERVAL 8 MINUTE, '%Y-%m-%dT%H:%M:%S+00:00')
                 END AS pauses
          FROM (
            SELECT l.agreement, l.agreement || '-' || n AS id, n,
                   l.levels[1 + (random() * (len(l.levels) - 1))::INTEGER] AS priority,
                   {year} + to_seconds((random() * {seconds - 6 * 86400})::BIGINT) AS opened
            FROM levels l, range({TICKETS_PER_AGREEMENT}) r(n)
          )
          ORDER BY agreement, opened
        ) TO '{tickets}' (FORMAT parquet)
        """  # the paths are the benchmark's own temporary folder, never input
    )
    con.execute(
        f"""
        COPY (
          SELECT agreement, tier, start, start + to_minutes(1 + (random() * 60)::BIGINT) AS "end",
                 CASE WHEN n % 20 = 0 THEN 'maintenance' WHEN n % 20 = 1 THEN 'customer'
                      ELSE 'outage' END AS kind,
                 CASE WHEN n % 20 = 0 THEN start - INTERVAL 10 DAY END AS notified,
                 'INC-' || n AS ref
          FROM (
            SELECT l.agreement, l.tier, n,
                   {year} + to_seconds((random() * {seconds - 86400})::BIGINT) AS start
            FROM levels l, range({OUTAGES_PER_AGREEMENT}) r(n)
          )
          ORDER BY agreement, start
        ) TO '{outages}' (FORMAT parquet)
        """
    )
    con.close()
    return outages, tickets


def main(root: Path) -> None:
    timings: dict[str, float] = {}
    start = time.perf_counter()
    settings = Settings()
    agreements = _agreements(root)
    expect = {a.id: Expect.of(a) for a in agreements}
    timings["load agreements"] = time.perf_counter() - start
    with rows.connection() as con:  # as `sitegen report` makes it
        start, cpu = time.perf_counter(), time.process_time()
        read_outages(con, [root / "data" / "outages.parquet"], expect)
        read_tickets(con, [root / "data" / "tickets.parquet"], expect)
        timings["read"] = time.perf_counter() - start
        timings["read cpu"] = time.process_time() - cpu  # every thread's user + system
        start, cpu = time.perf_counter(), time.process_time()
        jobs = [
            job(a, settings, period)
            for a in agreements
            for period in (MONTHS if a.measurement.period == "month" else QUARTERS)
        ]
        computed = figures(con, jobs)
        timings["figures"] = time.perf_counter() - start
        timings["figures cpu"] = time.process_time() - cpu
        timings["jobs"] = len(computed)
        for table in ("tickets", "outages"):
            (timings[table],) = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0]
    print(json.dumps(timings))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
