"""A Prometheus `query_range` answer of a probe metric (`probe_success`) as outage rows.

The answer is `{"status": "success", "data": {"resultType": "matrix", "result": [{"metric":
{labels}, "values": [[unix seconds, "1"], …]}, …]}}`. A sample "0" is downtime from its
time for one step; failed samples one step apart join into one outage (gaps and islands
in SQL, on milliseconds so float seconds compare exactly). A missing sample is no data,
not downtime; "NaN" and other values are not failures. The step is the mapping's
`step_seconds`, else the smallest gap between two samples of a series in the file.

Each series becomes the outages of one row number, its place in `result` (1-based), shown
as `probe.json: series 2`; its agreement, tier and ref are the labels the mapping names
(`columns`), the agreement else the default. The rows are staged as text like any file's,
so the same checks apply.
"""

from __future__ import annotations

import duckdb

from sitegen.load.input_mappings import InputMapping
from sitegen.reports.problems import Problems
from sitegen.reports.sources import Source


def stage(
    con: duckdb.DuckDBPyConnection, source: Source, mapping: InputMapping, problems: Problems
) -> None:
    """Append the file's outages to `sg_stage`, or record why it cannot be read."""
    source.shown = dict(mapping.columns)
    source.present = {"agreement", "tier", "start", "end", "kind", "ref"}
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE sg_doc AS SELECT content::JSON AS doc FROM read_text(?)",
            [str(source.link)],
        )
    except duckdb.Error as error:
        text = str(error).strip().splitlines()[0].replace(str(source.link), source.name)
        problems.file(source.index, "unreadable", text, "")
        return
    shape = con.execute(
        """SELECT json_extract_string(doc, '$.status'),
                  json_extract_string(doc, '$.data.resultType') FROM sg_doc"""
    ).fetchone()
    if shape is None or shape != ("success", "matrix"):
        found = "status {}, resultType {}".format(*(shape or (None, None)))
        problems.file(source.index, "not_prometheus", "", f"want success and matrix, {found}")
        return
    _samples(con, source, problems)
    step = mapping.step_seconds
    if step is None:
        gap = con.execute(
            """SELECT min(d) FROM (SELECT ms - lag(ms) OVER (PARTITION BY series ORDER BY ms)
               AS d FROM sg_samples) WHERE d > 0"""
        ).fetchone()
        if gap is None or gap[0] is None:
            problems.file(source.index, "no_step", "", "")
            return
        step_ms = int(gap[0])
    else:
        step_ms = step * 1000
    labels = [mapping.columns.get(name) for name in ("agreement", "tier", "ref")]
    _outages(con, source, step_ms, labels)


def _samples(con: duckdb.DuckDBPyConnection, source: Source, problems: Problems) -> None:
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE sg_series AS
        WITH r AS (SELECT json_extract(doc, '$.data.result[*]') AS s FROM sg_doc)
        SELECT generate_subscripts(s, 1) AS series, unnest(s) AS one FROM r
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE sg_samples AS
        WITH v AS (
            SELECT series, json_extract(one, '$.values[*]') AS vs FROM sg_series
        ), one AS (
            SELECT series, unnest(vs) AS sample, generate_subscripts(vs, 1) AS k FROM v
        )
        SELECT series, k, sample,
               CAST(round(TRY_CAST(json_extract_string(sample, '$[0]') AS DOUBLE) * 1000)
                    AS BIGINT) AS ms,
               TRY_CAST(json_extract_string(sample, '$[1]') AS DOUBLE) AS value
        FROM one
        """
    )
    con.execute(
        """INSERT INTO sg_problems
           SELECT ?, series, NULL, 'sample', left(CAST(sample AS VARCHAR), 80), k, k
           FROM sg_samples WHERE ms IS NULL OR value IS NULL""",
        [source.index],
    )
    con.execute("DELETE FROM sg_samples WHERE ms IS NULL OR value IS NULL")


def _outages(
    con: duckdb.DuckDBPyConnection, source: Source, step_ms: int, labels: list[str | None]
) -> None:
    con.execute(
        """
        INSERT INTO sg_stage (src, "row", agreement, tier, "start", "end", kind, ref)
        WITH failed AS (
            SELECT series, ms, CASE WHEN ms - lag(ms) OVER (PARTITION BY series ORDER BY ms)
                                    = $step THEN 0 ELSE 1 END AS new
            FROM sg_samples WHERE value = 0
        ), islands AS (
            SELECT series, ms, sum(new) OVER (PARTITION BY series ORDER BY ms) AS island
            FROM failed
        ), spans AS (
            SELECT series, min(ms) AS first, max(ms) + $step AS after
            FROM islands GROUP BY series, island
        )
        SELECT $src, s.series,
               json_extract_string(one -> 'metric', $agreement),
               json_extract_string(one -> 'metric', $tier),
               CAST(make_timestamp(first * 1000) AS VARCHAR) || 'Z',
               CAST(make_timestamp(after * 1000) AS VARCHAR) || 'Z',
               'outage',
               json_extract_string(one -> 'metric', $ref)
        FROM spans s JOIN sg_series USING (series)
        ORDER BY s.series, first
        """,
        {
            "step": step_ms,
            "src": source.index,
            "agreement": labels[0],
            "tier": labels[1],
            "ref": labels[2],
        },
    )
