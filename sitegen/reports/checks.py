"""The staged text rows made canonical and checked, set-based: one query per rule over
every row of every file, each rule inserting its problems into `sg_problems`.

`resolve` turns `sg_stage` (text) into `sg_rows`: values trimmed (an empty cell is none),
the agreement (the row's, else the default), its zone joined from `sg_expect` (its tiers
and levels only where a rule reads them), times parsed to UTC (`times.py`), the mapping's
priorities and kinds applied. A row whose agreement is unknown is reported once for that,
not again for its times. The rules are plain SQL text of our own; every value in them comes
from a table or a parameter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import duckdb

from sitegen.reports.figures import OUTAGE_KINDS
from sitegen.reports.periods import REPORTED_FORMS
from sitegen.reports.times import TIME_COLUMNS, TimeParser, localize, typed_columns

_TEXT = {
    "outages": ("tier", "start", "end", "kind", "notified", "ref"),
    "tickets": ("id", "priority", "opened", "responded", "resolved", "pauses"),
}
REQUIRED_VALUES = {
    "outages": ("start", "end"),
    "tickets": ("id", "priority", "opened"),
    "charges": ("period", "charged", "currency"),
}
KINDS = list(OUTAGE_KINDS)


def resolve(
    con: duckdb.DuckDBPyConnection, kind: str, default: str | None, times: TimeParser
) -> None:
    """`sg_rows` from `sg_stage`: see the module's docstring."""
    parsed = ", ".join(times.columns(f's."{c}_text"', c, "s.") for c in TIME_COLUMNS[kind])
    typed = ", ".join(f'"{name}"' for name, _ in typed_columns(kind))
    if kind == "outages":
        extra = """, COALESCE(k.kind, lower(replace(s.kind_text, '-', '_')), 'outage') AS kind
                   FROM s LEFT JOIN sg_expect e ON e.agreement = s.agreement
                   LEFT JOIN sg_kinds k ON k.label = s.kind_text"""
    else:
        extra = """, p.level AS mapped_level, p.rank AS mapped_rank,
                   CASE WHEN p.rank IS NOT NULL THEN e.levels[p.rank]
                        ELSE COALESCE(p.level, s.priority_text) END AS level
                   FROM s LEFT JOIN sg_expect e ON e.agreement = s.agreement
                   LEFT JOIN sg_priorities p ON p.label = s.priority_text"""
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE sg_rows AS
        {_staged(_TEXT[kind], [name for name, _ in typed_columns(kind)])}
        SELECT s.* EXCLUDE ({typed}), e.agreement IS NOT NULL AS known, e.zone, {parsed}
        {extra}
        """,
        {**times.parameters, "default": default},
    )
    localize(con, "sg_rows", list(TIME_COLUMNS[kind]))


def _staged(columns: tuple[str, ...], typed: Sequence[str] = ()) -> str:
    """The staged text rows as `s`: each value trimmed (an empty cell is none, `<c>_text`),
    the agreement the row's, else the default (`$default`); and the `typed` columns."""
    texts = ", ".join(
        [
            *(f"""NULLIF(trim("{c}"), '') AS "{c}_text\"""" for c in columns),
            *(f'"{t}"' for t in typed),
        ]
    )
    return f"""WITH s AS (
            SELECT src, "row", COALESCE(NULLIF(trim(agreement), ''), CAST($default AS VARCHAR))
                   AS agreement, {texts}
            FROM sg_stage)"""


def _problem(
    con: duckdb.DuckDBPyConnection,
    column: str,
    code: str,
    value: str,
    detail: str,
    where: str,
    parameters: Mapping[str, object] | None = None,
    *,
    expect: bool = False,
) -> None:
    """One rule; with `expect`, the rows see their agreement's `tiers` and `levels` (the
    rows do not carry these lists: copying them into a million rows, twice, cost ~1 s)."""
    rows = "sg_rows"
    if expect:
        rows += " LEFT JOIN (SELECT agreement, tiers, levels FROM sg_expect) USING (agreement)"
    con.execute(
        f"""INSERT INTO sg_problems (src, "row", col, code, value, detail)
            SELECT src, "row", '{column}', '{code}', {value}, {detail}
            FROM {rows} WHERE {where}""",
        parameters or {},
    )


