"""Term changes between two versions of an agreement, field by field.

Each change carries readable values in both languages, whether it is material, and for
service levels, credits, term, renewal and scope its direction: `stricter` on the provider
(better for the customer) or `looser`. Changes a customer must look at are marked for
attention. Lists are matched by identity (priority level, scope id, credit band), never by
position.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sitegen.compose import fmt
from sitegen.compose.contract import Lang, Text
from sitegen.diff import show
from sitegen.diff.labels import label
from sitegen.load.model import Agreement, Bilingual

Direction = Literal["stricter", "looser"] | None
STRICTER: Direction = "stricter"
LOOSER: Direction = "looser"


@dataclass(frozen=True, slots=True)
class Change:
    path: str  # slos.priorities[P1].response
    label: Text  # P1 响应时间 / P1 response time
    before: Text | None  # None: added
    after: Text | None  # None: removed
    material: bool
    direction: Direction = None

    @property
    def attention(self) -> bool:
        """Looser on the provider in a material term: shown first, flagged."""
        return self.material and self.direction == LOOSER

    @property
    def kind(self) -> str:
        return "added" if self.before is None else "removed" if self.after is None else "changed"


Formatter = Callable[[Any, Lang], str]


def _text(value: Any, lang: Lang) -> str:
    if isinstance(value, Bilingual):
        return value.get(lang)
    return str(value)


def _both(value: Any, show: Formatter) -> Text | None:
    return None if value is None else Text(show(value, "zh"), show(value, "en"))


def _change(
    path: str,
    before: Any,
    after: Any,
    show: Formatter = _text,
    *,
    material: bool = True,
    direction: Direction = None,
    name: Text | None = None,
) -> Iterator[Change]:
    if before != after:
        yield Change(
            path,
            name or label(path),
            _both(before, show),
            _both(after, show),
            material,
            direction,
        )


def _ordered(before: Any, after: Any, higher: Direction) -> Direction:
    """The direction of a move between two comparable values; `higher` says what up means."""
    if before is None or after is None or before == after:
        return None
    other = LOOSER if higher == STRICTER else STRICTER
    if after > before:
        return higher
    return other if after < before else None  # not comparable: 1d against 1wd


def diff_terms(old: Agreement, new: Agreement) -> list[Change]:
    """Every term change from old to new, attention-worthy ones first, then in file order."""
    changes: list[Change] = []
    for compare in _COMPARISONS:
        changes.extend(compare(old, new))
    return sorted(changes, key=lambda c: not c.attention)


def _basics(old: Agreement, new: Agreement) -> Iterator[Change]:
    yield from _change("title", old.title, new.title, material=False)
    yield from _change("template", old.template, new.template)
    yield from _change("prevailing_language", old.prevailing_language, new.prevailing_language)
    yield from _change("visibility", old.visibility, new.visibility, material=False)
    for role in ("customer", "provider"):
        a, b = getattr(old.parties, role), getattr(new.parties, role)
        yield from _change(f"parties.{role}.name", a.name, b.name)
        yield from _change(f"parties.{role}.uscc", a.uscc, b.uscc)
        yield from _change(f"parties.{role}.unit", a.unit, b.unit)


def _dates_and_term(old: Agreement, new: Agreement) -> Iterator[Change]:
    for key in ("effective", "terminated"):
        yield from _change(
            f"dates.{key}", getattr(old.dates, key), getattr(new.dates, key), fmt.date
        )
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
    a, b = old.slos.availability, new.slos.availability
    if a is None or b is None:
        yield from _change(
            "slos.availability.target",
            a and a.target,
            b and b.target,
            fmt.percent,
            direction=STRICTER if a is None else LOOSER,
        )
        return
    yield from _change(
        "slos.availability.target",
        a.target,
        b.target,
        fmt.percent,
        direction=_ordered(a.target, b.target, STRICTER),
    )
    windows = ["calendar_month", "calendar_quarter", "calendar_year"]
    yield from _change(
        "slos.availability.window",
        a.window,
        b.window,
        fmt.term_word,
        direction=_ordered(windows.index(a.window), windows.index(b.window), LOOSER),
    )
    yield from _texts("slos.availability.exclusions", a.exclusions, b.exclusions, LOOSER)


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
        for key in ("response", "resolution"):
            x, y = getattr(a, key), getattr(b, key)
            yield from _change(
                f"slos.priorities[{level}].{key}",
                x,
                y,
                fmt.duration,
                direction=_ordered(x, y, LOOSER),
                name=label(f"slos.priorities.{key}", level),
            )
        for key in ("name", "definition"):
            yield from _change(
                f"slos.priorities[{level}].{key}",
                getattr(a, key),
                getattr(b, key),
                name=label(f"slos.priorities.{key}", level),
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
    yield from _change(
        "measurement.report",
        a.report,
        b.report,
        fmt.term_word,
        direction=_ordered(reports.index(a.report), reports.index(b.report), LOOSER),
    )
    yield from _change(
        "measurement.report_due_days",
        a.report_due_days,
        b.report_due_days,
        show.working_days,
        direction=_ordered(a.report_due_days, b.report_due_days, LOOSER),
    )
    yield from _texts("measurement.sources", a.sources, b.sources, None)
    yield from _change("measurement.pass_criteria", a.pass_criteria, b.pass_criteria)


def _money(old: Agreement, new: Agreement) -> Iterator[Change]:
    a, b = old.fees, new.fees
    yield from _change(
        "fees",
        a,
        b,
        show.fee,
        direction=_ordered(a and a.amount, b and b.amount, LOOSER) if a and b else None,
    )
    x, y = old.credits, new.credits
    if x is None or y is None:
        yield from _change(
            "credits", x, y, show.credits, direction=STRICTER if x is None else LOOSER
        )
        return
    yield from _change(
        "credits.cap_percent",
        x.cap_percent,
        y.cap_percent,
        fmt.percent,
        direction=_ordered(x.cap_percent, y.cap_percent, STRICTER),
    )
    yield from _change(
        "credits.claim_days",
        x.claim_days,
        y.claim_days,
        show.days,
        direction=_ordered(x.claim_days, y.claim_days, STRICTER),
    )
    before = {band.below: band.percent for band in x.bands}
    after = {band.below: band.percent for band in y.bands}
    for below in _union(before, after):
        p, q = before.get(below), after.get(below)
        direction = STRICTER if p is None else LOOSER if q is None else _ordered(p, q, STRICTER)
        yield from _change(
            f"credits.bands[{below}]",
            p,
            q,
            fmt.percent,
            direction=direction,
            name=label("credits.bands", fmt.percent(below, "zh"), fmt.percent(below, "en")),
        )


def _duties(old: Agreement, new: Agreement) -> Iterator[Change]:
    yield from _texts(
        "obligations.provider", old.obligations.provider, new.obligations.provider, STRICTER
    )
    yield from _texts(
        "obligations.customer", old.obligations.customer, new.obligations.customer, LOOSER
    )
    cadences = ["monthly", "quarterly", "half_yearly", "yearly"]
    a, b = old.review.cadence, new.review.cadence
    yield from _change(
        "review.cadence",
        a,
        b,
        fmt.term_word,
        direction=_ordered(cadences.index(a), cadences.index(b), LOOSER),
    )
    for path, x, y in (
        ("contacts", old.contacts, new.contacts),
        ("signatories", old.signatories, new.signatories),
        ("review.participants", old.review.participants, new.review.participants),
    ):
        yield from _texts(
            path, [show.role(i) for i in x], [show.role(i) for i in y], None, material=False
        )
    yield from _texts(
        "review.records",
        [show.record(r) for r in old.review.records],
        [show.record(r) for r in new.review.records],
        None,
        material=False,
    )


def _own_clauses(old: Agreement, new: Agreement) -> Iterator[Change]:
    before = {c.id: c for c in old.clauses}
    after = {c.id: c for c in new.clauses}
    for key in _union(before, after):
        a, b = before.get(key), after.get(key)
        yield from _change(
            f"clauses[{key}]", a and a.text, b and b.text, name=label("clauses", key)
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
    _measurement,
    _money,
    _duties,
    _own_clauses,
)


# Matching and formatting helpers.


def _union(before: dict[Any, Any], after: dict[Any, Any]) -> list[Any]:
    """Keys of both, in the order they appear: old ones first, then new ones."""
    return list(dict.fromkeys([*before, *after]))


def _texts(
    path: str,
    before: Sequence[Bilingual],
    after: Sequence[Bilingual],
    added: Direction,
    *,
    material: bool = True,
) -> Iterator[Change]:
    """Lists without ids: an item is the same when its text is; changed text is a swap."""
    removed = None if added is None else LOOSER if added == STRICTER else STRICTER
    for item in before:
        if item not in after:
            yield from _change(path, item, None, material=material, direction=removed)
    for item in after:
        if item not in before:
            yield from _change(path, None, item, material=material, direction=added)
