"""Availability per tier: downtime inside the service hours, on the agreement's own terms.

One pass answers for every job (agreement and period) at once (`tier_plan` writes the
tiers, clocks and calendars as tables; `downtime_sql` holds the statements), so a thousand
agreements cost a few queries, not a thousand.

How each term is read (the issue leaves these to us; a service manager and the customer's
contact should both find them fair):

- Only the part of an outage inside the period and inside the service hours counts: an
  outage across midnight, or across the end of the month, is split there.
- Overlapping outages count once (the union of their time). A row without a `tier`
  counts in every tier of its agreement (an outage of the whole service).
- A cause is excluded only when the tier lists it in `excluded`; a term not given is not
  excluded. An excluded event covers whatever else happened during it: an outage during
  announced maintenance is maintenance, as most SLAs say ("downtime does not include
  scheduled maintenance"), so the time is excluded, not downtime.
- Maintenance is excluded only when `notified` at least the notice before it starts (`5wd`:
  the start's local day is at least five working days of the agreement's calendar after
  the notice's), and only up to the cap in each calendar month of the agreement's zone,
  counted inside the service hours and consumed in start order; the excess is downtime
  (`maintenance_over_cap`). Maintenance outside the service hours uses no cap; two
  maintenance rows that overlap each use the cap for their own time.
- Excluded time stays in the service time: attained = (service − downtime) / service, in
  percent to 4 decimal places, rounded down (it never flatters the provider).
- The downtime definition quantises each window's downtime: with `interval: 5m` and
  `partial: counted`, each 5-minute step (counted from the period's start) that any
  downtime touches counts whole; with `not_counted` only the steps wholly down count.
  Without a definition the window's downtime seconds are rounded up to a whole minute
  (a started minute counts), excluded seconds rounded down, service minutes whole. An
  event's minutes, and the minutes it counted, are its seconds rounded up; an outage
  wholly inside an excluded event is listed as counted with 0 minutes.
- `window: calendar_month`, `calendar_quarter` and `calendar_year` are measured over the
  report's period; `window: hour` over each local clock hour that has service time: the
  tier is met when no hour missed the target, and `lowest` is the worst hour's attainment
  (the credit bands read it).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from decimal import ROUND_DOWN, Decimal
from typing import Any

import duckdb

from sitegen.reports import downtime_sql as sql
from sitegen.reports.figures import (
    Counted,
    Event,
    Exclusion,
    TierFigures,
    row_maker,
)
from sitegen.reports.periods import Job
from sitegen.reports.tier_plan import TierRow, plan

_PLACES = Decimal("0.0001")
Key = tuple[str, str]


def attainment(service: int, downtime: int) -> Decimal:
    """Percent available, to 4 places rounded down; 100 without service time."""
    if service <= 0:
        return Decimal(100).quantize(_PLACES)
    return (Decimal(100 * (service - downtime)) / Decimal(service)).quantize(
        _PLACES, rounding=ROUND_DOWN
    )


def availability_met(tiers: Sequence[TierFigures]) -> bool:
    """Availability passes when every tier met its target (no tier: nothing to miss)."""
    return all(tier.met for tier in tiers)


def availability(
    con: duckdb.DuckDBPyConnection, jobs: Sequence[Job]
) -> dict[Key, tuple[TierFigures, ...]]:
    """Each job's tiers' figures, keyed by `Job.key`, from the `outages` table on `con`."""
    made = plan(jobs)
    made.write(con)
    for statement in (sql.CLASSIFY, sql.PARTS, sql.ELEMENTS):
        con.execute(statement)
    events = _events(con.execute(sql.EVENTS).fetchall())
    found: dict[Key, list[TierFigures]] = {job.key: [] for job in jobs}
    for row in con.execute(sql.WINDOWS).fetchall():
        number = int(row[0])
        tier = made.tiers[number]
        counted, excluded = events.get(number, ([], []))
        found[tier.job.key].append(_figures(tier, row, counted, excluded))
    return {key: tuple(value) for key, value in found.items()}


def _figures(
    row: TierRow, values: tuple[Any, ...], counted: list[Counted], excluded: list[Exclusion]
) -> TierFigures:
    _, service, downtime, excl, windows, missed, low_service, low_down = values
    tier = row.tier
    attained = attainment(int(service), int(downtime))
    hourly = tier.window == "hour"
    lowest = None
    if hourly:
        lowest = attainment(int(low_service or 0), int(low_down or 0))
    return TierFigures(
        tier=tier.key,
        target=tier.target,
        attained=attained,
        downtime_minutes=int(downtime),
        excluded_minutes=int(excl),
        service_minutes=int(service),
        met=int(missed) == 0 if hourly else attained >= tier.target,
        windows=int(windows) if hourly else None,
        windows_missed=int(missed) if hourly else None,
        lowest=lowest,
        counted=tuple(counted),
        exclusions=tuple(excluded),
    )


# A year of 1,000 agreements has 171,000 events: made as `figures.row_maker` makes rows.
_EVENT, _COUNTED, _EXCLUDED = row_maker(Event), row_maker(Counted), row_maker(Exclusion)


def _events(rows: list[tuple[Any, ...]]) -> dict[int, tuple[list[Counted], list[Exclusion]]]:
    """The events of each tier row, from `sql.EVENTS` (minutes already rounded up there)."""
    found: dict[int, tuple[list[Counted], list[Exclusion]]] = defaultdict(lambda: ([], []))
    event_of, counted_of, excluded_of = _EVENT, _COUNTED, _EXCLUDED
    for number, ref, kind, start, end, file, line, status, inside, over, counted, ex in rows:
        event = event_of(ref, kind, _utc(start), _utc(end), inside, file, line)
        counted_list, excluded_list = found[number]
        if inside == 0:
            excluded_list.append(excluded_of(event, "outside_service_hours"))
        elif status in sql.COUNTED:
            counted_list.append(counted_of(event, status, counted))
        else:  # an excluded cause: maintenance may be in part (or wholly) over the cap
            if ex > 0:
                excluded_list.append(excluded_of(event, status))
            if over:
                counted_list.append(counted_of(event, "maintenance_over_cap", counted))
    return found


def _utc(value: dt.datetime) -> dt.datetime:
    """An instant EVENTS gives as its UTC wall time: DuckDB makes a naive datetime ~8 times
    faster than an aware one (0.05 s against 0.4 s for 100,000 values)."""
    return value.replace(tzinfo=dt.UTC)
