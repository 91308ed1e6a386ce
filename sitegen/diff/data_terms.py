"""Changes of the continuity, data and liability terms, each with its direction on the
provider (issue 16): a shorter RPO, RTO, breach notice, return or deletion is stricter, as a
shorter response time is; longer confidentiality and a longer backup retention are
stricter; data allowed into one more region, or cross-border transfer allowed where it was
not, is looser; an exclusion removed from the cap is looser; credits becoming the sole
remedy are looser; termination after fewer failed periods, or out of more, is stricter.

A term added where the agreement said nothing is a new commitment (stricter), a term removed
one given up (looser), except where silence is no weaker than the term (a region list, a
confidentiality length): there a person judges (no direction). Continuity entries are
matched by what they cover (services, tier, or all), never by position.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sitegen.compose import fmt
from sitegen.compose.contract import Lang, Text
from sitegen.compose.resilience_view import every
from sitegen.compose.vocabulary import CROSS_BORDER_NAMES, EXCLUSION_NAMES, TERM_WORDS, country_name
from sitegen.diff.change import LOOSER, STRICTER, Change, Direction, change, ordered
from sitegen.diff.labels import label
from sitegen.diff.pairing import text_changes
from sitegen.diff.show import days, flag, periods, years
from sitegen.load.continuity import Continuity
from sitegen.load.data_terms import CROSS_BORDER, DataTerms
from sitegen.load.model import Agreement, LiabilityCap
from sitegen.load.remedies import Remedies

__all__ = ["cap_direction", "continuity_changes", "data_changes", "remedy_changes"]

_CADENCES = ["monthly", "quarterly", "half_yearly", "yearly"]


def _limit(before: Any, after: Any, higher: Direction) -> Direction:
    """A limit added is a new commitment (stricter), removed one given up (looser);
    otherwise ordered, `higher` saying what a larger value means."""
    if before is None and after is not None:
        return STRICTER
    if after is None and before is not None:
        return LOOSER
    return ordered(before, after, higher)


def _covered(entry: Continuity) -> tuple[str, str]:
    if entry.tier is not None:
        return f"等级 {entry.tier}", f"tier {entry.tier}"
    if entry.services:
        return ", ".join(entry.services), ", ".join(entry.services)
    return "全部服务", "all services"


def _entry(entry: Continuity, lang: Lang) -> str:
    parts = [
        f"{name} {fmt.duration(value, lang)}"
        for name, value in (("RPO", entry.rpo), ("RTO", entry.rto))
        if value is not None
    ]
    if entry.backup is not None:
        often = every(entry.backup.every, lang)  # as the contract says it: every hour
        parts.append(f"{often}备份" if lang == "zh" else f"backup {often}")
    if entry.drill is not None:
        cadence = TERM_WORDS(entry.drill.cadence, lang)
        parts.append(f"{cadence}演练" if lang == "zh" else f"drill {cadence}")
    return ("，" if lang == "zh" else ", ").join(parts)


def continuity_changes(old: Agreement, new: Agreement) -> Iterator[Change]:
    before = {e.key: e for e in old.continuity or ()}
    after = {e.key: e for e in new.continuity or ()}
    for key in dict.fromkeys([*before, *after]):
        a, b = before.get(key), after.get(key)
        zh, en = _covered(a or b)  # type: ignore[arg-type]
        path = f"continuity[{key or '*'}]"
        if a is None or b is None:
            direction = STRICTER if a is None else LOOSER
            yield from change(
                path, a, b, _entry, direction=direction, name=label("continuity", zh, en)
            )
            continue
        yield from _entry_changes(path, a, b, zh, en)


def _entry_changes(path: str, a: Continuity, b: Continuity, zh: str, en: str) -> Iterator[Change]:
    def named(key: str) -> Text:
        return label(f"continuity.{key}", zh, en)

    for key in ("rpo", "rto"):
        x, y = getattr(a, key), getattr(b, key)
        yield from change(
            f"{path}.{key}", x, y, fmt.duration, direction=_limit(x, y, LOOSER), name=named(key)
        )
    yield from change(f"{path}.rto_reason", a.rto_reason, b.rto_reason, name=named("rto_reason"))
    x_backup, y_backup = a.backup, b.backup
    for key, higher in (("every", LOOSER), ("retained", STRICTER)):
        x = getattr(x_backup, key) if x_backup else None
        y = getattr(y_backup, key) if y_backup else None
        yield from change(
            f"{path}.backup.{key}",
            x,
            y,
            fmt.duration,
            direction=_limit(x, y, higher),
            name=named(f"backup.{key}"),
        )
    yield from change(
        f"{path}.backup.location",
        x_backup.location if x_backup else None,
        y_backup.location if y_backup else None,
        name=named("backup.location"),
    )
    x_drill = a.drill.cadence if a.drill else None
    y_drill = b.drill.cadence if b.drill else None

    def rank(cadence: str | None) -> int:  # no drill at all is the loosest
        return _CADENCES.index(cadence) if cadence else len(_CADENCES)

    yield from change(
        f"{path}.drill.cadence",
        x_drill,
        y_drill,
        TERM_WORDS,
        direction=ordered(rank(x_drill), rank(y_drill), LOOSER),
        name=named("drill.cadence"),
    )
    yield from change(
        f"{path}.drill.scenario",
        a.drill.scenario if a.drill else None,
        b.drill.scenario if b.drill else None,
        name=named("drill.scenario"),
    )


def _regions(regions: list[str], lang: Lang) -> str:
    return ("、" if lang == "zh" else ", ").join(country_name(r).get(lang) for r in regions)


def _region(region: str, lang: Lang) -> str:
    return country_name(region).get(lang)


def data_changes(old: Agreement, new: Agreement) -> Iterator[Change]:
    a, b = old.data or DataTerms(), new.data or DataTerms()
    for key in ("stored_in", "processed_in"):
        yield from _region_changes(key, getattr(a, key), getattr(b, key))
    yield from text_changes("data.categories", a.categories or [], b.categories or [], None)
    ranks = {value: index for index, value in enumerate(CROSS_BORDER)}
    x, y = a.cross_border, b.cross_border
    yield from change(
        "data.cross_border",
        x,
        y,
        CROSS_BORDER_NAMES,
        direction=ordered(ranks.get(x or "allowed"), ranks.get(y or "allowed"), STRICTER),
    )
    x_notice, y_notice = a.breach_notice, b.breach_notice
    x_within = x_notice.within if x_notice else None
    y_within = y_notice.within if y_notice else None
    yield from change(
        "data.breach_notice.within",
        x_within,
        y_within,
        fmt.duration,
        direction=_limit(x_within, y_within, LOOSER),
    )
    yield from change(
        "data.breach_notice.to",
        x_notice.to if x_notice else None,
        y_notice.to if y_notice else None,
    )
    for key in ("return_within", "deletion_within"):
        x, y = getattr(a, key), getattr(b, key)
        yield from change(f"data.{key}", x, y, fmt.duration, direction=_limit(x, y, LOOSER))
    yield from change(
        "data.confidential",
        a.confidential,
        b.confidential,
        flag,
        direction=ordered(a.confidential is True, b.confidential is True, STRICTER),
    )
    lasting = (a.confidentiality_years, b.confidentiality_years)
    yield from change(
        "data.confidentiality_years", *lasting, years, direction=ordered(*lasting, STRICTER)
    )


def _region_changes(
    key: str, before: list[str] | None, after: list[str] | None
) -> Iterator[Change]:
    """A region added is looser (the data may go there), one removed stricter; a list
    given or dropped as a whole against silence is for a person to judge."""
    path = f"data.{key}"
    if before is None or after is None:
        yield from change(path, before, after, _regions)
        return
    for region in dict.fromkeys([*before, *after]):
        x = region if region in before else None
        y = region if region in after else None
        direction = LOOSER if x is None else STRICTER if y is None else None
        yield from change(
            f"{path}[{region}]", x, y, _region, direction=direction, name=label(path, region)
        )


def cap_direction(before: LiabilityCap | None, after: LiabilityCap | None) -> Direction:
    """A cap on the provider's liability (its own or each party's): added is looser on it,
    removed stricter, raised stricter; a cap of another kind or currency, or another
    party's, is for a person to judge."""
    capped = ("provider", "each")
    x = before if before is not None and before.party in capped else None
    y = after if after is not None and after.party in capped else None
    if x is None or y is None:
        if before is None and y is not None:
            return LOOSER
        return STRICTER if after is None and x is not None else None
    if x.party != y.party:
        return None
    if x.months_of_fees is not None and y.months_of_fees is not None:
        return ordered(x.months_of_fees, y.months_of_fees, STRICTER)
    if x.amount is not None and y.amount is not None and x.currency == y.currency:
        return ordered(x.amount, y.amount, STRICTER)
    return None


