"""Term values as readable text in each language, for the term changes of a diff."""

from __future__ import annotations

from typing import Any

from sitegen.calendars import subdivision_name
from sitegen.compose import fmt
from sitegen.compose.contract import Lang
from sitegen.compose.vocabulary import calendar_place
from sitegen.load.model import Bilingual, Priority, Schedule


def role(item: Any) -> Bilingual:
    party = {"customer": ("客户方", "Customer"), "provider": ("服务方", "Provider")}
    zh, en = party.get(getattr(item, "party", ""), ("", ""))
    role = item.role if hasattr(item, "role") else item
    if not zh:
        return Bilingual(zh=role.zh, en=role.en)
    return Bilingual(zh=f"{zh}：{role.zh}", en=f"{en}: {role.en}")


def record(record: Any) -> Bilingual:
    return Bilingual(
        zh=f"{fmt.date(record.date, 'zh')}：{record.summary.zh}",
        en=f"{fmt.date(record.date, 'en')}: {record.summary.en}",
    )


def months(value: int, lang: Lang) -> str:
    return fmt.count(value, "个月", "month", "months", lang)


def days(value: int, lang: Lang) -> str:
    return fmt.count(value, "日", "day", "days", lang)


def working_days(value: int, lang: Lang) -> str:
    return fmt.count(value, "个工作日", "working day", "working days", lang)


def renewal(value: Any, lang: Lang) -> str:
    term, notice = months(value.months, lang), days(value.objection_days, lang)
    if lang == "zh":
        return f"自动续签 {term}，期满前 {notice} 提出异议"
    return f"renews for {term} unless a party objects {notice} before expiry"


def weekly_minutes(hours: Any) -> int:
    if isinstance(hours, Schedule):
        return fmt.weekly_minutes([(w.days, w.start, w.end) for w in hours.windows])
    return 7 * 24 * 60


def calendar(value: Any, lang: Lang) -> str:
    """中国大陆 / mainland China; 英格兰 / England: whose working days and holidays count."""
    country, subdivision = value.country, value.subdivision
    return calendar_place(country, subdivision, subdivision_name(country, subdivision)).get(lang)


def service_hours(hours: Any, lang: Lang) -> str:
    if isinstance(hours, Schedule):
        windows = [(w.days, w.start, w.end) for w in hours.windows]
        return fmt.schedule(windows, hours.timezone, lang)
    return "7×24 小时" if lang == "zh" else "24 hours a day, 7 days a week"


def priority(priority: Priority, lang: Lang) -> str:
    response, resolution = (
        fmt.duration(priority.response, lang),
        fmt.duration(priority.resolution, lang),
    )
    if lang == "zh":
        return f"{priority.level} {priority.name.zh}：响应 {response}，解决 {resolution}"
    return f"{priority.level} {priority.name.en}: response {response}, resolution {resolution}"


def fee(fee: Any, lang: Lang) -> str:
    return f"{fmt.money(fee.amount, fee.currency, lang)} {fmt.term_word('per_' + fee.per, lang)}"


def credits(credits: Any, lang: Lang) -> str:
    bands = [
        f"< {fmt.percent(b.below, lang)}: {fmt.percent(b.percent, lang)}" for b in credits.bands
    ]
    cap = fmt.percent(credits.cap_percent, lang)
    return (
        ("；".join(bands) + f"；上限 {cap}") if lang == "zh" else "; ".join(bands) + f"; cap {cap}"
    )


def ids(values: list[str], lang: Lang) -> str:
    return ", ".join(values) if values else ("（无）" if lang == "zh" else "(none)")
