"""Term values as readable text in each language, for the term changes of a diff."""

from __future__ import annotations

from typing import Any

from sitegen.calendars import subdivision_name
from sitegen.compose import fmt
from sitegen.compose.contract import Lang
from sitegen.compose.targets import cell
from sitegen.compose.vocabulary import calendar_place
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


def years(value: int, lang: Lang) -> str:
    return fmt.count(value, "年", "year", "years", lang)


def periods(value: int, lang: Lang) -> str:
    return fmt.count(value, "个统计周期", "measurement period", "measurement periods", lang)


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


def calendar(value: Any, lang: Lang) -> str:
    """中国大陆 / mainland China; 英格兰 / England: whose working days and holidays count."""
    country, subdivision = value.country, value.subdivision
    return calendar_place(country, subdivision, subdivision_name(country, subdivision)).get(lang)


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


def bands(bands: Any, lang: Lang) -> str:
    items = [f"< {fmt.percent(b.below, lang)}: {fmt.percent(b.percent, lang)}" for b in bands]
    return ("；" if lang == "zh" else "; ").join(items) or ("（无）" if lang == "zh" else "(none)")


def credits(credits: Any, lang: Lang) -> str:
    text = bands(credits.bands or [], lang)
    if credits.cap is None:
        return text
    return text + ("；" if lang == "zh" else "; ") + cap(credits.cap, lang)


_CAP_OF = {
    "fee": ("服务费", "the fee"),
    "charges": ("受影响服务的费用", "the charges for the affected service"),
    "paid": ("实际支付的费用", "the charges paid"),
}


def cap(value: Any, lang: Lang) -> str:
    zh, en = _CAP_OF[value.of]
    percent = fmt.percent(value.percent, lang)
    return f"上限 {zh}的 {percent}" if lang == "zh" else f"cap {percent} of {en}"


def money(value: Any, lang: Lang) -> str:
    return fmt.money(value.amount, value.currency, lang)


def downtime(value: Any, lang: Lang) -> str:
    interval = fmt.duration(value.interval, lang)
    partial = value.partial == "counted"
    if lang == "zh":
        text = f"以 {interval}为单位，不足一个单位的{'计入' if partial else '不计入'}"
    else:
        counted = "counted" if partial else "not counted"
        text = f"in intervals of {interval}, a partial one {counted}"
    if value.unavailable is not None:
        text += ("；" if lang == "zh" else "; ") + value.unavailable.get(lang)
    return text


_ANCHORS = {
    "period_end": ("统计周期结束后", "after the end of the period"),
    "report": ("收到服务报告后", "after the service report"),
    "cycle_end": ("计费周期结束后", "after the end of the billing cycle"),
    "incident": ("故障发生后", "after the incident"),
}


def claim(value: Any, lang: Lang) -> str:
    if value.within is not None:
        window = fmt.duration(value.within, lang)
    else:
        window = fmt.count(value.cycles, "个计费周期", "billing cycle", "billing cycles", lang)
    zh, en = _ANCHORS[value.anchor]
    return f"{zh} {window}内" if lang == "zh" else f"within {window} {en}"


_CHANNELS = {"ticket": ("工单", "by ticket"), "written_notice": ("书面通知", "by written notice")}


def channel(value: str, lang: Lang) -> str:
    zh, en = _CHANNELS[value]
    return zh if lang == "zh" else en


def ids(values: list[str], lang: Lang) -> str:
    return ", ".join(values) if values else ("（无）" if lang == "zh" else "(none)")


_FORMS = {
    "deduction": ("从下一期服务费中抵扣", "deducted from the next invoice"),
    "voucher": ("代金券", "vouchers"),
    "bill_credit": ("计入此后的账单", "credit on a future bill"),
    "refund": ("退款", "refund"),
}
_BASES = {
    "fee": ("服务费", "the fee"),
    "charges": ("受影响服务的费用", "the charges for the affected service"),
    "fixed": ("固定金额", "a fixed amount"),
}


def form(value: str, lang: Lang) -> str:
    zh, en = _FORMS[value]
    return zh if lang == "zh" else en


def basis(value: str, lang: Lang) -> str:
    zh, en = _BASES[value]
    return zh if lang == "zh" else en


def cash(value: bool, lang: Lang) -> str:
    if lang == "zh":
        return "未使用的补偿在协议终止时以现金支付" if value else "不以现金支付"
    return "unused credits paid in cash at the end" if value else "never paid in cash"


def flag(value: bool, lang: Lang) -> str:
    if lang == "zh":
        return "是" if value else "否"
    return "yes" if value else "no"
