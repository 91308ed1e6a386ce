"""Items of a list without ids (duties, data sources, contacts) matched across two versions.

An item whose text is unchanged is the same item. Of the rest, a removed item and an added
one are the same item reworded when their texts are alike enough: the mean, over both
languages, of difflib's ratio (Chinese character by character, English word by word, a
run of digits one token). Pairs are taken best first, each item at most once.

The threshold, 0.4, measured on the duties of the samples and of a university's and an
outsourcing contract's lists: two different duties of one agreement share their form
words ("the provider", "每月") and score 0.12–0.20; a duty reworded keeps its shape and
scores 0.44 ("Submits the service report … by the 5th working day" → "Submits the monthly
service report"), 0.61 (an inspection "1 time per month" → "once a quarter"), 0.79 (the
escalation after 30 → 60 minutes, now only on written request) and 0.95 (one number
changed). Below it, a rewrite is shown as one duty removed and one added.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from sitegen.compose.contract import Text
from sitegen.diff.change import LOOSER, STRICTER, Change, Direction, change
from sitegen.diff.duty_change import judge
from sitegen.load.model import Bilingual

Owner = Literal["provider", "customer"]

THRESHOLD = 0.4
_WORDS = re.compile(r"[0-9]+(?:[.,][0-9]+)*|\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Matched:
    """Removed items, added items, and (old, new) pairs of items reworded, in list order."""

    removed: tuple[Bilingual, ...]
    added: tuple[Bilingual, ...]
    reworded: tuple[tuple[Bilingual, Bilingual], ...]


def similarity(a: Bilingual, b: Bilingual) -> float:
    """How alike two items are, 0 to 1: the mean of both languages' ratios."""
    zh = difflib.SequenceMatcher(None, a.zh, b.zh, autojunk=False).ratio()
    x, y = _WORDS.findall(a.en.lower()), _WORDS.findall(b.en.lower())
    en = difflib.SequenceMatcher(None, x, y, autojunk=False).ratio()
    return (zh + en) / 2


def match(before: Sequence[Bilingual], after: Sequence[Bilingual]) -> Matched:
    """Unchanged items left out; the rest paired by similarity, best pair first."""
    gone = [item for item in before if item not in after]
    new = [item for item in after if item not in before]
    scored = sorted(
        (-similarity(a, b), i, j) for i, a in enumerate(gone) for j, b in enumerate(new)
    )
    pairs: dict[int, int] = {}  # old index: new index
    for score, i, j in scored:
        if -score < THRESHOLD:
            break
        if i not in pairs and j not in pairs.values():
            pairs[i] = j
    return Matched(
        tuple(a for i, a in enumerate(gone) if i not in pairs),
        tuple(b for j, b in enumerate(new) if j not in pairs.values()),
        tuple((gone[i], new[pairs[i]]) for i in sorted(pairs)),
    )


def text_changes(
    path: str,
    before: Sequence[Bilingual],
    after: Sequence[Bilingual],
    added: Direction,
    *,
    material: bool = True,
    owner: Owner | None = None,
    name: Text | None = None,
) -> Iterator[Change]:
    """A list's changes: items removed, items added (`added` says which way an addition
    leans), and items reworded, each shown against its old self. A reworded duty of
    `owner` is judged from its text (`duty_change.judge`); any other has no direction."""
    removed = None if added is None else LOOSER if added == STRICTER else STRICTER
    matched = match(before, after)
    for old, new in matched.reworded:
        judged = _judged(old, new, owner)
        yield from change(path, old, new, material=material, direction=judged, name=name)
    for item in matched.removed:
        yield from change(path, item, None, material=material, direction=removed, name=name)
    for item in matched.added:
        yield from change(path, None, item, material=material, direction=added, name=name)


def _judged(old: Bilingual, new: Bilingual, owner: Owner | None) -> Direction:
    """On the provider: a provider's duty looser on it is looser; a customer's, stricter."""
    holder = judge(old, new) if owner else None
    if holder is None:
        return None
    return LOOSER if (holder == "looser") == (owner == "provider") else STRICTER
