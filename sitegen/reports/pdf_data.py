"""A period's figures as the data the report's Typst layout places: JSON, never source.

The Typst main file is constant (`render/typst/report_main.typ`); it reads this JSON from
`sys.inputs` and places each string as text, so a ticket id or a ref from an input file
(`#set page(width: 1pt)`, `*bold*`, `]`) shows as the characters it is and nothing in it
is ever read as markup or code. Every decision is made here: which rows, which words (both
languages, from `compose.vocabulary`), every number's text (as the record states it, never
rounded again; the cells: `pdf_cells`) and every chart's geometry (`pdf_charts`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sitegen.compose.vocabulary import REPORT_WORDS
from sitegen.load.base import Bilingual
from sitegen.reports.figures import (
    Breach,
    CreditsDue,
    PeriodFigures,
    PriorityFigures,
    TargetFigures,
    TierFigures,
)
from sitegen.reports.pdf_cells import DASH, Data, percent, tier_name, verdict, word
from sitegen.reports.pdf_charts import attainment_bar, budget_chart, trend_chart
from sitegen.reports.periods import Period
from sitegen.reports.record import instant_text


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
        [word("period"), [f"{figures.period}: {Period.parse(figures.period).days}"]],
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
        parts.append(budget_chart(tiers))
        trend = trend_chart(figures, history)
        if trend is not None:
            parts.append(trend)
    return parts


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
            bars.append(attainment_bar(priority.level, name, target))
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
