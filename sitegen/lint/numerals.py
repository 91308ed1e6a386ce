"""Numbers written as words, words that only look like numerals, and names holding digits.

SG705 compares the numbers of the two languages in digits. Real SLAs write small numbers
as words in one language and digits in the other ("within five business days" / "5 个工作日内",
"the first business day" / "第 1 个工作日", "twice a year" / "每年 2 次"), and name companies
and products with digits in one language only (21Vianet / 世纪互联). This module reads what
SG705 then understands:

- number words (`word_numbers`): one–twelve, first–twelfth, single, twice, and once as a
  frequency ("once a month", "more than once", not "once the ticket is closed"); in Chinese
  一 to 十二 before a measure word (一次, 两个工作日, 三小时) and 第一 to 第十二. A number word
  only accounts for the same number written in digits in the other language; it never
  makes a difference on its own, because a language often says without a number what the
  other says with one ("a single instance" / "单实例", "either party" / "任何一方").
- lexicalised words (`LEXICALISED`): 一次性, 一般, 统一, 一年中, 一旦 and their kin hold a
  numeral but state no number; neither SG705 nor SG706 reads them.
- declared names (`names_pattern`): a party's name, the digit-bearing words of a scope
  item (21Vianet, EC2), and `names` in `sitegen.toml`; their digits are not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache

_CARDINALS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
_EN_WORDS = (
    (*_CARDINALS, "eleven", "twelve"),
    (*_ORDINALS, "ninth", "tenth", "eleventh", "twelfth"),
)
EN_NUMBERS: dict[str, int] = {
    **{word: n for words in _EN_WORDS for n, word in enumerate(words, 1)},
    "single": 1,
    "twice": 2,
}
_EN_NUMBER = re.compile(rf"(?<![\w-])({'|'.join(EN_NUMBERS)})(?![\w-])", re.IGNORECASE)
# "once" is a number as a frequency only: "once a month", "once per quarter", "more than once".
_ONCE = re.compile(
    r"(?<![\w-])once(?=\s+(?:a|an|per|every|each|in\s+(?:a|an|any|each|every))\b|\s*[.,;:)]|\s*$)"
    r"|(?<=than\s)once|(?<=least\s)once|(?<=most\s)once|(?<=only\s)once|(?<=exactly\s)once",
    re.IGNORECASE,
)

ZH_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
MEASURES = (
    "工作日|自然日|个月|小时|分钟|季度|星期|日|天|周|月|年|秒|次|倍|个|项|名|位|份|台|条|家|%|％"
)
_NUMERAL = r"十[一二]?|[一二两三四五六七八九]"
_ZH_NUMBER = re.compile(
    rf"第\s*(?P<ordinal>{_NUMERAL})(?![零一二两三四五六七八九十百千])"
    rf"|(?<![第零一二两三四五六七八九十百千万])(?P<count>{_NUMERAL})\s*(?=(?:{MEASURES}))"
)

LEXICALISED: tuple[str, ...] = (
    "一次性",
    "一般",
    "统一",
    "一年中",
    "一年一度",
    "一旦",
    "一致",
    "一律",
    "一并",
    "一切",
    "一经",
    "一同",
    "一起",
    "一定",
    "一些",
    "一直",
    "一周年",
    "唯一",
    "单一",
    "之一",
    "逐一",
    "万一",
    "一方面",
    "下一",
    "上一",
    "同一",
    "任一",
    "每一",
    "其一",
    "一揽子",
    "一站式",
    "一体化",
    "一线",
    "二线",
)
_LEXICALISED = re.compile("|".join(sorted(LEXICALISED, key=len, reverse=True)))
_MIXED = re.compile(r"[^\W_]*(?:\d[^\W\d_]|[^\W\d_]\d)[^\W_]*")


def lexicalised_spans(text: str) -> list[tuple[int, int]]:
    """Where the words of `LEXICALISED` stand in a text."""
    if "一" not in text and "二" not in text:  # every word of the list holds one of them
        return []
    return [(m.start(), m.end()) for m in _LEXICALISED.finditer(text)]


def _within(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < stop and begin < end for begin, stop in spans)


def zh_value(numeral: str) -> int:
    """一 to 十二 as a number."""
    if numeral.startswith("十"):
        return 10 + (ZH_DIGITS[numeral[1]] if len(numeral) > 1 else 0)
    return ZH_DIGITS[numeral]


def word_numbers(text: str) -> set[Decimal]:
    """The numbers a (folded) text writes as words."""
    found: set[Decimal] = set()
    for match in _EN_NUMBER.finditer(text):
        found.add(Decimal(EN_NUMBERS[match.group().lower()]))
    if _ONCE.search(text):
        found.add(Decimal(1))
    if re.search(_NUMERAL, text):
        spans = lexicalised_spans(text)
        for match in _ZH_NUMBER.finditer(text):
            group = "ordinal" if match.group("ordinal") else "count"
            if not _within(match.start(group), match.end(group), spans):
                found.add(Decimal(zh_value(match.group(group))))
    return found


# Words of a scope item that mix digits and letters but are no names: a quantity with its
# unit (24h, 4G, 2nd), or a label with one letter (P1, Q3, S1), which the texts use as numbers.
_NO_NAME = re.compile(r"\d+(?:st|nd|rd|th|[a-z]|hrs?|mins?|ms|kb|mb|gb|tb)|[a-z]\d+", re.IGNORECASE)


def names_pattern(texts: Iterable[str], whole: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern of the declared names: each of `whole` as written with the words in it that
    mix digits with letters (21Vianet in a party's name), and such words of `texts` (scope
    items: 21Vianet, EC2, 奇虎360, but not 24h, 4G or P1); None when there are none."""
    return _compiled(tuple(texts), tuple(whole))


@lru_cache(maxsize=64)
def _compiled(texts: tuple[str, ...], whole: tuple[str, ...]) -> re.Pattern[str] | None:
    found = {w for text in texts for w in _MIXED.findall(text) if not _NO_NAME.fullmatch(w)}
    words = found | {w for name in whole for w in _MIXED.findall(name)}
    kept = {w.strip() for w in (*whole, *words) if any(c.isdigit() for c in w)}
    if not kept:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(kept, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z0-9])", re.IGNORECASE)
