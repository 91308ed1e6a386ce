"""Term changes of availability tiers and credits.

Tiers are matched by id (a single tier with a single tier). A credit schedule is compared
as a step function of attained availability, not band by band: for every level between
two thresholds of either version, the credit before and the credit after. Moving the 10%
band from 99.95 to 99.99 was a "removed band" (looser) and an "added band" (stricter);
as a function it is 0% → 10% for availability in [99.95, 99.99), stricter, and nothing
else. When some levels got stricter and others looser, the schedule is also reported
once as a whole, `mixed`.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sitegen.compose import fmt
from sitegen.compose.contract import Lang, Text
from sitegen.compose.vocabulary import CAUSE_NAMES
from sitegen.diff import show
from sitegen.diff.change import LOOSER, MIXED, STRICTER, Change, Direction, change, ordered
from sitegen.diff.labels import label
from sitegen.diff.pairing import text_changes
from sitegen.load.credit_terms import Claim, CreditBand, Credits
from sitegen.load.model import Agreement
from sitegen.load.terms import format_percent
from sitegen.load.tiers import WINDOW_ORDER, Maintenance, Tier

Pair = tuple[str, Tier | None, Tier | None]


def _pairs(old: Agreement, new: Agreement) -> list[Pair]:
    """The tiers of both versions, matched by id; a single tier without an id is matched
    with the first tier of a list (the list grew out of it), a single tier with another."""
    a, b = old.slos.tiers, new.slos.tiers
    if len(a) <= 1 and len(b) <= 1:
        return [("", a[0] if a else None, b[0] if b else None)] if a or b else []
    before = {tier.key: tier for tier in a}
    after = {tier.key: tier for tier in b}
    if len(a) == 1 and a[0].id is None:
        before = {b[0].key: a[0]}
    if len(b) == 1 and b[0].id is None:
        after = {a[0].key: b[0]}
    return [(key, before.get(key), after.get(key)) for key in dict.fromkeys([*before, *after])]


def _prefix(key: str) -> str:
    return f"slos.availability[{key}]" if key else "slos.availability"


def _named(text: Text, key: str, *tiers: Tier | None) -> Text:
    """A tier's term named by what the tier covers (its scope, as the contract names it;
    the newer version's first), its id only when it has no scope."""
    if not key:
        return text
    scope = next((t.scope for t in reversed(tiers) if t is not None and t.scope), None)
    zh, en = (scope.zh, scope.en) if scope else (key, key)
    return Text(f"{zh}：{text.zh}", f"{en}: {text.en}")


def tier_changes(old: Agreement, new: Agreement) -> Iterator[Change]:
    for key, a, b in _pairs(old, new):
        path = _prefix(key)
        if a is None or b is None:
            yield from change(
                f"{path}.target",
                a and a.target,
                b and b.target,
                fmt.percent,
                direction=STRICTER if a is None else LOOSER,
                name=_named(label("slos.availability.target"), key, a, b),
            )
            continue
        yield from _tier(path, key, a, b)


def _tier(path: str, key: str, a: Tier, b: Tier) -> Iterator[Change]:
    yield from change(
        f"{path}.scope", a.scope, b.scope, name=_named(label("slos.availability.scope"), key, a, b)
    )
    yield from change(
        f"{path}.target",
        a.target,
        b.target,
        fmt.percent,
        direction=ordered(a.target, b.target, STRICTER),
        name=_named(label("slos.availability.target"), key, a, b),
    )
    yield from change(
        f"{path}.window",
        a.window,
        b.window,
        fmt.term_word,
        direction=ordered(WINDOW_ORDER.index(a.window), WINDOW_ORDER.index(b.window), LOOSER),
        name=_named(label("slos.availability.window"), key, a, b),
    )
    yield from change(
        f"{path}.downtime", a.downtime, b.downtime, show.downtime,
        name=_named(label("slos.availability.downtime"), key, a, b),
    )  # fmt: skip
    yield from _causes(path, key, a, b)
    name = _named(label("slos.availability.exclusions"), key, a, b)
    yield from text_changes(f"{path}.exclusions", a.exclusions, b.exclusions, LOOSER, name=name)


