"""The view-model: an agreement as finished strings, one mapping per language.

Both languages get the same keys, so a clause template uses the same names in its `zh` and
`en` text (`{{ dates.effective }}` is 2024年4月1日 in one, 1 April 2024 in the other).
Values a template prints are `Plain`; a few codes (`party`, `prevailing`) and flags
(`hours.always`) are there for conditions only and cannot be printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sitegen.calendars import subdivision_name
from sitegen.compose import fmt
from sitegen.compose.clauses import Plain
from sitegen.compose.contract import Lang
from sitegen.compose.vocabulary import calendar_place, public_holidays
from sitegen.load import terms
from sitegen.load.model import Agreement, Bilingual, Credits, Fee, Party, Schedule

# The values one language of a clause template may place (prepared here, never computed
# in the template).
ViewModel = dict[str, Any]

# Window lengths the allowed-downtime table lists, in days.
WINDOW_LENGTHS = {
    "calendar_month": (28, 29, 30, 31),
    "calendar_quarter": (90, 91, 92),
    "calendar_year": (365, 366),
}
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
        "calendar": _calendar(a, lang),
        "hours": _hours(a, lang),
        "availability": _availability(a, lang),
        "priorities": _priorities(a, lang),
        "obligations": {
            "customer": [_t(o, lang) for o in a.obligations.customer],
            "provider": [_t(o, lang) for o in a.obligations.provider],
        },
        "measurement": _measurement(a, lang),
        "fees": _fees(a.fees, a.measurement.period, lang),
        "credits": _credits(a, lang),
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


def _windows(schedule: Schedule) -> list[tuple[Sequence[str], str, str]]:
    """Each window's days (a list, or `working_days`), start and end."""
    return [(w.days, w.start, w.end) for w in schedule.windows]


def _calendar(a: Agreement, lang: Lang) -> ViewModel:
    """Whose working days and public holidays count (`mainland` is for conditions only)."""
    country, subdivision = a.calendar.country, a.calendar.subdivision
    place = calendar_place(country, subdivision, subdivision_name(country, subdivision))
    plural, single = public_holidays(country, subdivision, place)
    return {
        "mainland": country == "CN",
        "place": Plain(place.get(lang)),
        "holidays": Plain(plural.get(lang)),
        "holiday": Plain(single.get(lang)),
    }


def _hours(a: Agreement, lang: Lang) -> ViewModel:
    """`weekly` is None for hours on working days: no week has a fixed number of them."""
    hours = a.service_hours
    if not isinstance(hours, Schedule):
        return {
            "always": True, "schedule": None, "holidays": True, "weekly": None,
            "working_days": False,
        }  # fmt: skip
    weekly = fmt.weekly_minutes(_windows(hours)) * 60
    return {
        "always": False,
        "schedule": Plain(fmt.schedule(_windows(hours), hours.timezone, lang)),
        "holidays": hours.public_holidays,
        "weekly": None if hours.on_working_days else Plain(fmt.span(weekly, lang, days=False)),
        "working_days": hours.on_working_days,
    }


def _availability(a: Agreement, lang: Lang) -> ViewModel | None:
    target = a.slos.availability
    if target is None:
        return None
    view: ViewModel = {
        "target": Plain(fmt.percent(target.target, lang)),
        "shortfall": Plain(fmt.percent(Decimal(100) - target.target, lang)),
        "window": Plain(fmt.term_word(target.window, lang)),
        "exclusions": [_t(e, lang) for e in target.exclusions],
        "allowed": [],
        "weekly_allowed": None,
    }
    hours = a.service_hours
    if isinstance(hours, Schedule) and hours.on_working_days:
        return view  # a share of the Service Hours: no fixed weekly figure
    if isinstance(hours, Schedule):
        weekly = Decimal(fmt.weekly_minutes(_windows(hours)) * 60)
        seconds = int((Decimal(100) - target.target) / Decimal(100) * weekly)  # rounded down
        view["weekly_allowed"] = Plain(fmt.span(seconds, lang))
        return view
    view["allowed"] = [
        {
            "days": _days(days, lang),
            "downtime": Plain(fmt.span(int(terms.allowed_downtime(target.target, days)
                                              .total_seconds()), lang)),
        }
        for days in WINDOW_LENGTHS[target.window]
    ]  # fmt: skip
    return view


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


def _band_range(below: Decimal, floor: Decimal | None, lang: Lang) -> Plain:
    top = fmt.percent(below, lang)
    if floor is None:
        return Plain(f"低于 {top}" if lang == "zh" else f"below {top}")
    low = fmt.percent(floor, lang)
    return Plain(f"低于 {top} 且不低于 {low}" if lang == "zh" else f"below {top}, at least {low}")


def _credits(a: Agreement, lang: Lang) -> ViewModel | None:
    credits: Credits | None = a.credits
    if credits is None:
        return None
    fee = period_fee(a.fees, a.measurement.period) if a.fees else None
    currency = a.fees.currency if a.fees else "CNY"

    def share(percent: Decimal) -> Plain | None:
        if fee is None:
            return None
        value = (fee * percent / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return Plain(fmt.money(value, currency, lang))

    bands = sorted(credits.bands, key=lambda b: b.below, reverse=True)
    floors = [b.below for b in bands[1:]] + [None]
    return {
        "bands": [
            {
                "range": _band_range(b.below, floor, lang),
                "percent": Plain(fmt.percent(b.percent, lang)),
                "amount": share(b.percent),
            }
            for b, floor in zip(bands, floors, strict=True)
        ],
        "cap": Plain(fmt.percent(credits.cap_percent, lang)),
        "cap_amount": share(credits.cap_percent),
        "claim_days": _days(credits.claim_days, lang),
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
