"""The report as terminal text and as Markdown, both languages side by side in each label.

Every label is `REPORT_WORDS`' (中文 English); every value is a string made here from the
figures, then made safe for its form at the one place it is written: `safe` for a
terminal line, `escape` for a Markdown cell. Numbers are shown as the figures hold them
(`99.2592%`, `1000.00 CNY`): a report never rounds again what the record states.
"""

from __future__ import annotations

from decimal import Decimal

from sitegen.compose.vocabulary import REPORT_WORDS
from sitegen.render.markup import escape
from sitegen.reports.figures import (
    Breach,
    CreditsDue,
    PeriodFigures,
    PriorityFigures,
    TargetFigures,
    TierFigures,
)
from sitegen.reports.periods import Period
from sitegen.reports.record import instant_text
from sitegen.terminal import escape_controls, safe

_DASH = "—"


def _md(value: str) -> str:
    """A value as Markdown text that shows it: control characters and direction controls
    as their escapes first (as a terminal shows them), then Markdown's own escaping."""
    return escape(escape_controls(value))


def word(key: str) -> str:
    """`中文 English`: a label in both languages."""
    text = REPORT_WORDS[key]
    return f"{text.zh} {text.en}"


def _percent(value: Decimal | None) -> str:
    return _DASH if value is None else f"{value}%"


def _verdict(met: bool) -> str:
    return word("passed" if met else "failed")


def _tier_name(tier: TierFigures) -> str:
    return tier.tier or word("all")


def _minutes(count: int) -> str:
    minutes = REPORT_WORDS["minutes"]
    return f"{count} {minutes.zh}/{minutes.en}"


def _amount(credits: CreditsDue) -> str:
    if credits.amount is None:
        return word("unknown")
    return f"{credits.amount} {credits.currency or ''}".strip()


def _period(figures: PeriodFigures) -> str:
    """The days as the agreement counts them, then the instants in UTC, which are exact."""
    days = Period.parse(figures.period).days
    utc = f"{instant_text(figures.start)} – {instant_text(figures.end)}"
    return f"{figures.period}: {days} (UTC {utc})"


def _target_line(name: str, target: TargetFigures) -> str:
    return (
        f"{word(name)} {target.target}: {target.within}/{target.tickets} = "
        f"{_percent(target.attainment)} ({word('required')} {_percent(target.required)}) · "
        f"{_verdict(target.met)}"
    )


def _breach_what(breach: Breach) -> str:
    shown = f"{word(breach.target)}: {breach.elapsed_minutes} / {_minutes(breach.allowed_minutes)}"
    return shown + (f" · {word('open')}" if breach.open else "")


# Terminal text.


def as_text(figures: PeriodFigures) -> str:
    out = [
        safe(f"{word('title')} · {figures.agreement} v{figures.version} · {figures.period}"),
        safe(f"  {word('period')}: {_period(figures)}"),
        f"  {word('result')}: {_verdict(figures.passed)}",
        "",
        word("availability"),
    ]
    for tier in figures.availability:
        verdict, minutes = _tier_text(tier)
        out += [safe(f"  {_tier_name(tier)}: {verdict}"), safe(f"    {minutes}")]
    if not figures.availability:
        out.append(f"  {word('none')}")
    out += ["", word("support")]
    for priority in figures.priorities:
        out += [safe(line) for line in _priority_text(priority)]
    if not figures.priorities:
        out.append(f"  {word('none')}")
    out += ["", word("breaches")]
    out += [safe(f"  {b.ticket} {b.level} {_breach_what(b)}") for b in figures.breaches]
    if not figures.breaches:
        out.append(f"  {word('none')}")
    out += ["", word("credits"), safe(f"  {_credits_text(figures.credits)}")]
    if figures.notes:
        out += ["", word("notes"), *(safe(f"  {note}") for note in figures.notes)]
    return "\n".join(out) + "\n"


