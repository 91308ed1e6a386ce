"""Whether a reworded duty binds its party more or less: judged from its text, or not at all.

A duty is free text, so its change is judged only where the text itself says so, in
both languages alike:

- Numbers with a unit, read in order and compared where both versions give the same
  kinds of unit in the same order: more time (30 → 60 minutes, the 5th → the 10th working
  day, every 3 → 6 months) is looser on whoever owes the duty; more occurrences (1 → 2
  times per month) stricter. Minutes, hours, days and weeks compare with each other;
  working days only with working days; months and years with each other.
- A condition added (only, if, unless, on request, may; 仅、如、若、除非、经…要求、视情况)
  is looser on whoever owes the duty; one taken away, stricter.

When the signals agree, that is the judgement; when they disagree, or the text says
nothing a rule can read (a duty reworded, a different system named), there is none: a
person judges it. A wrong direction would be worse than none.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

from sitegen.load.model import Bilingual

Holder = Literal["looser", "stricter"]  # for the party that owes the duty

# Each unit: its family (only one family compares with itself) and its size in it.
_UNITS: dict[str, tuple[str, int]] = {
    "minute": ("time", 1), "min": ("time", 1), "hour": ("time", 60), "hr": ("time", 60),
    "h": ("time", 60), "day": ("time", 1440), "week": ("time", 10080),
    "working day": ("working", 1), "business day": ("working", 1),
    "month": ("months", 1), "year": ("months", 12), "time": ("count", 1),
    "分钟": ("time", 1), "小时": ("time", 60), "天": ("time", 1440), "日": ("time", 1440),
    "周": ("time", 10080), "个工作日": ("working", 1), "工作日": ("working", 1),
    "个月": ("months", 1), "年": ("months", 12), "次": ("count", 1),
}  # fmt: skip
_EN = re.compile(
    r"(\d+(?:\.\d+)?)(?:st|nd|rd|th)?\s*"
    r"(working day|business day|minute|min|hour|hr|h|day|week|month|year|time)s?\b",
    re.IGNORECASE,
)
_ZH = re.compile(r"(\d+(?:\.\d+)?)\s*(个工作日|工作日|分钟|小时|个月|天|日|周|年|次)")
# How often: "per month", "quarterly", 每季度 (a period, so longer is looser).
_EVERY = {
    "en": re.compile(
        r"\b(?:per|each|every|a) (day|week|month|quarter|year)\b"
        r"|\b(daily|weekly|monthly|quarterly|yearly|annually)\b",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"每(?:个)?(天|日|周|月|季度|半年|年)"),
}
_PERIODS: dict[str, tuple[str, int]] = {
    "day": ("time", 1440), "daily": ("time", 1440), "天": ("time", 1440), "日": ("time", 1440),
    "week": ("time", 10080), "weekly": ("time", 10080), "周": ("time", 10080),
    "month": ("months", 1), "monthly": ("months", 1), "月": ("months", 1),
    "quarter": ("months", 3), "quarterly": ("months", 3), "季度": ("months", 3),
    "半年": ("months", 6), "year": ("months", 12), "yearly": ("months", 12),
    "annually": ("months", 12), "年": ("months", 12),
}  # fmt: skip
_ONCE = {"once": "1 time", "twice": "2 times"}
_CONDITIONS = {
    "en": re.compile(
        r"\b(?:only|if|unless|upon request|on request|on (?:the )?\w*(?:'s)? ?written request|"
        r"at the request|when requested|where requested|provided that|subject to|may|"
        r"reasonable efforts|as far as)\b",
        re.IGNORECASE,
    ),
    "zh": re.compile(
        r"仅|只有|只在|如果|如需|若|除非|经[^，。；]{0,12}要求|应[^，。；]{0,12}要求|视情况|尽力"
    ),
}


def judge(old: Bilingual, new: Bilingual) -> Holder | None:
    """Looser or stricter on whoever owes the duty, when both languages' text says so."""
    signals: set[Holder] = set()
    for lang, text_old, text_new in (("en", old.en, new.en), ("zh", old.zh, new.zh)):
        signals |= _number_signals(_figures(text_old, lang), _figures(text_new, lang))
        before = len(_CONDITIONS[lang].findall(text_old))
        after = len(_CONDITIONS[lang].findall(text_new))
        if after != before:
            signals.add("looser" if after > before else "stricter")
    return signals.pop() if len(signals) == 1 else None


def _figures(text: str, lang: str) -> list[tuple[str, Decimal]]:
    """Each number with a unit, and each "per month", "quarterly", 每季度, in the order of
    the text: (the unit's family, the amount in its base unit)."""
    if lang == "en":
        for word, figure in _ONCE.items():
            text = re.sub(rf"\b{word}\b", figure, text, flags=re.IGNORECASE)
    found: list[tuple[int, str, Decimal]] = []
    for hit in (_EN if lang == "en" else _ZH).finditer(text):
        family, size = _UNITS[hit.group(2).lower()]
        found.append((hit.start(), family, Decimal(hit.group(1)) * size))
    for hit in _EVERY[lang].finditer(text):
        word = next(group for group in hit.groups() if group)
        family, size = _PERIODS[word.lower()]
        found.append((hit.start(), family, Decimal(size)))
    return [(family, amount) for _, family, amount in sorted(found)]


def _number_signals(old: list[tuple[str, Decimal]], new: list[tuple[str, Decimal]]) -> set[Holder]:
    """Compared in order, only where both give the same families in the same order."""
    if [family for family, _ in old] != [family for family, _ in new]:
        return set()
    signals: set[Holder] = set()
    for (family, a), (_, b) in zip(old, new, strict=True):
        if a == b:
            continue
        more_is_stricter = family == "count"
        signals.add("stricter" if (b > a) == more_is_stricter else "looser")
    return signals
