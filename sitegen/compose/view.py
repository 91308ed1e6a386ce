"""The view-model: an agreement as finished strings, one mapping per language.

Both languages get the same keys, so a clause template uses the same names in its `zh` and
`en` text (`{{ dates.effective }}` is 2024年4月1日 in one, 1 April 2024 in the other).
Values a template prints are `Plain`; a few codes (`party`, `prevailing`) and flags
(`hours.always`) are there for conditions only and cannot be printed.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sitegen.compose import fmt, tier_view
from sitegen.compose.clauses import Plain
from sitegen.compose.contract import Lang
from sitegen.compose.credit_view import credits_view
from sitegen.load import terms
from sitegen.load.model import Agreement, Bilingual, Fee, Party, Schedule

# The values one language of a clause template may place (prepared here, never computed
# in the template).
ViewModel = dict[str, Any]

_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def build_view(agreement: Agreement, lang: Lang) -> ViewModel:
    a = agreement
    return {
        "agreement": {
            "id": Plain(a.id),
            "version": Plain(str(a.version)),
            "title": _t(a.title, lang),
        },
        "status": a.status,
        "prevailing": a.prevailing_language,
        "parties": {role: _party(getattr(a.parties, role), lang) for role in _ROLES},
        "dates": _dates(a, lang),
        "term": _term(a, lang),
        "contacts": [
            {"party": c.party, "role": _t(c.role, lang), "duty": _opt(c.duty, lang)}
            for c in a.contacts
        ],
        "scope": {
            "included": [Plain(i.text.get(lang)) for i in a.scope.included],
            "excluded": [Plain(i.text.get(lang)) for i in a.scope.excluded],
        },
        "hours": _hours(a, lang),
        "availability": tier_view.availability(a, lang),
        "tiers": tier_view.tiers(a, lang),
        "tier_downtime": [t for t in tier_view.tiers(a, lang) if t["downtime"]],
        "tier_exclusions": tier_view.tier_exclusions(a, lang),
        "priorities": _priorities(a, lang),
        "obligations": {
            "customer": [_t(o, lang) for o in a.obligations.customer],
            "provider": [_t(o, lang) for o in a.obligations.provider],
        },
        "measurement": _measurement(a, lang),
        "fees": _fees(a.fees, a.measurement.period, lang),
        "credits": credits_view(
            a, lang, period_fee(a.fees, a.measurement.period) if a.fees else None
        ),
        "review": _review(a, lang),
        "signatories": _signatories(a, lang),
    }


_ROLES = ("customer", "provider")


def _priorities(a: Agreement, lang: Lang) -> list[ViewModel]:
    return [
        {
            "level": Plain(p.level),
            "name": _t(p.name, lang),
            "definition": _t(p.definition, lang),
            "response": Plain(fmt.duration(p.response, lang)),
            "resolution": Plain(fmt.duration(p.resolution, lang)),
        }
        for p in a.slos.priorities
    ]


def _signatories(a: Agreement, lang: Lang) -> list[ViewModel]:
    return [
        {
            "party": s.party,
            "name": Plain(full_name(getattr(a.parties, s.party), lang)),
            "role": _t(s.role, lang),
        }
        for s in a.signatories
    ]


def _t(text: Bilingual, lang: Lang) -> Plain:
    return Plain(text.get(lang))


def _opt(text: Bilingual | None, lang: Lang) -> Plain | None:
    return None if text is None else _t(text, lang)


def full_name(party: Party, lang: Lang) -> str:
    """The legal name, with the unit for agreements between parts of one organisation."""
    name = party.name.get(lang)
    if party.unit is None:
        return name
    unit = party.unit.get(lang)
    return f"{name}{unit}" if lang == "zh" else f"{unit}, {name}"


def _party(party: Party, lang: Lang) -> ViewModel:
    return {
        "name": _t(party.name, lang),
        "unit": _opt(party.unit, lang),
        "full_name": Plain(full_name(party, lang)),
        "uscc": Plain(party.uscc),
    }


def _sentence(text: Bilingual | None, lang: Lang) -> Plain | None:
    """An agreement's text used as a whole sentence: closed with 。 or . when it is not."""
    if text is None:
        return None
    value = text.get(lang).rstrip()
    ends = "。！？；" if lang == "zh" else ".!?;"
    return Plain(value if value.endswith(tuple(ends)) else value + ("。" if lang == "zh" else "."))


