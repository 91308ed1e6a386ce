"""The view of support targets: priorities, their response and resolution limits, and the
priority matrix, as finished strings.

What a table cell says follows from the target's data only: `15 分钟` when the limit applies
to every incident on the clock the whole table shares; `1 小时（90%）` when it applies to a
share of the period's incidents; the clock named in the cell (`（自然时间）`) only when the
targets do not all run on one clock. On the service-hours clock a limit of whole days stays
in days (an agreement may say in its own clause how such days count: SLA-2025-004 counts
them as working days, and writing its `3d` as 72 hours contradicted it; working days are
`3wd`), but any other limit is written in hours: `40h` is 40 小时, not 1 天 16 小时, which
reads as a day and a bit of the calendar.
The flags under `targets` choose the sentences around the table, so the contract never says
"every incident" of a percentage target, nor speaks of response times when the agreement
has none.
"""

from __future__ import annotations

from typing import Any

from sitegen.compose import fmt
from sitegen.compose.clauses import Plain
from sitegen.compose.contract import Lang
from sitegen.load.model import TARGETS, Agreement, Clock, Schedule, Target

ViewModel = dict[str, Any]


def clock_of(target: Target, agreement: Agreement) -> Clock:
    """The clock a target really runs on: service hours of 7×24 are calendar time."""
    return "calendar" if not isinstance(agreement.service_hours, Schedule) else target.clock


def _all(agreement: Agreement) -> list[Target]:
    return [
        target
        for priority in agreement.slos.priorities
        for target in (priority.response, priority.resolution)
        if target is not None
    ]


def _clocks(agreement: Agreement) -> str | None:
    """One clock for every target, "mixed", or None without targets."""
    found = {clock_of(t, agreement) for t in _all(agreement)}
    return found.pop() if len(found) == 1 else "mixed" if found else None


def cell(
    target: Target | None, lang: Lang, clock: Clock | None = None, *, hours: bool = False
) -> str:
    """1 小时 / 1 hour, with the share (90%) and a clock when they are to be named;
    `hours`: a limit that is not whole days is written in hours (the service-hours clock)."""
    if target is None:
        return "—"
    minutes = target.within.minutes
    if hours and not target.within.in_working_days and minutes % (24 * 60):
        text = fmt.span(minutes * 60, lang, days=False)
    else:
        text = fmt.duration(target.within, lang)
    notes = [] if target.every else [fmt.percent(target.share, lang)]
    if clock is not None:
        notes.append(fmt.term_word(clock, lang))
    if not notes:
        return text
    return f"{text}（{'，'.join(notes)}）" if lang == "zh" else f"{text} ({', '.join(notes)})"


def rows(agreement: Agreement, lang: Lang) -> list[ViewModel]:
    """One row per priority, the most severe first; `—` where a target is not given."""
    mixed = _clocks(agreement) == "mixed"

    def shown(target: Target | None) -> Plain:
        if target is None:
            return Plain(cell(None, lang))
        clock = clock_of(target, agreement)
        hours = clock == "service_hours"
        return Plain(cell(target, lang, clock if mixed else None, hours=hours))

    return [
        {
            "level": Plain(p.level),
            "name": Plain(p.name.get(lang)),
            "definition": Plain(p.definition.get(lang)),
            **{name: shown(p.target(name)) for name in TARGETS},
        }
        for p in agreement.slos.priorities
    ]


def targets_view(agreement: Agreement, lang: Lang) -> ViewModel:
    """Flags that choose the sentences around the table, and the matrix."""
    targets, priorities = _all(agreement), agreement.slos.priorities
    response = any(p.response is not None for p in priorities)
    resolution = any(p.resolution is not None for p in priorities)
    return {
        "response": response,
        "resolution": resolution,
        "gaps": response
        and resolution
        and any(p.response is None or p.resolution is None for p in priorities),
        "every": any(t.every for t in targets),
        "shares": any(not t.every for t in targets),
        "clock": _clocks(agreement),
        "times": Plain(fmt.term_word(_times(response, resolution), lang)),
        "matrix": _matrix(agreement, lang),
    }


def _times(response: bool, resolution: bool) -> str:
    return (
        "times_both"
        if response and resolution
        else f"times_{'response' if response else 'resolution'}"
    )


def _matrix(agreement: Agreement, lang: Lang) -> list[ViewModel]:
    """The matrix as rows of (impact, urgency, level), one per cell, impact by impact."""
    matrix = agreement.slos.matrix
    if matrix is None:
        return []
    return [
        {
            "impact": Plain(impact.text.get(lang)),
            "urgency": Plain(urgency.text.get(lang)),
            "level": Plain(level),
        }
        for impact, cells in zip(matrix.impact, matrix.levels, strict=False)
        for urgency, level in zip(matrix.urgency, cells, strict=False)
    ]
