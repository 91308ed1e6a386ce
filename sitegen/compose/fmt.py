"""Values as contract text, per language: dates, durations, percentages, money, lists, hours.

Every function is pure and takes the language last (`"zh"` or `"en"`). Templates never
format anything: the view-model calls these and hands the template finished strings.
Date and downtime arithmetic comes from `sitegen.load.terms`, so the contract states the same
dates and minutes as lint and the catalogue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import get_currency_name

from sitegen.compose.contract import Lang
from sitegen.compose.vocabulary import TERM_WORDS
from sitegen.load.model import WORKING_DAYS, Fee
from sitegen.load.money import minor_digits, round_amount
from sitegen.load.values import Duration

MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_ZH = dict(zip(WEEKDAYS, ("周一", "周二", "周三", "周四", "周五", "周六", "周日"), strict=True))
_DAY_EN = dict(
    zip(
        WEEKDAYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)
_ZONE_ZH = {"Asia/Shanghai": "北京时间", "Asia/Hong_Kong": "香港时间", "Asia/Macau": "澳门时间"}
_UNITS = {  # unit: (zh, en singular, en plural)
    "d": ("天", "day", "days"),
    "h": ("小时", "hour", "hours"),
    "m": ("分钟", "minute", "minutes"),
    "s": ("秒", "second", "seconds"),
}


def date(day: dt.date, lang: Lang) -> str:
    """2024年3月15日 / 15 March 2024."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def count(number: int, zh_unit: str, en_one: str, en_many: str, lang: Lang) -> str:
    """12 个月 / 12 months; 1 month. The unit follows the number in both languages."""
    if lang == "zh":
        return f"{number} {zh_unit}"
    return f"{number} {en_one if number == 1 else en_many}"


def _parts(seconds: int, days_unit: bool) -> list[tuple[int, str]]:
    days, rest = divmod(seconds, 86400) if days_unit else (0, seconds)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    found = [(n, u) for n, u in ((days, "d"), (hours, "h"), (minutes, "m"), (secs, "s")) if n]
    return found or [(0, "s")]


def span(seconds: int, lang: Lang, *, days: bool = True) -> str:
    """A length of time in whole seconds: 43 分钟 12 秒 / 43 minutes 12 seconds.

    With `days=False` hours are the largest unit (a weekly total of 47 小时 30 分钟)."""
    words = []
    for number, unit in _parts(seconds, days):
        zh, one, many = _UNITS[unit]
        words.append(count(number, zh, one, many, lang))
    return " ".join(words)


def duration(value: Duration, lang: Lang) -> str:
    """15 分钟 / 15 minutes; 1 小时 30 分钟 / 1 hour 30 minutes; 2 天 / 2 days;
    2 个工作日 / 2 working days."""
    if value.in_working_days:
        return count(value.working_days, "个工作日", "working day", "working days", lang)
    return span(value.minutes * 60, lang)


def clause_duration(value: Duration, lang: Lang) -> str:
    """`duration` as a clause writes it, with the contract's defined term: 5 Working Days."""
    if value.in_working_days:
        return count(value.working_days, "个工作日", "Working Day", "Working Days", lang)
    return duration(value, lang)


def number(value: Decimal) -> str:
    """99.90 -> 99.9, 100 -> 100: no exponent, no trailing zeros."""
    text = f"{value.normalize():f}"
    return text


def percent(value: Decimal, lang: Lang) -> str:
    """99.9% in both languages."""
    return f"{number(value)}%"


def amount(value: Decimal, currency: str = "CNY") -> str:
    """80,000.00 (CNY), 80,000 (JPY): grouped thousands, the currency's minor unit, rounded
    half up."""
    digits = minor_digits(currency)
    return f"{round_amount(value, currency):,.{digits}f}"


def currency_name(currency: str, lang: Lang) -> str:
    """人民币, 美元, 日元 (Babel's Chinese name) / RMB, USD, JPY (the ISO 4217 code; RMB, as
    Chinese contracts in English write the yuan)."""
    if lang == "zh":
        return str(get_currency_name(currency, locale="zh_Hans_CN"))
    return "RMB" if currency == "CNY" else currency


def money(value: Decimal, currency: str, lang: Lang) -> str:
    """Every amount sitegen shows: 人民币 80,000.00 元 / RMB 80,000.00; 美元 10,000.00 /
    USD 10,000.00; 日元 1,200,000 / JPY 1,200,000. 元 follows the yuan only: after another
    currency's name it would read as a second unit."""
    if lang == "zh":
        unit = " 元" if currency == "CNY" else ""
        return f"{currency_name(currency, lang)} {amount(value, currency)}{unit}"
    return f"{currency_name(currency, lang)} {amount(value, currency)}"


def fee_text(fee: Fee, lang: Lang) -> str:
    """A fee and how often it is paid: 人民币 80,000.00 元 每月 / RMB 80,000.00 per month."""
    return f"{money(fee.amount, fee.currency, lang)} {term_word('per_' + fee.per, lang)}"


