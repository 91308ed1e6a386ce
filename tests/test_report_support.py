"""Response and resolution figures against targets computed by hand: business hours over a
weekend, the 2026 Spring Festival with its make-up working Saturdays, working-day targets,
pauses, tickets still open at a period's end, attainment percentages, a UK agreement across
the end of summer time, 7×24 service across a period boundary, and calendar years without
data. Each test writes its tickets into a real DuckDB database on disk."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from sitegen.calendars import OfficialYear, WorkCalendar, YearNotCovered, work_calendar
from sitegen.load import load_agreement_text
from sitegen.load.model import Agreement, Schedule
from sitegen.reports.clock import ServiceClock, Span, write_segments
from sitegen.reports.figures import Breach, PriorityFigures, TargetFigures
from sitegen.reports.periods import Job, Period
from sitegen.reports.rows import create_tables
from sitegen.reports.service_time import agreement_zone
from sitegen.reports.support import support
from tests import real_slas
from tests.real_slas import HOURS_7X24, with_priorities

ID = "SLA-2024-001"
TICKETS = "exports/tickets.csv"

SHANGHAI_BUSINESS = """\
service_hours:
  timezone: Asia/Shanghai
  windows:
    - {days: mon-fri, start: '09:00', end: '18:00'}
"""
SHANGHAI_WORKING_DAYS = """\
service_hours:
  timezone: Asia/Shanghai
  windows:
    - {days: working_days, start: '09:00', end: '18:00'}
"""
LONDON_BUSINESS = """\
calendar: {country: GB, subdivision: ENG}
service_hours:
  timezone: Europe/London
  windows:
    - {days: mon-fri, start: '08:30', end: '17:30'}
"""


def agreement(
    levels: dict[str, tuple[str | None, str | None]], hours: str, *, number: str = ID
) -> Agreement:
    """The guide's sample with these priorities (level: (response, resolution), as YAML)."""
    lines = ["  priorities:"]
    for level, (response, resolution) in levels.items():
        lines += [
            f"    - level: {level}",
            f"      name: {{zh: 级别{level}, en: Level {level}}}",
            f"      definition: {{zh: 定义{level}, en: Definition {level}}}",
        ]
        lines += [f"      response: {response}"] if response else []
        lines += [f"      resolution: {resolution}"] if resolution else []
    text = with_priorities("\n".join(lines) + "\n", hours).replace(f"id: {ID}\n", f"id: {number}\n")
    start, end = text.index("  pass_criteria:\n"), text.index("fees:\n")
    text = text[:start] + text[end:]  # the sample's criteria name its own P1–P3 targets
    loaded = load_agreement_text(text, Path(f"agreements/{number}/agreement.yaml"))
    assert loaded.agreement is not None, [f.message for f in loaded.findings]
    return loaded.agreement


def job(found: Agreement, period: str, calendar: WorkCalendar | None = None) -> Job:
    place = found.calendar
    calendar = calendar or work_calendar(place.country, place.subdivision)
    return Job(found, calendar, agreement_zone(found), Period.parse(period))


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(tmp_path / "report.duckdb"))
    create_tables(connection)
    return connection


def ticket(
    con: duckdb.DuckDBPyConnection,
    row: int,
    priority: str,
    opened: str,
    responded: str | None = None,
    resolved: str | None = None,
    pauses: tuple[str, ...] = (),
    *,
    agreement_id: str = ID,
) -> None:
    """Ticket `T<row>` from row `row` of the export; pauses as `start/end`."""
    con.execute(
        "INSERT INTO tickets VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [agreement_id, f"T{row}", priority, opened, responded, resolved, TICKETS, row],
    )
    for pause in pauses:
        start, end = pause.split("/")
        con.execute(
            "INSERT INTO pauses VALUES (?, ?, ?, ?, ?, ?)",
            [agreement_id, f"T{row}", start, end, TICKETS, row],
        )


def breach(
    row: int, level: str, target: str, allowed: int, elapsed: int, *, still_open: bool = False
) -> Breach:
    return Breach(f"T{row}", level, target, allowed, elapsed, still_open, TICKETS, row)  # type: ignore[arg-type]


