"""SG3xx: wording. Vague qualifiers where the guide asks for concrete times and quantities,
and placeholders left from the skeleton."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from sitegen.config import VagueWords
from sitegen.findings import Severity
from sitegen.lint.registry import Hit, Subject, rule
from sitegen.lint.texts import PLACEHOLDERS, texts

VAGUE_ZH: tuple[str, ...] = (
    "尽快",
    "尽早",
    "尽量",
    "尽可能",
    "及时",
    "适当",
    "合理",
    "原则上",
    "酌情",
    "视情况",
    "大约",
    "左右",
    "等等",
    "一般情况下",
    "通常情况下",
    "一般而言",
    "力争",
    "若干",
)
VAGUE_EN: tuple[str, ...] = (
    "as soon as possible",
    "asap",
    "best effort",
    "best efforts",
    "promptly",
    "reasonable",
    "reasonably",
    "timely",
    "where possible",
    "as far as possible",
    "if possible",
    "in principle",
    "as appropriate",
    "approximately",
    "without undue delay",
    "etc.",
    "where practicable",
    "roughly",
    "and so on",
)
# 左右 is vague only after a quantity ("30 分钟左右"); "左右两侧" is not a qualifier.
_ABOUT_ZH = r"(?<=[0-9０-９一二两三四五六七八九十百千万半])\s*[^\s，。；、,;]{0,4}?\s*左右"


@lru_cache(maxsize=8)
def _patterns(zh: tuple[str, ...], en: tuple[str, ...], allow: tuple[str, ...]) -> re.Pattern[str]:
    allowed = {word.casefold() for word in allow}
    parts = [
        _ABOUT_ZH if word == "左右" else re.escape(word)
        for word in sorted(set(VAGUE_ZH + zh), key=len, reverse=True)
        if word.casefold() not in allowed
    ]
    parts += [
        r"(?<![\w])" + r"\s+".join(map(re.escape, word.split())) + r"(?![\w])"
        if not word.endswith(".")
        else r"(?<![\w])" + re.escape(word)
        for word in sorted(set(VAGUE_EN + en), key=len, reverse=True)
        if word.casefold() not in allowed
    ]
    return re.compile("|".join(parts) or r"(?!)", re.IGNORECASE)


def vague_pattern(words: VagueWords) -> re.Pattern[str]:
    """The built-in lists plus a project's additions, less what it allows."""
    return _patterns(tuple(words.zh), tuple(words.en), tuple(words.allow))


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[str]:
    seen: set[str] = set()
    for match in pattern.finditer(text):
        word = "左右" if match.group().endswith("左右") else match.group()
        if word.casefold() not in seen:
            seen.add(word.casefold())
            yield word


@rule("SG301", Severity.ERROR, "vague wording (尽快, as soon as possible, …) in any text")
def vague_wording(subject: Subject) -> Iterator[Hit]:
    pattern = vague_pattern(subject.context.settings.lint.vague_words)
    for text in texts(subject.agreement):
        for word in _matches(pattern, text.value):
            shown = word.strip()
            yield Hit(
                text.field,
                f"vague wording {shown!r}: state a concrete time, quantity or condition "
                "(e.g. 'within 30 minutes', '30 分钟内') instead",
                needle=shown,
            )


@rule("SG302", Severity.WARNING, "placeholder (待填写, to be completed, TODO, TBD) left in a text")
def placeholder_left(subject: Subject) -> Iterator[Hit]:
    for text in texts(subject.agreement):
        match = PLACEHOLDERS.search(text.value)
        if match:
            yield Hit(
                text.field,
                f"placeholder {match.group()!r} left: write the real text before signing",
                needle=match.group(),
            )
