"""Response and resolution figures: each ticket measured against its priority's targets, for
every job at once.

The rules, as an ITSM tool (Jira Service Management's SLA goals) applies them:

- The response clock runs from `opened` to `responded`; a ticket resolved without a recorded
  response was answered by its resolution, so `resolved` stops it then. The resolution clock
  runs from `opened` to `resolved`. Both stop for the ticket's pauses (overlapping pauses
  count once; the part of a pause outside the ticket's running time does not count).
- A target's clock: `calendar` (or 7×24 service hours) is plain time; `service_hours` counts
  only the time inside the agreement's service hours, on its calendar with its public
  holidays and make-up working days (`clock.py`: the service-time index).
- A limit in working days (`2wd`) means: by the same local time of day on the n-th working
  day of the agreement's calendar after the day the clock starts, where a ticket opened
  outside the service hours starts at the next service time (on the `calendar` clock it
  starts when opened). Opened Friday 10:00 under Mon–Fri 09:00–18:00, `2wd` ends Tuesday
  10:00, 18 service hours later; opened Saturday, it starts Monday 09:00 and ends Wednesday
  09:00. The time that allows on the target's clock is the ticket's limit, and pauses then
  move it on as they do any other. A working day the service hours do not serve (a make-up
  Saturday under Mon–Fri windows) adds no service time; a local time that the change to
  summer time skips is read at the offset before it (01:30 on that night in London is
  02:30 BST).
- A limit is met when the clock, pauses taken out, shows no more than the limit at the
  response or resolution (to the microsecond: a response at exactly 30 minutes meets 30m).
- A target counts once, in the period in which it is decided: a met target in the period of
  its response or resolution; a breach in the period in which its limit passes, whether the
  ticket was answered late within that period, later, or not at all. So a ticket still open
  at a period's end is a breach of that period once its limit has passed, and is not
  counted at all while its limit is still running (it counts in the period that decides
  it); a ticket opened in September and answered in time in October counts in October.
  Whether the limit passed by an instant is two lookups on the index (the clock at the
  period's start and at its end, each stopped at the response), so no deadline is solved for.
- Per priority: the tickets opened in the period; per target, the tickets it decided, those
  within it, the attainment (percent, two places, rounded down) and whether it is met:
  every ticket within, or the agreed attainment (9 of 10 within against 90%: met); a target
  that decided no ticket is met.
- A breach states the time elapsed at the response or resolution, or at the period's end
  when the ticket was still waiting then (`open`). Stated times are whole minutes: the
  allowed time rounded down, the elapsed time rounded up, so a breach by seconds never
  reads as within.

One query per step serves every agreement and period; a lookup is an ASOF JOIN on the
clock's segments, never a loop over minutes or over rows in Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from typing import Any, Literal
from zoneinfo import ZoneInfo

import duckdb

from sitegen.calendars import WorkCalendar
from sitegen.load.model import Schedule
from sitegen.load.targets import TARGETS, Target
from sitegen.reports.clock import (
    ServiceClock,
    Span,
    calendar_key,
    write_segments,
    write_working_days,
)
from sitegen.reports.figures import Breach, PriorityFigures, TargetFigures
from sitegen.reports.periods import Job
from sitegen.reports.support_sql import BREACHES, COUNTS, OPENED, RELEVANT, STEPS, TABLES

_MINUTE_US = 60_000_000
_CENT = Decimal("0.01")
Figures = dict[tuple[str, str], tuple[tuple[PriorityFigures, ...], tuple[Breach, ...]]]


@dataclass
class _Plan:
    """The targets of every job, and the clocks and calendars they run on, numbered."""

    targets: list[tuple[Any, ...]] = field(default_factory=list)
    clocks: dict[tuple[str, str], tuple[int, ServiceClock]] = field(default_factory=dict)
    calendars: dict[str, tuple[int, WorkCalendar]] = field(default_factory=dict)
    # Which jobs (and in which zone) each clock and each calendar serves: their spans.
    clock_jobs: dict[int, set[tuple[int, str]]] = field(default_factory=dict)
    calendar_jobs: dict[int, set[tuple[int, str]]] = field(default_factory=dict)

    def add(self, number: int, job: Job) -> None:
        """The job's targets; its clock and calendar are numbered once, however many
        targets and jobs share them."""
        hours = job.agreement.service_hours
        service: tuple[int, str] | None = None
        calendar: int | None = None
        for priority in job.agreement.slos.priorities:
            for name in TARGETS:
                target = priority.target(name)
                if target is None:
                    continue
                clock, zone = None, job.zone.key
                if target.clock == "service_hours" and isinstance(hours, Schedule):
                    service = service or self._clock(number, ServiceClock(hours, job.calendar))
                    clock, zone = service
                cal = None
                if target.within.in_working_days:
                    calendar = calendar if calendar is not None else self._calendar(job.calendar)
                    cal = calendar
                    self.calendar_jobs.setdefault(cal, set()).add((number, zone))
                self.targets.append(
                    (number, priority.level, name, clock, zone, cal, *_limit(target))
                )

    def _clock(self, number: int, clock: ServiceClock) -> tuple[int, str]:
        found, _ = self.clocks.setdefault(clock.key, (len(self.clocks), clock))
        self.clock_jobs.setdefault(found, set()).add((number, clock.hours.timezone))
        return found, clock.hours.timezone

    def _calendar(self, calendar: WorkCalendar) -> int:
        found, _ = self.calendars.setdefault(
            calendar_key(calendar), (len(self.calendars), calendar)
        )
        return found


def _limit(target: Target) -> tuple[int | None, int | None]:
    """The limit in microseconds, or in working days (its time depends on the ticket)."""
    within = target.within
    if within.in_working_days:
        return None, within.working_days
    return within.minutes * _MINUTE_US, None


def support(con: duckdb.DuckDBPyConnection, jobs: Sequence[Job]) -> Figures:
    """Each job's figures per priority (in the agreement's order) and its breaches (by
    priority, ticket id, response before resolution), keyed by `Job.key`. Reads the
    `tickets` and `pauses` tables; YearNotCovered when a day the clocks count is in a year
    the calendar has no data for."""
    plan = _Plan()
    for number, job in enumerate(jobs):
        plan.add(number, job)
    try:
        _write_inputs(con, jobs, plan)
        earliest = dict(con.execute(RELEVANT).fetchall())
        _write_index(con, jobs, plan, earliest)
        for step in STEPS:
            con.execute(step)
        decided = con.execute(COUNTS).fetchall()
        breaches = con.execute(BREACHES).fetchall()
        opened = con.execute(OPENED).fetchall()
    finally:
        for table in TABLES:
            con.execute(f"DROP TABLE IF EXISTS {table}")
    return _figures(jobs, decided, breaches, opened)


def _write_inputs(con: duckdb.DuckDBPyConnection, jobs: Sequence[Job], plan: _Plan) -> None:
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE support_jobs AS SELECT
            unnest(?::INTEGER[]) AS job, unnest(?::VARCHAR[]) AS agreement,
            unnest(?::TIMESTAMPTZ[]) AS ps, unnest(?::TIMESTAMPTZ[]) AS pe
        """,
        [
            list(range(len(jobs))),
            [job.agreement.id for job in jobs],
            [job.start for job in jobs],
            [job.end for job in jobs],
        ],
    )
    columns: list[list[Any]] = [[row[n] for row in plan.targets] for n in range(8)]
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE support_targets AS SELECT
            unnest(?::INTEGER[]) AS job, unnest(?::VARCHAR[]) AS level,
            unnest(?::VARCHAR[]) AS target, unnest(?::INTEGER[]) AS clock,
            unnest(?::VARCHAR[]) AS zone, unnest(?::INTEGER[]) AS cal,
            unnest(?::BIGINT[]) AS allowed_us, unnest(?::INTEGER[]) AS wd
        """,
        columns,
    )


def _span(
    number: int,
    users: set[tuple[int, str]],
    jobs: Sequence[Job],
    earliest: dict[int, dt.datetime],
) -> Span:
    """The local days from the earliest instant any of `users` (job, zone) looks at to the
    last day of its period, each in its own zone."""
    firsts, lasts = [], []
    for job_number, zone_name in users:
        zone, job = ZoneInfo(zone_name), jobs[job_number]
        first = min(job.start, earliest.get(job_number, job.start))
        firsts.append(first.astimezone(zone).date())
        lasts.append((job.end - dt.timedelta(microseconds=1)).astimezone(zone).date())
    return Span(number, min(firsts), max(lasts))


def _write_index(
    con: duckdb.DuckDBPyConnection,
    jobs: Sequence[Job],
    plan: _Plan,
    earliest: dict[int, dt.datetime],
) -> None:
    write_segments(
        con,
        "support_segments",
        [
            (_span(number, plan.clock_jobs[number], jobs, earliest), clock)
            for number, clock in plan.clocks.values()
        ],
    )
    write_working_days(
        con,
        "support_days",
        [
            (_span(number, plan.calendar_jobs[number], jobs, earliest), calendar)
            for number, calendar in plan.calendars.values()
        ],
    )


def _minutes_down(us: int) -> int:
    return us // _MINUTE_US


def _minutes_up(us: int) -> int:
    return -(-us // _MINUTE_US)


def _target(target: Target, decided: tuple[int, int]) -> TargetFigures:
    tickets, within = decided
    attainment = None
    if tickets:
        attainment = (Decimal(within) * 100 / tickets).quantize(_CENT, rounding=ROUND_DOWN)
    return TargetFigures(
        target=str(target.within),
        clock=target.clock,
        required=target.share,
        tickets=tickets,
        within=within,
        attainment=attainment,
        met=within * 100 >= target.share * tickets,
    )


def _figures(
    jobs: Sequence[Job],
    decided: list[tuple[Any, ...]],
    breached: list[tuple[Any, ...]],
    opened: list[tuple[Any, ...]],
) -> Figures:
    counts = {
        (job, level, name): (tickets, within) for job, level, name, tickets, within in decided
    }
    opened_counts = {(job, level): tickets for job, level, tickets in opened}
    rows: dict[int, list[tuple[Any, ...]]] = {}
    for row in breached:
        rows.setdefault(row[0], []).append(row)
    answer: Figures = {}
    for number, job in enumerate(jobs):
        levels = [priority.level for priority in job.agreement.slos.priorities]
        priorities = []
        for priority in job.agreement.slos.priorities:
            figures: dict[str, TargetFigures | None] = {}
            for name in TARGETS:
                target = priority.target(name)
                found = counts.get((number, priority.level, name), (0, 0))
                figures[name] = None if target is None else _target(target, found)
            priorities.append(
                PriorityFigures(
                    level=priority.level,
                    tickets=opened_counts.get((number, priority.level), 0),
                    response=figures["response"],
                    resolution=figures["resolution"],
                )
            )
        listed = sorted(
            rows.get(number, []),
            key=lambda row: (levels.index(row[1]), row[3], TARGETS.index(row[2])),
        )
        answer[job.key] = (tuple(priorities), tuple(_breach(row) for row in listed))
    return answer


def _breach(row: tuple[Any, ...]) -> Breach:
    _, level, name, ticket, allowed, elapsed, still_open, file, line = row
    target: Literal["response", "resolution"] = "response" if name == "response" else "resolution"
    return Breach(
        ticket=ticket,
        level=level,
        target=target,
        allowed_minutes=_minutes_down(allowed),
        elapsed_minutes=_minutes_up(elapsed),
        open=still_open,
        file=file,
        row=line,
    )