def _causes(path: str, key: str, a: Tier, b: Tier) -> Iterator[Change]:
    """A cause excluded is looser on the provider (less time is downtime), one no longer
    excluded stricter. A longer maintenance notice is stricter (the provider must plan
    further ahead for its maintenance to be excluded), a notice added from none stricter;
    a higher monthly cap is looser (more maintenance excluded), a cap added stricter."""
    name = _named(label("slos.availability.excluded"), key, a, b)
    for cause in a.excluded:
        if cause not in b.excluded:
            yield from change(f"{path}.excluded", cause, None, _cause, direction=STRICTER,
                              name=name)  # fmt: skip
    for cause in b.excluded:
        if cause not in a.excluded:
            yield from change(f"{path}.excluded", None, cause, _cause, direction=LOOSER,
                              name=name)  # fmt: skip
    if "maintenance" not in a.excluded or "maintenance" not in b.excluded:
        return  # the cause itself changed: said above
    x, y = a.maintenance or Maintenance(), b.maintenance or Maintenance()
    yield from change(
        f"{path}.maintenance.notice", x.notice, y.notice, fmt.duration,
        direction=_presence(x.notice, y.notice, STRICTER)
        or ordered(x.notice, y.notice, STRICTER),
        name=_named(label("slos.availability.maintenance.notice"), key, a, b),
    )  # fmt: skip
    yield from change(
        f"{path}.maintenance.cap", x.cap, y.cap, fmt.duration,
        direction=_presence(x.cap, y.cap, STRICTER) or ordered(x.cap, y.cap, LOOSER),
        name=_named(label("slos.availability.maintenance.cap"), key, a, b),
    )  # fmt: skip


def _cause(cause: str, lang: Lang) -> str:
    return CAUSE_NAMES(cause, lang)


def _presence(before: object, after: object, added: Direction) -> Direction:
    """The direction of a term added (`added`) or removed (the other); None otherwise."""
    if (before is None) == (after is None):
        return None
    return added if before is None else (LOOSER if added == STRICTER else STRICTER)


def _bands(agreement: Agreement, tier: Tier) -> list[CreditBand]:
    if tier.credits is not None:
        return tier.credits.bands
    credits = agreement.credits
    return list(credits.bands or []) if credits is not None else []


def credit_at(bands: list[CreditBand], level: Decimal) -> Decimal:
    """The credit due at an attained availability: the highest band whose `below` it is under."""
    return max((band.percent for band in bands if level < band.below), default=Decimal(0))


def _levels(x: list[CreditBand], y: list[CreditBand]) -> list[tuple[Decimal, Decimal]]:
    """Each level as (upper threshold, a representative availability inside it)."""
    tops = sorted({band.below for band in [*x, *y]}, reverse=True)
    floors = [*tops[1:], Decimal(0)]
    return list(zip(tops, floors, strict=True))


def schedule_changes(old: Agreement, new: Agreement) -> Iterator[Change]:
    """For each tier in both versions, every level whose credit differs."""
    if old.credits is None or new.credits is None:
        return
    for key, a, b in _pairs(old, new):
        if a is None or b is None:
            continue
        x, y = _bands(old, a), _bands(new, b)
        found = list(_level_changes(key, x, y, (a, b)))
        yield from found
        directions = {c.direction for c in found}
        if {STRICTER, LOOSER} <= directions:
            path = f"{_prefix(key)}.credits" if key else "credits.bands"
            yield from change(
                path, x, y, show.bands, direction=MIXED,
                name=_named(label("credits.schedule"), key, a, b),
            )  # fmt: skip


