"""Outage, ticket and charge files into the canonical tables (`rows.py`): the reports'
data in.

    con = duckdb.connect(); rows.create_tables(con)
    expect = {a.id: Expect.of(a) for a in agreements}
    read_outages(con, [Path("outages.csv"), Path("probe.json")], expect,
                 mapping=mapping_named("prometheus-probe"))
    read_tickets(con, [Path("jira.csv")], expect, default="SLA-2024-001",
                 mapping=mapping_named("jira-service-management"))
    input_digests([...])  # the SHA-256 of each file, for the report's record

A call reads several files of one kind, each a CSV, JSON Lines or Parquet file of the
canonical columns (`sitegen.load.input_mappings.CANONICAL`), or an export through a
mapping (`mappings.py`). `expect` says, per agreement id, what its rows may say: the zone
of times written without an offset, its tier ids and its priority levels; `default` is the
agreement of rows that name none (a Jira export for one agreement). The canonical outage
column `kind` may be left out or empty: the row is an `outage`, the reading that never
flatters the service.

Every problem of every file is gathered (`inputerrors.InputErrors`, a UserError naming
file, row and column) and, when there is one, nothing at all is added to the tables: the
rows are staged in temporary tables, checked in SQL over all rows at once, and inserted in
one transaction only when none failed. A ticket id is checked against the tickets of
earlier calls too, so one agreement's Jira and ServiceNow exports may be read one after
the other.

The connection is `rows.create_tables`' (session zone UTC); a call keeps DuckDB's
insertion order (the row numbers depend on it), turns its progress bar off (it would
write to the terminal) and leaves two macros, `sg_aware` and `sg_local` (`times.py`).
At 200,000 tickets with pauses, naive times in two zones and 1,000 agreements, a call
took 8 s on a machine loaded 6 times over its 2 cores: `checks.resolve` (parsing every
time) and the pause splitting are the larger part.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from sitegen.digest import file_digest
from sitegen.errors import UserError
from sitegen.load.input_mappings import CANONICAL, REQUIRED, InputMapping
from sitegen.load.money import currencies
from sitegen.reports import checks, collector, pauses, prometheus, sources, times
from sitegen.reports.expect import Expect
from sitegen.reports.problems import Problems

__all__ = ["Expect", "Read", "input_digests", "read_charges", "read_outages", "read_tickets"]


@dataclass(frozen=True)
class Read:
    """What a call added: its rows, and the optional columns no file held (a JSM export
    without "Date of First Response" has no `responded`: say so in the report)."""

    rows: int
    absent: frozenset[str]


def read_outages(
    con: duckdb.DuckDBPyConnection,
    files: Sequence[Path],
    expect: Mapping[str, Expect],
    *,
    default: str | None = None,
    mapping: InputMapping | None = None,
) -> Read:
    """Add the outage rows of `files` to `outages`; InputErrors (nothing added) else."""
    return _read(con, "outages", files, expect, default, mapping)


def read_tickets(
    con: duckdb.DuckDBPyConnection,
    files: Sequence[Path],
    expect: Mapping[str, Expect],
    *,
    default: str | None = None,
    mapping: InputMapping | None = None,
) -> Read:
    """Add the ticket rows of `files` to `tickets`, their pauses to `pauses`;
    InputErrors (nothing added) else."""
    return _read(con, "tickets", files, expect, default, mapping)


def read_charges(
    con: duckdb.DuckDBPyConnection,
    files: Sequence[Path],
    expect: Mapping[str, Expect],
    *,
    default: str | None = None,
    mapping: InputMapping | None = None,
) -> Read:
    """Add the charge rows of `files` (billing data: what each tier's service cost in a
    period) to `charges`; InputErrors (nothing added) else."""
    return _read(con, "charges", files, expect, default, mapping)


READERS = {"outages": read_outages, "tickets": read_tickets, "charges": read_charges}


def input_digests(files: Sequence[Path]) -> dict[Path, str]:
    """The SHA-256 of each file's bytes, hexadecimal, by path as given."""
    try:
        return {path: file_digest(path).hex() for path in files}
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror or error}", path=error.filename) from None


def _read(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    files: Sequence[Path],
    expect: Mapping[str, Expect],
    default: str | None,
    mapping: InputMapping | None,
) -> Read:
    if mapping is not None and mapping.rows != kind:
        raise UserError(f"the mapping reads {mapping.rows}, not {kind}")
    con.execute("SET preserve_insertion_order = true")
    con.execute("SET enable_progress_bar = false")  # it would print to the terminal
    times.install(con)
    try:
        with collector.paused():  # the rows refer to nothing that refers back
            _expectations(con, expect, mapping)
            problems = Problems(con)
            present = _stage_all(con, kind, files, default, mapping, problems)
            rows = _check_and_insert(con, kind, default, mapping, problems)
    finally:
        _drop(con)
    optional = set(CANONICAL[kind]) - set(REQUIRED[kind]) - {"agreement", "tier", "kind"}
    return Read(rows, frozenset(optional - present))


