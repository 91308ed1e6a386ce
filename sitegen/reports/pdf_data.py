"""A period's figures as the data the report's Typst layout places: JSON, never source.

The Typst main file is constant (`render/typst/report_main.typ`); it reads this JSON from
`sys.inputs` and places each string as text, so a ticket id or a ref from an input file
(`#set page(width: 1pt)`, `*bold*`, `]`) shows as the characters it is and nothing in it
is ever read as markup or code. Every decision is made here: which rows, which words (both
languages, from `compose.vocabulary`), every number's text (as the record states it, never
rounded again) and every chart's geometry (fractions of the bar, four places).

A label is a pair `[中文, English]`; a cell is a list of lines, or a verdict
`{"words": [中文, English], "met": bool}` the layout colours.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from sitegen.compose.vocabulary import REPORT_PDF_WORDS, REPORT_WORDS
from sitegen.load.base import Bilingual
from sitegen.reports.figures import (
    Breach,
    CreditsDue,
    PeriodFigures,
    PriorityFigures,
    TargetFigures,
    TierFigures,
)
from sitegen.reports.record import instant_text

Data = dict[str, Any]
DASH = "—"
PLACES = Decimal("0.0001")


def word(key: str) -> list[str]:
    text = REPORT_PDF_WORDS[key] if key in REPORT_PDF_WORDS else REPORT_WORDS[key]
    return [text.zh, text.en]


def verdict(met: bool) -> Data:
    return {"words": word("passed" if met else "failed"), "met": met}


def percent(value: Decimal | None) -> str:
    return DASH if value is None else f"{value}%"


def minutes(count: int) -> str:
    return f"{count} {REPORT_WORDS['minutes'].zh}/{REPORT_WORDS['minutes'].en}"


def fraction(value: Decimal) -> float:
    """A bar's length as a fraction of its track: 0 to 1, four places."""
    return float(min(max(value, Decimal(0)), Decimal(1)).quantize(PLACES, ROUND_FLOOR))


def tier_name(tier: str) -> str:
    return tier or f"{REPORT_WORDS['all'].zh} {REPORT_WORDS['all'].en}"


def report_data(
    figures: PeriodFigures,
    *,
    title: Bilingual | None = None,
    history: Sequence[PeriodFigures] = (),
) -> Data:
    """The view-model of one report: `history` is the agreement's records of the periods up
    to this one (this one included, oldest first) for the availability trend."""
    return {
        "meta": _meta(figures, title),
        "sections": [
            _section("summary", [{"kind": "summary", "rows": _summary(figures, title)}]),
            _section("availability", _availability(figures, history)),
            _section("support", _support(figures)),
            _section("breaches", [_breaches(figures.breaches)]),
            _section("events", [_events(figures.availability)]),
            _section("credits", _credits(figures.credits)),
        ]
        + (
            [_section("notes", [{"kind": "notes", "lines": list(figures.notes)}])]
            if figures.notes
            else []
        ),
    }


def _meta(figures: PeriodFigures, title: Bilingual | None) -> Data:
    heading = word("title")
    subtitle = [f"{figures.agreement} · {figures.period}"]
    if title is not None:
        subtitle = [title.zh, title.en, *subtitle]
    return {
        "heading": heading,
        "subtitle": subtitle,
        "header-left": f"{figures.agreement} · {figures.period}",
        "header-right": f"{heading[0]} · {heading[1]}",
        "pdf-title": f"{heading[1]} {figures.agreement} {figures.period}",
        "pdf-keywords": [figures.agreement, figures.period],
    }


def _section(key: str, parts: list[Data]) -> Data:
    return {"title": word(key), "parts": parts}


def _table(
    heads: Sequence[str], widths: Sequence[float], rows: list[list[Any]], *, empty: str = "no_rows"
) -> Data:
    numeric = [h in _NUMERIC for h in heads]
    return {
        "kind": "table",
        "header": [word(h) for h in heads],
        "widths": list(widths),
        "numeric": numeric,
        "rows": rows,
        "empty": word(empty),
    }


