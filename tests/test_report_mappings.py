"""The mappings of real exports: Jira Service Management and ServiceNow ticket CSVs, and a
Prometheus query_range of probe_success, each read from a small export written as the tool
writes it; and a project's own mapping in sitegen.toml.

Every UTC instant expected is worked out by hand in the comments.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb
import pytest

from sitegen.errors import UserError
from sitegen.load.config import Settings
from sitegen.reports import rows
from sitegen.reports.inputerrors import InputErrors
from sitegen.reports.mappings import mapping_named, shipped
from sitegen.reports.read import Expect, read_outages, read_tickets

UTC = dt.UTC
SHANGHAI = ZoneInfo("Asia/Shanghai")
LONDON = ZoneInfo("Europe/London")
# A university's P1–P5 IT SLA on London time; an outsourcing contract with P1–P4 in
# Shanghai; a cloud provider's SLA with a region and an instance tier.
EXPECT = {
    "SLA-UNI": Expect(LONDON, frozenset(), ("P1", "P2", "P3", "P4", "P5")),
    "SLA-OUT": Expect(SHANGHAI, frozenset(), ("P1", "P2", "P3", "P4")),
    "SLA-CLOUD": Expect(SHANGHAI, frozenset({"region", "instance"}), ()),
}


def utc(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    rows.create_tables(connection)
    return connection


# A JSM "Export > CSV (all fields)", cut to a few of its columns: duplicate "Comment"
# columns, quoted commas and line feeds, Jira's default date format, an open request.
JIRA = '''\
Summary,Issue key,Issue id,Issue Type,Status,Priority,Resolution,Assignee,Reporter,Created,\
Updated,Resolved,Custom field (Date of First Response),Custom field (Time to first response),\
Comment,Comment
"VPN down for the library, ""urgent""",ITSD-101,10101,Incident,Resolved,Highest,Done,wang.li,\
zhang.san,08/Oct/26 9:15 AM,08/Oct/26 11:00 AM,08/Oct/26 10:45 AM,08/Oct/26 9:20 AM,,\
"08/Oct/26 9:20 AM;wang.li;Looking at it","line one
line two"
Printer on floor 3,ITSD-102,10102,Service Request,In Progress,Medium,,,li.si,\
09/Oct/26 4:05 PM,09/Oct/26 4:05 PM,,,,,
'''


def test_jira_service_management_export(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    export = tmp_path / "jira.csv"
    export.write_text(JIRA, encoding="utf-8")
    read = read_tickets(
        con, [export], EXPECT, default="SLA-UNI", mapping=mapping_named("jira-service-management")
    )
    assert read.absent == frozenset({"pauses"})
    found = con.execute(
        'SELECT agreement, id, priority, opened, responded, resolved, "row" FROM tickets'
    ).fetchall()
    # London in October is BST (UTC+1): 9:15 AM is 08:15Z, 9:20 AM 08:20Z, 10:45 AM
    # 09:45Z, 4:05 PM 15:05Z. Highest is Jira's first priority: the agreement's first, P1;
    # Medium its third: P3.
    assert found == [
        ("SLA-UNI", "ITSD-101", "P1", utc(2026, 10, 8, 8, 15), utc(2026, 10, 8, 8, 20),
         utc(2026, 10, 8, 9, 45), 1),
        ("SLA-UNI", "ITSD-102", "P3", utc(2026, 10, 9, 15, 5), None, None, 2),
    ]  # fmt: skip


def test_jira_export_without_the_first_response_field(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    export = tmp_path / "jira.csv"
    export.write_text(
        "Issue key,Priority,Created,Resolved\nOPS-1,High,08/Oct/26 9:15 AM,\n", encoding="utf-8"
    )
    read = read_tickets(
        con, [export], EXPECT, default="SLA-OUT", mapping=mapping_named("jira-service-management")
    )
    # 9:15 in Shanghai is 01:15Z; High is the second priority
    assert read.absent == frozenset({"responded", "pauses"})
    assert con.execute("SELECT id, priority, opened FROM tickets").fetchall() == [
        ("OPS-1", "P2", utc(2026, 10, 8, 1, 15))
    ]


def test_a_mapped_export_is_told_in_its_own_column_names(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    export = tmp_path / "jira.csv"
    export.write_text(
        "Issue key,Priority,Created,Resolved\n"
        "OPS-1,Lowest,08/Oct/26 9:15 AM,08/Oct/26 9:00 AM\n"
        "OPS-2,Blocker,8 Oct 2026,\n",
        encoding="utf-8",
    )
    without = tmp_path / "nocreated.csv"
    without.write_text("Issue key,Priority\n", encoding="utf-8")
    with pytest.raises(InputErrors) as raised:
        read_tickets(
            con,
            [export, without],
            EXPECT,
            default="SLA-OUT",
            mapping=mapping_named("jira-service-management"),
        )
    formats = " or %d/%b/%y %I:%M %p or %d/%b/%Y %I:%M %p or %d/%b/%y %H:%M"
    assert str(raised.value).splitlines()[1:] == [
        f"  {export}:1: column Priority: 'Lowest' is not a priority of SLA-OUT (P1, P2, P3, "
        "P4): the mapping makes it priority number 5",
        f"  {export}:1: column Resolved: '08/Oct/26 9:00 AM' is before opened 08/Oct/26 9:15 AM",
        f"  {export}:2: column Priority: 'Blocker' is not a priority of SLA-OUT (P1, P2, P3, P4)",
        f"  {export}:2: column Created: '8 Oct 2026' is not an ISO 8601 time "
        f"(2026-10-08T09:15+08:00){formats}",
        f"  {without}: no column 'Created', which gives opened",
        f"  {without}: no column 'Resolved', which gives resolved",
    ]


def test_servicenow_incident_export(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    export = tmp_path / "incident.csv"
    export.write_text(
        '"number","short_description","priority","state","opened_at","resolved_at",'
        '"assignment_group"\n'
        '"INC0010001","Email outage","1 - Critical","Resolved","2026-10-08 09:15:00",'
        '"2026-10-08 11:40:00","Messaging"\n'
        '"INC0010002","Slow VPN","3 - Moderate","In Progress","2026-10-09 14:00:00","",'
        '"Network"\n',
        encoding="utf-8",
    )
    read = read_tickets(
        con, [export], EXPECT, default="SLA-OUT", mapping=mapping_named("servicenow")
    )
    assert read.absent == frozenset({"responded", "pauses"})
    # Shanghai: 09:15 is 01:15Z, 11:40 03:40Z, 14:00 06:00Z; "1 - Critical" is the
    # first priority, P1; "3 - Moderate" the third, P3
    assert con.execute("SELECT id, priority, opened, resolved FROM tickets").fetchall() == [
        ("INC0010001", "P1", utc(2026, 10, 8, 1, 15), utc(2026, 10, 8, 3, 40)),
        ("INC0010002", "P3", utc(2026, 10, 9, 6), None),
    ]


def probe_answer(series: list[tuple[dict[str, str], list[tuple[int, str]]]]) -> str:
    result = [
        {"metric": {"__name__": "probe_success", "job": "blackbox", **labels},
         "values": [[t, v] for t, v in samples]}
        for labels, samples in series
    ]  # fmt: skip
    return json.dumps({"status": "success", "data": {"resultType": "matrix", "result": result}})


T0 = 1790812800  # 2026-10-01T00:00:00Z


def test_prometheus_probe_success(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    export = tmp_path / "probe.json"
    region = {"instance": "https://console.example.com", "agreement": "SLA-CLOUD", "tier": "region"}
    instance = {"instance": "10.0.0.7:9100", "agreement": "SLA-CLOUD", "tier": "instance"}
    export.write_text(
        probe_answer(
            [
                # step 60 s: failed at +60 and +120 (adjacent: one outage 00:01–00:03),
                # up at +180, failed at +240 (00:04–00:05), no sample at +300, failed at
                # +360 (a sample missing between: another outage, 00:06–00:07)
                (region, [(T0, "1"), (T0 + 60, "0"), (T0 + 120, "0"), (T0 + 180, "1"),
                          (T0 + 240, "0"), (T0 + 360, "0")]),
                # "NaN" is no data, not downtime
                (instance, [(T0, "NaN"), (T0 + 60, "1")]),
            ]
        ),
        encoding="utf-8",
    )  # fmt: skip
    read_outages(con, [export], EXPECT, mapping=mapping_named("prometheus-probe"))
    found = con.execute('SELECT agreement, tier, "start", "end", kind, ref, "row" FROM outages')
    assert found.fetchall() == [
        ("SLA-CLOUD", "region", utc(2026, 10, 1, 0, 1), utc(2026, 10, 1, 0, 3), "outage",
         "https://console.example.com", 1),
        ("SLA-CLOUD", "region", utc(2026, 10, 1, 0, 4), utc(2026, 10, 1, 0, 5), "outage",
         "https://console.example.com", 1),
        ("SLA-CLOUD", "region", utc(2026, 10, 1, 0, 6), utc(2026, 10, 1, 0, 7), "outage",
         "https://console.example.com", 1),
    ]  # fmt: skip


def test_prometheus_series_without_labels_take_the_default_and_are_told_by_series(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    export = tmp_path / "probe.json"
    export.write_text(
        probe_answer(
            [
                ({"instance": "a"}, [(T0, "0"), (T0 + 30, "1")]),
                ({"instance": "b", "tier": "zone-9"}, [(T0, "0"), (T0 + 30, "up")]),
            ]
        ),
        encoding="utf-8",
    )
    with pytest.raises(InputErrors) as raised:
        read_outages(
            con, [export], EXPECT, default="SLA-CLOUD", mapping=mapping_named("prometheus-probe")
        )
    assert str(raised.value).splitlines()[1:] == [
        f"  {export}: series 1: label tier: empty: SLA-CLOUD has several tiers (instance, "
        "region); name one",
        f'  {export}: series 2: sample 2 is not [time, "value"]: \'[{T0 + 30},"up"]\'',
        f"  {export}: series 2: label tier: 'zone-9' is not a tier of SLA-CLOUD (instance, region)",
    ]
    # with one tier, the step found from the samples (30 s): 00:00:00–00:00:30
    expect = {"SLA-OUT": EXPECT["SLA-OUT"]}
    export.write_text(probe_answer([({}, [(T0, "0"), (T0 + 30, "1")])]), encoding="utf-8")
    read_outages(
        con, [export], expect, default="SLA-OUT", mapping=mapping_named("prometheus-probe")
    )
    assert con.execute('SELECT agreement, tier, "start", "end" FROM outages').fetchall() == [
        ("SLA-OUT", None, utc(2026, 10, 1), utc(2026, 10, 1, 0, 0, 30))
    ]


def test_prometheus_answer_of_another_shape(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    vector = tmp_path / "vector.json"
    vector.write_text('{"status": "success", "data": {"resultType": "vector", "result": []}}')
    single = tmp_path / "single.json"
    single.write_text(probe_answer([({}, [(T0, "0")])]))
    with pytest.raises(InputErrors) as raised:
        read_outages(
            con, [vector, single], EXPECT, default="SLA-OUT",
            mapping=mapping_named("prometheus-probe"),
        )  # fmt: skip
    assert str(raised.value).splitlines()[1:] == [
        f"  {vector}: not a Prometheus query_range answer: want success and matrix, status "
        "success, resultType vector",
        f"  {single}: no series has two samples: give step_seconds in the mapping",
    ]


def test_a_projects_own_mapping_in_sitegen_toml(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    """A SaaS vendor's desk exports Sev labels and times with an offset."""
    config = tmp_path / "sitegen.toml"
    config.write_text(
        "[reports.mappings.vendor-desk]\n"
        'rows = "tickets"\n'
        'time_format = ["%d.%m.%Y %H:%M %z"]\n'
        "[reports.mappings.vendor-desk.columns]\n"
        'agreement = "Contract"\n'
        'id = "Case"\n'
        'priority = "Severity"\n'
        'opened = "Opened"\n'
        'responded = "First reply"\n'
        "[reports.mappings.vendor-desk.priorities]\n"
        '"Severity 1" = "P1"\n'
        '"Severity 2" = "P2"\n',
        encoding="utf-8",
    )
    settings = Settings.read(config)
    export = tmp_path / "cases.csv"
    export.write_text(
        "Case,Contract,Severity,Opened,First reply\n"
        "C-1,SLA-OUT,Severity 2,08.10.2026 09:15 +0800,2026-10-08T09:45+08:00\n",
        encoding="utf-8",
    )
    read_tickets(con, [export], EXPECT, mapping=mapping_named("vendor-desk", settings))
    # 09:15 +0800 is 01:15Z (the format's offset); 09:45+08:00 (ISO 8601) is 01:45Z
    assert con.execute(
        "SELECT agreement, id, priority, opened, responded FROM tickets"
    ).fetchall() == [("SLA-OUT", "C-1", "P2", utc(2026, 10, 8, 1, 15), utc(2026, 10, 8, 1, 45))]


def test_a_mapping_of_an_unknown_column_is_refused_at_its_line(tmp_path: Path) -> None:
    config = tmp_path / "sitegen.toml"
    config.write_text(
        "[reports.mappings.desk]\n"
        'rows = "tickets"\n'
        "[reports.mappings.desk.columns]\n"
        'id = "Case"\n'
        'priority = "Severity"\n'
        'opened = "Opened"\n'
        'closed = "Closed"\n',
        encoding="utf-8",
    )
    with pytest.raises(UserError) as raised:
        Settings.read(config)
    assert str(raised.value) == (
        f"{config}:3:24: reports.mappings.desk.columns: 'closed' is not a column sitegen "
        "reads here: use agreement, id, "
        "priority, opened, responded, resolved, pauses"
    )


def test_an_unknown_mapping_name(tmp_path: Path) -> None:
    with pytest.raises(UserError) as raised:
        mapping_named("zendesk")
    assert str(raised.value) == (
        "no mapping named 'zendesk': sitegen ships jira-service-management, prometheus-probe, "
        "servicenow; define others in sitegen.toml as [reports.mappings.NAME]"
    )
    assert sorted(shipped()) == ["jira-service-management", "prometheus-probe", "servicenow"]


def test_an_outage_export_with_its_own_kinds(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    """A status page's incident history: the component is the tier, the type the kind."""
    config = tmp_path / "sitegen.toml"
    config.write_text(
        "[reports.mappings.status-page]\n"
        'rows = "outages"\n'
        'optional = ["notified"]\n'
        "[reports.mappings.status-page.columns]\n"
        'ref = "Incident"\n'
        'tier = "Component"\n'
        'start = "Started"\n'
        'end = "Resolved"\n'
        'kind = "Type"\n'
        'notified = "Announced"\n'
        "[reports.mappings.status-page.kinds]\n"
        '"Scheduled maintenance" = "maintenance"\n'
        '"Incident" = "outage"\n'
        '"Upstream provider" = "third_party"\n',
        encoding="utf-8",
    )
    mapping = mapping_named("status-page", Settings.read(config))
    export = tmp_path / "history.csv"
    export.write_text(
        "Incident,Component,Type,Started,Resolved,Announced\n"
        "SP-1,region,Scheduled maintenance,2026-10-10T02:00+08:00,2026-10-10T03:00+08:00,"
        "2026-10-03T10:00+08:00\n"
        "SP-2,instance,Incident,2026-10-11T23:50+08:00,2026-10-12T00:20+08:00,\n"
        "SP-3,region,Upstream provider,2026-10-12T08:00Z,2026-10-12T08:05Z,\n"
        "SP-4,region,Degraded,2026-10-13T08:00Z,2026-10-13T08:05Z,\n",
        encoding="utf-8",
    )
    with pytest.raises(InputErrors) as raised:
        read_outages(con, [export], EXPECT, default="SLA-CLOUD", mapping=mapping)
    assert str(raised.value).splitlines()[1:] == [
        f"  {export}:4: column Type: 'Degraded' is not an outage kind: outage, maintenance, "
        "customer, force_majeure or third_party"
    ]
    export.write_text("\n".join(export.read_text(encoding="utf-8").splitlines()[:4]) + "\n")
    read_outages(con, [export], EXPECT, default="SLA-CLOUD", mapping=mapping)
    found = con.execute('SELECT tier, "start", "end", kind, notified, ref FROM outages')
    # 02:00+08:00 is 18:00Z the day before; 23:50+08:00 is 15:50Z, 00:20+08:00 16:20Z
    assert found.fetchall() == [
        ("region", utc(2026, 10, 9, 18), utc(2026, 10, 9, 19), "maintenance",
         utc(2026, 10, 3, 2), "SP-1"),
        ("instance", utc(2026, 10, 11, 15, 50), utc(2026, 10, 11, 16, 20), "outage", None,
         "SP-2"),
        ("region", utc(2026, 10, 12, 8), utc(2026, 10, 12, 8, 5), "third_party", None, "SP-3"),
    ]  # fmt: skip
