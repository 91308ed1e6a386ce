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
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import duckdb

from sitegen.load.model import Agreement
from sitegen.load.targets import TARGETS, Clock
from sitegen.reports.clock import (
    Span,
    write_segments,
    write_working_days,
)
from sitegen.reports.figures import Breach, PriorityFigures, TargetFigures, row_maker
from sitegen.reports.periods import Job
from sitegen.reports.support_plan import SupportPlan
from sitegen.reports.support_sql import (
    BREACHES,
    COUNTS,
    OPENED,
    READINGS,
    RELEVANT,
    STEPS,
    TABLES,
)

_CENT = Decimal("0.01")
Figures = dict[tuple[str, str], tuple[tuple[PriorityFigures, ...], tuple[Breach, ...]]]


def support(con: duckdb.DuckDBPyConnection, jobs: Sequence[Job]) -> Figures:
    """Each job's figures per priority (in the agreement's order) and its breaches (by
    priority, ticket id, response before resolution), keyed by `Job.key`. Reads the
    `tickets` and `pauses` tables; YearNotCovered when a day the clocks count is in a year
    the calendar has no data for."""
    plan = SupportPlan()
    for number, job in enumerate(jobs):
        plan.add(number, job)
    try:
        plan.write(con, jobs)
        earliest = dict(con.execute(RELEVANT).fetchall())
        for step in STEPS:
            con.execute(step)
        _write_index(con, jobs, plan, earliest)
        for step in READINGS:
            con.execute(step)
        decided = con.execute(COUNTS).fetchall()
        breaches = con.execute(BREACHES).fetchall()
        opened = con.execute(OPENED).fetchall()
    finally:
        for table in TABLES:
            con.execute(f"DROP TABLE IF EXISTS {table}")
    return _figures(jobs, decided, breaches, opened)


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
    plan: SupportPlan,
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


@lru_cache(maxsize=65536)
def _attainment(within: int, tickets: int) -> Decimal | None:
    """The percent within target, rounded down to a hundredth; None without tickets. The
    same counts recur across a thousand agreements' periods: each is divided once."""
    if not tickets:
        return None
    return (Decimal(within) * 100 / tickets).quantize(_CENT, rounding=ROUND_DOWN)


_BREACH = row_maker(Breach)  # a year of 1,000 agreements: 135,000 breaches

# A priority's targets as the figures take them: (name, limit as written, clock, share of
# tickets required) or None.
Shape = tuple[tuple[str, tuple[tuple[str, str, Clock, Decimal] | None, ...]], ...]


def _shape(agreement: Agreement) -> Shape:
    """Each priority's level and its targets in `TARGETS` order: the periods of an agreement
    share them, so each is looked up (and its limit written out) once per agreement."""
    return tuple(
        (
            priority.level,
            tuple(
                None if (target := priority.target(name)) is None
                else (name, str(target.within), target.clock, target.share)
                for name in TARGETS
            ),
        )
        for priority in agreement.slos.priorities
    )  # fmt: skip


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
    rows: dict[int, list[Breach]] = {}
    for job_number, *breach in breached:  # in each job's order (support_sql.BREACHES)
        rows.setdefault(job_number, []).append(_BREACH(*breach))
    shapes: dict[int, Shape] = {}
    # A target's figures are a value, made once for each limit, clock, share and counts and
    # shared: the same few counts recur across a thousand agreements' periods.
    made: dict[tuple[object, ...], TargetFigures] = {}
    answer: Figures = {}
    for number, job in enumerate(jobs):
        shape = shapes.get(id(job.agreement))
        if shape is None:
            shape = shapes[id(job.agreement)] = _shape(job.agreement)
        priorities = []
        for level, targets in shape:
            figures: list[TargetFigures | None] = []
            for each in targets:
                if each is None:
                    figures.append(None)
                    continue
                name, text, clock, share = each
                tickets, within = counts.get((number, level, name), (0, 0))
                key = (text, clock, share, tickets, within)
                found = made.get(key)
                if found is None:
                    found = made[key] = TargetFigures(
                        target=text,
                        clock=clock,
                        required=share,
                        tickets=tickets,
                        within=within,
                        attainment=_attainment(within, tickets),
                        met=within * 100 >= share * tickets,
                    )
                figures.append(found)
            response, resolution = figures
            priorities.append(
                PriorityFigures(
                    level=level,
                    tickets=opened_counts.get((number, level), 0),
                    response=response,
                    resolution=resolution,
                )
            )
        answer[job.key] = (tuple(priorities), tuple(rows.get(number, ())))
    return answer
