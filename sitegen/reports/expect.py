"""What an agreement's input rows may say: the zone of their local times, their tiers,
their priority levels, the kind of period its charges are for and their currency. The
readers (`read.py`) check every row against it."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sitegen.load.model import Agreement
from sitegen.reports.service_time import agreement_zone


@dataclass(frozen=True)
class Expect:
    zone: ZoneInfo  # times written without an offset are local times here
    tiers: frozenset[str]  # tier ids; empty when the agreement has one tier without an id
    levels: tuple[str, ...]  # priority levels, most severe first (a mapping's rank 1 is the first)
    period: str = "month"  # the measurement period: charges are given for one of these
    currency: str | None = None  # the agreement's fee currency: charges must be in it

    @classmethod
    def of(cls, agreement: Agreement) -> Expect:
        """The agreement's own: `service_time.agreement_zone` (NoZone when it has none),
        its tiers' ids, its priorities' levels in their order, its measurement period and
        the currency of its fees (None: charges may be in any one currency)."""
        tiers = frozenset(tier.id for tier in agreement.slos.tiers if tier.id is not None)
        levels = tuple(priority.level for priority in agreement.slos.priorities)
        currency = agreement.fees.currency if agreement.fees is not None else None
        return cls(agreement_zone(agreement), tiers, levels, agreement.measurement.period, currency)
