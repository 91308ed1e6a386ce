"""SG7xx: bilingual parity. Both languages present, each in its own language, and saying the
same numbers.

Numbers are compared as written in Arabic digits, read from the folded text
(`sitegen.lint.fold`: NFKC, so full-width digits count; invisible characters removed).
A number written in words in one language accounts for the same number in digits in the
other ("five business days" / "5 个工作日"), and digits inside the names the agreement
declares are not counted (`sitegen.lint.numerals`). Larger Chinese numerals (三十日,
一百零五) are not read: reading them reliably needs a parser for every form (廿, 一百零五,
半); SG706 asks for digits instead, so that every number in an agreement can be checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from sitegen.findings import Severity
from sitegen.lint.fold import fold
from sitegen.lint.numerals import lexicalised_spans, names_pattern, word_numbers
from sitegen.lint.registry import Hit, Texts, text_rule
from sitegen.lint.texts import HAN, LANGUAGES, Pair, has_placeholder

_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?")
_MULTIPLIER = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_NAME = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
# A month name counts as a number only inside a date: "15 March 2024", "March 15, 2024".
_DATE_MONTH = re.compile(
    rf"(?<=\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<a>{_MONTH_NAME})(?![a-z])"
    rf"|(?<![a-z])(?P<b>{_MONTH_NAME})(?=\s+\d)",
    re.IGNORECASE,
)
_ZH_NUMERAL_UNIT = re.compile(
    r"(?<![第零一二两三四五六七八九十百千])[零一二两三四五六七八九十百千]+\s*(?:个)?\s*"
    r"(?:工作日|自然日|日|天|小时|分钟|秒|周|星期|个月|月|年|次|倍|%|％)"
)
_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"[A-Za-z]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _month_number(name: str) -> int | None:
    word = name.lower().rstrip(".")
    for index, month in enumerate(_MONTHS, 1):
        if len(word) >= 3 and month.startswith(word):
            return index
    return None


def numbers(text: str, names: re.Pattern[str] | None = None) -> set[Decimal]:
    """The Arabic numbers of a text: '99.9%' -> 99.9, '80,000' -> 80000, '8万' -> 80000;
    digits inside `names` (`sitegen.lint.numerals.names_pattern`) are not counted."""
    text = _read(text, names)
    found: set[Decimal] = set()
    if not _DIGIT.search(text):
        return found
    for match in _NUMBER.finditer(text):
        value = Decimal(match.group().replace(",", ""))
        value *= _MULTIPLIER.get(text[match.end() : match.end() + 1], Decimal(1))
        found.add(value.normalize())
    if not _LATIN.search(text):
        return found
    for match in _DATE_MONTH.finditer(text):
        month = _month_number(match.group("a") or match.group("b"))
        if month is not None:
            found.add(Decimal(month))
    return found


def _read(text: str, names: re.Pattern[str] | None) -> str:
    """The text as SG705 reads it: folded, each declared name blanked out."""
    text = fold(text).text
    return names.sub(" ", text) if names is not None and _DIGIT.search(text) else text


def _shown(values: set[Decimal]) -> str:
    return ", ".join(f"{v:f}" for v in sorted(values))


def _names_only(text: str) -> bool:
    """Digits, symbols and names (SAP ERP, Oracle 19c) rather than an English sentence."""
    lower = [w for w in _LATIN_WORD.findall(text) if w.islower() and len(w) >= 3]
    return len(lower) < 2


@text_rule("SG701", Severity.ERROR, "a text is empty in one language")
def both_present(subject: Texts) -> Iterator[Hit]:
    for pair in subject.pairs:
        for lang in LANGUAGES:
            if not pair.get(lang).strip():
                other = "en" if lang == "zh" else "zh"
                yield Hit(
                    (*pair.field, lang),
                    f"the {lang} text is empty: translate the {other} text "
                    f"({pair.get(other).strip()[:30]!r})",
                )


@text_rule("SG702", Severity.WARNING, "the zh text has no Chinese characters")
def zh_is_chinese(subject: Texts) -> Iterator[Hit]:
    for pair in subject.pairs:
        zh = pair.zh.strip()
        if zh and zh != pair.en.strip() and not HAN.search(zh) and not _names_only(zh):
            yield Hit(
                (*pair.field, "zh"),
                "the zh text has no Chinese characters: write it in Chinese (English goes "
                "under en)",
            )


@text_rule("SG703", Severity.WARNING, "the en text has Chinese characters")
def en_is_english(subject: Texts) -> Iterator[Hit]:
    for pair in subject.pairs:
        match = HAN.search(pair.en)
        if match and pair.en.strip() != pair.zh.strip():
            yield Hit(
                (*pair.field, "en"),
                "the en text has Chinese characters: translate them (a registered name "
                "can follow in parentheses only if the party insists)",
                needle=match.group(),
            )


@text_rule("SG704", Severity.WARNING, "zh and en texts are identical (untranslated)")
def translated(subject: Texts) -> Iterator[Hit]:
    for pair in subject.pairs:
        text = pair.zh.strip()
        if not text or text != pair.en.strip():
            continue
        if HAN.search(text) or not _names_only(text):
            yield Hit(
                (*pair.field, "en"),
                "the en text is the same as the zh text: translate it",
            )


def _differences(pair: Pair, names: re.Pattern[str] | None) -> tuple[set[Decimal], set[Decimal]]:
    """Numbers in digits in one language that the other writes neither in digits nor in
    words."""
    zh, en = numbers(pair.zh, names), numbers(pair.en, names)
    if zh == en:
        return set(), set()
    only_zh = zh - en - word_numbers(_read(pair.en, names))
    only_en = en - zh - word_numbers(_read(pair.zh, names))
    return only_zh, only_en


def declared_names(subject: Texts) -> re.Pattern[str] | None:
    """The names whose digits SG705 does not count: the parties' names and units as
    written, the digit-bearing words of scope items, and `names` in `sitegen.toml`. Read
    from the texts' places, so a file that is not a valid agreement has them too."""
    whole = [*subject.context.settings.names]
    items: list[str] = []
    for pair in subject.pairs:
        field = pair.field
        if len(field) == 3 and field[0] == "parties" and field[2] in ("name", "unit"):
            whole += [pair.zh, pair.en]
        elif len(field) == 3 and field[0] == "scope" and field[1] in ("included", "excluded"):
            items += [pair.zh, pair.en]
    return names_pattern(items, whole)