def _days(number: int, lang: Lang) -> Plain:
    return Plain(fmt.count(number, "日", "day", "days", lang))


def _months(number: int, lang: Lang) -> Plain:
    return Plain(fmt.count(number, "个月", "month", "months", lang))


def _dates(a: Agreement, lang: Lang) -> ViewModel:
    expiry = terms.expiry_date(a.dates.effective, a.term.months)
    return {
        "signed": Plain(fmt.date(a.dates.signed, lang)) if a.dates.signed else None,
        "effective": Plain(fmt.date(a.dates.effective, lang)),
        "expiry": Plain(fmt.date(expiry, lang)),
        "terminated": Plain(fmt.date(a.dates.terminated, lang)) if a.dates.terminated else None,
    }


def _term(a: Agreement, lang: Lang) -> ViewModel:
    renew = a.term.auto_renew
    renewal = None
    if renew is not None:
        expiry = terms.expiry_date(a.dates.effective, a.term.months)
        deadline = terms.objection_deadline(expiry, renew.objection_days)
        renewal = {
            "months": _months(renew.months, lang),
            "objection_days": _days(renew.objection_days, lang),
            "deadline": Plain(fmt.date(deadline, lang)),
        }
    return {"months": _months(a.term.months, lang), "renewal": renewal}


def _windows(schedule: Schedule) -> list[tuple[list[str], str, str]]:
    return [(list(w.days), w.start, w.end) for w in schedule.windows]


def _hours(a: Agreement, lang: Lang) -> ViewModel:
    hours = a.service_hours
    if not isinstance(hours, Schedule):
        return {"always": True, "schedule": None, "holidays": True, "weekly": None}
    weekly = fmt.weekly_minutes(_windows(hours)) * 60
    return {
        "always": False,
        "schedule": Plain(fmt.schedule(_windows(hours), hours.timezone, lang)),
        "holidays": hours.public_holidays,
        "weekly": Plain(fmt.span(weekly, lang, days=False)),
    }


def _measurement(a: Agreement, lang: Lang) -> ViewModel:
    m = a.measurement
    return {
        "period": Plain(fmt.term_word(m.period, lang)),
        "sources": [_t(s, lang) for s in m.sources],
        "report": Plain(fmt.term_word(m.report, lang)),
        "due": Plain(fmt.count(m.report_due_days, "个工作日", "working day", "working days", lang)),
        "criteria": _sentence(m.pass_criteria, lang),
    }


def period_fee(fee: Fee, period: str) -> Decimal:
    """The fee of one measurement period, rounded half up to the cent."""
    value = fee.amount * _MONTHS[period] / _MONTHS[fee.per]
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _money(value: Decimal, currency: str, lang: Lang) -> Plain:
    """人民币 80,000.00 元（大写：捌万元整） / RMB 80,000.00."""
    text = fmt.money(value, currency, lang)
    if lang == "zh":
        text += f"（大写：{fmt.capital(value)}）"
    return Plain(text)


def _fees(fee: Fee | None, period: str, lang: Lang) -> ViewModel | None:
    if fee is None:
        return None
    return {
        "amount": _money(fee.amount, fee.currency, lang),
        "per": Plain(fmt.term_word(f"per_{fee.per}", lang)),
        "period_fee": _money(period_fee(fee, period), fee.currency, lang),
        "per_period": fee.per == period,
    }


def _review(a: Agreement, lang: Lang) -> ViewModel:
    r = a.review
    return {
        "cadence": Plain(fmt.term_word(r.cadence, lang)),
        "participants": [_t(p, lang) for p in r.participants],
        "records": [
            {"date": Plain(fmt.date(rec.date, lang)), "summary": _t(rec.summary, lang)}
            for rec in r.records
        ],
    }
