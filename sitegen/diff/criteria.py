"""Which priorities the pass criteria hold the provider to, read from their text.

The pass criteria are free text; what a reviewer must not miss is a priority dropped from
them ("every priority" → "P1 and P2"): fewer priorities counted is looser on the
provider, more is stricter. Each language is read on its own: a level named as a word
(P1, not P10; `P1、P2`, `P1 至 P3`), a range of levels (P1 to P4, P1–P4, P1 至 P4) in the
agreement's order, or, when it names none, every level ("every priority", 各级, 各优先级).
A direction is given only when both languages read the same change; otherwise none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitegen.diff.change import LOOSER, STRICTER, Direction
from sitegen.load.model import Bilingual

_EVERY = {
    "en": re.compile(
        r"\b(?:every|each|all) (?:priority|priorities|priority level|level|ticket priority)\b",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"各级|各优先级|各个级别|所有级别|所有优先级|每个级别|每一级"),
}
_RANGE = r"\s*(?:to|through|–|—|-|~|至|到)\s*"


def covered(text: str, lang: str, levels: Sequence[str]) -> frozenset[str]:
    """The levels the criteria count: named, in a range, or else, when none is named and the
    text speaks of every level, all of them ("P1 至 P4 各级工单" counts P1 to P4)."""
    found: set[str] = set()
    for first in levels:
        for last in levels:
            pattern = _word(first) + _RANGE + _word(last)
            if levels.index(first) < levels.index(last) and re.search(pattern, text):
                found.update(levels[levels.index(first) : levels.index(last) + 1])
    found.update(level for level in levels if re.search(_word(level), text))
    if not found and _EVERY[lang].search(text):
        return frozenset(levels)
    return frozenset(found)


def _word(level: str) -> str:
    return rf"(?<![A-Za-z0-9]){re.escape(level)}(?![A-Za-z0-9])"


def direction(
    old: Bilingual | None, new: Bilingual | None, before: Sequence[str], after: Sequence[str]
) -> Direction:
    """Looser when the criteria count fewer of the levels both versions have, stricter when
    more; none when they name none, the languages disagree, or some are dropped and some
    added."""
    if old is None or new is None:
        return None
    kept = [level for level in after if level in before]
    moves = set()
    for lang in ("zh", "en"):
        a = covered(old.get(lang), lang, before) & set(kept)
        b = covered(new.get(lang), lang, after) & set(kept)
        moves.add((frozenset(a - b), frozenset(b - a)))
    if len(moves) != 1:
        return None
    [(dropped, added)] = moves
    if dropped and not added:
        return LOOSER
    return STRICTER if added and not dropped else None
