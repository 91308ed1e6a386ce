"""The view of the general terms: the master agreement, the liability cap, governing law and
disputes. Each is optional data; the template's "General Provisions" clause for it is
printed only when the agreement holds it (`None` here leaves the clause out).

`general_facts` says the same terms in short, with the language arrangement, for the
agreement page's card and a diff: one source, so the card, the diff and the contract cannot
say different things.

Codes (`master.prevails`, `liability.party`, `disputes.kind`) are for conditions only and
cannot be printed; everything printed is a prepared `Plain`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from sitegen.compose import fmt
from sitegen.compose.clauses import Plain
from sitegen.compose.contract import Lang
from sitegen.compose.resilience_view import exclusions
from sitegen.compose.vocabulary import LANGUAGE_NAMES, TERM_FACTS
from sitegen.load.model import Agreement, Disputes, Languages, LiabilityCap, MasterAgreement

ViewModel = dict[str, object]
_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def general_view(a: Agreement, lang: Lang) -> ViewModel:
    return {
        "master": _master(a.master_agreement, lang),
        "liability": _liability(a, a.liability_cap, lang),
        "law": Plain(a.governing_law.get(lang)) if a.governing_law else None,
        "disputes": _disputes(a.disputes, lang),
    }


def _master(master: MasterAgreement | None, lang: Lang) -> ViewModel | None:
    if master is None:
        return None
    return {
        "title": Plain(master.title.get(lang)),
        "date": Plain(fmt.date(master.date, lang)),
        "prevails": master.prevails,
    }


def money_with_words(value: Decimal, currency: str, lang: Lang) -> str:
    """人民币 80,000.00 元（大写：人民币捌万元整） / RMB 80,000.00; 英镑 58,200.00 /
    GBP 58,200.00: the amount in words is written for the yuan only, naming it (capital
    numerals end in 元, which after another currency's amount would name a second unit)."""
    text = fmt.money(value, currency, lang)
    words = fmt.money_in_words(value, currency)
    return text + f"（大写：{words}）" if lang == "zh" and words is not None else text


def fees_for_months(a: Agreement, months: int) -> Decimal | None:
    """The fees for `months` months, rounded half up to the cent; None without fees."""
    if a.fees is None:
        return None
    value = a.fees.amount * months / _MONTHS[a.fees.per]
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _liability(a: Agreement, cap: LiabilityCap | None, lang: Lang) -> ViewModel | None:
    if cap is None:
        return None
    if cap.amount is not None and cap.currency is not None:
        limit = money_with_words(cap.amount, cap.currency, lang)
    else:
        assert cap.months_of_fees is not None
        months = fmt.count(cap.months_of_fees, "个月", "month", "months", lang)
        total = fees_for_months(a, cap.months_of_fees)
        limit = f"{months}的服务费" if lang == "zh" else f"the service fees for {months}"
        if total is not None and a.fees is not None:
            amount = money_with_words(total, a.fees.currency, lang)
            limit += f"，即{amount}" if lang == "zh" else f", that is, {amount}"
    return {
        "party": cap.party,
        "limit": Plain(limit),
        "in_months": cap.months_of_fees is not None,
        "exclusions": exclusions(cap.exclusions, lang),  # what the cap does not limit
    }


def _disputes(disputes: Disputes | None, lang: Lang) -> ViewModel | None:
    if disputes is None:
        return None
    if disputes.court is not None:
        court = disputes.court
        return {
            "kind": "court",
            "name": Plain(court.name.get(lang)),
            "seat": Plain(court.seat.get(lang)),
        }
    assert disputes.arbitration is not None
    arbitration = disputes.arbitration
    return {
        "kind": "arbitration",
        "name": Plain(arbitration.institution.get(lang)),
        "seat": Plain(arbitration.seat.get(lang)),
        "rules": Plain(arbitration.rules.get(lang)),
    }


def general_facts(agreement: Agreement, lang: Lang) -> list[tuple[str, str]]:
    """(field, text) for each general term the agreement holds, in contract order."""
    view = general_view(agreement, lang)
    facts: list[tuple[str, str]] = []
    if agreement.languages is not None:
        facts.append(("languages", _arrangement(agreement.languages, lang)))
    master = agreement.master_agreement
    if master is not None:
        which = TERM_FACTS(f"{master.prevails}_prevails", lang)
        dated = f"{master.title.get(lang)} ({fmt.date(master.date, lang)})"
        facts.append(("master_agreement", f"{dated}; {which}"))
    liability, cap = view["liability"], agreement.liability_cap
    if cap is not None and isinstance(liability, dict):
        whose = TERM_FACTS(f"cap_{cap.party}", lang)
        facts.append(("liability_cap", f"{whose}: {liability['limit']}"))
    if agreement.governing_law is not None:
        facts.append(("governing_law", agreement.governing_law.get(lang)))
    disputes = view["disputes"]
    if isinstance(disputes, dict):
        kind = TERM_FACTS(f"disputes_{disputes['kind']}", lang)
        facts.append(("disputes", f"{kind}: {disputes['name']}, {disputes['seat']}"))
    return facts


def _arrangement(arrangement: Languages, lang: Lang) -> str:
    if arrangement.translation is not None:
        original = LANGUAGE_NAMES(arrangement.authentic[0], lang)
        translation = LANGUAGE_NAMES(arrangement.translation, lang)
        return TERM_FACTS("original_only", lang, original=original, translation=translation)
    if arrangement.prevails is None:
        return TERM_FACTS("equally_authentic", lang)
    return TERM_FACTS("prevails", lang, language=LANGUAGE_NAMES(arrangement.prevails, lang))
