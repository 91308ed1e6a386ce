"""Each input file into one staging table of text: its canonical columns, its row numbers.

The format is the file's extension: `.csv`, `.jsonl` or `.ndjson` (JSON Lines), `.parquet`,
and `.json` for a Prometheus mapping (`prometheus.py`). Every value is staged as text, so
that a bad value becomes a problem naming its row and column instead of failing the read:

- CSV: comma-separated as RFC 4180 (Jira's and ServiceNow's exports are), UTF-8 with or
  without a byte order mark. Python's csv module reads the header, and DuckDB's
  `read_csv` the rows, every column VARCHAR and named by us, with the dialect given, not
  sniffed: the sniffer, faced with a row of one column too many, chose another delimiter
  and read each line as one value. A row that does not fit is then DuckDB's error with
  its line ("Expected Number of Columns: 4 Found: 5"). The row is the 1-based data row
  (the header not counted), from the order DuckDB keeps (`preserve_insertion_order`,
  checked on two million rows). An empty file (not even a header) is a problem.
- JSON Lines: `read_text` split into lines and DuckDB's JSON functions, not `read_json`:
  `read_json` skips blank lines (so a row is not its line) and stops at the first
  malformed line, where this names every bad line by its number.
- Parquet: `read_parquet` with `file_row_number`; typed columns are cast to text
  (a TIMESTAMPTZ as `2026-10-08 01:15:00+00`, a TIMESTAMP without an offset), and a time
  column typed as a timestamp is staged as its value too (`times.py`).

A file path is never SQL text, and never a pattern either: DuckDB's readers take a path
as a glob (`read_text('q?.jsonl')` read `q1.jsonl` too), so each file is read through a
link with a plain name in a private folder. The column names of a file never become SQL
text: columns are selected by position (`#3`), found from the names in Python.
"""

from __future__ import annotations

import csv
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from sitegen.load.input_mappings import CANONICAL, REQUIRED, InputMapping
from sitegen.reports.inputerrors import Unit
from sitegen.reports.problems import Problems
from sitegen.reports.times import TIME_COLUMNS, typed_as

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


@dataclass
class Source:
    """One input file: its number in the call, its name as given, and how its columns
    are named (canonical column → the file's name for it)."""

    index: int
    path: Path
    link: Path
    format: str
    unit: Unit = "row"
    shown: dict[str, str] = field(default_factory=dict)
    present: set[str] = field(default_factory=set)  # canonical columns the file holds
    types: list[str] = field(default_factory=list)  # a Parquet file's column types

    @property
    def name(self) -> str:
        return str(self.path)


def open_sources(
    files: Sequence[Path], folder: Path, mapping: InputMapping | None, problems: Problems
) -> list[Source]:
    """The files that are regular files of a known format, each linked into `folder`;
    a problem for each other one."""
    found: list[Source] = []
    for index, path in enumerate(files):
        problems.files.append(str(path))
        suffix = path.suffix.lower()
        kind = "prometheus" if mapping is not None and mapping.format == "prometheus" else None
        if kind is None:
            kind = FORMATS.get(suffix)
        elif suffix != ".json":
            kind = None
        if kind is None:
            known = ".json" if mapping and mapping.format == "prometheus" else ", ".join(FORMATS)
            problems.file(index, "format", suffix or "(none)", known)
            continue
        try:
            status = os.stat(path)
        except OSError as error:
            problems.file(index, "unreadable", error.strerror or str(error), "")
            continue
        if not stat.S_ISREG(status.st_mode):
            problems.file(index, "unreadable", "not a regular file", "")
            continue
        link = folder / f"{index}{suffix}"
        os.symlink(os.path.abspath(path), link)
        unit: Unit = "line" if kind == "jsonl" else "series" if kind == "prometheus" else "row"
        found.append(Source(index, path, link, kind, unit))
    return found


def wanted(kind: str, mapping: InputMapping | None) -> dict[str, str]:
    """Canonical column → the column the file must name for it."""
    if mapping is None:
        return {name: name for name in CANONICAL[kind]}
    return dict(mapping.columns)


def stage(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    kind: str,
    mapping: InputMapping | None,
    default: str | None,
    problems: Problems,
) -> None:
    """Append the file's rows to `sg_stage`, or record why it cannot be read."""
    try:
        names = _column_names(con, source)
    except _Empty:
        problems.file(source.index, "empty_file", "", "")
        return
    except UnicodeDecodeError:
        problems.file(
            source.index, "unreadable", "the file is not UTF-8 text; save it as UTF-8", ""
        )
        return
    except (duckdb.Error, OSError, csv.Error) as error:
        problems.file(source.index, "unreadable", _said(error, source), "")
        return
    if names is None:  # a JSON Lines file of no object: nothing to stage
        return
    columns = wanted(kind, mapping)
    source.shown = dict(columns)
    if not _columns_fit(source, names, kind, mapping, default, problems):
        return
    positions = {
        canonical: names.index(name) + 1 for canonical, name in columns.items() if name in names
    }
    source.present = set(positions)
    try:
        _insert(con, source, kind, positions, [columns[c] for c in positions], len(names))
    except duckdb.Error as error:
        problems.file(source.index, "unreadable", _said(error, source), "")