def _level_changes(
    key: str, x: list[CreditBand], y: list[CreditBand], tiers: tuple[Tier, Tier]
) -> Iterator[Change]:
    base = f"{_prefix(key)}.credits.bands" if key else "credits.bands"
    for top, floor in _levels(x, y):
        p, q = credit_at(x, floor), credit_at(y, floor)
        name = label("credits.bands", fmt.percent(top, "zh"), fmt.percent(top, "en"))
        yield from change(
            f"{base}[{format_percent(top)}]",
            p,
            q,
            fmt.percent,
            direction=ordered(p, q, STRICTER),
            name=_named(name, key, *tiers),
        )


def credit_changes(old: Agreement, new: Agreement) -> Iterator[Change]:
    x, y = old.credits, new.credits
    if x is None or y is None:
        yield from change(
            "credits", x, y, show.credits, direction=STRICTER if x is None else LOOSER
        )
        return
    yield from change("credits.basis", x.basis, y.basis, show.basis)
    yield from change("credits.fixed", x.fixed, y.fixed, show.money)
    yield from _cap(x, y)
    yield from change("credits.minimum", x.minimum, y.minimum, show.money,
                      direction=_ordered_money(x, y))  # fmt: skip
    yield from change("credits.form", x.form, y.form, show.form)
    yield from change(
        "credits.cash", x.cash, y.cash, show.cash, direction=_ordered_flag(x.cash, y.cash)
    )
    yield from change("credits.cash_within", x.cash_within, y.cash_within, fmt.duration,
                      direction=ordered(x.cash_within, y.cash_within, LOOSER))  # fmt: skip
    yield from _claim(x.claim, y.claim)


def _cap(x: Credits, y: Credits) -> Iterator[Change]:
    a, b = x.cap, y.cap
    if a is None or b is None:
        # A cap added limits the credits (looser on the provider); a cap removed lifts it.
        direction: Direction = None if a == b else LOOSER if a is None else STRICTER
        yield from change("credits.cap", a, b, show.cap, direction=direction)
        return
    yield from change(
        "credits.cap",
        a,
        b,
        show.cap,
        direction=ordered(a.percent, b.percent, STRICTER) if a.of == b.of else None,
    )


def _ordered_money(x: Credits, y: Credits) -> Direction:
    a, b = x.minimum, y.minimum
    if a is None or b is None or a.currency != b.currency:
        return None if a == b else LOOSER if a is None else STRICTER
    return ordered(a.amount, b.amount, LOOSER)


def _ordered_flag(a: bool | None, b: bool | None) -> Direction:
    if a is b:
        return None
    return STRICTER if b else LOOSER if a else None


def _claim(a: Claim | None, b: Claim | None) -> Iterator[Change]:
    """The window, the channel and each piece of evidence, each a change of its own: the
    window's label shows the window only, so a new piece of evidence compared as part of the
    claim read "within 60 days → within 60 days"."""
    if a is None or b is None:
        yield from change("credits.claim", a, b, show.claim)
        return
    window = _window(a), _window(b)
    if (a.within is None) != (b.within is None):
        yield from change("credits.claim", *window, show.claim)
    else:
        longer = (
            ordered(a.within, b.within, STRICTER)
            if a.within
            else ordered(a.cycles, b.cycles, STRICTER)
        )
        direction = longer if a.anchor == b.anchor else None
        yield from change("credits.claim", *window, show.claim, direction=direction)
    yield from change("credits.claim.channel", a.channel, b.channel, show.channel)
    # More the customer must give with a claim is looser on the provider; less, stricter.
    for item in a.evidence:
        if item not in b.evidence:
            yield from change("credits.claim.evidence", item, None, direction=STRICTER)
    for item in b.evidence:
        if item not in a.evidence:
            yield from change("credits.claim.evidence", None, item, direction=LOOSER)


def _window(claim: Claim) -> Claim:
    """The claim's window alone: how long, counted from what."""
    return claim.model_copy(update={"channel": None, "evidence": []})