def check_common(con: duckdb.DuckDBPyConnection, kind: str, time_detail: str) -> None:
    """The rules both kinds of rows share: agreement, required values, times."""
    _problem(con, "agreement", "empty", "''", "''", "agreement IS NULL")
    _problem(
        con, "agreement", "agreement", "agreement", "''", "agreement IS NOT NULL AND NOT known"
    )
    for column in REQUIRED_VALUES[kind]:
        _problem(con, column, "empty", "''", "''", f'known AND "{column}_text" IS NULL')
    for column in TIME_COLUMNS.get(kind, ()):
        _problem(
            con,
            column,
            "time",
            f'"{column}_text"',
            "$detail",
            f'known AND "{column}_text" IS NOT NULL AND "{column}" IS NULL',
            {"detail": time_detail},
        )


def _before(con: duckdb.DuckDBPyConnection, later: str, earlier: str) -> None:
    _problem(
        con,
        later,
        "before",
        f'"{later}_text"',
        f"'{earlier} ' || \"{earlier}_text\"",
        f'"{later}" < "{earlier}"',
    )


def check_outages(con: duckdb.DuckDBPyConnection) -> None:
    _before(con, "end", "start")
    _problem(
        con,
        "kind",
        "kind",
        "kind_text",
        "''",
        "known AND NOT list_contains($kinds, kind)",
        {"kinds": KINDS},
    )
    _tiers(con)


def _tiers(con: duckdb.DuckDBPyConnection) -> None:
    """The tier an outage or a charge names: needed when its agreement has several, one of
    its ids, and none when it has one tier without an id."""
    _problem(
        con,
        "tier",
        "tier_missing",
        "''",
        "agreement || ' has several tiers (' || array_to_string(tiers, ', ') || ')'",
        "known AND len(tiers) > 1 AND tier_text IS NULL",
        expect=True,
    )
    _problem(
        con,
        "tier",
        "tier",
        "tier_text",
        "agreement || CASE WHEN len(tiers) = 0 THEN ', which has one tier without an id: "
        "leave the tier empty' ELSE ' (' || array_to_string(tiers, ', ') || ')' END",
        "known AND tier_text IS NOT NULL AND NOT list_contains(tiers, tier_text)",
        expect=True,
    )


def check_tickets(con: duckdb.DuckDBPyConnection) -> None:
    _before(con, "responded", "opened")
    _before(con, "resolved", "opened")
    _problem(
        con,
        "priority",
        "priority",
        "priority_text",
        "agreement || ' (' || array_to_string(levels, ', ') || ')' || CASE "
        "WHEN mapped_rank IS NOT NULL THEN ': the mapping makes it priority number ' "
        "|| mapped_rank WHEN mapped_level IS NOT NULL THEN ': the mapping makes it ' "
        "|| mapped_level ELSE '' END",
        "known AND priority_text IS NOT NULL "
        "AND (level IS NULL OR NOT list_contains(levels, level))",
        expect=True,
    )
    _duplicates(con)


def _duplicates(con: duckdb.DuckDBPyConnection) -> None:
    """A ticket id twice in one agreement: each later place names the first, which may
    be a row read before into `tickets`, from another file or another call."""
    con.execute(
        """
        INSERT INTO sg_problems (src, "row", col, code, value, detail)
        WITH places AS (
            SELECT agreement, id, -1 AS src, "row", file AS name FROM tickets
            UNION ALL
            SELECT r.agreement, r.id_text, r.src, r."row", f.name
            FROM sg_rows r JOIN sg_files f USING (src)
            WHERE r.known AND r.id_text IS NOT NULL
        ), repeated AS (  -- few ids repeat: only their places are ordered and named
            SELECT agreement, id FROM places GROUP BY agreement, id HAVING count(*) > 1
        ), ranked AS (
            SELECT *, row_number() OVER w AS n,
                   first_value(name || ':' || "row") OVER w AS first
            FROM places SEMI JOIN repeated USING (agreement, id)
            WINDOW w AS (PARTITION BY agreement, id ORDER BY src, "row")
        )
        SELECT src, "row", 'id', 'duplicate', id, first FROM ranked WHERE n > 1
        """
    )


