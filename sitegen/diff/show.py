"""Term values as readable text in each language, for the term changes of a diff."""

from __future__ import annotations

from typing import Any

from sitegen.compose import fmt
from sitegen.compose.contract import Lang
from sitegen.compose.targets import cell
from sitegen.load.model import TARGETS, Bilingual, Matrix, Priority, Schedule, Target


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


def term(value: Any, lang: Lang) -> str:
    """A term, with its renewal when it has one."""
    text = months(value.months, lang)
    if value.auto_renew is None:
        return text
    return (
        f"{text}，{renewal(value.auto_renew, lang)}"
        if lang == "zh"
        else (f"{text}; {renewal(value.auto_renew, lang)}")
    )


def weekly_minutes(hours: Any) -> int:
    if isinstance(hours, Schedule):
        return fmt.weekly_minutes([(w.days, w.start, w.end) for w in hours.windows])
    return 7 * 24 * 60


def service_hours(hours: Any, lang: Lang) -> str:
    if isinstance(hours, Schedule):
        windows = [(w.days, w.start, w.end) for w in hours.windows]
        return fmt.schedule(windows, hours.timezone, lang)
    return "7×24 小时" if lang == "zh" else "24 hours a day, 7 days a week"


def target(value: Target, lang: Lang) -> str:
    """1 小时 / 1 hour; 1 小时（90%，自然时间） / 1 hour (90%, calendar time)."""
    return cell(value, lang, None if value.clock == "service_hours" else value.clock)


def priority(priority: Priority, lang: Lang) -> str:
    words = {"response": ("响应", "response"), "resolution": ("解决", "resolution")}
    parts = [
        f"{words[key][0 if lang == 'zh' else 1]} {target(found, lang)}"
        for key in TARGETS
        if (found := priority.target(key)) is not None
    ]
    if lang == "zh":
        return f"{priority.level} {priority.name.zh}：{'，'.join(parts)}"
    return f"{priority.level} {priority.name.en}: {', '.join(parts)}"


def matrix_cells(matrix: Matrix | None) -> dict[tuple[str, str], str]:
    """The matrix as {(impact id, urgency id): level}."""
    if matrix is None:
        return {}
    return {
        (impact.id, urgency.id): level
        for impact, cells in zip(matrix.impact, matrix.levels, strict=False)
        for urgency, level in zip(matrix.urgency, cells, strict=False)
    }


def fee(fee: Any, lang: Lang) -> str:
    return fmt.fee_text(fee, lang)


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