def _columns_fit(
    source: Source,
    names: list[str],
    kind: str,
    mapping: InputMapping | None,
    default: str | None,
    problems: Problems,
) -> bool:
    columns = wanted(kind, mapping)
    optional = (
        set(CANONICAL[kind]) - set(REQUIRED[kind]) if mapping is None else set(mapping.optional)
    )
    fits = True
    if mapping is None:
        for name in names:
            if name not in columns:
                problems.file(source.index, "unknown_column", name, ", ".join(CANONICAL[kind]))
                fits = False
    for canonical, name in columns.items():
        if name not in names and canonical not in optional and canonical != "agreement":
            problems.file(source.index, "missing_column", name, canonical)
            fits = False
    if columns.get("agreement") not in names and default is None:
        problems.file(source.index, "no_agreement", "", "")
        fits = False
    if len(set(names)) != len(names):
        twice = sorted({n for n in names if names.count(n) > 1 and n in columns.values()})
        for name in twice:
            problems.file(source.index, "twice", name, "")
            fits = False
    return fits


def _column_names(con: duckdb.DuckDBPyConnection, source: Source) -> list[str] | None:
    link = str(source.link)
    if source.format == "csv":
        with open(source.link, encoding="utf-8-sig", newline="") as text:
            header = next(csv.reader(text), None)
        if header is None:
            raise _Empty
        return header
    if source.format == "parquet":
        described = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [link]).fetchall()
        source.types = [row[1] for row in described]
        return [row[0] for row in described]
    con.execute("DROP TABLE IF EXISTS sg_lines")
    con.execute(
        """
        CREATE TEMP TABLE sg_lines AS
        WITH t AS (SELECT string_split(replace(content, chr(13), ''), chr(10)) AS ls
                   FROM read_text(?))
        SELECT generate_subscripts(ls, 1) AS line, unnest(ls) AS text FROM t
        """,
        [link],
    )
    con.execute("UPDATE sg_lines SET text = ltrim(text, chr(65279)) WHERE line = 1")
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE sg_lines AS
        SELECT line, text, CASE WHEN trim(text) = '' THEN NULL
                                WHEN json_valid(text) THEN json_type(text) = 'OBJECT'
                                ELSE false END AS ok
        FROM sg_lines
        """
    )
    con.execute(
        'INSERT INTO sg_problems (src, "row", col, code, value, detail) '
        "SELECT ?, line, NULL, 'json_line', left(text, 200), '' "
        "FROM sg_lines WHERE NOT ok",
        [source.index],
    )
    keys = con.execute(
        "SELECT DISTINCT unnest(json_keys(text)) FROM sg_lines WHERE ok ORDER BY 1"
    ).fetchall()
    if not keys:
        return None
    return [row[0] for row in keys]


def _insert(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    kind: str,
    positions: dict[str, int],
    names: list[str],
    count: int,
) -> None:
    targets = ", ".join(f'"{c}"' for c in positions)
    link = str(source.link)
    if source.format == "jsonl":
        values = ", ".join(f"v[{i + 1}]" for i in range(len(positions)))
        con.execute(
            f"INSERT INTO sg_stage (src, row, {targets}) SELECT ?, line, {values} FROM "
            "(SELECT line, json_extract_string(text, ?) AS v FROM sg_lines WHERE ok)",
            [source.index, names],
        )
        return
    if source.format == "parquet":
        _insert_parquet(con, source, kind, positions)
        return
    picked = ", ".join(f"CAST(#{p} AS VARCHAR) AS c{i}" for i, p in enumerate(positions.values()))
    values = ", ".join(f"c{i}" for i in range(len(positions)))
    con.execute("DROP TABLE IF EXISTS sg_file")
    # The rows of a table keep the file's order: a row's number is its rowid.
    con.execute(
        f"CREATE TEMP TABLE sg_file AS SELECT {picked} FROM read_csv(?, auto_detect = false, "
        "header = true, delim = ',', quote = '\"', escape = '\"', comment = '', columns = ?)",
        [link, {f"c{i}": "VARCHAR" for i in range(count)}],
    )
    con.execute(
        f"INSERT INTO sg_stage (src, row, {targets}) SELECT ?, rowid + 1, {values} FROM sg_file",
        [source.index],
    )


def _insert_parquet(
    con: duckdb.DuckDBPyConnection, source: Source, kind: str, positions: dict[str, int]
) -> None:
    """A Parquet file's rows straight into `sg_stage` (the reader numbers them): each
    column as text, and a time column typed as a timestamp as its value too (`times.py`)."""
    targets = [f'"{c}"' for c in positions]
    values = [f"CAST(#{p} AS VARCHAR)" for p in positions.values()]
    for canonical, position in positions.items():
        if canonical not in TIME_COLUMNS.get(kind, ()):
            continue
        typed = typed_as(canonical, source.types[position - 1])
        if typed is not None:
            targets.append(f'"{typed}"')
            values.append(f"#{position}")
    con.execute(
        f"INSERT INTO sg_stage (src, row, {', '.join(targets)}) "
        f"SELECT ?, file_row_number + 1, {', '.join(values)} "
        "FROM read_parquet(?, file_row_number = true)",
        [source.index, str(source.link)],
    )


class _Empty(Exception):
    """A CSV file without even a header."""


def _said(error: BaseException, source: Source) -> str:
    """DuckDB's first line about the file and its reason, naming the file as the user
    did (the rest of its message quotes the line and suggests options)."""
    lines = [line.strip() for line in str(error).splitlines()]
    said = lines[0] if lines and lines[0] else type(error).__name__
    for line in lines[1:]:
        if line.startswith(("Possible", "LINE")):
            break
        if line and not line.startswith(("Original Line", "*")):
            said += f": {line}"
            break
    if "not utf-8 encoded" in str(error):
        said += "; save it as UTF-8"
    return said.replace(str(source.link), source.name)