def _stage_all(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    files: Sequence[Path],
    default: str | None,
    mapping: InputMapping | None,
    problems: Problems,
) -> set[str]:
    """Every file into `sg_stage` (`sg_files` names them); the canonical columns found."""
    typed = [(name, sql_type) for name, sql_type in times.typed_columns(kind)]
    columns = ", ".join(
        [*(f'"{c}" VARCHAR' for c in CANONICAL[kind]), *(f'"{n}" {t}' for n, t in typed)]
    )
    con.execute(f'CREATE OR REPLACE TEMP TABLE sg_stage (src INTEGER, "row" BIGINT, {columns})')
    con.execute("CREATE OR REPLACE TEMP TABLE sg_files (src INTEGER, name VARCHAR)")
    con.execute(
        "INSERT INTO sg_files SELECT unnest(?), unnest(?)",
        [list(range(len(files))), [str(f) for f in files]],
    )
    present: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="sitegen-inputs-") as folder:
        for source in sources.open_sources(files, Path(folder), mapping, problems):
            problems.units[source.index] = source.unit
            if source.format == "prometheus":
                assert mapping is not None
                prometheus.stage(con, source, mapping, problems)
            else:
                sources.stage(con, source, kind, mapping, default, problems)
            problems.shown[source.index] = source.shown
            present |= source.present
    return present


def _check_and_insert(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    default: str | None,
    mapping: InputMapping | None,
    problems: Problems,
) -> int:
    """Resolve and check the staged rows; InputErrors when any failed, else insert them."""
    if kind == "charges":
        checks.resolve_charges(con, default)
        checks.check_common(con, kind, "")
        checks.check_charges(con, sorted(currencies()))
        problems.raise_any(list(CANONICAL[kind]))
        return _insert(con, kind)
    parser = times.TimeParser(mapping.time_format if mapping else [])
    checks.resolve(con, kind, default, parser)
    formats = mapping.time_format if mapping else []
    detail = "".join(f" or {f}" for f in formats)
    checks.check_common(con, kind, detail)
    if kind == "outages":
        checks.check_outages(con)
    else:
        checks.check_tickets(con)
        pauses.split(con, parser)
        pauses.check(con)
    problems.raise_any(list(CANONICAL[kind]))
    return _insert(con, kind)


def _insert(con: duckdb.DuckDBPyConnection, kind: str) -> int:
    """The checked rows into the canonical tables, all or none; how many rows."""
    con.execute("BEGIN TRANSACTION")
    try:
        if kind == "charges":
            con.execute(
                """INSERT INTO charges
                   SELECT r.agreement, r.tier_text, r.period_text, r.charged, r.paid,
                          r.currency_text, r.ref_text, f.name, r."row"
                   FROM sg_rows r JOIN sg_files f USING (src) ORDER BY r.src, r."row" """
            )
        elif kind == "outages":
            con.execute(
                """INSERT INTO outages
                   SELECT r.agreement, CASE WHEN len(e.tiers) > 1 THEN r.tier_text END,
                          r."start", r."end", r.kind, r.notified, r.ref_text, f.name, r."row"
                   FROM sg_rows r JOIN sg_files f USING (src)
                   JOIN sg_expect e ON e.agreement = r.agreement
                   ORDER BY r.src, r."row", r."start" """
            )
        else:
            con.execute(
                """INSERT INTO tickets
                   SELECT r.agreement, r.id_text, r.level, r.opened, r.responded, r.resolved,
                          f.name, r."row"
                   FROM sg_rows r JOIN sg_files f USING (src) ORDER BY r.src, r."row" """
            )
            pauses.insert(con)
        count = con.execute("SELECT count(*) FROM sg_rows").fetchone()
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return int(count[0]) if count else 0


def _expectations(
    con: duckdb.DuckDBPyConnection, expect: Mapping[str, Expect], mapping: InputMapping | None
) -> None:
    """`sg_expect`, `sg_priorities` and `sg_kinds`: what the rules compare with."""
    ids = sorted(expect)
    zones = [expect[i].zone.key for i in ids]
    known = {row[0] for row in con.execute("SELECT name FROM pg_timezone_names()").fetchall()}
    for agreement, zone in zip(ids, zones, strict=True):
        if zone not in known:  # DuckDB's ICU has its own copy of the zone data
            raise UserError(f"{agreement}: DuckDB does not know the time zone {zone}")
    con.execute(
        """CREATE OR REPLACE TEMP TABLE sg_expect (
               agreement VARCHAR, zone VARCHAR, tiers VARCHAR[], levels VARCHAR[],
               period_kind VARCHAR, currency VARCHAR)"""
    )
    if ids:
        con.execute(
            "INSERT INTO sg_expect SELECT unnest(?), unnest(?), unnest(?), unnest(?), "
            "unnest(?), unnest(?)",
            [
                ids,
                zones,
                [sorted(expect[i].tiers) for i in ids],
                [list(expect[i].levels) for i in ids],
                [expect[i].period for i in ids],
                [expect[i].currency for i in ids],
            ],
        )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE sg_priorities (label VARCHAR, level VARCHAR, rank INTEGER)"
    )
    con.execute("CREATE OR REPLACE TEMP TABLE sg_kinds (label VARCHAR, kind VARCHAR)")
    if mapping is None:
        return
    for label, level in mapping.priorities.items():
        rank = level if isinstance(level, int) else None
        named = level if isinstance(level, str) else None
        con.execute("INSERT INTO sg_priorities VALUES (?, ?, ?)", [label, named, rank])
    for label, kind in mapping.kinds.items():
        con.execute("INSERT INTO sg_kinds VALUES (?, ?)", [label, kind])


_TEMPORARY = (
    "sg_stage",
    "sg_rows",
    "sg_files",
    "sg_problems",
    "sg_expect",
    "sg_priorities",
    "sg_kinds",
    "sg_lines",
    "sg_file",
    "sg_doc",
    "sg_series",
    "sg_samples",
    "sg_pause_rows",
    "sg_repeated",
)


def _drop(con: duckdb.DuckDBPyConnection) -> None:
    for table in _TEMPORARY:
        con.execute(f"DROP TABLE IF EXISTS {table}")