def money_in_words(value: Decimal, currency: str) -> str | None:
    """The amount in capital numerals, for the yuan only (人民币捌万元整); None for other
    currencies, which have no such form."""
    return f"人民币{capital(value)}" if currency == "CNY" else None


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL = ("", "拾", "佰", "仟")
_LARGE = ("", "万", "亿", "万亿")


def _group_words(group: int) -> str:
    """0–9999 in capital numerals, with 零 for inner gaps (1005 -> 壹仟零伍)."""
    digits = f"{group:04d}"
    words, zero = "", False
    for i, char in enumerate(digits):
        value = int(char)
        if value == 0:
            zero = bool(words)
            continue
        if zero:
            words += "零"
            zero = False
        words += _DIGITS[value] + _SMALL[3 - i]
    return words


def capital(value: Decimal) -> str:
    """The amount in Chinese capital numerals, as contracts write it: 捌万元整."""
    cents = int(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) * 100)
    yuan, fraction = divmod(cents, 100)
    groups: list[int] = []
    while yuan:
        yuan, group = divmod(yuan, 10000)
        groups.append(group)
    text, gap = "", False
    for index in reversed(range(len(groups))):
        group = groups[index]
        if group == 0:
            gap = bool(text)
            continue
        if text and (gap or group < 1000):
            text += "零"
        text += _group_words(group) + _LARGE[index]
        gap = False
    jiao, fen = divmod(fraction, 10)
    text = text + "元" if text else ""
    if not fraction:
        return (text or "零元") + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif text:
        text += "零"
    return text + (_DIGITS[fen] + "分" if fen else "")


def join(items: Sequence[str], lang: Lang, *, last: str = "and") -> str:
    """a、b、c (，between items that hold 、 themselves) / a, b and c (; when items hold commas);
    `last`: the English word before the last item (or, for alternatives)."""
    items = list(items)
    if lang == "zh":
        return ("，" if any("、" in item for item in items) else "、").join(items)
    if len(items) < 2:
        return "".join(items)
    sep = "; " if any("," in item for item in items) else ", "
    before = f"; {last} " if sep == "; " else f" {last} "
    return sep.join(items[:-1]) + before + items[-1]


def _runs(days: Sequence[str]) -> list[list[str]]:
    runs: list[list[str]] = []
    for day in sorted(set(days), key=WEEKDAYS.index):
        if runs and WEEKDAYS.index(runs[-1][-1]) == WEEKDAYS.index(day) - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def weekdays(days: Sequence[str], lang: Lang) -> str:
    """周一至周五 / Monday to Friday; 周六、周日 / Saturday and Sunday; 每天 / every day;
    工作日 / Working Days (`working_days`: the calendar's, a defined term)."""
    if days == WORKING_DAYS:
        return "工作日" if lang == "zh" else "Working Days"
    names = _DAY_ZH if lang == "zh" else _DAY_EN
    if len(set(days)) == 7:
        return "每天" if lang == "zh" else "every day"
    parts: list[str] = []
    for run in _runs(days):
        if len(run) >= 3:
            to = "至" if lang == "zh" else " to "
            parts.append(f"{names[run[0]]}{to}{names[run[-1]]}")
        else:
            parts.extend(names[day] for day in run)
    return join(parts, lang)


def timezone(zone: str, lang: Lang) -> str:
    """（北京时间） / (Asia/Shanghai)."""
    if lang == "zh":
        return f"（{_ZONE_ZH.get(zone, zone + ' 时间')}）"
    return f"({zone})"


def window(days: Sequence[str], start: str, end: str, lang: Lang) -> str:
    """周一至周五 08:30–18:00 / Monday to Friday 08:30–18:00."""
    return f"{weekdays(days, lang)} {start}–{end}"


def schedule(windows: Sequence[tuple[Sequence[str], str, str]], zone: str, lang: Lang) -> str:
    """周一至周五 08:30–18:00（北京时间） / Monday to Friday 08:30–18:00 (Asia/Shanghai)."""
    parts = [window(days, start, end, lang) for days, start, end in windows]
    if lang == "zh":
        return "；".join(parts) + timezone(zone, lang)
    return "; ".join(parts) + " " + timezone(zone, lang)


def weekly_minutes(windows: Sequence[tuple[Sequence[str], str, str]]) -> int:
    """Service minutes in one week (24:00 counts as the end of the day); a window on
    working days counts five, a week without holidays or make-up days."""
    total = 0
    for days, start, end in windows:
        count = 5 if days == WORKING_DAYS else len(set(days))
        total += count * (_clock(end) - _clock(start))
    return total


def _clock(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def term_word(key: str, lang: Lang) -> str:
    """A fixed word of the vocabulary: periods (month), frequencies (quarterly), fee bases."""
    return TERM_WORDS(key.removeprefix("calendar_"), lang)