_NUMERIC = frozenset(
    {"target", "attained", "downtime", "excluded", "service", "tickets", "within"}
    | {"attainment", "required", "elapsed", "allowed", "percent", "amount", "minutes", "band"}
)


def _summary(figures: PeriodFigures, title: Bilingual | None) -> list[list[Any]]:
    rows: list[list[Any]] = [[word("agreement"), [figures.agreement]]]
    if title is not None:
        rows.append([word("agreement_title"), [title.zh, title.en]])
    rows += [
        [word("version"), [str(figures.version)]],
        [word("period"), [figures.period]],
        [word("dates"), [f"{instant_text(figures.start)} – {instant_text(figures.end)}"]],
        [word("result"), verdict(figures.passed)],
    ]
    credits = figures.credits
    if credits is None:
        rows.append([word("credit_due"), word("no_credits")])
    else:
        rows.append([word("credit_due"), [_credit_due(credits)]])
        claim_by = credits.claim_by.isoformat() if credits.claim_by else DASH
        rows.append([word("claim_by"), [claim_by]])
    return rows


def _credit_due(credits: CreditsDue) -> str:
    if credits.amount is None:
        unknown = REPORT_WORDS["unknown"]
        return f"{percent(credits.percent)} ({unknown.zh} {unknown.en})"
    return f"{percent(credits.percent)} = {credits.amount} {credits.currency or ''}".strip()


def _availability(figures: PeriodFigures, history: Sequence[PeriodFigures]) -> list[Data]:
    tiers = figures.availability
    windows = any(t.windows is not None for t in tiers)
    heads = ["tier", "target", "attained", "downtime", "excluded", "service", "met"]
    rows = [
        [
            [tier_name(t.tier)],
            [percent(t.target)],
            [percent(t.attained)],
            [str(t.downtime_minutes)],
            [str(t.excluded_minutes)],
            [str(t.service_minutes)],
            verdict(t.met),
        ]
        + ([[f"{t.windows_missed or 0}/{t.windows}" if t.windows else DASH]] if windows else [])
        for t in tiers
    ]
    if windows:
        heads.append("windows")
    parts = [_table(heads, [2.2, 1, 1.2, 1, 1, 1.2, 1, 1][: len(heads)], rows, empty="none")]
    if tiers:
        parts.append(_budget_chart(tiers))
        trend = _trend_chart(figures, history)
        if trend is not None:
            parts.append(trend)
    return parts


def _budget_chart(tiers: Sequence[TierFigures]) -> Data:
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
        bars.append(
            {
                "label": tier_name(tier.tier),
                "fill": fraction(share),
                "mark": None,
                "met": tier.met,
                "value": f"{shown}% ({tier.downtime_minutes} / {allowed_text} {_min()})",
            }
        )
    return {"kind": "chart", "title": word("budget"), "bars": bars, "legend": word("budget_legend")}


def _min() -> str:
    return REPORT_WORDS["minutes"].en


def _trend_chart(figures: PeriodFigures, history: Sequence[PeriodFigures]) -> Data | None:
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
            "fill": fraction((tier.attained - low) / span),
            "mark": fraction((tier.target - low) / span),
            "met": tier.met,
            "value": f"{percent(tier.attained)} / {percent(tier.target)}",
        }
        for period, tier in sorted(points, key=lambda p: (p[1].tier, p[0]))
    ]
    legend = [text.format(low=low) for text in word("trend_legend")]
    return {"kind": "chart", "title": word("trend"), "bars": bars, "legend": legend}


