"""The report PDF's cells: labels in both languages, verdicts, numbers as the record states them.

A label is a pair `[中文, English]` (`compose.vocabulary`); a cell is a list of lines, or a
verdict `{"words": [中文, English], "met": bool}` the layout colours. Numbers are shown as
the figures hold them: a report never rounds again what the record states.
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal
from typing import Any

from sitegen.compose.vocabulary import REPORT_PDF_WORDS, REPORT_WORDS

Data = dict[str, Any]
DASH = "—"
PLACES = Decimal("0.0001")


def word(key: str) -> list[str]:
    text = REPORT_PDF_WORDS[key] if key in REPORT_PDF_WORDS else REPORT_WORDS[key]
    return [text.zh, text.en]


def verdict(met: bool) -> Data:
    return {"words": word("passed" if met else "failed"), "met": met}


def percent(value: Decimal | None) -> str:
    return DASH if value is None else f"{value}%"


def minutes(count: int) -> str:
    return f"{count} {REPORT_WORDS['minutes'].zh}/{REPORT_WORDS['minutes'].en}"


def fraction(value: Decimal) -> float:
    """A bar's length as a fraction of its track: 0 to 1, four places."""
    return float(min(max(value, Decimal(0)), Decimal(1)).quantize(PLACES, ROUND_FLOOR))


def tier_name(tier: str) -> str:
    return tier or f"{REPORT_WORDS['all'].zh} {REPORT_WORDS['all'].en}"


def tier_names(tier: str) -> list[str]:
    """A tier's name in each language, [中文, English]: its id, or 全部 / All."""
    return [tier, tier] if tier else [REPORT_WORDS["all"].zh, REPORT_WORDS["all"].en]