def target(
    written: str, tickets: int, within: int, attainment: str | None, met: bool, **others: object
) -> TargetFigures:
    required = Decimal(str(others.get("required", 100)))
    clock = str(others.get("clock", "service_hours"))
    share = None if attainment is None else Decimal(attainment)
    return TargetFigures(written, clock, required, tickets, within, share, met)  # type: ignore[arg-type]


def test_friday_evening_ticket_resolved_on_monday(con: duckdb.DuckDBPyConnection) -> None:
    found = agreement(
        {"P1": ("30m", "1h"), "P2": (None, "{within: 3d, clock: calendar}")}, SHANGHAI_BUSINESS
    )
    # Fri 6 Nov 2026 17:55: 5 service minutes left that day; Monday opens at 09:00.
    # T1: response 3 min; resolution Mon 10:00 = 5 + 60 = 65 min > 60: a breach.
    ticket(
        con, 1, "P1", "2026-11-06T17:55+08:00", "2026-11-06T17:58+08:00", "2026-11-09T10:00+08:00"
    )
    # T2: response Mon 09:20 = 5 + 20 = 25 min; resolution Mon 09:55 = 5 + 55 = 60: within.
    ticket(
        con, 2, "P1", "2026-11-06T17:55+08:00", "2026-11-09T09:20+08:00", "2026-11-09T09:55+08:00"
    )
    # T3 on the calendar clock: Fri 17:55 to Mon 17:56 = 72 h 1 min = 4321 min > 4320.
    ticket(con, 3, "P2", "2026-11-06T17:55+08:00", None, "2026-11-09T17:56+08:00")
    figures = support(con, [job(found, "2026-11")])
    assert figures[(ID, "2026-11")] == (
        (
            PriorityFigures(
                "P1", 2, target("30m", 2, 2, "100.00", True), target("1h", 2, 1, "50.00", False)
            ),
            PriorityFigures("P2", 1, None, target("3d", 1, 0, "0.00", False, clock="calendar")),
        ),
        (breach(1, "P1", "resolution", 60, 65), breach(3, "P2", "resolution", 4320, 4321)),
    )


def test_spring_festival_on_a_working_days_schedule(con: duckdb.DuckDBPyConnection) -> None:
    # chinese-calendar: 15–23 Feb 2026 are the holiday, Saturdays 14 and 28 Feb make-up
    # working days; the schedule serves 09:00–18:00 on the calendar's working days.
    found = agreement(
        {"P1": (None, "12h"), "P2": (None, "8h"), "P3": ("30m", None), "P4": (None, "2wd")},
        SHANGHAI_WORKING_DAYS,
    )
    # Fri 13 Feb 17:00 to Tue 24 Feb 10:00: 1 h (Fri) + 9 h (Sat 14, worked) + 0 (15–23)
    # + 1 h (Tue) = 11 h = 660 min: within 12 h (T1), beyond 8 h = 480 min (T2).
    ticket(con, 1, "P1", "2026-02-13T17:00+08:00", None, "2026-02-24T10:00+08:00")
    ticket(con, 2, "P2", "2026-02-13T17:00+08:00", None, "2026-02-24T10:00+08:00")
    # Sat 28 Feb is worked: 09:00 to 09:30 is 30 min (T3). Opened on Sun 22 Feb (holiday):
    # the clock starts Tue 24 Feb 09:00, so a response at 09:30 is 30 min (T4).
    ticket(con, 3, "P3", "2026-02-28T09:00+08:00", "2026-02-28T09:30+08:00")
    ticket(con, 4, "P3", "2026-02-22T12:00+08:00", "2026-02-24T09:30+08:00")
    # 2wd from Fri 13 Feb 10:00: the 1st working day after is Sat 14, the 2nd Tue 24, so
    # the limit is Tue 24 Feb 10:00: 8 h (Fri) + 9 h (Sat) + 1 h (Tue) = 18 h = 1080 min.
    # Resolved at 10:00 it is within (T5); at 10:01, 1081 min, beyond (T6).
    ticket(con, 5, "P4", "2026-02-13T10:00+08:00", None, "2026-02-24T10:00+08:00")
    ticket(con, 6, "P4", "2026-02-13T10:00+08:00", None, "2026-02-24T10:01+08:00")
    priorities, breaches = support(con, [job(found, "2026-02")])[(ID, "2026-02")]
    assert [p.resolution for p in priorities] == [
        target("12h", 1, 1, "100.00", True),
        target("8h", 1, 0, "0.00", False),
        None,
        target("2wd", 2, 1, "50.00", False),
    ]
    assert priorities[2].response == target("30m", 2, 2, "100.00", True)
    assert breaches == (
        breach(2, "P2", "resolution", 480, 660),
        breach(6, "P4", "resolution", 1080, 1081),
    )


