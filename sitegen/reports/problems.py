"""The problems of one read, kept in DuckDB while the checks run, told in words at the end.

The checks are set-based SQL and a bad export can have a million bad rows, so problems
are rows of `sg_problems` (file number, row, canonical column, code, value, detail); only
the first `SHOWN`, in file and row order, are fetched and put into words here, every
value and name escaped (`inputerrors.shown`, `terminal.safe`).
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from sitegen.reports.inputerrors import SHOWN, InputErrors, Problem, Unit, shown
from sitegen.terminal import safe

_KINDS = "outage, maintenance, customer, force_majeure or third_party"

# code → the message, from the value (shown quoted) and the detail (escaped).
MESSAGES: dict[str, Callable[[str, str], str]] = {
    "format": lambda v, d: f"unknown format {shown(v)}: sitegen reads {d}",
    "unreadable": lambda v, d: f"cannot read: {safe(v)}",
    "unknown_column": lambda v, d: f"unknown column {shown(v)}: the columns are {d}",
    "missing_column": lambda v, d: f"no column {shown(v)}, which gives {d}",
    "no_agreement": lambda v, d: "the rows name no agreement: give the agreement they are for",
    "empty_file": lambda v, d: "the file is empty: a CSV file starts with its header",
    "twice": lambda v, d: f"the column {shown(v)} is there twice",
    "json_line": lambda v, d: f"not a JSON object: {shown(v)}",
    "not_prometheus": lambda v, d: f"not a Prometheus query_range answer: {safe(d)}",
    "sample": lambda v, d: f'sample {safe(d)} is not [time, "value"]: {shown(v)}',
    "no_step": lambda v, d: "no series has two samples: give step_seconds in the mapping",
    "empty": lambda v, d: "empty: every row needs it",
    "time": lambda v, d: f"{shown(v)} is not an ISO 8601 time (2026-10-08T09:15+08:00){d}",
    "before": lambda v, d: f"{shown(v)} is before {safe(d)}",
    "kind": lambda v, d: f"{shown(v)} is not an outage kind: {_KINDS}",
    "agreement": lambda v, d: f"{shown(v)} is not an agreement being reported on",
    "priority": lambda v, d: f"{shown(v)} is not a priority of {safe(d)}",
    "tier": lambda v, d: f"{shown(v)} is not a tier of {safe(d)}",
    "tier_missing": lambda v, d: f"empty: {safe(d)}; name one",
    "duplicate": lambda v, d: f"ticket {shown(v)} is also at {safe(d)}",
    "pause": lambda v, d: f"{shown(v)} is not a pause start/end of two ISO 8601 times",
    "pause_order": lambda v, d: f"{shown(v)}: the pause ends before it starts",
    "pause_outside": lambda v, d: f"{shown(v)} is outside the ticket's open time, {safe(d)}",
    "pause_overlap": lambda v, d: f"{shown(v)} overlaps the pause before it",
    "amount": lambda v, d: f"{shown(v)} is not an amount: write digits and a point (12400.50)",
    "period": lambda v, d: (
        f"{shown(v)} is not a period: write a month (2026-10) or a quarter (2026Q3)"
    ),
    "period_kind": lambda v, d: f"{shown(v)} is not the agreement's measurement period: {safe(d)}",
    "currency": lambda v, d: f"{shown(v)} is not an ISO 4217 currency code (CNY, USD, EUR)",
    "currency_fees": lambda v, d: f"{shown(v)} is not the currency of the fees: {safe(d)}",
    "currency_mixed": lambda v, d: f"{shown(v)}: this period's charges are in {safe(d)}",
    "charged_twice": lambda v, d: f"the charges of {shown(v)} are also at {safe(d)}",
}

TABLE = """
    CREATE OR REPLACE TEMP TABLE sg_problems (
        src INTEGER, "row" BIGINT, col VARCHAR, code VARCHAR, value VARCHAR, detail VARCHAR,
        k INTEGER  -- the order of a row's problems in one column (a pause's place)
    )
"""


class Problems:
    """The problems of one read: `file` records one about a whole file; the checks insert
    theirs into `sg_problems` directly. `files` are the names as given, by file number;
    `units` and `shown` say how each file counts rows and names its columns."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.files: list[str] = []
        self.units: dict[int, Unit] = {}
        self.shown: dict[int, dict[str, str]] = {}
        self._told_files = 0  # problems of whole files are told in the order found
        con.execute(TABLE)

    def file(self, src: int, code: str, value: str, detail: str) -> None:
        self._told_files += 1
        self.con.execute(
            "INSERT INTO sg_problems VALUES (?, NULL, NULL, ?, ?, ?, ?)",
            [src, code, value, detail, self._told_files],
        )

    def raise_any(self, order: list[str]) -> None:
        """InputErrors with the first problems and the count of all, if there are any.
        `order` is the canonical columns in the order a row's problems are told."""
        total = self.con.execute("SELECT count(*) FROM sg_problems").fetchone()
        if total is None or total[0] == 0:
            return
        rows = self.con.execute(
            """SELECT src, "row", col, code, value, detail FROM sg_problems
               ORDER BY src, "row" NULLS FIRST, list_position(?, col) NULLS FIRST, k, code
               LIMIT ?""",
            [order, SHOWN],
        ).fetchall()
        raise InputErrors(problems=[self._told(*row) for row in rows], total=int(total[0]))

    def _told(
        self,
        src: int,
        row: int | None,
        col: str | None,
        code: str,
        value: str | None,
        detail: str | None,
    ) -> Problem:
        column = None if col is None else self.shown.get(src, {}).get(col, col)
        unit = self.units.get(src, "row")
        message = MESSAGES[code](value or "", detail or "")
        return Problem(self.files[src], row, column, message, unit)
