"""SG3xx: wording. Vague qualifiers where the guide asks for concrete times and quantities,
and placeholders left from the skeleton."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from sitegen.findings import Severity
from sitegen.lint.registry import Hit, Subject, rule
from sitegen.lint.texts import PLACEHOLDERS, Text
from sitegen.load.config import VagueWords

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
_ABOUT = re.compile(r"(?<=[0-9０-９一二两三四五六七八九十百千万半])\s*[^\s，。；、,;]{0,4}?\s*左右")


@dataclass(frozen=True)
class VaguePatterns:
    """One pattern per language: Chinese words in zh texts, English phrases in en texts."""

    zh: re.Pattern[str]
    en: re.Pattern[str]
    about: bool  # whether 左右 after a quantity counts

    def words(self, text: Text) -> Iterator[tuple[str, str]]:
        """Each vague word of a text once: as read (folded), and as written."""
        pattern = self.zh if text.lang == "zh" else self.en
        folded = text.folded
        seen: set[str] = set()
        matches = [(m.group(), m.start(), m.end()) for m in pattern.finditer(folded.text)]
        if text.lang == "zh" and self.about and "左右" in folded.text:
            about = _ABOUT.search(folded.text)
            if about:
                matches.append(("左右", about.end() - 2, about.end()))
        for word, start, end in matches:
            if word.casefold() not in seen:
                seen.add(word.casefold())
                yield word, folded.written(start, end)


@lru_cache(maxsize=8)
def _patterns(zh: tuple[str, ...], en: tuple[str, ...], allow: tuple[str, ...]) -> VaguePatterns:
    allowed = {word.casefold() for word in allow}
    zh_words = [w for w in set(VAGUE_ZH + zh) if w.casefold() not in allowed and w != "左右"]
    en_words = [w for w in set(VAGUE_EN + en) if w.casefold() not in allowed]
    zh_part = "|".join(re.escape(w) for w in sorted(zh_words, key=len, reverse=True))
    en_part = "|".join(
        r"\s+".join(map(re.escape, w.split())) for w in sorted(en_words, key=len, reverse=True)
    )
    return VaguePatterns(
        zh=re.compile(zh_part or r"(?!)"),
        en=re.compile(rf"(?<!\w)(?:{en_part})(?!(?<=\w)\w)" if en_part else r"(?!)", re.I),
        about="左右" not in allowed,
    )


def vague_patterns(words: VagueWords) -> VaguePatterns:
    """The built-in lists plus a project's additions, less what it allows."""
    return _patterns(tuple(words.zh), tuple(words.en), tuple(words.allow))


@rule("SG301", Severity.ERROR, "vague wording (尽快, as soon as possible, …) in any text")
def vague_wording(subject: Subject) -> Iterator[Hit]:
    patterns = vague_patterns(subject.context.settings.lint.vague_words)
    for text in subject.texts:
        for word, written in patterns.words(text):
            yield Hit(
                text.field,
                f"vague wording {_shown(word, written)}: state a concrete time, quantity or "
                "condition (e.g. 'within 30 minutes', '30 分钟内') instead",
                needle=written.strip(),
            )


def _shown(word: str, written: str) -> str:
    """The word as written, and as read when that differs (look-alike letters)."""
    word, written = word.strip(), written.strip()
    return repr(written) if word == written else f"{written!r} (read as {word!r})"


@rule("SG302", Severity.WARNING, "placeholder (待填写, to be completed, TODO, TBD) left in a text")
def placeholder_left(subject: Subject) -> Iterator[Hit]:
    for text in subject.texts:
        written = next(text.found(PLACEHOLDERS), None)
        if written is not None:
            yield Hit(
                text.field,
                f"placeholder {written!r} left: write the real text before signing",
                needle=written,
            )