def test_weekday_hours_skip_the_make_up_saturday(con: duckdb.DuckDBPyConnection) -> None:
    # Mon–Fri windows without public holidays: Sat 14 Feb is not served though worked, and
    # 16–20 and 23 Feb are holidays: Fri 13 Feb 17:00 to Tue 24 Feb 10:00 is 1 h + 1 h.
    found = agreement({"P1": (None, "1h")}, SHANGHAI_BUSINESS)
    ticket(con, 1, "P1", "2026-02-13T17:00+08:00", None, "2026-02-24T10:00+08:00")
    _, breaches = support(con, [job(found, "2026-02")])[(ID, "2026-02")]
    assert breaches == (breach(1, "P1", "resolution", 60, 120),)


def test_working_day_target_across_a_weekend(con: duckdb.DuckDBPyConnection) -> None:
    found = agreement(
        {"P1": (None, "2wd"), "P2": (None, "{within: 2wd, clock: calendar}")}, SHANGHAI_BUSINESS
    )
    # Opened Fri 6 Nov 10:00: the limit is Tue 10 Nov 10:00, 8 h + 9 h + 1 h = 1080 service
    # minutes; resolved Tue 10:30 is 1110 min (T1).
    ticket(con, 1, "P1", "2026-11-06T10:00+08:00", None, "2026-11-10T10:30+08:00")
    # Opened Sat 7 Nov 11:00, outside the hours: the clock starts Mon 9 Nov 09:00 and the
    # limit is Wed 11 Nov 09:00, 9 h + 9 h = 1080 min. Resolved Wed 08:59 (before opening
    # time): 1080 min, within (T2); Wed 09:01: 1081 min, beyond (T3).
    ticket(con, 2, "P1", "2026-11-07T11:00+08:00", None, "2026-11-11T08:59+08:00")
    ticket(con, 3, "P1", "2026-11-07T11:00+08:00", None, "2026-11-11T09:01+08:00")
    # On the calendar clock 2wd from Fri 10:00 is Tue 10:00, 96 h = 5760 min; resolved
    # then, it is within (T4).
    ticket(con, 4, "P2", "2026-11-06T10:00+08:00", None, "2026-11-10T10:00+08:00")
    # On the calendar clock a ticket opened Sat 7 Nov 10:00 starts then: the 2nd working day
    # after Saturday is Tuesday, so 10:00 Tue 10 Nov, 72 h = 4320 min; 10:01 is beyond (T5).
    ticket(con, 5, "P2", "2026-11-07T10:00+08:00", None, "2026-11-10T10:01+08:00")
    # A pause moves a working-day limit on: Fri 6 Nov 10:00 to Tue 10 Nov 12:30 is 8 h + 9 h
    # + 3.5 h = 20.5 h, less the pause Mon 09:00–12:00 (3 h): 17.5 h = 1050 ≤ 1080 (T6).
    ticket(
        con, 6, "P1", "2026-11-06T10:00+08:00", None, "2026-11-10T12:30+08:00",
        ("2026-11-09T09:00+08:00/2026-11-09T12:00+08:00",),
    )  # fmt: skip
    priorities, breaches = support(con, [job(found, "2026-11")])[(ID, "2026-11")]
    assert priorities[0].resolution == target("2wd", 4, 2, "50.00", False)
    assert priorities[1].resolution == target("2wd", 2, 1, "50.00", False, clock="calendar")
    assert breaches == (
        breach(1, "P1", "resolution", 1080, 1110),
        breach(3, "P1", "resolution", 1080, 1081),
        breach(5, "P2", "resolution", 4320, 4321),
    )


