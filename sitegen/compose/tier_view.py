"""The view of availability: one tier as the clauses placed it before tiers existed (so a
one-tier agreement reads as it did), or several tiers as rows of a table.

Codes (`partial`) are there for the templates' conditions only and cannot be printed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sitegen.compose import fmt
from sitegen.compose.clauses import Plain
from sitegen.compose.contract import Lang
from sitegen.compose.vocabulary import CAUSE_NAMES
from sitegen.load import terms
from sitegen.load.model import Agreement, Schedule
from sitegen.load.tiers import Downtime, Maintenance, Tier

ViewModel = dict[str, Any]

# Window lengths the allowed-downtime table lists, in days.
WINDOW_LENGTHS = {
    "calendar_month": (28, 29, 30, 31),
    "calendar_quarter": (90, 91, 92),
    "calendar_year": (365, 366),
}


def availability(a: Agreement, lang: Lang) -> ViewModel | None:
    """The single tier's view; None with no tier or with several (see `tiers`)."""
    tiers = a.slos.tiers
    if len(tiers) != 1:
        return None
    view = _tier(a, tiers[0], lang)
    view["scope"] = Plain(tiers[0].scope.get(lang)) if tiers[0].scope else None
    return view


def tiers(a: Agreement, lang: Lang) -> list[ViewModel]:
    """Each tier's view when there are several; empty for one tier or none."""
    found = a.slos.tiers
    return [_tier(a, tier, lang) for tier in found] if len(found) > 1 else []


def tier_exclusions(a: Agreement, lang: Lang) -> list[ViewModel]:
    """Every exclusion of every tier with its tier's scope, when there are several tiers."""
    return [
        {"scope": view["scope"], "text": text}
        for view in tiers(a, lang)
        for text in view["exclusions"]
    ]


def _downtime(downtime: Downtime | None, lang: Lang) -> ViewModel | None:
    if downtime is None:
        return None
    return {
        "interval": Plain(fmt.duration(downtime.interval, lang)),
        "partial": downtime.partial,
        "unavailable": None if downtime.unavailable is None
        else Plain(downtime.unavailable.get(lang)),
    }  # fmt: skip


def _causes(tier: Tier, lang: Lang) -> ViewModel | None:
    """The causes the tier excludes: planned maintenance with its notice and monthly cap
    (each only when given), and the others named in one list; None when none is."""
    if not tier.excluded:
        return None
    others = [CAUSE_NAMES(c, lang) for c in tier.excluded if c != "maintenance"]
    terms = tier.maintenance or Maintenance()
    return {
        "named": Plain(fmt.join([CAUSE_NAMES(c, lang) for c in tier.excluded], lang)),
        "maintenance": "maintenance" in tier.excluded,
        "notice": Plain(fmt.duration(terms.notice, lang)) if terms.notice else None,
        "cap": Plain(fmt.duration(terms.cap, lang)) if terms.cap else None,
        "others": Plain(fmt.join(others, lang)) if others else None,
    }


def _span(seconds: int, lang: Lang) -> Plain:
    return Plain(fmt.span(seconds, lang))


def _tier(a: Agreement, tier: Tier, lang: Lang) -> ViewModel:
    scope = tier.scope.get(lang) if tier.scope else (tier.id or "")
    view: ViewModel = {
        "scope": Plain(scope),
        "target": Plain(fmt.percent(tier.target, lang)),
        "shortfall": Plain(fmt.percent(Decimal(100) - tier.target, lang)),
        "window": Plain(fmt.term_word(tier.window, lang)),
        "exclusions": [Plain(e.get(lang)) for e in tier.exclusions],
        "downtime": _downtime(tier.downtime, lang),
        "causes": _causes(tier, lang),
        "allowed": [],
        "weekly_allowed": None,
        "hourly": None,
    }
    if tier.window == "hour":
        view["hourly"] = _span(int(terms.hourly_downtime(tier.target).total_seconds()), lang)
        return view
    hours = a.service_hours
    if isinstance(hours, Schedule) and hours.on_working_days:
        return view  # a share of the Service Hours: no week has a fixed number of working days
    if isinstance(hours, Schedule):
        windows = [(list(w.days), w.start, w.end) for w in hours.windows]
        weekly = Decimal(fmt.weekly_minutes(windows) * 60)
        seconds = int((Decimal(100) - tier.target) / Decimal(100) * weekly)  # rounded down
        view["weekly_allowed"] = _span(seconds, lang)
        return view
    view["allowed"] = [
        {
            "days": Plain(fmt.count(days, "日", "day", "days", lang)),
            "downtime": _span(int(terms.allowed_downtime(tier.target, days).total_seconds()),
                              lang),
        }
        for days in WINDOW_LENGTHS[tier.window]
    ]  # fmt: skip
    return view
