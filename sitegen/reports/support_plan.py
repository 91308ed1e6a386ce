"""The support targets of a list of jobs as DuckDB tables (`support_sql.py` reads them): each
distinct target definition once, the clocks and calendars they run on numbered once, and
which jobs each clock and calendar serves (the days its index must cover).

A definition is what a case's readings depend on: the target (response or resolution), its
clock, zone, calendar and limit. The periods of one agreement, and its levels with the same
terms, share definitions, so the readings that do not depend on the period are taken once
per ticket and definition, not once per period (at a year of 1,000 agreements, 2.2 million
cases share 2.0 million such readings; most tickets fall in one period).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb

from sitegen.calendars import WorkCalendar
from sitegen.load.model import Schedule
from sitegen.load.targets import TARGETS, Target
from sitegen.reports.clock import ServiceClock, calendar_key
from sitegen.reports.periods import Job

_MINUTE_US = 60_000_000
# (target, clock, zone, cal, allowed_us, wd)
Definition = tuple[str, int | None, str, int | None, int | None, int | None]


@dataclass
class SupportPlan:
    """The targets of every job, the definitions, clocks and calendars they use, numbered."""

    # (g, job, level, target, d, lrank, trank): one row per job, level and target.
    targets: list[tuple[Any, ...]] = field(default_factory=list)
    definitions: dict[Definition, int] = field(default_factory=dict)
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
        for rank, priority in enumerate(job.agreement.slos.priorities):
            for order, name in enumerate(TARGETS):
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
                definition = (name, clock, zone, cal, *_limit(target))
                d = self.definitions.setdefault(definition, len(self.definitions))
                g = len(self.targets)
                self.targets.append((g, number, priority.level, name, d, rank, order))

    def _clock(self, number: int, clock: ServiceClock) -> tuple[int, str]:
        found, _ = self.clocks.setdefault(clock.key, (len(self.clocks), clock))
        self.clock_jobs.setdefault(found, set()).add((number, clock.hours.timezone))
        return found, clock.hours.timezone

    def _calendar(self, calendar: WorkCalendar) -> int:
        found, _ = self.calendars.setdefault(
            calendar_key(calendar), (len(self.calendars), calendar)
        )
        return found

    def write(self, con: duckdb.DuckDBPyConnection, jobs: Sequence[Job]) -> None:
        """Create `support_jobs`, `support_defs` and `support_targets`."""
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
        rows = [(d, *definition) for definition, d in self.definitions.items()]
        defs: list[list[Any]] = [[row[n] for row in rows] for n in range(7)]
        con.execute(
            """
            CREATE OR REPLACE TEMP TABLE support_defs AS SELECT *, coalesce(clock, -1) AS ck
            FROM (SELECT
                unnest(?::INTEGER[]) AS d, unnest(?::VARCHAR[]) AS target,
                unnest(?::INTEGER[]) AS clock, unnest(?::VARCHAR[]) AS zone,
                unnest(?::INTEGER[]) AS cal, unnest(?::BIGINT[]) AS allowed_us,
                unnest(?::INTEGER[]) AS wd)
            """,
            defs,
        )
        columns: list[list[Any]] = [[row[n] for row in self.targets] for n in range(7)]
        con.execute(
            """
            CREATE OR REPLACE TEMP TABLE support_targets AS SELECT
                unnest(?::INTEGER[]) AS g, unnest(?::INTEGER[]) AS job,
                unnest(?::VARCHAR[]) AS level, unnest(?::VARCHAR[]) AS target,
                unnest(?::INTEGER[]) AS d, unnest(?::INTEGER[]) AS lrank,
                unnest(?::INTEGER[]) AS trank
            """,
            columns,
        )


def _limit(target: Target) -> tuple[int | None, int | None]:
    """The limit in microseconds, or in working days (its time depends on the ticket)."""
    within = target.within
    if within.in_working_days:
        return None, within.working_days
    return within.minutes * _MINUTE_US, None
