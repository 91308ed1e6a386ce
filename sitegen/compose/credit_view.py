"""The view of the credit terms: the bands of each tier, the basis, cap, smallest amount,
rounding, how credits are given and how they are claimed.

A term the agreement leaves out is None here, and the clause that would state it is left
out or says nothing of it: the contract states only what the data holds. Codes (`basis`,
`form`, `anchor`, `channel`, `cap_of`, `rounding`) are for the templates' conditions only.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal
from typing import Any

from sitegen.compose import fmt
from sitegen.compose.clauses import Plain
from sitegen.compose.contract import Lang
from sitegen.load.credit_terms import Claim, CreditBand, Credits
from sitegen.load.model import Agreement
from sitegen.load.values import Duration

ViewModel = dict[str, Any]
_ROUNDING = {"half_up": ROUND_HALF_UP, "down": ROUND_DOWN, "up": ROUND_UP}
_STEP = {"cent": Decimal("0.01"), "unit": Decimal("1")}


def credits_view(a: Agreement, lang: Lang, period_fee: Decimal | None) -> ViewModel | None:
    credits = a.credits
    if credits is None:
        return None
    base, currency = _base(credits, a, period_fee)

    mode, step = ROUND_HALF_UP, _STEP["cent"]
    if credits.rounding is not None:
        mode, step = _ROUNDING[credits.rounding.mode], _STEP[credits.rounding.to]

    def share(percent: Decimal) -> Plain | None:
        if base is None:
            return None
        value = (base * percent / 100).quantize(step, rounding=mode)
        return Plain(fmt.money(value, currency, lang))

    several = len(a.slos.tiers) > 1
    cap = credits.cap
    return {
        "basis": credits.basis,
        "fixed": _money(credits.fixed.amount, credits.fixed.currency, lang)
        if credits.fixed else None,
        "amounts": base is not None,
        "bands": [] if several else _rows(_bands_of(a, 0), share, lang),
        "tier_bands": _tier_rows(a, share, lang) if several else [],
        "cap": Plain(fmt.percent(cap.percent, lang)) if cap else None,
        "cap_of": cap.of if cap else None,
        "cap_amount": share(cap.percent) if cap and cap.of == credits.basis else None,
        "minimum": _money(credits.minimum.amount, credits.minimum.currency, lang)
        if credits.minimum else None,
        "rounding": credits.rounding.mode if credits.rounding else None,
        "rounding_to": credits.rounding.to if credits.rounding else None,
        "form": credits.form,
        "cash": credits.cash,
        "cash_within": _window(credits.cash_within, lang) if credits.cash_within else None,
        "claim": _claim(credits.claim, lang),
    }  # fmt: skip


def _base(credits: Credits, a: Agreement, fee: Decimal | None) -> tuple[Decimal | None, str]:
    """The amount a band's percent is of, when the agreement states it, and its currency."""
    if credits.basis == "fixed" and credits.fixed is not None:
        return credits.fixed.amount, credits.fixed.currency
    if credits.basis == "fee" and a.fees is not None:
        return fee, a.fees.currency
    return None, "CNY"


def _money(value: Decimal, currency: str, lang: Lang) -> Plain:
    return Plain(fmt.money(value, currency, lang))


def _bands_of(a: Agreement, index: int) -> list[CreditBand]:
    tier = a.slos.tiers[index]
    if tier.credits is not None:
        return tier.credits.bands
    return list(a.credits.bands or []) if a.credits else []


def _range(below: Decimal, floor: Decimal | None, lang: Lang) -> Plain:
    top = fmt.percent(below, lang)
    if floor is None:
        return Plain(f"低于 {top}" if lang == "zh" else f"below {top}")
    low = fmt.percent(floor, lang)
    return Plain(f"低于 {top} 且不低于 {low}" if lang == "zh" else f"below {top}, at least {low}")


def _rows(bands: list[CreditBand], share: Any, lang: Lang) -> list[ViewModel]:
    ordered = sorted(bands, key=lambda b: b.below, reverse=True)
    floors = [b.below for b in ordered[1:]] + [None]
    return [
        {
            "range": _range(b.below, floor, lang),
            "percent": Plain(fmt.percent(b.percent, lang)),
            "amount": share(b.percent),
        }
        for b, floor in zip(ordered, floors, strict=True)
    ]


def _tier_rows(a: Agreement, share: Any, lang: Lang) -> list[ViewModel]:
    rows = []
    for index, tier in enumerate(a.slos.tiers):
        scope = Plain(tier.scope.get(lang) if tier.scope else (tier.id or ""))
        for row in _rows(_bands_of(a, index), share, lang):
            rows.append({"tier": scope, **row})
    return rows


def _window(duration: Duration, lang: Lang) -> Plain:
    """30 日 / 30 days for whole days (as the contract always wrote them), else 4 小时."""
    days, rest = divmod(duration.minutes, 24 * 60)
    if not rest:
        return Plain(fmt.count(days, "日", "day", "days", lang))
    return Plain(fmt.duration(duration, lang))


def _claim(claim: Claim | None, lang: Lang) -> ViewModel | None:
    if claim is None:
        return None
    if claim.within is not None:
        window = _window(claim.within, lang)
    else:
        cycles = claim.cycles or 0
        window = Plain(fmt.count(cycles, "个计费周期", "billing cycle", "billing cycles", lang))
    return {
        "window": window,
        "anchor": claim.anchor,
        "channel": claim.channel,
        "evidence": [Plain(e.get(lang)) for e in claim.evidence],
    }
