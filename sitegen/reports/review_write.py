"""A fresh review file: what sitegen knows filled in, every field a person fills in empty
(`null` or `[]`) under a comment that says what goes there.

`validate` accepts the fresh file as a review being prepared (`held: null`). Every value is
written by `record.scalar` (strings double-quoted as JSON quotes them, nothing hidden), so
a period label or a currency can never add a key or end a line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sitegen.reports.record import scalar
from sitegen.reports.review import REVIEW_FORMAT, Covered, MissedTrigger, Triggers, VolumeTrigger


def render_review(
    agreement_id: str,
    period: str,
    periods: list[Covered],
    triggers: Triggers,
    today: dt.date,
    *,
    drills: bool = False,
) -> bytes:
    """The pre-filled review; `drills`: the agreement sets a disaster-recovery drill
    cadence, so the review asks for the drills held."""
    lines = [
        f"# Service review of {agreement_id} for {period}, prepared by `sitegen review new` "
        f"on {today.isoformat()}.",
        "# Fill in what the comments ask, and set `held:` once the meeting took place.",
        "# `sitegen validate` checks the periods and triggers against the period records;",
        "# once held and committed, only the status of an action may change.",
        f"review: {REVIEW_FORMAT}",
        f"agreement: {scalar(agreement_id)}",
        f"period: {scalar(period)}",
        "# The day the review meeting was held (2026-10-15); null while it is being prepared.",
        "held: null",
        "# The roles that took part, never names:",
        '#   - {zh: "服务经理", en: "Service manager"}',
        "participants: []",
        "# From the period records (sitegen's figures: validate compares them).",
        *periods_lines(periods),
        "# The customer's satisfaction, a score from 1 (very dissatisfied) to 5 (very",
        '# satisfied) and what they said: {score: 4, comment: {zh: "…", en: "…"}}',
        "satisfaction: null",
        "# Each problem met and its cause:",
        '#   - {text: {zh: "…", en: "…"}, cause: {zh: "…", en: "…"}}',
        "problems: []",
        "# Improvement actions, each owned by a role (never a person, phone or e-mail):",
        '#   - {id: A1, text: {zh: "…", en: "…"}, owner: {zh: "服务经理", en: "Service manager"},',
        "#      due: 2026-12-31, status: open}      (status: open, done or dropped)",
        "actions: []",
        "# The customer's business volume when the agreement took effect and now:",
        '#   {before: 1200, after: 1900, unit: {zh: "工单/月", en: "tickets a month"}}',
        "volume: null",
        "# Computed by sitegen from the records and the volume above: validate recomputes",
        "# them and says what to write when the volume changes.",
        *triggers_lines(triggers),
        *(DRILL_LINES if drills else ()),
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


DRILL_LINES = (
    "# Disaster-recovery drills held since the last review (the agreement's drill cadence):",
    '#   - {date: 2026-09-12, scenario: {zh: "…", en: "…"}, rpo_achieved: 10m,',
    "#      rto_achieved: 3h20m, passed: true}     (rpo_achieved, rto_achieved: as measured)",
    "drills: []",
)


def periods_lines(periods: list[Covered]) -> Iterator[str]:
    """The top-level `periods:` block."""
    if not periods:
        yield "periods: []"
        return
    yield "periods:"
    for covered in periods:
        yield f"  - period: {scalar(covered.period)}"
        yield f"    passed: {scalar(covered.passed)}"
        if covered.credit is None:
            yield "    credit: null"
        else:
            yield "    credit:"
            yield f"      percent: {scalar(covered.credit.percent)}"
            yield f"      amount: {scalar(covered.credit.amount)}"
            yield f"      currency: {scalar(covered.credit.currency)}"
        yield f"    accepted: {scalar(covered.accepted)}"


def triggers_lines(triggers: Triggers) -> Iterator[str]:
    """The top-level `triggers:` block."""
    yield "triggers:"
    yield from _volume(triggers.volume_change)
    yield from _missed(triggers.missed_periods)


def _volume(trigger: VolumeTrigger) -> Iterator[str]:
    yield "  volume_change:"
    yield f"    threshold: {scalar(trigger.threshold)}"
    yield f"    change: {scalar(trigger.change)}"
    yield f"    fired: {scalar(trigger.fired)}"


def _missed(trigger: MissedTrigger) -> Iterator[str]:
    yield "  missed_periods:"
    yield f"    threshold: {scalar(trigger.threshold)}"
    yield f"    run: {scalar(trigger.run)}"
    yield f"    periods: {scalar(trigger.periods) if not trigger.periods else ''}".rstrip()
    for label in trigger.periods:
        yield f"      - {scalar(label)}"
    yield f"    fired: {scalar(trigger.fired)}"