@text_rule("SG705", Severity.ERROR, "zh and en texts give different numbers")
def same_numbers(subject: Texts) -> Iterator[Hit]:
    names = declared_names(subject)
    for pair in subject.pairs:
        if has_placeholder(pair.zh) or has_placeholder(pair.en):
            continue
        only_zh, only_en = _differences(pair, names)
        if not only_zh and not only_en:
            continue
        parts = [
            f"{_shown(values)} only in {lang}"
            for lang, values in (("zh", only_zh), ("en", only_en))
            if values
        ]
        lang = "en" if only_zh else "zh"
        yield Hit(
            (*pair.field, lang),
            f"the numbers differ ({'; '.join(parts)}): make both languages say the same, in digits",
        )


@text_rule("SG706", Severity.WARNING, "Chinese numeral with a unit (三十日): write digits")
def digits_not_numerals(subject: Texts) -> Iterator[Hit]:
    for pair in subject.pairs:
        match = _numeral(pair.zh)
        if match:
            yield Hit(
                (*pair.field, "zh"),
                f"{match.group()!r} is written in Chinese numerals: use digits (e.g. "
                "30 日, 5 个工作日) so the number can be checked against the English",
                needle=match.group(),
            )


def _numeral(text: str) -> re.Match[str] | None:
    """The first Chinese numeral with a unit that is not part of a word (一次性, 一年中)."""
    found = _ZH_NUMERAL_UNIT.finditer(text)
    spans = lexicalised_spans(text)
    return next(
        (m for m in found if not any(m.start() < b and a < m.end() for a, b in spans)), None
    )
