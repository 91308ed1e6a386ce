"""Clause-by-clause redline of two rendered contracts, in each language.

Clauses are aligned by their stable id, so a template change shows too and a moved clause
is compared with itself. Chinese is compared character by character, English word by word;
in both, a run of digits (15, 99.9) is one token, so 15 分钟 → 10 分钟 marks only the number.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal, assert_never

from sitegen.compose.contract import (
    LANGS,
    Block,
    Clause,
    Contract,
    ItemList,
    Lang,
    Paragraph,
    Signatures,
    Table,
)
from sitegen.compose.vocabulary import FORMERLY_OWN_TEXT, OWN_TEXT

Op = Literal["equal", "delete", "insert"]
_TOKENS: dict[Lang, re.Pattern[str]] = {
    "zh": re.compile(r"[0-9]+(?:[.,][0-9]+)*|[A-Za-z]+|\s+|.", re.S),
    "en": re.compile(r"[0-9]+(?:[.,][0-9]+)*|\w+|\s+|[^\w\s]", re.S),
}


@dataclass(frozen=True, slots=True)
class Segment:
    op: Op
    text: str


@dataclass(frozen=True, slots=True)
class ClauseRedline:
    clause_id: str
    number: str  # the clause number in the newer version (or the older one, if removed)
    title: str  # in the language of the redline
    kind: Literal["changed", "added", "removed"]
    segments: tuple[Segment, ...]


def redline(old: Contract | None, new: Contract | None, lang: Lang) -> list[ClauseRedline]:
    """Changed, added and removed clauses in `lang`; unchanged clauses are left out.

    A missing contract (an added or removed agreement) counts as one with no clauses.
    """
    before = {clause.id: clause for clause in (old.clauses() if old else [])}
    after = {clause.id: clause for clause in (new.clauses() if new else [])}
    result: list[ClauseRedline] = []
    for clause_id in dict.fromkeys([*after, *before]):
        a, b = before.get(clause_id), after.get(clause_id)
        old_text = clause_text(a, lang) if a else ""
        new_text = clause_text(b, lang) if b else ""
        if old_text == new_text:
            continue
        shown = b or a
        assert shown is not None
        kind: Literal["changed", "added", "removed"] = (
            "added" if a is None else "removed" if b is None else "changed"
        )
        title = _own(shown.title.get(lang) if shown.title else "", a, b, lang)
        result.append(
            ClauseRedline(clause_id, shown.number, title, kind, compare(old_text, new_text, lang))
        )
    return result


def _own(title: str, old: Clause | None, new: Clause | None, lang: Lang) -> str:
    """The title, saying when the clause is (or was) the agreement's own text."""
    if new is not None and new.replaced:
        note = OWN_TEXT.get(lang)
    elif old is not None and old.replaced:
        note = FORMERLY_OWN_TEXT.get(lang)
    else:
        return title
    return f"{title}（{note}）" if lang == "zh" else f"{title} ({note})"


def compare(old: str, new: str, lang: Lang) -> tuple[Segment, ...]:
    """Line by line first, so a changed table row is compared with its own old row; then
    token by token inside each pair of changed lines. Neighbouring segments of the same kind
    are merged. An added or removed clause is one insertion or one deletion (split, "" is
    one empty line, which a clause added from nothing would show deleted)."""
    if not old or not new:
        return tuple(Segment("insert" if new else "delete", text) for text in (new or old,) if text)
    a, b = old.split("\n"), new.split("\n")
    segments: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _push(segments, "equal", "\n".join(a[i1:i2]) + "\n")
        elif tag == "replace" and i2 - i1 == j2 - j1:
            for x, y in zip(a[i1:i2], b[j1:j2], strict=True):
                for segment in _tokens(x, y, lang):
                    _push(segments, segment.op, segment.text)
                _push(segments, "equal", "\n")
        else:
            if i2 > i1:
                _push(segments, "delete", "\n".join(a[i1:i2]) + "\n")
            if j2 > j1:
                _push(segments, "insert", "\n".join(b[j1:j2]) + "\n")
    return _trimmed(segments)


def _tokens(old: str, new: str, lang: Lang) -> list[Segment]:
    a, b = _TOKENS[lang].findall(old), _TOKENS[lang].findall(new)
    segments: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            _push(segments, "delete", "".join(a[i1:i2]))
        if tag in ("insert", "replace"):
            _push(segments, "insert", "".join(b[j1:j2]))
        if tag == "equal":
            _push(segments, "equal", "".join(a[i1:i2]))
    return segments


def _trimmed(segments: list[Segment]) -> tuple[Segment, ...]:
    """Without the newline the line-by-line pass adds after the last line."""
    if segments and segments[-1].text.endswith("\n"):
        last = segments[-1]
        segments[-1] = Segment(last.op, last.text[:-1])
        if not segments[-1].text:
            segments.pop()
    return tuple(segments)


def _push(segments: list[Segment], op: Op, text: str) -> None:
    if segments and segments[-1].op == op:
        segments[-1] = Segment(op, segments[-1].text + text)
    elif text:
        segments.append(Segment(op, text))


def clause_text(clause: Clause, lang: Lang) -> str:
    """The clause as plain lines of one language: what a reader compares."""
    lines: list[str] = []
    if clause.title:
        lines.append(clause.title.get(lang))
    for block in clause.blocks:
        lines.extend(_block_lines(block, lang))
    return "\n".join(lines)


def _block_lines(block: Block, lang: Lang) -> list[str]:
    """Every kind of block has its case: mypy proves none is missing (`assert_never`)."""
    match block:
        case Paragraph():
            return [block.text.get(lang)]
        case ItemList():
            marks = [f"{i}." if block.ordered else "-" for i in range(1, len(block.items) + 1)]
            return [f"{m} {item.get(lang)}" for m, item in zip(marks, block.items, strict=True)]
        case Table():
            rows = [block.header, *block.rows]
            return [" | ".join(cell.get(lang) for cell in row) for row in rows]
        case Signatures():
            return [" ".join(t.get(lang) for t in (p.label, p.name, p.role)) for p in block.parties]
        case _:
            assert_never(block)


__all__ = ["LANGS", "ClauseRedline", "Segment", "clause_text", "compare", "redline"]
