"""One period's figures for one agreement: what a service report states and a record keeps.

The shape is the stable interface of `sitegen report --format json` (documented in the
README): `agreement`, `period`, `availability` (one entry per tier), `priorities` (one per
level, in the agreement's order), `credits`, `passed`. Every figure is exact: percentages
and amounts are Decimals, durations whole minutes (an interval counts as the agreement's
downtime definition says), instants UTC.

The modules that compute the figures fill these types; the records, the report documents
and the site only read them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any, Literal, TypeVar

# The canonical kinds of an outage row. `outage` is downtime; the others are excluded
# when the agreement's terms say so (see `Exclusion.reason`).
OutageKind = Literal["outage", "maintenance", "customer", "force_majeure", "third_party"]
OUTAGE_KINDS: tuple[OutageKind, ...] = (
    "outage",
    "maintenance",
    "customer",
    "force_majeure",
    "third_party",
)

# Why an event did not count as downtime, or why a maintenance did count.
ExclusionReason = Literal[
    "maintenance",  # announced at least the agreed notice ahead, within the cap
    "customer",
    "force_majeure",
    "third_party",
    "outside_service_hours",
]
CountedReason = Literal[
    "outage",
    "maintenance_late",  # announced less than the agreed notice ahead, or not at all
    "maintenance_over_cap",  # the part beyond the period's maintenance allowance
    "not_excluded",  # a kind the agreement does not exclude
]

_Row = TypeVar("_Row")


def row_maker(kind: type[_Row]) -> Callable[..., _Row]:
    """A constructor of `kind`, a frozen dataclass of plain fields (no defaults, no
    `__post_init__`), from its fields' values in order: for the rows a query returns by the
    hundred thousand (a year of 1,000 agreements: 135,000 breaches, 171,000 events). A frozen
    dataclass's own `__init__` sets each field through `object.__setattr__`; filling the
    instance's dictionary at once takes less than half the time and makes the same object
    (equal, hashed and shown as one made by `kind(...)`: `test_report_figures_rows`)."""
    names = tuple(each.name for each in fields(kind))  # type: ignore[arg-type]
    new = object.__new__

    def make(*values: Any) -> _Row:
        made = new(kind)
        made.__dict__.update(zip(names, values, strict=True))
        return made

    return make


@dataclass(frozen=True)
class Event:
    """One input outage row as the period saw it: its part inside the period."""

    ref: str | None
    kind: OutageKind
    start: dt.datetime
    end: dt.datetime
    minutes: int  # inside the service hours and the period
    file: str
    row: int


@dataclass(frozen=True)
class Exclusion:
    event: Event
    reason: ExclusionReason


@dataclass(frozen=True)
class Counted:
    """Downtime and why it counted (an outage, or a maintenance that was not excluded)."""

    event: Event
    reason: CountedReason
    minutes: int


@dataclass(frozen=True)
class TierFigures:
    tier: str  # the tier's id; "" for a single tier without one
    target: Decimal  # percent
    attained: Decimal  # percent, to 4 decimal places, rounded down (never flatters)
    downtime_minutes: int
    excluded_minutes: int
    service_minutes: int
    met: bool
    # Windows shorter than the period (`window: hour`): how many there were and how many
    # missed the target; None when the window is the period itself or longer.
    windows: int | None = None
    windows_missed: int | None = None
    # The worst window's attainment (`window: hour`): the credit bands read it; None when
    # the window is the period.
    lowest: Decimal | None = None
    counted: tuple[Counted, ...] = ()
    exclusions: tuple[Exclusion, ...] = ()


@dataclass(frozen=True)
class TargetFigures:
    """One target (response or resolution) of one priority over the period."""

    target: str  # as written: 15m, 4h, 2wd
    clock: Literal["calendar", "service_hours"]
    required: Decimal  # percent of tickets that must meet it: 100 for every ticket
    tickets: int  # tickets the target applies to in the period (open ones whose time passed)
    within: int
    attainment: Decimal | None  # percent, 2 places rounded down; None without tickets
    met: bool  # no tickets: met


@dataclass(frozen=True)
class PriorityFigures:
    level: str
    tickets: int  # opened in the period
    response: TargetFigures | None
    resolution: TargetFigures | None


@dataclass(frozen=True)
class Breach:
    ticket: str
    level: str
    target: Literal["response", "resolution"]
    allowed_minutes: int  # on the target's clock (a `wd` target: minutes its days allowed)
    elapsed_minutes: int  # on the target's clock, pauses taken out
    open: bool  # still open (or unanswered) at the period's end
    file: str
    row: int


@dataclass(frozen=True)
class TierCredit:
    tier: str
    below: Decimal | None  # the band reached (its threshold); None: no band reached
    percent: Decimal  # 0 when no band was reached


@dataclass(frozen=True)
class CreditsDue:
    percent: Decimal  # the credit of the period, after the cap, as a percent of the basis
    amount: Decimal | None  # None when the basis is not known from the data (charges)
    currency: str | None
    claim_by: dt.date | None  # the last day to claim, from the claim window; None: no window
    tiers: tuple[TierCredit, ...] = ()
    capped: bool = False


@dataclass(frozen=True)
class PeriodFigures:
    agreement: str
    version: int  # the agreement version in force in the period
    period: str  # 2026-10 (month) or 2026Q3 (quarter)
    start: dt.datetime  # the period's first instant, UTC (local midnight of its first day)
    end: dt.datetime  # the instant after it, UTC
    availability: tuple[TierFigures, ...] = ()
    priorities: tuple[PriorityFigures, ...] = ()
    breaches: tuple[Breach, ...] = ()
    credits: CreditsDue | None = None  # None: the agreement has no credit terms
    passed: bool = True  # every tier and every target met
    notes: tuple[str, ...] = field(default=())
