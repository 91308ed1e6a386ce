"""Outage and ticket files into the canonical DuckDB tables: formats, times, and every
problem named by file, row and column, with nothing read when there is one.

The agreements are shaped like real ones: a cloud provider's published SLA (tiers `region`
and `instance`, Shanghai time), a university's P1–P5 IT SLA on London business hours, and
an outsourcing contract (one tier without an id, P1–P4, Shanghai time). Every UTC instant
expected is worked out by hand in the comments.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb
import pytest

from sitegen.load import load_agreement_text
from sitegen.reports import rows
from sitegen.reports.inputerrors import InputErrors
from sitegen.reports.read import Expect, input_digests, read_outages, read_tickets
from tests.real_credit_slas import cloud_sla
from tests.real_slas import university

UTC = dt.UTC
SHANGHAI = ZoneInfo("Asia/Shanghai")
LONDON = ZoneInfo("Europe/London")
EXPECT = {
    "SLA-CLOUD": Expect(SHANGHAI, frozenset({"region", "instance"}), ()),
    "SLA-UNI": Expect(LONDON, frozenset(), ("P1", "P2", "P3", "P4", "P5")),
    "SLA-OUT": Expect(SHANGHAI, frozenset(), ("P1", "P2", "P3", "P4")),
}


def utc(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    rows.create_tables(connection)
    return connection


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(error: pytest.ExceptionInfo[InputErrors]) -> list[str]:
    return [line.strip() for line in str(error.value).splitlines()[1:]]


def test_times_with_an_offset_in_utc_and_without_one_in_the_agreements_zone(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    outages = write(
        tmp_path / "outages.csv",
        "agreement,tier,start,end,kind,notified,ref\n"
        "SLA-CLOUD,region,2026-10-08T09:15+08:00,2026-10-08T01:45Z,,,INC-1\n"
        "SLA-CLOUD,instance,2026-10-08 09:15,2026-10-08T09:45:30.5,maintenance,"
        "2026-10-01T18:00+0800,CHG-7\n",
    )
    read = read_outages(con, [outages], EXPECT)
    assert read.rows == 2
    found = con.execute(
        'SELECT agreement, tier, "start", "end", kind, notified, ref, file, "row" FROM outages'
    ).fetchall()
    # Row 1: 09:15 at +08:00 is 01:15Z; 01:45Z is itself.
    # Row 2: no offset, so Shanghai time (UTC+8, no summer time): 09:15 is 01:15Z and
    # 09:45:30.5 is 01:45:30.5Z; the notice at 18:00+0800 on the 1st is 10:00Z.
    assert found == [
        ("SLA-CLOUD", "region", utc(2026, 10, 8, 1, 15), utc(2026, 10, 8, 1, 45), "outage",
         None, "INC-1", str(outages), 1),
        ("SLA-CLOUD", "instance", utc(2026, 10, 8, 1, 15), utc(2026, 10, 8, 1, 45, 30, 500000),
         "maintenance", utc(2026, 10, 1, 10), "CHG-7", str(outages), 2),
    ]  # fmt: skip


def test_london_local_times_across_the_end_and_the_start_of_summer_time(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    """On 25 October 2026 London's clocks go back from 02:00 BST to 01:00 GMT, so 01:30
    happens twice: it is read as the first, 01:30 BST = 00:30Z. On 29 March 2026 they go
    forward from 01:00 GMT to 02:00 BST, so 01:30 never happens: it is read with the offset
    before the change, 01:30 GMT = 01:30Z. Python's zoneinfo (fold=0) says the same."""
    tickets = write(
        tmp_path / "tickets.csv",
        "agreement,id,priority,opened,responded,resolved\n"
        # 00:59 BST = 23:59Z on the 24th; 01:30 twice: the first, 00:30Z; 02:00 GMT = 02:00Z
        "SLA-UNI,INC-1,P2,2026-10-25T00:59,2026-10-25T01:30,2026-10-25T02:00\n"
        # 00:30 GMT = 00:30Z; 01:30 does not exist: 01:30 GMT = 01:30Z; 02:30 BST = 01:30Z
        "SLA-UNI,INC-2,P3,2026-03-29T00:30,2026-03-29T01:30,2026-03-29T02:30\n",
    )
    read_tickets(con, [tickets], EXPECT)
    found = con.execute("SELECT id, opened, responded, resolved FROM tickets").fetchall()
    assert found == [
        ("INC-1", utc(2026, 10, 24, 23, 59), utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 2)),
        ("INC-2", utc(2026, 3, 29, 0, 30), utc(2026, 3, 29, 1, 30), utc(2026, 3, 29, 1, 30)),
    ]
    python = [
        dt.datetime(2026, 10, 25, 1, 30, tzinfo=LONDON).astimezone(UTC),
        dt.datetime(2026, 3, 29, 1, 30, tzinfo=LONDON).astimezone(UTC),
    ]
    assert python == [found[0][2], found[1][2]]


