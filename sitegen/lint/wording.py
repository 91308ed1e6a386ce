"""SG3xx: wording. Vague qualifiers where the guide asks for concrete times and quantities,
terms of art and open-ended lists a reviewer reads twice (the words: `sitegen.lint.words`),
and placeholders left from the skeleton."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from sitegen.findings import Severity
from sitegen.lint.registry import Hit, Texts, text_rule
from sitegen.lint.texts import PLACEHOLDERS, Text
from sitegen.lint.words import EN, WORDS, ZH, Kind
from sitegen.load.config import VagueWords

# 左右 is vague only after a quantity ("30 分钟左右"); "左右两侧" is not a qualifier.
_ABOUT = re.compile(r"(?<=[0-9０-９一二两三四五六七八九十百千万半])\s*[^\s，。；、,;]{0,4}?\s*左右")
# 等 closes a list where it is no part of a word (同等, 等级, 等待, 一等奖) and no count
# follows it (北京、上海等 2 个城市 names every city).
_DENG = re.compile(
    r"(?<![同相对平均不何高中初上下劣优次头特超一二三四五六七八九十等])等"
    r"(?![等级于同待候效价额比量到式分号距速宽值次])"
    r"(?!\s*(?:[0-9]+|[一二两三四五六七八九十]+)\s*(?:个|项|类|种|名|家|位|条|款|方|部分))"
)
_CONTEXTUAL = {"左右": _ABOUT, "等": _DENG}  # words found by their context, not alone


@dataclass(frozen=True)
class WordPatterns:
    """One pattern per language over every word of `sitegen.lint.words`, and each word's kind."""

    zh: re.Pattern[str]
    en: re.Pattern[str]
    kinds: dict[str, Kind | None]  # the word, casefolded and its spaces single (None: allowed)
    contextual: tuple[str, ...]  # words of `_CONTEXTUAL` still looked for

    def words(self, text: Text) -> Iterator[tuple[str, str, Kind]]:
        """Each word of a text once: as read (folded), as written, and its kind."""
        pattern = self.zh if text.lang == "zh" else self.en
        folded = text.folded
        seen: set[str] = set()
        matches = [(m.group(), m.start(), m.end()) for m in pattern.finditer(folded.text)]
        if text.lang == "zh":
            for word in self.contextual:
                found = _CONTEXTUAL[word].search(folded.text) if word in folded.text else None
                if found:
                    matches.append((word, found.end() - len(word), found.end()))
        for word, start, end in sorted(matches, key=lambda match: match[1]):
            key = _key(word)
            kind = self.kinds.get(key)
            if key not in seen and kind is not None:
                seen.add(key)
                yield word, folded.written(start, end), kind


def _key(word: str) -> str:
    return " ".join(word.casefold().split())


@lru_cache(maxsize=8)
def _patterns(zh: tuple[str, ...], en: tuple[str, ...], allow: tuple[str, ...]) -> WordPatterns:
    # An allowed word stays in the pattern, found and passed over, so that the words inside
    # an allowed phrase ("reasonable" in "reasonable control") are not found instead.
    allowed = {_key(word) for word in allow}
    kinds: dict[str, Kind | None] = {_key(word): None for word in allow}
    for lang, added in (("zh", zh), ("en", en)):
        for word, kind in (*WORDS[lang], *((w, Kind.VAGUE) for w in added)):
            if _key(word) not in allowed:
                kinds.setdefault(_key(word), kind)
    zh_words = [*(w for w, _ in ZH), *zh, *(w for w in allow if not w.isascii())]
    en_words = [*(w for w, _ in EN), *en, *(w for w in allow if w.isascii())]
    zh_plain = {w for w in zh_words if w not in _CONTEXTUAL}
    zh_part = "|".join(re.escape(w) for w in sorted(zh_plain, key=len, reverse=True))
    en_part = "|".join(
        r"\s+".join(map(re.escape, w.split())) for w in sorted(set(en_words), key=len, reverse=True)
    )
    return WordPatterns(
        zh=re.compile(zh_part or r"(?!)"),
        en=re.compile(rf"(?<!\w)(?:{en_part})(?!(?<=\w)\w)" if en_part else r"(?!)", re.I),
        kinds=kinds,
        contextual=tuple(w for w in _CONTEXTUAL if kinds.get(w) is not None),
    )


