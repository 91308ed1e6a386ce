"""One term change and how it is made: the shape every comparison of two versions yields.

`direction` says whom a change favours: `stricter` on the provider (better for the
customer), `looser`, or `mixed` for a credit schedule that got stricter at some levels of
availability and looser at others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from sitegen.compose.contract import Lang, Text
from sitegen.diff.labels import label
from sitegen.load.model import Bilingual

__all__ = ["LOOSER", "MIXED", "STRICTER", "Change", "Direction", "Effect", "change", "ordered"]

Direction = Literal["stricter", "looser", "mixed"] | None
Effect = Literal["stricter", "looser", "mixed", "judge", "editorial"]
STRICTER: Direction = "stricter"
LOOSER: Direction = "looser"
MIXED: Direction = "mixed"


@dataclass(frozen=True, slots=True)
class Change:
    path: str  # slos.priorities[P1].response
    label: Text  # P1 响应时间 / P1 response time
    before: Text | None  # None: added
    after: Text | None  # None: removed
    material: bool
    direction: Direction = None

    @property
    def attention(self) -> bool:
        """Looser on the provider (at least in part) in a material term: shown first, flagged."""
        return self.material and self.direction in (LOOSER, MIXED)

    @property
    def kind(self) -> str:
        return "added" if self.before is None else "removed" if self.after is None else "changed"

    @property
    def effect(self) -> Effect:
        """What the change does, in one word: its direction; `judge` for a material change
        no rule can judge (a person must); `editorial` for the rest."""
        if self.direction is not None:
            return self.direction
        return "judge" if self.material else "editorial"


Formatter = Callable[[Any, Lang], str]


def _text(value: Any, lang: Lang) -> str:
    if isinstance(value, Bilingual):
        return value.get(lang)
    return str(value)


def _both(value: Any, show: Formatter) -> Text | None:
    return None if value is None else Text(show(value, "zh"), show(value, "en"))


def change(
    path: str,
    before: Any,
    after: Any,
    show: Formatter = _text,
    *,
    material: bool = True,
    direction: Direction = None,
    name: Text | None = None,
) -> Iterator[Change]:
    if before != after:
        yield Change(
            path,
            name or label(path),
            _both(before, show),
            _both(after, show),
            material,
            direction,
        )


def ordered(before: Any, after: Any, higher: Direction) -> Direction:
    """The direction of a move between two comparable values; `higher` says what up means."""
    if before is None or after is None or before == after:
        return None
    other = LOOSER if higher == STRICTER else STRICTER
    if after > before:
        return higher
    return other if after < before else None  # not comparable: 1d against 1wd
