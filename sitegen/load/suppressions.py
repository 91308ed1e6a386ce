"""Suppressions written in an agreement's YAML comments: `# sitegen: ignore[SG301, SG705]`.

Like ruff's `# noqa`, a suppression silences the codes it names on one text only: written at
the end of a line, the text on that line; written alone on a line, the text on the next
line that holds YAML (blank lines and other comments are passed over). A text spanning
several lines (a block scalar `|`, a quoted or plain text that wraps) is named on its first
line, the line of its key, and the suppression then covers all its lines, since a finding
inside it is placed at the word it is about.

Why not ruamel's round-trip loader, which keeps comments: it costs ~37 ms a file where the
event stream costs ~1 ms (`sitegen.load.yamltree`). libyaml's events carry no comments, but
they carry where every scalar starts and ends, which is all it takes to tell a comment (a
`#` at the start of a line or after a blank, outside every scalar) from a `#` inside a text.
Only a file that holds `sitegen: ignore` anywhere pays for it: the event builder records the
scalars' places for those files alone.

Which codes may be silenced, and what an unused or unknown code costs, is the lint stage's
(`sitegen.lint.suppress`); this module only reads what was written and where.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# A scalar as the event builder saw it, 0-based: the line of its key (or its own first line
# when it is no mapping value), then where it starts and where it ends.
Span = tuple[int, int, int, int, int]

MARK = "sitegen"
_DIRECTIVE = re.compile(r"sitegen\s*:\s*ignore\b(?:\[(?P<codes>[^\]\n]*)\])?")
_CODE = re.compile(r"[^,\s]+")


@dataclass(frozen=True)
class Suppression:
    """One `sitegen: ignore[…]` comment: where it is (1-based), the codes it names with the
    column of each, and the lines it covers (`first` 0: no text follows it)."""

    line: int
    column: int
    codes: tuple[tuple[str, int], ...]
    first: int
    last: int

    def covers(self, code: str, line: int) -> bool:
        return self.first <= line <= self.last and any(c == code for c, _ in self.codes)

    def plain(self) -> list[object]:
        """As JSON keeps it (the validation cache)."""
        return [self.line, self.column, [list(c) for c in self.codes], self.first, self.last]

    @classmethod
    def from_plain(cls, value: Sequence[Any]) -> Suppression:
        line, column, codes, first, last = value
        kept = tuple((str(code), int(at)) for code, at in codes)
        return cls(int(line), int(column), kept, int(first), int(last))


def may_hold(text: str) -> bool:
    """Whether a file may hold a suppression (then the event builder keeps its scalars'
    places). Agreements name `…/sitegen/schema/…` on their first line, so the word alone
    would not do."""
    return MARK in text and _DIRECTIVE.search(text) is not None


def read_suppressions(text: str, spans: Sequence[Span]) -> list[Suppression]:
    """Every suppression of a file whose scalars stand at `spans`."""
    lines = text.split("\n")
    found: list[Suppression] = []
    for number, line in enumerate(lines):
        if MARK not in line or not _DIRECTIVE.search(line):
            continue
        start = _comment_start(line, number, spans)
        if start is None:
            continue
        directive = _DIRECTIVE.search(line, start)
        if directive is None:
            continue
        alone = not line[:start].strip()
        target = _next_content(lines, number, spans) if alone else number
        first, last = _extent(target, spans) if target is not None else (-1, -1)
        found.append(
            Suppression(number + 1, directive.start() + 1, _codes(directive), first + 1, last + 1)
        )
    return found


def _codes(directive: re.Match[str]) -> tuple[tuple[str, int], ...]:
    written = directive.group("codes")
    if written is None:
        return ()
    offset = directive.start("codes")
    return tuple((m.group().upper(), offset + m.start() + 1) for m in _CODE.finditer(written))


def _inside(line: int, column: int, spans: Sequence[Span]) -> bool:
    return any((s[1], s[2]) <= (line, column) < (s[3], s[4]) for s in spans)


def _comment_start(line: str, number: int, spans: Sequence[Span]) -> int | None:
    """The column of the `#` that starts a comment on this line, if any."""
    at = line.find("#")
    while at >= 0:
        if (at == 0 or line[at - 1] in " \t") and not _inside(number, at, spans):
            return at
        at = line.find("#", at + 1)
    return None


def _next_content(lines: list[str], number: int, spans: Sequence[Span]) -> int | None:
    """The next line after `number` that holds YAML rather than a comment or nothing."""
    for below in range(number + 1, len(lines)):
        stripped = lines[below].lstrip(" \t")
        if not stripped.strip():  # blank, a CRLF file's "\r" included
            continue
        if stripped.startswith("#") and not _inside(
            below, len(lines[below]) - len(stripped), spans
        ):
            continue
        return below
    return None


def _extent(target: int, spans: Sequence[Span]) -> tuple[int, int]:
    """The lines of the texts that start (or whose key stands) on line `target`."""
    last = target
    for owner, line, _, end_line, end_column in spans:
        if target in (owner, line) and end_line >= line:
            # A block scalar ends at the start of the line after its text.
            end = end_line - 1 if end_column == 0 and end_line > line else end_line
            last = max(last, end)
    return target, last
