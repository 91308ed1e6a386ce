from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from sitegen.compose import fmt
from sitegen.load.values import Duration


@pytest.mark.parametrize(
    ("day", "zh", "en"),
    [
        (dt.date(2024, 3, 15), "2024年3月15日", "15 March 2024"),
        (dt.date(2025, 12, 1), "2025年12月1日", "1 December 2025"),
    ],
)
def test_date(day: dt.date, zh: str, en: str) -> None:
    assert fmt.date(day, "zh") == zh
    assert fmt.date(day, "en") == en


@pytest.mark.parametrize(
    ("text", "zh", "en"),
    [
        ("15m", "15 分钟", "15 minutes"),
        ("1m", "1 分钟", "1 minute"),
        ("4h", "4 小时", "4 hours"),
        ("1h", "1 小时", "1 hour"),
        ("1h30m", "1 小时 30 分钟", "1 hour 30 minutes"),
        ("2d", "2 天", "2 days"),
        ("1d4h", "1 天 4 小时", "1 day 4 hours"),
        ("90m", "1 小时 30 分钟", "1 hour 30 minutes"),
    ],
)
def test_duration(text: str, zh: str, en: str) -> None:
    assert fmt.duration(Duration.parse(text), "zh") == zh
    assert fmt.duration(Duration.parse(text), "en") == en


def test_span_in_seconds() -> None:
    assert fmt.span(2592, "zh") == "43 分钟 12 秒"
    assert fmt.span(2592, "en") == "43 minutes 12 seconds"
    assert fmt.span(31536, "en") == "8 hours 45 minutes 36 seconds"
    assert fmt.span(1, "en") == "1 second"
    assert fmt.span(0, "zh") == "0 秒"


@pytest.mark.parametrize(
    ("value", "text"),
    [("99.9", "99.9%"), ("99.90", "99.9%"), ("100", "100%"), ("99.0", "99%"), ("0.05", "0.05%")],
)
def test_percent(value: str, text: str) -> None:
    assert fmt.percent(Decimal(value), "zh") == text
    assert fmt.percent(Decimal(value), "en") == text


@pytest.mark.parametrize(
    ("currency", "zh", "en"),
    [
        ("CNY", "人民币 80,000.00 元", "RMB 80,000.00"),
        # 元 names the yuan: after another currency's name it was a second unit (美元 … 元).
        ("USD", "美元 80,000.00", "USD 80,000.00"),
        ("EUR", "欧元 80,000.00", "EUR 80,000.00"),
        ("HKD", "港元 80,000.00", "HKD 80,000.00"),  # Babel's (CLDR's) name, as HKMA writes
        ("GBP", "英镑 80,000.00", "GBP 80,000.00"),
        ("CHF", "瑞士法郎 80,000.00", "CHF 80,000.00"),
        ("JPY", "日元 80,000", "JPY 80,000"),  # no minor unit
        ("KWD", "科威特第纳尔 80,000.000", "KWD 80,000.000"),  # three decimals
    ],
)
def test_money(currency: str, zh: str, en: str) -> None:
    assert fmt.money(Decimal(80000), currency, "zh") == zh
    assert fmt.money(Decimal(80000), currency, "en") == en


def test_money_rounds_to_the_currencys_minor_unit() -> None:
    assert fmt.money(Decimal("1234567.5"), "JPY", "en") == "JPY 1,234,568"
    assert fmt.money(Decimal("0.0125"), "KWD", "zh") == "科威特第纳尔 0.013"


def test_amount_in_words_is_for_the_yuan_only() -> None:
    assert fmt.money_in_words(Decimal(80000), "CNY") == "人民币捌万元整"
    assert fmt.money_in_words(Decimal(80000), "USD") is None
    assert fmt.money_in_words(Decimal(80000), "JPY") is None


def test_money_rounds_half_up_to_the_cent() -> None:
    assert fmt.money(Decimal("1234567.125"), "CNY", "en") == "RMB 1,234,567.13"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("80000", "捌万元整"),
        ("126000", "壹拾贰万陆仟元整"),
        ("1234.56", "壹仟贰佰叁拾肆元伍角陆分"),
        ("1005.07", "壹仟零伍元零柒分"),
        ("10010", "壹万零壹拾元整"),
        ("100000000", "壹亿元整"),
        ("1000010000", "壹拾亿零壹万元整"),
        ("0.50", "伍角"),
        ("0.05", "伍分"),
        ("0", "零元整"),
    ],
)
def test_capital(value: str, words: str) -> None:
    assert fmt.capital(Decimal(value)) == words


@pytest.mark.parametrize(
    ("items", "zh", "en"),
    [
        (["a"], "a", "a"),
        (["a", "b"], "a、b", "a and b"),
        (["a", "b", "c"], "a、b、c", "a, b and c"),
        (["周一、周二", "周五"], "周一、周二，周五", "周一、周二 and 周五"),
        (["x, y", "z", "w"], "x, y、z、w", "x, y; z; and w"),
    ],
)
def test_join(items: list[str], zh: str, en: str) -> None:
    assert fmt.join(items, "zh") == zh
    assert fmt.join(items, "en") == en


@pytest.mark.parametrize(
    ("days", "zh", "en"),
    [
        (["mon", "tue", "wed", "thu", "fri"], "周一至周五", "Monday to Friday"),
        (["sat", "sun"], "周六、周日", "Saturday and Sunday"),
        (["mon", "wed", "fri"], "周一、周三、周五", "Monday, Wednesday and Friday"),
        (["mon", "tue", "wed", "sat"], "周一至周三、周六", "Monday to Wednesday and Saturday"),
        (list(fmt.WEEKDAYS), "每天", "every day"),
    ],
)
def test_weekdays(days: list[str], zh: str, en: str) -> None:
    assert fmt.weekdays(days, "zh") == zh
    assert fmt.weekdays(days, "en") == en


def test_schedule() -> None:
    windows = [(["mon", "tue", "wed", "thu", "fri"], "08:30", "18:00")]
    assert fmt.schedule(windows, "Asia/Shanghai", "zh") == "周一至周五 08:30–18:00（北京时间）"
    assert (
        fmt.schedule(windows, "Asia/Shanghai", "en")
        == "Monday to Friday 08:30–18:00 (Asia/Shanghai)"
    )
    two = [*windows, (["sat"], "09:00", "12:00")]
    assert fmt.schedule(two, "Europe/Berlin", "zh") == (
        "周一至周五 08:30–18:00；周六 09:00–12:00（Europe/Berlin 时间）"
    )
    assert fmt.weekly_minutes(two) == 5 * 570 + 180


def test_counts_and_words() -> None:
    assert fmt.count(12, "个月", "month", "months", "zh") == "12 个月"
    assert fmt.count(1, "个月", "month", "months", "en") == "1 month"
    assert fmt.term_word("calendar_quarter", "zh") == "自然季度"
    assert fmt.term_word("half_yearly", "en") == "every six months"
    assert fmt.term_word("per_month", "zh") == "每月"


def test_span_without_days() -> None:
    assert fmt.span(47 * 3600 + 1800, "zh", days=False) == "47 小时 30 分钟"
    assert fmt.span(47 * 3600 + 1800, "en") == "1 day 23 hours 30 minutes"