def remedy_changes(old: Agreement, new: Agreement) -> Iterator[Change]:
    caps = (old.liability_cap, new.liability_cap)
    yield from _listed(
        "liability_cap.exclusions",
        caps[0].exclusions if caps[0] else None,
        caps[1].exclusions if caps[1] else None,
        judged=caps[0] is None or caps[1] is None,
    )
    a, b = old.remedies or Remedies.model_construct(), new.remedies or Remedies.model_construct()
    x, y = a.credits_sole_remedy, b.credits_sole_remedy
    yield from change(
        "remedies.credits_sole_remedy",
        x,
        y,
        flag,
        direction=ordered(x is True, y is True, LOOSER),
    )
    yield from _listed(
        "remedies.sole_remedy_except",
        a.sole_remedy_except,
        b.sole_remedy_except,
        judged=not (x is True and y is True),
    )
    yield from _termination(a, b)


def _listed(
    path: str, before: Sequence[str] | None, after: Sequence[str] | None, *, judged: bool
) -> Iterator[Change]:
    """Exclusions one by one: one added is stricter on the provider (its liability or
    remedies reach further), one removed looser. `judged`: the cap or the sole remedy
    itself came or went, and that change, not its exclusions, has the direction."""
    x, y = before or [], after or []
    for item in dict.fromkeys([*x, *y]):
        was = item if item in x else None
        now = item if item in y else None
        direction = None if judged else STRICTER if was is None else LOOSER if now is None else None
        yield from change(
            f"{path}[{item}]",
            was,
            now,
            EXCLUSION_NAMES,
            direction=direction,
            name=label(path, EXCLUSION_NAMES(item, "zh"), EXCLUSION_NAMES(item, "en")),
        )


def _termination(a: Remedies, b: Remedies) -> Iterator[Change]:
    x, y = a.termination, b.termination
    if x is None or y is None:
        direction = STRICTER if x is None else LOOSER
        yield from change("remedies.termination", x, y, _rule, direction=direction)
        return
    checks: tuple[tuple[str, Direction, Callable[[int, Lang], str]], ...] = (
        ("failed", LOOSER, periods),
        ("within", STRICTER, periods),
        ("notice_days", LOOSER, days),
    )
    for key, higher, shows in checks:
        u, v = getattr(x, key), getattr(y, key)
        yield from change(
            f"remedies.termination.{key}", u, v, shows, direction=ordered(u, v, higher)
        )


def _rule(rule: Any, lang: Lang) -> str:
    if lang == "zh":
        text = f"连续 {rule.within} 个统计周期内有 {rule.failed} 个未达标"
        return text if rule.notice_days is None else f"{text}，提前 {rule.notice_days} 日通知"
    text = f"{rule.failed} failed in {rule.within} measurement periods"
    return text if rule.notice_days is None else f"{text}, {rule.notice_days} days' notice"
