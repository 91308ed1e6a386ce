"""Continuity terms: how much data a failure may lose (RPO), how soon the service is back
(RTO), the backups behind them and the disaster-recovery drills that prove them.

Outsourcing and managed-service SLAs, and most internal IT SLAs, state these per service or
per availability tier as numbers (RPO 15m, RTO 4h, a daily backup kept 30 days, a yearly
drill); the guide's reviewer checks them as it checks response times. Each is a `Duration`,
so `sitegen diff` orders an old and a new value and lint compares them with the priorities'
times and the backup interval.

An entry names the services (scope ids) or the availability tier it covers, or neither for
every service; the loader checks the ids (`sitegen.load.references`), where it can point at
the line of an unknown id.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from sitegen.load.base import Bilingual, Cadence, Slug, Strict
from sitegen.load.values import Duration

__all__ = ["Backup", "Continuity", "Drill"]


class Backup(Strict):
    """How often the data is backed up, how long a backup is kept, and where."""

    every: Duration = Field(description="Time between two backups, e.g. 1d or 15m")
    retained: Duration = Field(description="How long each backup is kept, e.g. 30d")
    location: Bilingual | None = Field(
        default=None,
        description="Where the backups are kept, e.g. 同城灾备机房 / the secondary data centre "
        "in the same city; omit if the agreement does not say",
    )

    @model_validator(mode="after")
    def _in_time(self) -> Backup:
        if self.every.in_working_days:
            raise ValueError("give the backup interval as time, e.g. 1d or 4h, not in working days")
        return self


class Drill(Strict):
    """A disaster-recovery drill at a cadence; each drill held is recorded in a structured
    review record (`drills:` of `agreements/<ID>/reviews/<period>.yaml`)."""

    cadence: Cadence = Field(description="monthly, quarterly, half_yearly or yearly")
    scenario: Bilingual | None = Field(
        default=None,
        description="What a drill rehearses, e.g. 主数据中心整体失效 / loss of the primary data "
        "centre; omit if the agreement does not say",
    )


class Continuity(Strict):
    """Recovery objectives, backups and drills for some services, one tier, or all."""

    services: list[Slug] | None = Field(
        default=None,
        min_length=1,
        description="The services covered, by their scope ids (scope.included); omit (and "
        "omit tier) for every service",
    )
    tier: Slug | None = Field(
        default=None,
        description="The availability tier covered, by its id, instead of `services`",
    )
    rpo: Duration | None = Field(
        default=None,
        description="Recovery point objective: the most data, as time before a failure, "
        "that may be lost, e.g. 15m",
    )
    rto: Duration | None = Field(
        default=None,
        description="Recovery time objective: how soon after a disaster the service is "
        "restored, round the clock (calendar time), e.g. 4h",
    )
    rto_reason: Bilingual | None = Field(
        default=None,
        description="Why the RTO may be longer than the top priority's resolution time "
        "(a disaster is not an incident), when it is",
    )
    backup: Backup | None = Field(default=None, description="Backups: interval, retention, place")
    drill: Drill | None = Field(default=None, description="Disaster-recovery drills and cadence")

    @model_validator(mode="after")
    def _consistent(self) -> Continuity:
        if self.services is not None and self.tier is not None:
            raise ValueError("name the services or the tier an entry covers, not both")
        if self.services is not None and len(set(self.services)) != len(self.services):
            raise ValueError("`services` names a service more than once")
        if self.rpo is None and self.rto is None and self.backup is None and self.drill is None:
            raise ValueError("a continuity entry needs a term: rpo, rto, backup or drill")
        if self.rpo is not None and self.rpo.in_working_days:
            raise ValueError("give the RPO as time, e.g. 15m or 4h, not in working days")
        if self.rto_reason is not None and self.rto is None:
            raise ValueError("`rto_reason` explains an `rto`: give the rto or drop the reason")
        return self

    @property
    def key(self) -> str:
        """What versions are matched by: `tier:<id>`, the service ids, or '' for all."""
        if self.tier is not None:
            return f"tier:{self.tier}"
        return ",".join(sorted(self.services)) if self.services else ""