def _tier_text(tier: TierFigures) -> tuple[str, str]:
    """The verdict line and the minutes line of a tier."""
    verdict = [
        f"{word('attained')} {_percent(tier.attained)}",
        f"{word('target')} {_percent(tier.target)}",
        _verdict(tier.met),
    ]
    parts = [
        f"{word('downtime')} {_minutes(tier.downtime_minutes)}",
        f"{word('excluded')} {_minutes(tier.excluded_minutes)}",
        f"{word('service')} {_minutes(tier.service_minutes)}",
    ]
    if tier.windows is not None:
        parts.append(f"{word('windows')} {tier.windows_missed or 0}/{tier.windows}")
    return " · ".join(verdict), " · ".join(parts)


def _priority_text(priority: PriorityFigures) -> list[str]:
    lines = [f"  {priority.level} ({priority.tickets} {word('tickets')})"]
    for name, target in (("response", priority.response), ("resolution", priority.resolution)):
        if target is not None:
            lines.append(f"    {_target_line(name, target)}")
    return lines


def _credits_text(credits: CreditsDue | None) -> str:
    if credits is None:
        return word("no_credits")
    parts = [
        f"{word('percent')} {_percent(credits.percent)}",
        f"{word('amount')} {_amount(credits)}",
        f"{word('claim_by')} {credits.claim_by.isoformat() if credits.claim_by else _DASH}",
    ]
    if credits.capped:
        parts.append(word("capped"))
    return " · ".join(parts)


# Markdown.


def as_markdown(figures: PeriodFigures) -> str:
    title = f"{figures.agreement} v{figures.version} · {figures.period}"
    out = [
        f"## {word('title')}: {_md(title)}",
        "",
        f"- {word('period')}: {_md(_period(figures))}",
        f"- {word('result')}: **{_verdict(figures.passed)}**",
        "",
        f"### {word('availability')}",
        "",
    ]
    heads = ["tier", "target", "attained", "downtime", "excluded", "service", "met"]
    rows = [
        [
            _tier_name(t),
            _percent(t.target),
            _percent(t.attained),
            str(t.downtime_minutes),
            str(t.excluded_minutes),
            str(t.service_minutes),
            _verdict(t.met),
        ]
        for t in figures.availability
    ]
    out += _table(heads, rows)
    out += [f"### {word('support')}", ""]
    out += _table(
        ["level", "tickets", "response", "resolution"],
        [_priority_row(p) for p in figures.priorities],
    )
    out += [f"### {word('breaches')}", ""]
    out += _table(
        ["ticket", "level", "target", "elapsed", "allowed", "open"],
        [_breach_row(b) for b in figures.breaches],
    )
    out += [f"### {word('credits')}", "", _md(_credits_text(figures.credits)), ""]
    if figures.notes:
        out += [f"### {word('notes')}", "", *(f"- {_md(note)}" for note in figures.notes), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _priority_row(priority: PriorityFigures) -> list[str]:
    def cell(target: TargetFigures | None) -> str:
        if target is None:
            return _DASH
        return (
            f"{target.target}: {target.within}/{target.tickets} = "
            f"{_percent(target.attainment)} · {_verdict(target.met)}"
        )

    return [
        priority.level,
        str(priority.tickets),
        cell(priority.response),
        cell(priority.resolution),
    ]


def _breach_row(breach: Breach) -> list[str]:
    return [
        breach.ticket,
        breach.level,
        word(breach.target),
        str(breach.elapsed_minutes),
        str(breach.allowed_minutes),
        word("yes" if breach.open else "no"),
    ]


def _table(heads: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table: our labels, then every value escaped (one line, no markup)."""
    if not rows:
        return [word("none"), ""]
    lines = ["| " + " | ".join(word(h) for h in heads) + " |"]
    lines.append("|" + " --- |" * len(heads))
    lines += ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows]
    return [*lines, ""]
