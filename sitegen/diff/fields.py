"""Term changes between two versions of an agreement, field by field.

Each change carries readable values in both languages, whether it is material, and for
service levels, credits, term, renewal, scope and the continuity, data and liability terms
(`data_terms`) its direction: `stricter` on the provider
(better for the customer) or `looser`. Changes a customer must look at are marked for
attention. Lists are matched by identity (priority level, scope id, credit band), never by
position; lists without ids (duties, sources, contacts) by text, a reworded item with its
old self (`pairing`), and a duty's change judged from its text (`duty_change`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sitegen.compose import fmt, schemes
from sitegen.compose.general import general_facts
from sitegen.compose.targets import clock_of
from sitegen.diff import criteria, show
from sitegen.diff.change import LOOSER, MIXED, STRICTER, Change, Direction
from sitegen.diff.change import change as _change
from sitegen.diff.change import ordered as _ordered
from sitegen.diff.credit_terms import credit_changes, schedule_changes, tier_changes
from sitegen.diff.data_terms import cap_direction, continuity_changes, data_changes, remedy_changes
from sitegen.diff.labels import label
from sitegen.diff.pairing import text_changes
from sitegen.load.model import (
    TARGETS,
    Agreement,
    Bilingual,
    ExtraClause,
    Fee,
    ReplacedClause,
    Review,
    ReviewRecord,
    Target,
)

__all__ = ["LOOSER", "MIXED", "STRICTER", "Change", "Direction", "diff_terms"]


def diff_terms(old: Agreement, new: Agreement) -> list[Change]:
    """Every term change from old to new, attention-worthy ones first, then in file order."""
    changes: list[Change] = []
    for compare in _COMPARISONS:
        changes.extend(compare(old, new))
    return sorted(changes, key=lambda c: not c.attention)


def _languages(old: Agreement, new: Agreement) -> Iterator[Change]:
    before, after = old.languages, new.languages
    yield from _change(
        "languages.authentic",
        ", ".join(before.authentic) if before else None,
        ", ".join(after.authentic) if after else None,
    )
    yield from _change(
        "languages.prevails", before.prevails if before else None, after.prevails if after else None
    )


def _basics(old: Agreement, new: Agreement) -> Iterator[Change]:
    yield from _change("title", old.title, new.title, material=False)
    yield from _change("template", old.template, new.template)
    yield from _languages(old, new)
    yield from _change("visibility", old.visibility, new.visibility, material=False)
    for role in ("customer", "provider"):
        a, b = getattr(old.parties, role), getattr(new.parties, role)
        yield from _change(f"parties.{role}.name", a.name, b.name)
        yield from _change(f"parties.{role}.uscc", a.uscc, b.uscc)
        yield from _change(f"parties.{role}.id", a.id, b.id, schemes.registered)
        yield from _change(f"parties.{role}.unit", a.unit, b.unit)


def _dates_and_term(old: Agreement, new: Agreement) -> Iterator[Change]:
    for key in ("effective", "terminated"):
        yield from _change(
            f"dates.{key}", getattr(old.dates, key), getattr(new.dates, key), fmt.date
        )
    yield from _change("kind", old.kind, new.kind)
    yield from _source(old, new)
    if old.term is None or new.term is None:
        yield from _change("term", old.term, new.term, show.term)
        return
    yield from _change("term.months", old.term.months, new.term.months, show.months)
    a, b = old.term.auto_renew, new.term.auto_renew
    if (a is None) != (b is None):
        yield from _change("term.auto_renew", a, b, show.renewal)
    elif a is not None and b is not None:
        yield from _change("term.auto_renew.months", a.months, b.months, show.months)
        yield from _change(
            "term.auto_renew.objection_days",
            a.objection_days,
            b.objection_days,
            show.days,
            direction=_ordered(a.objection_days, b.objection_days, STRICTER),
        )


def _source(old: Agreement, new: Agreement) -> Iterator[Change]:
    """A published agreement's source: a new "last updated" is the provider's new version;
    a shorter amendment notice is looser on the provider."""
    a, b = old.source, new.source
    yield from _change("source.title", a and a.title, b and b.title, material=False)
    yield from _change("source.url", a and a.url, b and b.url, material=False)
    yield from _change("source.updated", a and a.updated, b and b.updated, fmt.date)
    x, y = old.amendment_notice_days, new.amendment_notice_days
    yield from _change("amendment_notice_days", x, y, show.days, direction=_ordered(x, y, STRICTER))


def _scope(old: Agreement, new: Agreement) -> Iterator[Change]:
    for side, added in (("included", STRICTER), ("excluded", LOOSER)):
        before = {item.id: item.text for item in getattr(old.scope, side)}
        after = {item.id: item.text for item in getattr(new.scope, side)}
        removed = LOOSER if added == STRICTER else STRICTER
        for key in _union(before, after):
            direction = added if key not in before else removed if key not in after else None
            yield from _change(
                f"scope.{side}[{key}]",
                before.get(key),
                after.get(key),
                direction=direction,
                name=label(f"scope.{side}", key),
            )


def _hours(old: Agreement, new: Agreement) -> Iterator[Change]:
    yield from _change("calendar", old.calendar, new.calendar, show.calendar)
    a, b = show.weekly_minutes(old.service_hours), show.weekly_minutes(new.service_hours)
    yield from _change(
        "service_hours",
        old.service_hours,
        new.service_hours,
        show.service_hours,
        direction=_ordered(a, b, STRICTER),
    )


def _availability(old: Agreement, new: Agreement) -> Iterator[Change]:
    yield from tier_changes(old, new)


def _priorities(old: Agreement, new: Agreement) -> Iterator[Change]:
    before = {p.level: p for p in old.slos.priorities}
    after = {p.level: p for p in new.slos.priorities}
    for level in _union(before, after):
        a, b = before.get(level), after.get(level)
        if a is None or b is None:
            direction = STRICTER if a is None else LOOSER
            yield from _change(
                f"slos.priorities[{level}]",
                a,
                b,
                show.priority,
                direction=direction,
                name=label("slos.priorities", level),
            )
            continue
        for key in TARGETS:
            yield from _target(old, new, level, key, a.target(key), b.target(key))
        for text in ("name", "definition"):
            yield from _change(
                f"slos.priorities[{level}].{text}",
                getattr(a, text),
                getattr(b, text),
                name=label(f"slos.priorities.{text}", level),
            )
    kept = [level for level in before if level in after]
    yield from _change(
        "slos.priorities.order", kept, [level for level in after if level in before], show.ids
    )


def _target(
    old: Agreement, new: Agreement, level: str, key: str, a: Target | None, b: Target | None
) -> Iterator[Change]:
    """A target added is stricter, removed looser; otherwise each of its parts on its own:
    a longer limit, a lower attainment, a move from calendar time to service hours are
    looser (a limit in working days is ordered against one in hours only where the answer
    holds for every start day)."""
    path, name = f"slos.priorities[{level}].{key}", label(f"slos.priorities.{key}", level)
    if a is None or b is None:
        direction = STRICTER if a is None else LOOSER
        yield from _change(path, a, b, show.target, direction=direction, name=name)
        return
    yield from _change(
        path,
        a.within,
        b.within,
        fmt.duration,
        direction=_ordered(a.within, b.within, LOOSER),  # None: 2d against 1wd, not ordered
        name=name,
    )
    yield from _change(
        f"{path}.attainment",
        a.share,
        b.share,
        fmt.percent,
        direction=_ordered(a.share, b.share, STRICTER),
        name=label(f"slos.priorities.{key}.attainment", level),
    )
    if clock_of(a, old) == clock_of(b, new) == "calendar":
        return  # round the clock on both sides: the service hours are 7×24
    clocks = ["calendar", "service_hours"]
    x, y = a.clock, b.clock  # a change of the service hours themselves is its own change
    yield from _change(
        f"{path}.clock",
        x,
        y,
        fmt.term_word,
        direction=_ordered(clocks.index(x), clocks.index(y), LOOSER),
        name=label(f"slos.priorities.{key}.clock", level),
    )


def _matrix(old: Agreement, new: Agreement) -> Iterator[Change]:
    """Cells by (impact, urgency): a cell moved to a more severe level is stricter."""
    before, after = show.matrix_cells(old.slos.matrix), show.matrix_cells(new.slos.matrix)
    order = [p.level for p in new.slos.priorities]
    for cell in _union(before, after):
        a, b = before.get(cell), after.get(cell)
        direction = (
            _ordered(order.index(a), order.index(b), LOOSER) if a in order and b in order else None
        )
        yield from _change(
            f"slos.matrix[{cell[0]}][{cell[1]}]",
            a,
            b,
            direction=direction,
            name=label("slos.matrix", f"{cell[0]} × {cell[1]}"),
        )


def _measurement(old: Agreement, new: Agreement) -> Iterator[Change]:
    a, b = old.measurement, new.measurement
    periods, reports = ["month", "quarter"], ["weekly", "monthly", "quarterly"]
    yield from _change(
        "measurement.period",
        a.period,
        b.period,
        fmt.term_word,
        direction=_ordered(periods.index(a.period), periods.index(b.period), LOOSER),
    )

    def rank(report: str | None) -> int:  # no report at all is the loosest
        return reports.index(report) if report else len(reports)

    yield from _change(
        "measurement.report",
        a.report,
        b.report,
        fmt.term_word,
        direction=_ordered(rank(a.report), rank(b.report), LOOSER),
    )
    yield from _change(
        "measurement.report_due_days",
        a.report_due_days,
        b.report_due_days,
        show.working_days,
        direction=_ordered(a.report_due_days, b.report_due_days, LOOSER),
    )
    yield from text_changes("measurement.sources", a.sources, b.sources, None)
    levels = ([p.level for p in old.slos.priorities], [p.level for p in new.slos.priorities])
    yield from _change(
        "measurement.pass_criteria",
        a.pass_criteria,
        b.pass_criteria,
        direction=criteria.direction(a.pass_criteria, b.pass_criteria, *levels),
    )


_PER_YEAR = {"month": 12, "quarter": 4, "year": 1}


def _fee_direction(a: Fee | None, b: Fee | None) -> Direction:
    """A higher fee a year is looser; fees in two currencies have no direction (no rate of
    exchange is agreed), and 80,000 a month is not less than 900,000 a year."""
    if a is None or b is None or a.currency != b.currency:
        return None
    return _ordered(a.amount * _PER_YEAR[a.per], b.amount * _PER_YEAR[b.per], LOOSER)


def _money(old: Agreement, new: Agreement) -> Iterator[Change]:
    a, b = old.fees, new.fees
    yield from _change(
        "fees",
        a,
        b,
        show.fee,
        direction=_fee_direction(a, b),
    )
    yield from credit_changes(old, new)
    yield from schedule_changes(old, new)


def _reviewed(review: Review | None) -> tuple[list[Bilingual], list[ReviewRecord]]:
    """Participants and records; none when the agreement holds no reviews."""
    return (review.participants, review.records) if review else ([], [])


def _duties(old: Agreement, new: Agreement) -> Iterator[Change]:
    duties = old.obligations, new.obligations
    yield from text_changes(
        "obligations.provider", duties[0].provider, duties[1].provider, STRICTER, owner="provider"
    )
    yield from text_changes(
        "obligations.customer", duties[0].customer, duties[1].customer, LOOSER, owner="customer"
    )
    cadences = ["monthly", "quarterly", "half_yearly", "yearly"]
    a = old.review.cadence if old.review else None
    b = new.review.cadence if new.review else None

    def rank(cadence: str | None) -> int:  # no reviews at all is the loosest
        return cadences.index(cadence) if cadence else len(cadences)

    yield from _change(
        "review.cadence", a, b, fmt.term_word, direction=_ordered(rank(a), rank(b), LOOSER)
    )
    yield from _revision(old, new)
    before, after = _reviewed(old.review), _reviewed(new.review)
    for path, x, y in (
        ("contacts", old.contacts, new.contacts),
        ("signatories", old.signatories or [], new.signatories or []),
        ("review.participants", before[0], after[0]),
    ):
        yield from text_changes(
            path, [show.role(i) for i in x], [show.role(i) for i in y], None, material=False
        )
    yield from text_changes(
        "review.records",
        [show.record(r) for r in before[1]],
        [show.record(r) for r in after[1]],
        None,
        material=False,
    )


def _revision(old: Agreement, new: Agreement) -> Iterator[Change]:
    """The review minutes' deadline, the revision triggers and how long records are kept. A
    shorter deadline for the provider's minutes, and revision after fewer failed periods,
    are stricter on the provider; the other triggers bind both parties alike."""
    a = old.review.minutes_within if old.review else None
    b = new.review.minutes_within if new.review else None
    yield from _change(
        "review.minutes_within", a, b, fmt.duration, direction=_ordered(a, b, LOOSER)
    )
    before, after = old.revision, new.revision
    for key, writes in (
        ("volume_change", fmt.percent),
        ("missed_periods", lambda value, lang: str(value)),
        ("new_services", show.flag),
        ("meeting_within", fmt.duration),
    ):
        x = getattr(before, key) if before else None
        y = getattr(after, key) if after else None
        direction = _ordered(x, y, LOOSER) if key == "missed_periods" else None
        yield from _change(f"revision.{key}", x, y, writes, direction=direction)
    yield from _change("retention_years", old.retention_years, new.retention_years)


def _general(old: Agreement, new: Agreement) -> Iterator[Change]:
    """The master agreement, liability cap, governing law and disputes, as the page's card
    says them (the language arrangement is compared field by field in `_languages`)."""
    before, after = _facts(old), _facts(new)
    cap = cap_direction(old.liability_cap, new.liability_cap)
    for key in _union(before, after):
        if key != "languages":
            direction = cap if key == "liability_cap" else None
            yield from _change(key, before.get(key), after.get(key), direction=direction)


def _facts(agreement: Agreement) -> dict[str, Bilingual]:
    zh, en = general_facts(agreement, "zh"), general_facts(agreement, "en")
    return {key: Bilingual(zh=a, en=b) for (key, a), (_, b) in zip(zh, en, strict=True)}


def _own_clauses(old: Agreement, new: Agreement) -> Iterator[Change]:
    before = {c.id: c for c in old.clauses if isinstance(c, ExtraClause)}
    after = {c.id: c for c in new.clauses if isinstance(c, ExtraClause)}
    for key in _union(before, after):
        a, b = before.get(key), after.get(key)
        yield from _change(
            f"clauses[{key}]", a and a.text, b and b.text, name=label("clauses", key)
        )
    replaced_before = {c.replace: c for c in old.clauses if isinstance(c, ReplacedClause)}
    replaced_after = {c.replace: c for c in new.clauses if isinstance(c, ReplacedClause)}
    for key in _union(replaced_before, replaced_after):
        was, now = replaced_before.get(key), replaced_after.get(key)
        yield from _change(
            f"clauses[replace={key}]",
            was and was.text,
            now and now.text,
            name=label("clauses.replace", key),
        )
    yield from _change(
        "omit_sections", sorted(old.omit_sections), sorted(new.omit_sections), show.ids
    )


_COMPARISONS = (
    _basics,
    _dates_and_term,
    _scope,
    _hours,
    _availability,
    _priorities,
    _matrix,
    continuity_changes,
    _measurement,
    _money,
    _duties,
    data_changes,
    _general,
    remedy_changes,
    _own_clauses,
)


# Matching and formatting helpers.


def _union(before: dict[Any, Any], after: dict[Any, Any]) -> list[Any]:
    """Keys of both, in the order they appear: old ones first, then new ones."""
    return list(dict.fromkeys([*before, *after]))