def _support(figures: PeriodFigures) -> list[Data]:
    heads = ["level", "measure", "tickets", "target", "within", "attainment", "required", "met"]
    rows = []
    bars = []
    for priority in figures.priorities:
        for name, target in _targets(priority):
            rows.append(
                [
                    [priority.level],
                    word(name),
                    [str(target.tickets)],
                    [target.target],
                    [str(target.within)],
                    [percent(target.attainment)],
                    [percent(target.required)],
                    verdict(target.met),
                ]
            )
            bars.append(_attainment_bar(priority.level, name, target))
    parts = [_table(heads, [1, 1.4, 1, 1, 1.2, 1.2, 1, 1], rows, empty="none")]
    if bars:
        parts.append(
            {
                "kind": "chart",
                "title": word("attainment_chart"),
                "bars": bars,
                "legend": word("attainment_legend"),
            }
        )
    return parts


def _targets(priority: PriorityFigures) -> list[tuple[str, TargetFigures]]:
    found = [("response", priority.response), ("resolution", priority.resolution)]
    return [(name, target) for name, target in found if target is not None]


def _attainment_bar(level: str, name: str, target: TargetFigures) -> Data:
    attained = target.attainment
    return {
        "label": f"{level} {REPORT_WORDS[name].zh}/{REPORT_WORDS[name].en}",
        "fill": 0.0 if attained is None else fraction(attained / 100),
        "mark": fraction(target.required / 100),
        "met": target.met,
        "value": f"{percent(attained)} ({target.within}/{target.tickets})",
    }


def _breaches(breaches: Sequence[Breach]) -> Data:
    heads = ["ticket", "level", "measure", "elapsed", "allowed", "open"]
    rows = [
        [
            [b.ticket],
            [b.level],
            word(b.target),
            [str(b.elapsed_minutes)],
            [str(b.allowed_minutes)],
            word("yes" if b.open else "no"),
        ]
        for b in breaches
    ]
    return _table(heads, [2.4, 1, 1.2, 1.2, 1.2, 1.2], rows, empty="no_breaches")


def _events(tiers: Sequence[TierFigures]) -> Data:
    """Every excluded and every counted event of every tier, with its reason."""
    heads = ["tier", "event", "kind", "start", "end", "minutes", "reason", "counted_as"]
    rows = []
    for tier in tiers:
        for excluded in tier.exclusions:
            event = excluded.event
            rows.append(_event_row(tier.tier, event, event.minutes, excluded.reason, False))
        for counted in tier.counted:
            rows.append(_event_row(tier.tier, counted.event, counted.minutes, counted.reason, True))
    return _table(heads, [1, 1.7, 1.6, 1.3, 1.3, 0.8, 1.9, 0.8], rows, empty="no_events")


def _event_row(tier: str, event: Any, count: int, reason: str, counted: bool) -> list[Any]:
    return [
        [tier_name(tier)],
        [event.ref or DASH],
        word(event.kind),
        _instant_lines(event.start),
        _instant_lines(event.end),
        [str(count)],
        word(reason),
        word("yes" if counted else "no"),
    ]


def _instant_lines(value: dt.datetime) -> list[str]:
    """An instant as its day over its time: an ISO instant has no place to break a line."""
    day, _, time = instant_text(value).partition("T")
    return [day, time]


def _credits(credits: CreditsDue | None) -> list[Data]:
    if credits is None:
        return [{"kind": "summary", "rows": [[word("credits"), word("no_credits")]]}]
    rows: list[list[Any]] = [
        [word("percent"), [percent(credits.percent)]],
        [word("amount"), [_amount(credits)]],
        [word("claim_by"), [credits.claim_by.isoformat() if credits.claim_by else DASH]],
    ]
    if credits.capped:
        rows.append([word("capped"), word("yes")])
    tiers = [[[tier_name(t.tier)], [percent(t.below)], [percent(t.percent)]] for t in credits.tiers]
    parts: list[Data] = [{"kind": "summary", "rows": rows}]
    if tiers:
        parts.append(_table(["tier", "band", "percent"], [2, 1, 1], tiers, empty="none"))
    return parts


def _amount(credits: CreditsDue) -> str:
    if credits.amount is None:
        return " ".join(word("unknown"))
    return f"{credits.amount} {credits.currency or ''}".strip()
