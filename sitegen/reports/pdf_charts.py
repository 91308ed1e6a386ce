"""The report PDF's charts as data: bars on a track, a rule for the target, four places.

The layout draws every chart as one drawing (`bar-chart` in `render/typst/report.typ`):
a label, a bar filled to `fill` (0 to 1) of its track, green when met and red when not, an
optional rule at `mark`, and the value as text. The geometry is decided here, from the
figures, so the layout computes nothing. The PDF is bilingual, so its `label` and `value`
hold both languages; `labels` and `values` hold them apart, [中文, English], for a page in
one language (`sitegen.site.svg_charts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal

from sitegen.compose.vocabulary import REPORT_WORDS
from sitegen.reports.figures import PeriodFigures, TargetFigures, TierFigures
from sitegen.reports.pdf_cells import Data, fraction, percent, tier_name, tier_names, word


def budget_chart(tiers: Sequence[TierFigures]) -> Data:
    """Downtime against the downtime the target allows in the period's service time."""
    bars = []
    for tier in tiers:
        allowed = Decimal(tier.service_minutes) * (100 - tier.target) / 100
        if allowed > 0:
            share = Decimal(tier.downtime_minutes) / allowed
        else:
            share = Decimal(1 if tier.downtime_minutes else 0)
        shown = (share * 100).quantize(Decimal("0.1"), ROUND_FLOOR)
        allowed_text = allowed.quantize(Decimal("0.1"), ROUND_FLOOR)
        value = f"{shown}% ({tier.downtime_minutes} / {allowed_text} {{}})"
        bars.append(
            {
                "label": tier_name(tier.tier),
                "labels": tier_names(tier.tier),
                "fill": fraction(share),
                "mark": None,
                "met": tier.met,
                "value": value.format(_min()),
                "values": [value.format(w) for w in _both("minutes")],
            }
        )
    return {"kind": "chart", "title": word("budget"), "bars": bars, "legend": word("budget_legend")}


def _min() -> str:
    return REPORT_WORDS["minutes"].en


def _both(name: str) -> list[str]:
    return [REPORT_WORDS[name].zh, REPORT_WORDS[name].en]


def trend_chart(figures: PeriodFigures, history: Sequence[PeriodFigures]) -> Data | None:
    """Attained against target per period, on a scale from just below the lowest figure."""
    points = [
        (past.period, tier)
        for past in history[-12:]
        for tier in past.availability
        if any(tier.tier == now.tier for now in figures.availability)
    ]
    if not points:
        return None
    low = min(min(t.attained, t.target) for _, t in points)
    low = max(Decimal(0), low.to_integral_value(ROUND_FLOOR) - 1)
    span = Decimal(100) - low
    several = len(figures.availability) > 1
    bars = [
        {
            "label": f"{period} {tier.tier}" if several else period,
            "labels": [f"{period} {tier.tier}" if several else period] * 2,
            "fill": fraction((tier.attained - low) / span),
            "mark": fraction((tier.target - low) / span),
            "met": tier.met,
            "value": f"{percent(tier.attained)} / {percent(tier.target)}",
            "values": [f"{percent(tier.attained)} / {percent(tier.target)}"] * 2,
        }
        for period, tier in sorted(points, key=lambda p: (p[1].tier, p[0]))
    ]
    legend = [text.format(low=low) for text in word("trend_legend")]
    return {"kind": "chart", "title": word("trend"), "bars": bars, "legend": legend}


def attainment_bar(level: str, name: str, target: TargetFigures) -> Data:
    attained = target.attainment
    value = f"{percent(attained)} ({target.within}/{target.tickets})"
    return {
        "label": f"{level} {REPORT_WORDS[name].zh}/{REPORT_WORDS[name].en}",
        "labels": [f"{level} {word}" for word in _both(name)],
        "fill": 0.0 if attained is None else fraction(attained / 100),
        "mark": fraction(target.required / 100),
        "met": target.met,
        "value": value,
        "values": [value, value],
    }