def test_pauses_are_taken_out_on_the_targets_clock(con: duckdb.DuckDBPyConnection) -> None:
    found = agreement(
        {"P1": (None, "4h"), "P2": (None, "2h"), "P3": (None, "{within: 1d, clock: calendar}")},
        SHANGHAI_BUSINESS,
    )
    # Mon 2 Nov 09:00 to 15:00 is 6 h; the pauses 10:00–11:00 and 10:30–12:00 overlap into
    # 2 h, 12:30–13:00 is 30 min, 16:00–17:00 comes after the resolution: 6 − 2.5 = 3.5 h.
    ticket(
        con, 1, "P1", "2026-11-02T09:00+08:00", None, "2026-11-02T15:00+08:00",
        ("2026-11-02T10:00+08:00/2026-11-02T11:00+08:00",
         "2026-11-02T10:30+08:00/2026-11-02T12:00+08:00",
         "2026-11-02T12:30+08:00/2026-11-02T13:00+08:00",
         "2026-11-02T16:00+08:00/2026-11-02T17:00+08:00"),
    )  # fmt: skip
    # Mon 16:00 to Tue 12:00 is 2 h + 3 h of service; the pause Mon 17:00 to Tue 10:00
    # holds 1 h + 1 h of it: 5 − 2 = 3 h = 180 min against 120 (T2).
    ticket(
        con, 2, "P2", "2026-11-02T16:00+08:00", None, "2026-11-03T12:00+08:00",
        ("2026-11-02T17:00+08:00/2026-11-03T10:00+08:00",),
    )  # fmt: skip
    # On the calendar clock: Mon 09:00 to Tue 20:00 is 35 h, paused 18:00 to 09:00 = 15 h:
    # 20 h, within 24 h (T3).
    ticket(
        con, 3, "P3", "2026-11-02T09:00+08:00", None, "2026-11-03T20:00+08:00",
        ("2026-11-02T18:00+08:00/2026-11-03T09:00+08:00",),
    )  # fmt: skip
    # Another agreement's ticket T2 with a pause: not this ticket's.
    ticket(
        con, 2, "P2", "2026-11-02T16:00+08:00", None, None,
        ("2026-11-02T16:00+08:00/2026-11-30T10:00+08:00",), agreement_id="SLA-2024-002",
    )  # fmt: skip
    priorities, breaches = support(con, [job(found, "2026-11")])[(ID, "2026-11")]
    assert [p.resolution.within for p in priorities if p.resolution] == [1, 0, 1]
    assert breaches == (breach(2, "P2", "resolution", 120, 180),)


def test_open_tickets_count_once_in_the_period_their_limit_passes(
    con: duckdb.DuckDBPyConnection,
) -> None:
    found = agreement({"P1": ("30m", "4h")}, SHANGHAI_BUSINESS)
    # T1 opened Mon 30 Nov 17:00, answered 17:10, open at the end of November with 1 h of
    # its 4 h used: not decided in November. Resolved Tue 1 Dec 12:00 = 1 h + 3 h: within,
    # in December.
    ticket(
        con, 1, "P1", "2026-11-30T17:00+08:00", "2026-11-30T17:10+08:00", "2026-12-01T12:00+08:00"
    )
    # T2 opened Mon 30 Nov 09:00, never resolved: 4 h passed at 13:00, so a breach of
    # November, open, with the whole day (9 h = 540 min) elapsed at the period's end; not
    # counted again in December.
    ticket(con, 2, "P1", "2026-11-30T09:00+08:00", "2026-11-30T09:10+08:00")
    # T3 opened Mon 30 Nov 16:00, never answered: the response limit passes at 16:30 (a
    # November breach, 2 h elapsed); the resolution limit at Tue 1 Dec 11:00, a December
    # breach: 2 h + 23 working days × 9 h (December 2026 has no holiday) = 209 h = 12540.
    ticket(con, 3, "P1", "2026-11-30T16:00+08:00")
    figures = support(con, [job(found, "2026-11"), job(found, "2026-12")])
    november, december = figures[(ID, "2026-11")], figures[(ID, "2026-12")]
    assert november == (
        (
            PriorityFigures(
                "P1", 3, target("30m", 3, 2, "66.66", False), target("4h", 1, 0, "0.00", False)
            ),
        ),
        (
            breach(2, "P1", "resolution", 240, 540, still_open=True),
            breach(3, "P1", "response", 30, 120, still_open=True),
        ),
    )
    assert december == (
        (
            PriorityFigures(
                "P1", 0, target("30m", 0, 0, None, True), target("4h", 2, 1, "50.00", False)
            ),
        ),
        (breach(3, "P1", "resolution", 240, 12540, still_open=True),),
    )


