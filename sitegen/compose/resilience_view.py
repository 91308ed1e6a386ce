"""The view of the continuity, data and remedies terms (`continuity`, `data`, `remedies`):
what the contract's sections 业务连续性与数据备份, 数据安全与保密 and 违约责任 place.

Each term is optional data, and the view holds only what the agreement gives: a `None` or
an empty list leaves its clause (or sentence) out of the contract, so a contract never
states a recovery objective, a breach notice or a remedy its data does not hold. Durations
are phrased by `period` (24 小时 / 24 hours, 30 日 / 30 days; `every` for an interval), places by
their region names (`vocabulary.region_name`), exclusions by `EXCLUSION_NAMES`.

Codes (`cross_border`, `sole`) are for conditions only and cannot be printed; everything
printed is a prepared `Plain`.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitegen.compose import fmt
from sitegen.compose.clauses import Plain
from sitegen.compose.contract import Lang
from sitegen.compose.vocabulary import CONTINUITY_WORDS, EXCLUSION_NAMES, region_name
from sitegen.load.continuity import Continuity
from sitegen.load.data_terms import DataTerms
from sitegen.load.model import Agreement, Bilingual
from sitegen.load.remedies import Exclusion, Remedies, Termination
from sitegen.load.values import Duration

ViewModel = dict[str, object]

__all__ = [
    "continuity_view",
    "data_view",
    "entry_scope",
    "every",
    "exclusions",
    "lower_article",
    "period",
    "remedies_view",
]


def continuity_view(a: Agreement, lang: Lang) -> ViewModel | None:
    """Each continuity entry with the scope it covers and the terms it gives (a term it does
    not give is None); `rpo` and `rto` say whether any entry sets one (for the definitions).
    None when the agreement states no continuity terms."""
    if not a.continuity:
        return None
    return {
        "rpo": any(e.rpo is not None for e in a.continuity),
        "rto": any(e.rto is not None for e in a.continuity),
        "entries": [_entry(a, e, lang) for e in a.continuity],
    }


def _entry(a: Agreement, e: Continuity, lang: Lang) -> ViewModel:
    backup, drill = e.backup, e.drill
    return {
        "scope": entry_scope(a, e, lang),
        "rpo": _duration(e.rpo, lang),
        "rto": _duration(e.rto, lang),
        "reason": _sentence(e.rto_reason, lang),
        "backup": None
        if backup is None
        else {
            "every": Plain(every(backup.every, lang)),
            "retained": _duration(backup.retained, lang),
            "location": _inline(backup.location, lang),
        },
        "drill": None
        if drill is None
        else {
            "cadence": Plain(fmt.term_word(drill.cadence, lang)),
            "scenario": _bare(drill.scenario, lang),
        },
    }


def entry_scope(a: Agreement, entry: Continuity, lang: Lang) -> Plain:
    """服务“IT 服务台…”、“终端资产台账…” / the services "…" and "…"; 可用性等级“地域” /
    the availability tier "region"; 全部服务 / all services. The loader checked the ids."""
    if entry.tier is not None:
        tier = next((t for t in a.slos.tiers or () if t.id == entry.tier), None)
        name = tier.scope.get(lang) if tier is not None and tier.scope else entry.tier
        return Plain(CONTINUITY_WORDS("tier", lang, name=name))
    if not entry.services:
        return Plain(CONTINUITY_WORDS("all", lang))
    texts = {item.id: item.text.get(lang) for item in a.scope.included}
    named = [texts.get(service, service) for service in entry.services]
    if lang == "zh":
        names = "、".join(f"“{text}”" for text in named)
    else:
        names = fmt.join([f'"{text}"' for text in named], lang)
    word = "service" if len(named) == 1 else "services"
    return Plain(CONTINUITY_WORDS(word, lang, names=names))


def data_view(a: Agreement, lang: Lang) -> ViewModel | None:
    """The data terms the agreement gives; None when it gives none."""
    data: DataTerms | None = a.data
    if data is None:
        return None
    notice = data.breach_notice
    return {
        "stored_in": _regions(data.stored_in, lang),
        "processed_in": _regions(data.processed_in, lang),
        "same_place": data.stored_in is not None and data.stored_in == data.processed_in,
        "bounds": _regions(data.regions, lang),
        "categories": [Plain(c.get(lang)) for c in data.categories or ()],
        "cross_border": data.cross_border,
        "breach_notice": None
        if notice is None
        else {"within": _duration(notice.within, lang), "to": _inline(notice.to, lang)},
        "return_within": _duration(data.return_within, lang),
        "deletion_within": _duration(data.deletion_within, lang),
        "confidential": data.confidential is True,
        "confidentiality_years": Plain(
            fmt.count(data.confidentiality_years, "年", "year", "years", lang)
        )
        if data.confidentiality_years
        else None,
    }


def _regions(codes: Sequence[str] | None, lang: Lang) -> Plain | None:
    if not codes:
        return None
    return Plain(fmt.join([region_name(code).get(lang) for code in codes], lang))


def remedies_view(a: Agreement, lang: Lang) -> ViewModel | None:
    """Whether credits are the sole remedy (`sole`, a flag or None) and its exceptions, and
    the termination for repeated failure; None when the agreement states no remedies."""
    remedies: Remedies | None = a.remedies
    if remedies is None:
        return None
    return {
        "sole": remedies.credits_sole_remedy,
        "sole_except": exclusions(remedies.sole_remedy_except, lang),
        "termination": _termination(remedies.termination, lang),
    }


def _termination(termination: Termination | None, lang: Lang) -> ViewModel | None:
    """任意连续 6 个统计周期中有 3 个 / 3 of any 6 consecutive Statistics Periods fail, and
    the notice: 30 日 / 30 days' (None when not stated; `immediate` for 0 days)."""
    if termination is None:
        return None
    failed, within, days = termination.failed, termination.within, termination.notice_days
    if lang == "zh":
        failing = f"任意连续 {within} 个统计周期中有 {failed} 个"
        notice = f"{days} 日" if days else None
    else:
        periods = "Statistics Period" if within == 1 else "consecutive Statistics Periods"
        verb = "fails" if failed == 1 else "fail"
        failing = f"{failed} of any {within} {periods} {verb}"
        notice = (f"{days} day's" if days == 1 else f"{days} days'") if days else None
    return {
        "failing": Plain(failing),
        "notice": Plain(notice) if notice else None,
        "immediate": days == 0,
    }