def test_several_files_csv_json_lines_and_parquet_keep_their_file_and_row(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    csv = write(
        tmp_path / "a.csv",
        "agreement,id,priority,opened,responded,resolved,pauses\n"
        "SLA-OUT,T-1,P1,2026-10-08T09:00,2026-10-08T09:10,2026-10-08T12:00,"
        '"2026-10-08T10:00/2026-10-08T10:30;2026-10-08T11:00+08:00/2026-10-08T11:15+08:00"\n',
    )
    jsonl = write(
        tmp_path / "b.jsonl",
        '{"agreement": "SLA-OUT", "id": "T-2", "priority": "P2", "opened": "2026-10-09T08:00Z"}\n'
        "\n"
        '{"agreement": "SLA-UNI", "id": "T-2", "priority": "P5", "opened": "2026-10-09T08:00",'
        ' "resolved": null}\r\n',
    )
    parquet = tmp_path / "c.parquet"
    con.sql(
        """SELECT 'SLA-OUT' AS agreement, 'T-3' AS id, 'P4' AS priority,
                  TIMESTAMPTZ '2026-10-10 09:00:00+08' AS opened,
                  TIMESTAMP '2026-10-10 09:30:00' AS responded"""
    ).write_parquet(str(parquet))
    read = read_tickets(con, [csv, jsonl, parquet], EXPECT)
    assert read.rows == 4
    found = con.execute(
        'SELECT agreement, id, priority, opened, responded, resolved, file, "row" FROM tickets'
    ).fetchall()
    assert found == [
        # 09:00 Shanghai = 01:00Z, 09:10 = 01:10Z, 12:00 = 04:00Z
        ("SLA-OUT", "T-1", "P1", utc(2026, 10, 8, 1), utc(2026, 10, 8, 1, 10),
         utc(2026, 10, 8, 4), str(csv), 1),
        # line 1; the same id in another agreement (line 3) is another ticket; 08:00 in
        # London in October is BST, 07:00Z; a JSON null is an empty value
        ("SLA-OUT", "T-2", "P2", utc(2026, 10, 9, 8), None, None, str(jsonl), 1),
        ("SLA-UNI", "T-2", "P5", utc(2026, 10, 9, 7), None, None, str(jsonl), 3),
        # Parquet: a TIMESTAMPTZ is an instant (09:00+08 = 01:00Z); a TIMESTAMP is local
        ("SLA-OUT", "T-3", "P4", utc(2026, 10, 10, 1), utc(2026, 10, 10, 1, 30), None,
         str(parquet), 1),
    ]  # fmt: skip
    # 10:00–10:30 Shanghai = 02:00–02:30Z; 11:00–11:15+08:00 = 03:00–03:15Z
    assert con.execute('SELECT * FROM pauses ORDER BY "start"').fetchall() == [
        ("SLA-OUT", "T-1", utc(2026, 10, 8, 2), utc(2026, 10, 8, 2, 30), str(csv), 1),
        ("SLA-OUT", "T-1", utc(2026, 10, 8, 3), utc(2026, 10, 8, 3, 15), str(csv), 1),
    ]
    assert read.absent == frozenset()


def test_parquet_timestamps_are_taken_as_their_values_and_read_as_their_text_would_be(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    """A Parquet time column typed as a timestamp is staged as its value, not printed and
    parsed again: the rows are those its text would give, a local time in a repeated hour
    included, and its problems quote the text. A DATE column stays a bare date: refused."""
    typed = tmp_path / "typed.parquet"
    con.sql(
        """SELECT * FROM (VALUES
             ('SLA-UNI', 'U-1', 'P1',
              CAST(TIMESTAMP '2026-10-25 01:30:00' AS TIMESTAMP_NS),
              TIMESTAMPTZ '2026-10-25 01:20:00+00', NULL::TIMESTAMPTZ),
             ('SLA-OUT', 'O-1', 'P2',
              CAST(TIMESTAMP '2026-10-08 09:00:00.25' AS TIMESTAMP_NS),
              TIMESTAMPTZ '2026-10-08 01:10:00+00', TIMESTAMPTZ '2026-10-08 04:00:00+00'))
           t(agreement, id, priority, opened, responded, resolved)"""
    ).write_parquet(str(typed))
    text = write(
        tmp_path / "text.csv",
        "agreement,id,priority,opened,responded,resolved\n"
        "SLA-UNI,U-1,P1,2026-10-25 01:30:00,2026-10-25 01:20:00+00,\n"
        "SLA-OUT,O-1,P2,2026-10-08 09:00:00.25,2026-10-08 01:10:00+00,2026-10-08 04:00:00+00\n",
    )
    query = 'SELECT agreement, id, priority, opened, responded, resolved, "row" FROM tickets'
    read_tickets(con, [typed], EXPECT)
    from_values = con.execute(query).fetchall()
    other = duckdb.connect()
    rows.create_tables(other)
    read_tickets(other, [text], EXPECT)
    assert from_values == other.execute(query).fetchall() == [
        # 01:30 on 25 October 2026 in London is repeated: the first, in summer time (BST,
        # +01:00), 00:30Z. The response at 01:20Z came 50 minutes later.
        ("SLA-UNI", "U-1", "P1", utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 1, 20), None, 1),
        # 09:00:00.25 in Shanghai (+08:00) = 01:00:00.25Z
        ("SLA-OUT", "O-1", "P2", utc(2026, 10, 8, 1, 0, 0, 250000), utc(2026, 10, 8, 1, 10),
         utc(2026, 10, 8, 4), 2),
    ]  # fmt: skip
    early = tmp_path / "early.parquet"
    con.sql(
        """SELECT 'SLA-OUT' AS agreement, 'O-2' AS id, 'P2' AS priority,
                  TIMESTAMPTZ '2026-10-08 09:00:00+08' AS opened,
                  TIMESTAMPTZ '2026-10-08 08:00:00+08' AS responded,
                  DATE '2026-10-09' AS resolved"""
    ).write_parquet(str(early))
    with pytest.raises(InputErrors) as raised:
        read_tickets(con, [early], EXPECT)
    assert errors_of(raised) == [
        f"{early}:1: column responded: '2026-10-08 00:00:00+00' is before opened "
        "2026-10-08 01:00:00+00",
        f"{early}:1: column resolved: '2026-10-09' is not an ISO 8601 time "
        "(2026-10-08T09:15+08:00)",
    ]


def test_a_single_tier_is_stored_without_an_id_and_kind_defaults_to_outage(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    expect = {"SLA-ONE": Expect(SHANGHAI, frozenset({"service"}), ("P1",))}
    outages = write(
        tmp_path / "o.jsonl",
        '{"start": "2026-10-08T09:00", "end": "2026-10-08T10:00", "tier": "service"}\n'
        '{"start": "2026-10-08T11:00", "end": "2026-10-08T11:00", "kind": "Force-Majeure"}\n',
    )
    read_outages(con, [outages], expect, default="SLA-ONE")
    found = con.execute('SELECT agreement, tier, kind, "row" FROM outages').fetchall()
    assert found == [("SLA-ONE", None, "outage", 1), ("SLA-ONE", None, "force_majeure", 2)]


def test_every_bad_outage_row_is_named_and_nothing_is_read(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    good = write(
        tmp_path / "good.csv", "agreement,start,end\nSLA-OUT,2026-10-08T09:00,2026-10-08T10:00\n"
    )
    bad = write(
        tmp_path / "outages.csv",
        "agreement,tier,start,end,kind,notified\n"
        "SLA-OUT,,2026-10-08 09:00,2026-10-08 08:59,outage,\n"
        "SLA-CLOUD,,2026-10-08T09:00,2026-10-08T10:00,maintenance,yesterday\n"
        "SLA-CLOUD,zone-a,2026-10-31T25:00,,planned,\n"
        "SLA-NONE,region,nonsense,nonsense,,\n"
        "SLA-OUT,primary,2026-02-30T10:00,2026-10-08,,\n",
    )
    with pytest.raises(InputErrors) as raised:
        read_outages(con, [good, bad], EXPECT)
    assert errors_of(raised) == [
        f"{bad}:1: column end: '2026-10-08 08:59' is before start 2026-10-08 09:00",
        f"{bad}:2: column tier: empty: SLA-CLOUD has several tiers (instance, region); name one",
        f"{bad}:2: column notified: 'yesterday' is not an ISO 8601 time (2026-10-08T09:15+08:00)",
        f"{bad}:3: column tier: 'zone-a' is not a tier of SLA-CLOUD (instance, region)",
        f"{bad}:3: column start: '2026-10-31T25:00' is not an ISO 8601 time "
        "(2026-10-08T09:15+08:00)",
        f"{bad}:3: column end: empty: every row needs it",
        f"{bad}:3: column kind: 'planned' is not an outage kind: outage, maintenance, "
        "customer, force_majeure or third_party",
        f"{bad}:4: column agreement: 'SLA-NONE' is not an agreement being reported on",
        f"{bad}:5: column tier: 'primary' is not a tier of SLA-OUT, which has one tier "
        "without an id: leave the tier empty",
        f"{bad}:5: column start: '2026-02-30T10:00' is not an ISO 8601 time "
        "(2026-10-08T09:15+08:00)",
        f"{bad}:5: column end: '2026-10-08' is not an ISO 8601 time (2026-10-08T09:15+08:00)",
    ]
    assert str(raised.value).startswith("the input files have 11 problems; nothing was read:")
    assert con.execute("SELECT count(*) FROM outages").fetchone() == (0,)


def test_every_bad_ticket_row_is_named_duplicates_with_both_places(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    first = write(
        tmp_path / "jan.csv",
        "agreement,id,priority,opened,responded,resolved,pauses\n"
        "SLA-UNI,INC-7,P1,2026-10-08T09:00,2026-10-08T08:00,2026-10-08T08:30,\n"
        "SLA-UNI,INC-8,P6,2026-10-08T09:00,,,\n"
        "SLA-UNI,INC-9,,,,,\n",
    )
    second = write(
        tmp_path / "feb.jsonl",
        '{"agreement": "SLA-UNI", "id": "INC-7", "priority": "P2", "opened": "2026-10-09T09:00"}\n'
        '{"agreement": "SLA-UNI", "id": "INC-10", "priority": "P2", "opened": "2026-10-09T09:00",'
        ' "resolved": "2026-10-09T12:00", "pauses": "2026-10-09T08:00/2026-10-09T10:00;'
        "2026-10-09T10:00;2026-10-09T11:00/2026-10-09T10:30;"
        '2026-10-09T10:15/2026-10-09T11:30;2026-10-09T11:00/2026-10-09T11:45"}\n'
        "[1, 2]\n",
    )
    with pytest.raises(InputErrors) as raised:
        read_tickets(con, [first, second], EXPECT)
    assert errors_of(raised) == [
        f"{first}:1: column responded: '2026-10-08T08:00' is before opened 2026-10-08T09:00",
        f"{first}:1: column resolved: '2026-10-08T08:30' is before opened 2026-10-08T09:00",
        f"{first}:2: column priority: 'P6' is not a priority of SLA-UNI (P1, P2, P3, P4, P5)",
        f"{first}:3: column priority: empty: every row needs it",
        f"{first}:3: column opened: empty: every row needs it",
        f"{second}:1: column id: ticket 'INC-7' is also at {first}:1",
        f"{second}:2: column pauses: '2026-10-09T08:00/2026-10-09T10:00' is outside the "
        "ticket's open time, from opened 2026-10-09T09:00 to resolved 2026-10-09T12:00",
        f"{second}:2: column pauses: '2026-10-09T10:00' is not a pause start/end of two "
        "ISO 8601 times",
        f"{second}:2: column pauses: '2026-10-09T11:00/2026-10-09T10:30': the pause ends "
        "before it starts",
        # in the order of their starts, 10:15–11:30 is still on at 11:00
        f"{second}:2: column pauses: '2026-10-09T11:00/2026-10-09T11:45' overlaps the pause "
        "before it",
        f"{second}:3: not a JSON object: '[1, 2]'",
    ]
    assert con.execute("SELECT count(*) FROM tickets").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM pauses").fetchone() == (0,)


def test_a_ticket_read_before_is_a_duplicate_of_a_later_file(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    header = "agreement,id,priority,opened\n"
    jira = write(tmp_path / "jira.csv", header + "SLA-OUT,OPS-1,P1,2026-10-08T09:00\n")
    again = write(tmp_path / "again.csv", header + "SLA-OUT,OPS-1,P2,2026-10-09T09:00\n")
    read_tickets(con, [jira], EXPECT)
    with pytest.raises(InputErrors) as raised:
        read_tickets(con, [again], EXPECT)
    assert errors_of(raised) == [f"{again}:1: column id: ticket 'OPS-1' is also at {jira}:1"]
    assert con.execute("SELECT id, priority FROM tickets").fetchall() == [("OPS-1", "P1")]


def test_a_row_without_an_agreement_when_no_default_is_given(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    tickets = write(
        tmp_path / "t.csv",
        "agreement,id,priority,opened\n,T-1,P1,2026-10-08T09:00\nSLA-OUT,T-2,P1,2026-10-08T09:00\n",
    )
    with pytest.raises(InputErrors) as raised:
        read_tickets(con, [tickets], EXPECT)
    assert errors_of(raised) == [f"{tickets}:1: column agreement: empty: every row needs it"]
    read_tickets(con, [tickets], EXPECT, default="SLA-UNI")
    assert con.execute("SELECT agreement, id FROM tickets").fetchall() == [
        ("SLA-UNI", "T-1"),
        ("SLA-OUT", "T-2"),
    ]


def test_problems_of_whole_files(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    folder = tmp_path / "a-folder.csv"
    folder.mkdir()
    files = [
        write(tmp_path / "notes.txt", "agreement,id\n"),
        tmp_path / "missing.csv",
        folder,
        write(tmp_path / "short.csv", "agreement,id,opened\n"),
        write(tmp_path / "extra.csv", "id,priority,opened,summary\n"),
        write(tmp_path / "gbk.csv", "id,priority,opened\n").with_name("gbk.csv"),
    ]
    files[-1].write_bytes("id,priority,opened\n工单,P1,2026-10-08T09:00\n".encode("gbk"))
    with pytest.raises(InputErrors) as raised:
        read_tickets(con, files, EXPECT)
    told = errors_of(raised)
    assert told[:6] == [
        f"{files[0]}: unknown format '.txt': sitegen reads .csv, .jsonl, .ndjson, .parquet",
        f"{files[1]}: cannot read: No such file or directory",
        f"{files[2]}: cannot read: not a regular file",
        f"{files[3]}: no column 'priority', which gives priority",
        f"{files[4]}: unknown column 'summary': the columns are agreement, id, priority, "
        "opened, responded, resolved, pauses",
        f"{files[4]}: the rows name no agreement: give the agreement they are for",
    ]
    assert told[6:] == [f"{files[5]}: cannot read: the file is not UTF-8 text; save it as UTF-8"]


def test_a_csv_file_is_read_as_written_never_guessed(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    """A row of one value too many, an unterminated quote, an empty file: each a problem
    with DuckDB's reason and line, never a file read with another delimiter. A value that
    starts with # is a value, a quoted line feed part of it."""
    header = "agreement,id,priority,opened\n"
    files = [
        write(tmp_path / "wide.csv", header + "SLA-OUT,T1,P1,2026-10-08T09:00,extra\n"),
        write(tmp_path / "quote.csv", header + 'SLA-OUT,"T2,P1,2026-10-08T09:00\n'),
        write(tmp_path / "empty.csv", ""),
    ]
    with pytest.raises(InputErrors) as raised:
        read_tickets(con, files, EXPECT)
    assert errors_of(raised) == [
        f"{files[0]}: cannot read: Invalid Input Error: CSV Error on Line: 2: Expected Number "
        "of Columns: 4 Found: 5",
        f"{files[1]}: cannot read: Invalid Input Error: CSV Error on Line: 2: Value with "
        "unterminated quote found.",
        f"{files[2]}: the file is empty: a CSV file starts with its header",
    ]
    odd = write(
        tmp_path / "odd.csv",
        header + 'SLA-OUT,#3,P1,2026-10-08T09:00\nSLA-OUT,"4\n5",P2,2026-10-08T09:00\n',
    )
    read_tickets(con, [odd], EXPECT)
    assert con.execute('SELECT id, "row" FROM tickets').fetchall() == [("#3", 1), ("4\n5", 2)]


def test_names_and_values_of_a_file_never_become_sql(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    evil = write(
        tmp_path / "evil.csv",
        'id,priority,opened,"x""; DROP TABLE tickets; --"\n'
        "'); DROP TABLE tickets; --,P1,2026-10-08T09:00,1\n",
    )
    with pytest.raises(InputErrors) as raised:
        read_tickets(con, [evil], EXPECT, default="SLA-OUT")
    assert errors_of(raised) == [
        f"{evil}: unknown column 'x\"; DROP TABLE tickets; --': the columns are agreement, id, "
        "priority, opened, responded, resolved, pauses"
    ]
    evil.write_text(
        "id,priority,opened\n'); DROP TABLE tickets; --,P1,2026-10-08T09:00\n", encoding="utf-8"
    )
    read_tickets(con, [evil], EXPECT, default="SLA-OUT")
    assert con.execute("SELECT id FROM tickets").fetchall() == [("'); DROP TABLE tickets; --",)]


def test_the_list_is_capped_and_control_characters_are_escaped(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    lines = [f"SLA-OUT,{n},2026-10-08T09:00,x\x1b[2J{n}" for n in range(25)]
    outages = write(tmp_path / "o.csv", "agreement,ref,start,end\n" + "\n".join(lines) + "\n")
    with pytest.raises(InputErrors) as raised:
        read_outages(con, [outages], EXPECT)
    told = str(raised.value).splitlines()
    assert told[0] == "the input files have 25 problems; nothing was read:"
    assert told[1] == f"  {outages}:1: column end: 'x\\x1b[2J0' is not an ISO 8601 time " + (
        "(2026-10-08T09:15+08:00)"
    )
    assert told[-1] == "  and 5 more"
    assert len(told) == 22
    assert "\x1b" not in str(raised.value)


def test_a_file_name_is_never_a_pattern(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    """DuckDB reads a path as a glob: `q?.csv` alone would read `q1.csv` too."""
    header = "agreement,id,priority,opened\n"
    write(tmp_path / "q1.csv", header + "SLA-OUT,A-1,P1,2026-10-08T09:00\n")
    odd = write(tmp_path / "q?.csv", header + "SLA-OUT,A-2,P1,2026-10-08T09:00\n")
    read_tickets(con, [odd], EXPECT)
    assert con.execute("SELECT id, file FROM tickets").fetchall() == [("A-2", str(odd))]


def test_input_digests_are_the_sha256_of_each_file(tmp_path: Path) -> None:
    one = write(tmp_path / "one.csv", "agreement,id\n")
    two = write(tmp_path / "two.jsonl", "{}\n")
    assert input_digests([one, two]) == {
        one: hashlib.sha256(b"agreement,id\n").hexdigest(),
        two: hashlib.sha256(b"{}\n").hexdigest(),
    }


def test_expect_of_real_agreements(tmp_path: Path) -> None:
    cloud = load_agreement_text(cloud_sla(), tmp_path / "cloud.yaml").agreement
    uni = load_agreement_text(university(), tmp_path / "uni.yaml").agreement
    assert cloud is not None and uni is not None
    assert Expect.of(cloud).tiers == frozenset({"region", "instance"})
    assert Expect.of(cloud).zone == SHANGHAI
    # A cloud SLA held as a customer has no fees: its charges may be in any one currency.
    assert (Expect.of(cloud).period, Expect.of(cloud).currency) == ("month", None)
    assert Expect.of(uni) == Expect(
        LONDON, frozenset(), ("P1", "P2", "P3", "P4", "P5"), "month", "CNY"
    )


@pytest.mark.parametrize(
    "key", ["Europe/London", "America/New_York", "Australia/Lord_Howe", "America/Santiago"]
)
def test_local_times_around_every_change_of_2026_read_as_zoneinfo_reads_them(
    key: str, tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    """Every quarter hour from three hours before to three hours after each change of
    offset in 2026 (Lord Howe moves by half an hour, Santiago at midnight), compared
    with Python's zoneinfo with fold=0: the first of a repeated time, a skipped time read
    with the offset before."""
    zone = ZoneInfo(key)
    changes, hour = [], dt.datetime(2026, 1, 1, tzinfo=UTC)
    while hour.year == 2026:
        if (
            hour.astimezone(zone).utcoffset()
            != (hour + dt.timedelta(hours=1)).astimezone(zone).utcoffset()
        ):
            changes.append(hour.astimezone(zone).replace(tzinfo=None))
        hour += dt.timedelta(hours=1)
    assert len(changes) == 2
    local = sorted({c + dt.timedelta(minutes=15 * n) for c in changes for n in range(-12, 13)})
    lines = [f"SLA-Z,T{n},P1,{t.isoformat()}" for n, t in enumerate(local)]
    tickets = write(tmp_path / "t.csv", "agreement,id,priority,opened\n" + "\n".join(lines))
    read_tickets(con, [tickets], {"SLA-Z": Expect(zone, frozenset(), ("P1",))})
    found = con.execute('SELECT opened FROM tickets ORDER BY "row"').fetchall()
    assert [row[0] for row in found] == [t.replace(tzinfo=zone).astimezone(UTC) for t in local]