def word_patterns(words: VagueWords) -> WordPatterns:
    """The built-in lists plus a project's vague words, less what it allows."""
    return _patterns(tuple(words.zh), tuple(words.en), tuple(words.allow))


Found = tuple[Text, str, str, Kind]  # a text, the word as read, as written, and its kind
# The words of the last agreement looked at: three rules read them, one search finds them.
_LAST: list[tuple[Texts, list[Found]]] = []


def _found(subject: Texts, kind: Kind) -> Iterator[tuple[Text, str, str]]:
    if not _LAST or _LAST[0][0] is not subject:
        patterns = word_patterns(subject.context.settings.lint.vague_words)
        found = [(t, *word) for t in subject.texts for word in patterns.words(t)]
        _LAST[:] = [(subject, found)]
    for text, word, written, of in _LAST[0][1]:
        if of is kind:
            yield text, word, written


@text_rule("SG301", Severity.ERROR, "vague wording (尽快, as soon as possible, …) in any text")
def vague_wording(subject: Texts) -> Iterator[Hit]:
    for text, word, written in _found(subject, Kind.VAGUE):
        yield Hit(
            text.field,
            f"vague wording {_shown(word, written)}: state a concrete time, quantity or "
            "condition (e.g. 'within 30 minutes', '30 分钟内') instead",
            needle=written.strip(),
        )


@text_rule(
    "SG303",
    Severity.WARNING,
    "term of art (commercially reasonable efforts, reasonable control, 合理, 适当) in a text",
)
def term_of_art(subject: Texts) -> Iterator[Hit]:
    for text, word, written in _found(subject, Kind.TERM_OF_ART):
        yield Hit(
            text.field,
            f"term of art {_shown(word, written)}: its meaning is for a court to settle; keep "
            "it knowingly or state the measure (a time, an amount, a list)",
            needle=written.strip(),
        )


@text_rule("SG304", Severity.WARNING, "open-ended list (etc., 等) in a text")
def open_list(subject: Texts) -> Iterator[Hit]:
    for text, word, written in _found(subject, Kind.OPEN_LIST):
        yield Hit(
            text.field,
            f"open-ended list {_shown(word, written)}: name every item, or keep it knowingly "
            "(the list then covers what is not named)",
            needle=written.strip(),
        )


def _shown(word: str, written: str) -> str:
    """The word as written, and as read when that differs (look-alike letters)."""
    word, written = word.strip(), written.strip()
    return repr(written) if word == written else f"{written!r} (read as {word!r})"


@text_rule(
    "SG302",
    Severity.WARNING,
    "placeholder (待填写, to be completed, TODO, TBD, or the skeleton's sample code) left",
)
def placeholder_left(subject: Texts) -> Iterator[Hit]:
    for text in subject.texts:
        written = next(text.found(PLACEHOLDERS), None)
        if written is not None:
            yield Hit(
                text.field,
                f"placeholder {written!r} left: write the real text before signing",
                needle=written,
            )
    parties = subject.document.data.get("parties")
    for role in ("customer", "provider"):
        party = parties.get(role) if isinstance(parties, dict) else None
        code = party.get("uscc") if isinstance(party, dict) else None
        if isinstance(code, str) and code in _skeleton_codes():
            yield Hit(
                ("parties", role, "uscc"),
                f"placeholder code {code} left (the sample `sitegen new` writes, which passes "
                "the check digit): copy the party's code from its business licence",
            )


@cache
def _skeleton_codes() -> frozenset[str]:
    """The sample credit codes of the skeleton `sitegen new` writes (its package data)."""
    text = resources.files("sitegen").joinpath("data", "skeleton.yaml").read_text("utf-8")
    return frozenset(re.findall(r"^\s*uscc: ([0-9A-Z]{18})\b", text, re.MULTILINE))