def test_attainment_percentages(con: duckdb.DuckDBPyConnection) -> None:
    found = agreement(
        {
            "P1": (None, "4h"),
            "P2": (None, "{within: 4h, attainment: 90}"),
            "P3": (None, "{within: 4h, attainment: 90}"),
        },
        HOURS_7X24,
    )
    # 7×24: P1 2 of 3 within 4 h (66.666… rounded down to 66.66; every ticket required);
    # P2 9 of 10 (90% required: met); P3 8 of 10 (80%: not met).
    row = 0
    for level, within, beyond in (("P1", 2, 1), ("P2", 9, 1), ("P3", 8, 2)):
        for n in range(within + beyond):
            row += 1
            hours = 3 if n < within else 5
            ticket(con, row, level, f"2026-10-{n + 1:02d}T10:00+08:00", None,
                   f"2026-10-{n + 1:02d}T{10 + hours}:00+08:00")  # fmt: skip
    priorities, breaches = support(con, [job(found, "2026-10")])[(ID, "2026-10")]
    assert [p.resolution for p in priorities] == [
        target("4h", 3, 2, "66.66", False),
        target("4h", 10, 9, "90.00", True, required=90),
        target("4h", 10, 8, "80.00", False, required=90),
    ]
    assert len(breaches) == 4


def test_uk_business_hours_across_the_end_of_summer_time(con: duckdb.DuckDBPyConnection) -> None:
    # Summer time ends Sun 25 Oct 2026: Friday 16:30 BST is 15:30 UTC, Monday 10:30 GMT is
    # 10:30 UTC. Service: Fri 16:30–17:30 (1 h) + Mon 08:30–10:30 (2 h) = 3 h, within 3h.
    # On the calendar clock it is 67 h (the night of the change lasts an hour longer).
    found = agreement(
        {"P1": ("{within: 1h, clock: calendar}", "3h"), "P2": (None, "1wd")}, LONDON_BUSINESS
    )
    ticket(con, 1, "P1", "2026-10-23T16:30+01:00", "2026-10-26T10:30Z", "2026-10-26T10:30Z")
    # 1wd from Fri 16:30 BST: Mon 26 Oct 16:30 GMT, 1 h + 8 h = 540 service minutes;
    # resolved 16:31 GMT: 541.
    ticket(con, 2, "P2", "2026-10-23T15:30Z", None, "2026-10-26T16:31Z")
    priorities, breaches = support(con, [job(found, "2026-10")])[(ID, "2026-10")]
    assert priorities[0].resolution == target("3h", 1, 1, "100.00", True)
    assert breaches == (
        breach(1, "P1", "response", 60, 67 * 60),
        breach(2, "P2", "resolution", 540, 541),
    )


