"""The view-model: an agreement as finished strings, one mapping per language.

Both languages get the same keys, so a clause template uses the same names in its `zh` and
`en` text (`{{ dates.effective }}` is 2024年4月1日 in one, 1 April 2024 in the other).
Values a template prints are `Plain`; a few codes (`party`, `languages.prevails`) and flags
(`hours.always`) are there for conditions only and cannot be printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sitegen.calendars import subdivision_name
from sitegen.compose import fmt, schemes, targets, tier_view
from sitegen.compose.clauses import Plain
from sitegen.compose.contract import Lang
from sitegen.compose.credit_view import credits_view
from sitegen.compose.general import general_view, money_with_words
from sitegen.compose.resilience_view import continuity_view, data_view, remedies_view
from sitegen.compose.vocabulary import LANGUAGE_NAMES, calendar_place, public_holidays
from sitegen.load import terms
from sitegen.load.model import Agreement, Bilingual, Fee, Party, Schedule
from sitegen.load.money import round_amount

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
        "languages": _languages(a, lang),
        "kind": a.kind,
        "source": _source(a, lang),
        "parties": {role: _party(getattr(a.parties, role), lang) for role in _ROLES},
        "identifiers_uscc": all(getattr(a.parties, role).uscc for role in _ROLES),
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
        "availability": tier_view.availability(a, lang),
        "tiers": tier_view.tiers(a, lang),
        "tier_downtime": [t for t in tier_view.tiers(a, lang) if t["downtime"]],
        "tier_exclusions": tier_view.tier_exclusions(a, lang),
        "tier_causes": [t for t in tier_view.tiers(a, lang) if t["causes"]],
        "priorities": targets.rows(a, lang),
        "targets": targets.targets_view(a, lang),
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
        "revision": _revision(a, lang),
        "retention": Plain(fmt.count(a.retention_years, "年", "year", "years", lang))
        if a.retention_years
        else None,
        "signatories": _signatories(a, lang),
        "continuity": continuity_view(a, lang),
        "data": data_view(a, lang),
        "remedies": remedies_view(a, lang),
        **general_view(a, lang),
    }


_ROLES = ("customer", "provider")


def _languages(a: Agreement, lang: Lang) -> ViewModel | None:
    """Which texts are authentic (`both`, or the `original` and its `translation`, named),
    and which prevails (a code, for conditions only)."""
    arrangement = a.languages
    if arrangement is None:
        return None
    translation = arrangement.translation
    return {
        "both": translation is None,
        "original": Plain(LANGUAGE_NAMES(arrangement.authentic[0], lang)) if translation else None,
        "translation": Plain(LANGUAGE_NAMES(translation, lang)) if translation else None,
        "prevails": arrangement.prevails,
    }


def _signatories(a: Agreement, lang: Lang) -> list[ViewModel]:
    return [
        {
            "party": s.party,
            "name": Plain(full_name(getattr(a.parties, s.party), lang)),
            "role": _t(s.role, lang),
        }
        for s in a.signatories or ()
    ]


def _source(a: Agreement, lang: Lang) -> ViewModel | None:
    """A published agreement's origin: the provider's title, address, 'last updated' date
    and the notice it gives before an amendment applies (None: it states none)."""
    if a.source is None:
        return None
    notice = a.amendment_notice_days
    return {
        "title": Plain(a.source.title),
        "url": Plain(a.source.url),
        "updated": Plain(fmt.date(a.source.updated, lang)),
        "notice": _days(notice, lang) if notice is not None else None,
    }


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
        "uscc": Plain(party.uscc) if party.uscc is not None else None,
        "identifier": Plain(schemes.identifier(party, lang)),
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
    expiry = terms.expiry_date(a.dates.effective, a.term.months) if a.term else None
    return {
        "signed": Plain(fmt.date(a.dates.signed, lang)) if a.dates.signed else None,
        "signed_on": _signed_on(a, lang),
        "effective": Plain(fmt.date(a.dates.effective, lang)),
        "expiry": Plain(fmt.date(expiry, lang)) if expiry else None,
        "terminated": Plain(fmt.date(a.dates.terminated, lang)) if a.dates.terminated else None,
    }


def _signed_on(a: Agreement, lang: Lang) -> Plain | None:
    """The date the execution block states: only once the agreement is signed (a draft's
    planned date is no signature, SG505), and only the date the data holds."""
    if a.status not in ("signed", "terminated") or a.dates.signed is None:
        return None
    return Plain(fmt.date(a.dates.signed, lang))


def _term(a: Agreement, lang: Lang) -> ViewModel | None:
    """The term and its renewal; None for a published agreement, which has no term."""
    if a.term is None:
        return None
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


def _measurement(a: Agreement, lang: Lang) -> ViewModel:
    m = a.measurement
    due = m.report_due_days
    return {
        "period": Plain(fmt.term_word(m.period, lang)),
        "sources": [_t(s, lang) for s in m.sources],
        "report": Plain(fmt.term_word(m.report, lang)) if m.report else None,
        "due": Plain(fmt.count(due, "个工作日", "working day", "working days", lang))
        if due
        else None,
        "criteria": _sentence(m.pass_criteria, lang),
    }


def period_fee(fee: Fee, period: str) -> Decimal:
    """The fee of one measurement period, rounded half up to the currency's minor unit."""
    return round_amount(fee.amount * _MONTHS[period] / _MONTHS[fee.per], fee.currency)


def _money(value: Decimal, currency: str, lang: Lang) -> Plain:
    """人民币 80,000.00 元（大写：人民币捌万元整） / RMB 80,000.00; 美元 10,000.00 /
    USD 10,000.00 (the amount in words is written for the yuan only)."""
    return Plain(money_with_words(value, currency, lang))


def _fees(fee: Fee | None, period: str, lang: Lang) -> ViewModel | None:
    if fee is None:
        return None
    return {
        "amount": _money(fee.amount, fee.currency, lang),
        "per": Plain(fmt.term_word(f"per_{fee.per}", lang)),
        "period_fee": _money(period_fee(fee, period), fee.currency, lang),
        "per_period": fee.per == period,
    }


def _review(a: Agreement, lang: Lang) -> ViewModel | None:
    r = a.review
    if r is None:
        return None
    return {
        "cadence": Plain(fmt.term_word(r.cadence, lang)),
        "participants": [_t(p, lang) for p in r.participants],
        "minutes_within": Plain(fmt.clause_duration(r.minutes_within, lang))
        if r.minutes_within
        else None,
        "records": [
            {"date": Plain(fmt.date(rec.date, lang)), "summary": _t(rec.summary, lang)}
            for rec in r.records
        ],
    }


def _revision(a: Agreement, lang: Lang) -> ViewModel | None:
    r = a.revision
    if r is None:
        return None
    return {
        "volume_change": Plain(fmt.percent(r.volume_change, lang)) if r.volume_change else None,
        "missed_periods": Plain(str(r.missed_periods)) if r.missed_periods else None,
        "new_services": bool(r.new_services),
        "triggers": r.triggers,
        "meeting_within": Plain(fmt.clause_duration(r.meeting_within, lang))
        if r.meeting_within
        else None,
    }
