"""Availability in tiers: one commitment per scope ("region", "single instance", "core
systems"), each with its target, window, definition of downtime, exclusions and credits.

One tier is the common case and is written as before (`slos.availability: {target: …}`);
a list gives several, each with an `id` that a diff matches versions by. A cloud
provider's published SLA commits 99.99% per month to a region and 99.5% per hour to a
single instance, with a different credit schedule for each.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from sitegen.findings import FieldPath
from sitegen.load.base import Bilingual, Percent, Slug, Strict
from sitegen.load.credit_terms import CreditSchedule
from sitegen.load.values import Duration

__all__ = ["Downtime", "Maintenance", "Tier", "TierSet", "tiers_of"]

# `hour`: per clock hour, for instance-level commitments.
AvailabilityWindow = Literal["calendar_month", "calendar_quarter", "calendar_year", "hour"]
WINDOW_ORDER: tuple[AvailabilityWindow, ...] = (
    "hour",
    "calendar_month",
    "calendar_quarter",
    "calendar_year",
)


class Downtime(Strict):
    """How downtime is counted, as the agreement defines it."""

    interval: Duration = Field(description="Smallest interval counted, e.g. 1m")
    partial: Literal["counted", "not_counted"] = Field(
        description="A partial interval of unavailability: counted as a whole interval, "
        "or not counted"
    )
    unavailable: Bilingual | None = Field(
        default=None, description="What makes an interval unavailable"
    )


# The causes a tier may exclude from downtime: the kinds of an outage row
# (`sitegen.reports.figures.OutageKind`) other than `outage` itself.
Cause = Literal["maintenance", "customer", "force_majeure", "third_party"]
CAUSES: tuple[Cause, ...] = ("maintenance", "customer", "force_majeure", "third_party")


class Maintenance(Strict):
    """When planned maintenance is excluded from downtime: announced at least `notice`
    ahead, and at most `cap` of it in each calendar month (the excess is downtime)."""

    notice: Duration | None = Field(
        default=None,
        description="Least notice before a maintenance starts, e.g. 5wd (working days on "
        "the agreement's calendar) or 48h; omit for none",
    )
    cap: Duration | None = Field(
        default=None,
        description="Most maintenance excluded in one calendar month, counted inside the "
        "service hours, e.g. 4h; omit for no cap",
    )

    @model_validator(mode="after")
    def _cap_in_time(self) -> Maintenance:
        if self.cap is not None and self.cap.in_working_days:
            raise ValueError("give the maintenance cap as time, e.g. 4h, not in working days")
        return self


class Tier(Strict):
    id: Slug | None = Field(
        default=None, description="Stable identity of the tier; required when there are several"
    )
    scope: Bilingual | None = Field(
        default=None, description="What the tier covers, e.g. 地域 / region, 单实例 / instance"
    )
    target: Percent = Field(description="Minimum availability per window, percent")
    window: AvailabilityWindow = Field(
        default="calendar_month",
        description="calendar_month, calendar_quarter, calendar_year, or hour (per clock hour)",
    )
    downtime: Downtime | None = Field(default=None, description="How downtime is counted")
    exclusions: list[Bilingual] = Field(
        default_factory=list, description="What does not count as downtime"
    )
    credits: CreditSchedule | None = Field(
        default=None, description="This tier's own credit bands, instead of credits.bands"
    )
    excluded: list[Cause] = Field(
        default_factory=list,
        description="Causes whose time is not downtime: maintenance, customer, "
        "force_majeure, third_party; a cause not listed counts as downtime",
    )
    maintenance: Maintenance | None = Field(
        default=None,
        description="Notice and monthly cap of excluded maintenance (needs maintenance "
        "in `excluded`)",
    )

    @model_validator(mode="after")
    def _maintenance_excluded(self) -> Tier:
        if self.maintenance is not None and "maintenance" not in self.excluded:
            raise ValueError("`maintenance` terms need maintenance in `excluded`")
        repeated = sorted({c for c in self.excluded if self.excluded.count(c) > 1})
        if repeated:
            raise ValueError(f"`excluded` names {', '.join(repeated)} more than once")
        return self

    @property
    def key(self) -> str:
        """What versions are matched by: the id, or '' for a single tier without one."""
        return self.id or ""


def _shape(value: Any) -> str:
    return "several" if isinstance(value, list | tuple) else "one"


TierSet = Annotated[
    Annotated[Tier, Tag("one")] | Annotated[list[Tier], Field(min_length=1), Tag("several")],
    Discriminator(_shape),
    Field(description="One availability tier, or a list of tiers, each with an id"),
]


def tiers_of(availability: Tier | list[Tier] | None) -> list[tuple[FieldPath, Tier]]:
    """Each tier with the path of its mapping in the file."""
    base: FieldPath = ("slos", "availability")
    if availability is None:
        return []
    if isinstance(availability, Tier):
        return [(base, availability)]
    return [((*base, index), tier) for index, tier in enumerate(availability)]