def exclusions(items: Sequence[Exclusion] | None, lang: Lang) -> Plain | None:
    """数据泄露、违反保密义务 / data breach or breach of confidentiality: the cases a cap or
    the credits as sole remedy do not cover, as alternatives."""
    if not items:
        return None
    return Plain(fmt.join([EXCLUSION_NAMES(item, lang) for item in items], lang, last="or"))


def _duration(value: Duration | None, lang: Lang) -> Plain | None:
    return None if value is None else Plain(period(value, lang))


def every(value: Duration, lang: Lang) -> str:
    """How often, in `period`'s words: 每小时 / every hour, 每 15 分钟 / every 15 minutes,
    每 7 日 / every 7 days. An interval of one unit says the unit alone, as one says it
    ("every 1 hour" reads as a form filled in)."""
    said = period(value, lang)
    if said.startswith("1 "):
        return ("每" if lang == "zh" else "every ") + said[2:]
    return ("每 " if lang == "zh" else "every ") + said


def period(value: Duration, lang: Lang) -> str:
    """15 分钟 / 15 minutes; 24 小时 / 24 hours; 30 日 / 30 days; 5 个工作日 / 5 Working Days.

    Up to three days a whole number of hours is said in hours, as notice and recovery times
    are written (24 hours, not 1 day); longer whole days in 日, as the contract writes every
    other period of days (credit claims); anything else as the response times are."""
    days, rest = divmod(value.minutes, 24 * 60)
    if value.in_working_days or value.minutes % 60:
        return fmt.clause_duration(value, lang)
    if value.minutes <= 72 * 60:
        return fmt.count(value.minutes // 60, "小时", "hour", "hours", lang)
    if not rest:
        return fmt.count(days, "日", "day", "days", lang)
    return fmt.clause_duration(value, lang)


def _sentence(text: Bilingual | None, lang: Lang) -> Plain | None:
    """An agreement's text used as a whole sentence: closed with 。 or . when it is not."""
    if text is None:
        return None
    value = text.get(lang).rstrip()
    if value.endswith(("。", "！", "？", ".", "!", "?")):
        return Plain(value)
    return Plain(value + ("。" if lang == "zh" else "."))


def _bare(text: Bilingual | None, lang: Lang) -> Plain | None:
    """An agreement's text placed after a colon: as written, without a closing full stop."""
    return None if text is None else Plain(text.get(lang).strip().rstrip("。."))


def _inline(text: Bilingual | None, lang: Lang) -> Plain | None:
    """An agreement's text placed inside a sentence: a leading English article is lowered
    (the Customer's secondary data centre …, the customer's Information Security Officer)
    and a closing full stop dropped; nothing else of the text changes."""
    if text is None:
        return None
    value = text.get(lang).strip().rstrip("。.")
    return Plain(lower_article(value) if lang == "en" else value)


def lower_article(value: str) -> str:
    """The Customer's … → the Customer's …: an English text placed mid-sentence."""
    for article in ("The ", "A ", "An "):
        if value.startswith(article):
            return article.lower() + value[len(article) :]
    return value