# Charges: an amount is digits with a decimal point, never a thousands separator (is
# "1.234" one thousand or one?), at most four decimals; a period is the agreement's own kind.
_AMOUNT = r"^[0-9]{1,14}(\.[0-9]{1,4})?$"
_CHARGE_TEXT = ("period", "tier", "charged", "paid", "currency", "ref")


def resolve_charges(con: duckdb.DuckDBPyConnection, default: str | None) -> None:
    """`sg_rows` from staged charge rows: trimmed, the agreement's expectations joined,
    amounts read where they are written as `_AMOUNT` says (NULL otherwise)."""
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE sg_rows AS
        {_staged(_CHARGE_TEXT)}
        SELECT s.*, e.agreement IS NOT NULL AS known, e.period_kind, e.currency,
               CASE WHEN regexp_full_match(charged_text, $amount)
                    THEN CAST(charged_text AS DECIMAL(18, 4)) END AS charged,
               CASE WHEN regexp_full_match(paid_text, $amount)
                    THEN CAST(paid_text AS DECIMAL(18, 4)) END AS paid,
               CASE WHEN regexp_full_match(period_text, $month) THEN 'month'
                    WHEN regexp_full_match(period_text, $quarter) THEN 'quarter' END AS kind
        FROM s LEFT JOIN sg_expect e ON e.agreement = s.agreement
        """,
        {
            "default": default,
            "amount": _AMOUNT,
            "month": REPORTED_FORMS["month"],
            "quarter": REPORTED_FORMS["quarter"],
        },
    )


def check_charges(con: duckdb.DuckDBPyConnection, currencies: list[str]) -> None:
    """Agreement and required values (`check_common`), then each value and each
    agreement's period and tier charged twice."""
    for column in ("charged", "paid"):
        _problem(
            con,
            column,
            "amount",
            f'"{column}_text"',
            "''",
            f'known AND "{column}_text" IS NOT NULL AND "{column}" IS NULL',
        )
    _problem(con, "period", "period", "period_text", "''", "known AND kind IS NULL")
    _problem(
        con,
        "period",
        "period_kind",
        "period_text",
        "agreement || ' measures by ' || period_kind",
        "known AND kind IS NOT NULL AND kind <> period_kind",
    )
    _problem(
        con,
        "currency",
        "currency",
        "currency_text",
        "''",
        "known AND currency_text IS NOT NULL AND NOT list_contains($known, currency_text)",
        {"known": currencies},
    )
    _problem(
        con,
        "currency",
        "currency_fees",
        "currency_text",
        "agreement || '''s fees are in ' || currency",
        "known AND list_contains($known, currency_text) AND currency IS NOT NULL "
        "AND currency_text <> currency",
        {"known": currencies},
    )
    _tiers(con)
    _charged_twice(con)


def _charged_twice(con: duckdb.DuckDBPyConnection) -> None:
    """A tier's charges of one period twice, or one period's charges in two currencies:
    each later place names the first (which may be a row of an earlier call)."""
    con.execute(
        """
        INSERT INTO sg_problems (src, "row", col, code, value, detail)
        WITH places AS (
            SELECT agreement, period, COALESCE(tier, '') AS tier, currency,
                   -1 AS src, "row", file AS name FROM charges
            UNION ALL
            SELECT r.agreement, r.period_text, COALESCE(r.tier_text, ''), r.currency_text,
                   r.src, r."row", f.name
            FROM sg_rows r JOIN sg_files f USING (src)
            WHERE r.known AND r.period_text IS NOT NULL
        ), ranked AS (
            SELECT *, row_number() OVER t AS n, first_value(name || ':' || "row") OVER t AS first,
                   first_value(currency) OVER p AS first_currency,
                   first_value(name || ':' || "row") OVER p AS first_of_period
            FROM places
            WINDOW t AS (PARTITION BY agreement, period, tier ORDER BY src, "row"),
                   p AS (PARTITION BY agreement, period ORDER BY src, "row")
        )
        SELECT src, "row", 'tier', 'charged_twice',
               period || CASE WHEN tier = '' THEN '' ELSE ' ' || tier END, first
        FROM ranked WHERE n > 1
        UNION ALL
        SELECT src, "row", 'currency', 'currency_mixed', currency,
               first_currency || ' at ' || first_of_period
        FROM ranked WHERE n = 1 AND currency IS NOT NULL AND first_currency IS NOT NULL
              AND currency <> first_currency
        """
    )