def test_round_the_clock_across_the_period_boundary(con: duckdb.DuckDBPyConnection) -> None:
    found = agreement({"P1": ("15m", "4h")}, HOURS_7X24)
    # Opened Sat 31 Oct 23:50 Shanghai, answered Sun 1 Nov 00:10: 10 min by the end of
    # October (not decided), 20 min in all: the 15 min limit passes at 00:05, a November
    # breach. Resolved 02:00: 2 h 10 min, within 4 h, in November.
    ticket(
        con, 1, "P1", "2026-10-31T23:50+08:00", "2026-11-01T00:10+08:00", "2026-11-01T02:00+08:00"
    )
    figures = support(con, [job(found, "2026-10"), job(found, "2026-11")])
    october, november = figures[(ID, "2026-10")], figures[(ID, "2026-11")]
    assert october == (
        (
            PriorityFigures(
                "P1", 1, target("15m", 0, 0, None, True), target("4h", 0, 0, None, True)
            ),
        ),
        (),
    )
    assert november[0][0].response == target("15m", 1, 0, "0.00", False)
    assert november[0][0].resolution == target("4h", 1, 1, "100.00", True)
    assert november[1] == (breach(1, "P1", "response", 15, 20),)


def test_a_year_without_calendar_data_is_a_clear_error(con: duckdb.DuckDBPyConnection) -> None:
    found = agreement({"P1": ("30m", None)}, SHANGHAI_BUSINESS)
    ticket(con, 1, "P1", "2027-01-04T09:00+08:00", "2027-01-04T09:20+08:00")
    with pytest.raises(YearNotCovered) as raised:
        support(con, [job(found, "2027-01")])
    assert str(raised.value) == (
        "the CN working-day calendar has no data for 2027 (chinese-calendar covers "
        "2004–2026): give 2027's official holidays and make-up working days in sitegen.toml "
        "under [calendar.CN.2027] until chinese-calendar publishes them"
    )
    # With the year's official days given, the holiday Fri 1 Jan 2027 is not served: opened
    # then, answered Mon 4 Jan 09:20, the response took 20 min.
    ticket(con, 2, "P1", "2027-01-01T10:00+08:00", "2027-01-04T09:20+08:00")
    given = OfficialYear(holidays=frozenset({dt.date(2027, 1, 1)}))
    calendar = work_calendar("CN", None, {2027: given})
    priorities, _ = support(con, [job(found, "2027-01", calendar)])[(ID, "2027-01")]
    assert priorities[0].response == target("30m", 2, 2, "100.00", True)


def test_round_the_clock_needs_no_calendar_data(con: duckdb.DuckDBPyConnection) -> None:
    found = agreement({"P1": ("15m", None)}, HOURS_7X24)
    ticket(con, 1, "P1", "2027-03-01T09:00+08:00", "2027-03-01T09:20+08:00")
    _, breaches = support(con, [job(found, "2027-03")])[(ID, "2027-03")]
    assert breaches == (breach(1, "P1", "response", 15, 20),)


def test_agreements_and_clocks_in_one_pass(con: duckdb.DuckDBPyConnection) -> None:
    # Two agreements with a ticket T1 each, on different clocks, and one without priorities.
    shanghai = agreement({"P1": (None, "1h")}, SHANGHAI_BUSINESS)
    london = agreement({"P1": (None, "1h")}, LONDON_BUSINESS, number="SLA-2024-002")
    cloud_text = real_slas.cloud().replace(f"id: {ID}\n", "id: SLA-2024-003\n")
    cloud = load_agreement_text(cloud_text, Path("agreements/SLA-2024-003/agreement.yaml"))
    assert cloud.agreement is not None
    # Shanghai: Mon 2 Nov 17:30 to Tue 09:40 = 30 + 40 = 70 min > 60.
    ticket(con, 1, "P1", "2026-11-02T17:30+08:00", None, "2026-11-03T09:40+08:00")
    # London: Mon 2 Nov 17:00 GMT to Tue 08:50 = 30 + 20 = 50 min, within.
    ticket(
        con, 1, "P1", "2026-11-02T17:00Z", None, "2026-11-03T08:50Z", agreement_id="SLA-2024-002"
    )
    jobs = [job(shanghai, "2026-11"), job(london, "2026-11"), job(cloud.agreement, "2026-11")]
    figures = support(con, jobs)
    assert figures[(ID, "2026-11")][1] == (breach(1, "P1", "resolution", 60, 70),)
    assert figures[("SLA-2024-002", "2026-11")] == (
        (PriorityFigures("P1", 1, None, target("1h", 1, 1, "100.00", True)),),
        (),
    )
    assert figures[("SLA-2024-003", "2026-11")] == ((), ())


