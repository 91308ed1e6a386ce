"""Texts as the rules read them: what a reader sees, not how it was typed.

A rule that matched the characters as stored was fooled by presentation: Cyrillic `а` in
"аs soon аs possible", full-width digits in `１３８ ００１３ ８０００`, `ops＠example.com`
all looked like what the rule looks for and passed. Every text rule matches on the folded
text and reports at the original place: `Folded.span` maps a match back to the characters
as written, which the finding's column is found from.

Folding, in order, per character cluster (a character and the combining marks after it,
so that NFKC can compose them):
1. invisible characters are removed (`sitegen.load.characters`; the loader refuses them, this
   keeps the rules right on texts made in code);
2. NFKC: full-width and compatibility forms become their plain letters and digits
   (`１３８` -> `138`, `＠` -> `@`, `ﬁ` -> `fi`);
3. Latin look-alikes become Latin (`CONFUSABLES`): the Cyrillic and Greek letters drawn
   the same as a Latin letter in common fonts. A small table, not Unicode's full
   confusables list (~6,000 entries, most between non-Latin scripts, which would also fold
   legitimate Greek or Cyrillic words the rules never look for). No PyPI package was
   worth its weight here: they answer "is this string mixed-script?", not "what Latin text
   does it show, and where is each letter?".

Cost: most texts are ASCII or Chinese with nothing to fold and are returned as they are;
a text that folds one character for one (full-width punctuation, look-alikes) goes through
`str.translate` and keeps its places, about 5 times quicker than the per-cluster loop
(measured on a 50-character Chinese sentence with full-width commas and brackets); only
combining marks, invisible characters and expanding forms (㎡ -> m2) take the loop.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from sitegen.load.characters import hidden, kind

# Cyrillic and Greek letters drawn like a Latin letter -> that Latin letter.
CONFUSABLES: dict[str, str] = {
    **dict(zip("аАВеЕһіІјЈкКМНоОрРсСТуУхХѕЅԁԛԝӏ", "aABeEhiIjJkKMHoOpPcCTyYxXsSdqwl", strict=True)),
    **dict(zip("αΑΒΕΖΗιΙκΚΜνΝοΟρΡΤυΥχΧ", "aABEZHiIkKMvNoOpPTuYxX", strict=True)),
}

_LOOK_ALIKE = re.compile(f"[{''.join(CONFUSABLES)}]")


@dataclass(frozen=True)
class Folded:
    """The folded text and, for each of its characters, the index it came from."""

    original: str
    text: str
    origin: tuple[int, ...] | None = None  # None: the text is its own folding

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) of the folded text's [start, end)."""
        if self.origin is None:
            return start, end
        if start >= len(self.origin):
            return len(self.original), len(self.original)
        first = self.origin[start]
        last = self.origin[end - 1] if end > start else first
        return first, self._cluster_end(last)

    def written(self, start: int, end: int) -> str:
        """The original characters behind the folded text's [start, end)."""
        first, last = self.span(start, end)
        return self.original[first:last]

    def _cluster_end(self, index: int) -> int:
        after = index + 1
        while after < len(self.original) and unicodedata.combining(self.original[after]):
            after += 1
        return after


def fold(text: str) -> Folded:
    """`text` as the rules read it, with the way back to each original character."""
    if text.isascii() or _unchanged(text):
        return Folded(text, text)  # most texts: plain ASCII, or Chinese with nothing to fold
    return _fold(text)


def _unchanged(text: str) -> bool:
    return (
        unicodedata.is_normalized("NFKC", text)
        and _LOOK_ALIKE.search(text) is None
        and next(hidden(text), None) is None
    )


# What each character seen so far folds to on its own (for str.translate), and those that
# need the slow path: combining marks (NFKC composes them with the character before) and
# characters that fold to none or several (㎡ -> m2, an invisible one -> nothing).
_TABLE: dict[int, str] = {}
_KNOWN: set[str] = set()
_UNEVEN: set[str] = set()


def _learn(chars: set[str]) -> None:
    for char in chars - _KNOWN:
        folded = "" if kind(char) is not None else unicodedata.normalize("NFKC", char)
        folded = "".join(CONFUSABLES.get(c, c) for c in folded)
        _TABLE[ord(char)] = folded
        if len(folded) != 1 or unicodedata.combining(char):
            _UNEVEN.add(char)
        _KNOWN.add(char)


@lru_cache(maxsize=4096)
def _fold(text: str) -> Folded:
    chars = set(text)
    _learn(chars)
    if chars.isdisjoint(_UNEVEN):
        # One character for one (full-width punctuation, look-alikes): the same places.
        return Folded(text, text.translate(_TABLE))
    out: list[str] = []
    origin: list[int] = []
    index = 0
    while index < len(text):
        end = index + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        cluster = "".join(c for c in text[index:end] if kind(c) is None)
        for char in unicodedata.normalize("NFKC", cluster):
            out.append(CONFUSABLES.get(char, char))
            origin.append(index)
        index = end
    return Folded(text, "".join(out), tuple(origin))