def test_a_lunch_break_is_not_service_time(con: duckdb.DuckDBPyConnection) -> None:
    hours = """\
service_hours:
  timezone: Asia/Shanghai
  windows:
    - {days: mon-fri, start: '09:00', end: '12:00'}
    - {days: mon-fri, start: '13:30', end: '17:30'}
"""
    found = agreement({"P1": ("30m", "2h")}, hours)
    # Opened Mon 2 Nov 11:50, answered 13:45: 10 + 15 = 25 min. Resolved 15:00: 10 + 90 =
    # 100 min, within 2 h.
    ticket(
        con, 1, "P1", "2026-11-02T11:50+08:00", "2026-11-02T13:45+08:00", "2026-11-02T15:00+08:00"
    )
    # Opened in the break, 12:30: both clocks start at 13:30; answered 14:01 is 31 min, and
    # resolved 15:00, 90 min.
    ticket(
        con, 2, "P1", "2026-11-02T12:30+08:00", "2026-11-02T14:01+08:00", "2026-11-02T15:00+08:00"
    )
    priorities, breaches = support(con, [job(found, "2026-11")])[(ID, "2026-11")]
    assert priorities[0].response == target("30m", 2, 1, "50.00", False)
    assert priorities[0].resolution == target("2h", 2, 2, "100.00", True)
    assert breaches == (breach(2, "P1", "response", 30, 31),)


def test_the_index_holds_the_service_time_before_each_segment(
    con: duckdb.DuckDBPyConnection,
) -> None:
    found = agreement({"P1": ("30m", None)}, SHANGHAI_BUSINESS)
    assert isinstance(found.service_hours, Schedule)
    clock = ServiceClock(found.service_hours, work_calendar())
    write_segments(con, "segments", [(Span(7, dt.date(2026, 11, 6), dt.date(2026, 11, 9)), clock)])
    utc = dt.UTC
    # Fri 6 Nov and Mon 9 Nov, 09:00–18:00 Shanghai = 01:00–10:00 UTC; 9 h = 32,400 s
    # before Monday's. First a segment of no length at local midnight a day before the
    # span (Thu 5 Nov 00:00 Shanghai = Wed 4 Nov 16:00 UTC), pointing to the first one.
    assert con.execute("SELECT * FROM segments ORDER BY seg_start").fetchall() == [
        (7, dt.datetime(2026, 11, 4, 16, tzinfo=utc), dt.datetime(2026, 11, 4, 16, tzinfo=utc),
         0, dt.datetime(2026, 11, 6, 1, tzinfo=utc)),
        (7, dt.datetime(2026, 11, 6, 1, tzinfo=utc), dt.datetime(2026, 11, 6, 10, tzinfo=utc),
         0, dt.datetime(2026, 11, 9, 1, tzinfo=utc)),
        (7, dt.datetime(2026, 11, 9, 1, tzinfo=utc), dt.datetime(2026, 11, 9, 10, tzinfo=utc),
         32_400_000_000, None),
    ]  # fmt: skip
    # Fri 17:55 to Mon 10:00 Shanghai: two lookups, 5 min + 60 min = 65 min.
    elapsed = con.execute(
        """
        WITH t(instant) AS (VALUES (?::TIMESTAMPTZ), (?::TIMESTAMPTZ))
        SELECT max(w) - min(w) FROM (
            SELECT service_us(t.instant, s.seg_start, s.seg_end, s.before_us) AS w
            FROM t ASOF JOIN segments s ON s.clock = 7 AND t.instant >= s.seg_start
        )
        """,
        ["2026-11-06T17:55+08:00", "2026-11-09T10:00+08:00"],
    ).fetchone()
    assert elapsed == (65 * 60_000_000,)
