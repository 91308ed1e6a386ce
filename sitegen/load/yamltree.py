"""One pass over the YAML parser's events: plain data, every value's position, and refusals.

Why not ruamel's round-trip loader: it is pure Python and took ~37 ms for a 6 KB agreement
(1,000 files: 37 s). The event stream from ruamel's C parser (libyaml, ruamel.yaml.clib)
costs ~1 ms for the same file, and building the tree ourselves lets us refuse foreign tags,
alias bombs, deep nesting and duplicate keys in the same pass, before anything expands.

Scalars are resolved by YAML 1.2's core schema (as ruamel does), narrowed to what a
contract needs: `yes`/`no`/`on` stay text, timestamps stay text (the schema reads dates, so
a bad date gets its own line and column), and numbers are decimal only. `0o17` (15) and
`0x1F` stay text instead of quietly becoming other numbers, and a number with a fraction or
exponent is kept as written (`NumberText`): read through a float,
`99.50000000000000000001` became 99.5 and passed a four-decimal limit; the schema reads it
as a Decimal from its digits. Plain data keeps coming back from JSON unchanged.

A character that shows one thing and says another (`sitegen.load.characters`) written as an
escape in a double-quoted scalar (`"\\u202E"`, `"\\0"`) is recorded with the place of its
escape; the loader refuses the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from sitegen.findings import FieldPath
from sitegen.load.characters import escapes, hidden, refusal
from sitegen.load.suppressions import Span, Suppression, may_hold, read_suppressions

CORE = "tag:yaml.org,2002:"
CORE_TAGS = frozenset(CORE + name for name in ("str", "int", "float", "bool", "null", "map", "seq"))

_NULL = re.compile(r"~|null|Null|NULL|")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = re.compile(r"([-+]?)\.(inf|Inf|INF)|\.(nan|NaN|NAN)")


# First characters of plain scalars that may resolve to something other than text.
_MAY_BE_CORE = frozenset("~nNtTfF.+-0123456789")


class NumberText(str):
    """A plain scalar YAML reads as a number with a fraction or exponent, as written."""

    __slots__ = ()


class Refused(Exception):
    """A file that must not be loaded: code, message and a 0-based place."""

    def __init__(self, code: str, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.column = code, message, line, column


@dataclass(frozen=True)
class Limits:
    max_aliases: int = 16
    max_depth: int = 32


Position = tuple[int, int, int, int]  # key line, key column, value line, value column


@dataclass
class Tree:
    """Plain data (dict, list, str, int, float, bool, None) and where each value stands."""

    data: Any = None
    positions: dict[FieldPath, Position] = field(default_factory=dict)
    hidden: list[Refused] = field(default_factory=list)  # SG109 characters from escapes
    suppressions: list[Suppression] = field(default_factory=list)  # `# sitegen: ignore[…]`


def parse_tree(text: str, limits: Limits) -> Tree:
    """Build the tree of one YAML document, or raise Refused with the place of the problem."""
    builder = _Builder(limits, text)
    try:
        parser = CParser(text)
        while parser.check_event():
            builder.feed(parser.get_event())
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        context = f" {error.context}" if error.context else ""
        raise Refused(
            "SG101",
            f"not valid YAML: {error.problem or 'syntax error'}{context}",
            mark.line if mark else 0,
            mark.column if mark else 0,
        ) from None
    except YAMLError as error:
        raise _reader_error(text, error) from None
    if builder.spans is not None:
        builder.tree.suppressions = read_suppressions(text, builder.spans)
    return builder.tree


def _reader_error(text: str, error: YAMLError) -> Refused:
    position = getattr(error, "position", None)
    reason = getattr(error, "reason", None) or str(error).splitlines()[0]
    if isinstance(position, int):
        before = text[:position]
        line = before.count("\n")
        return Refused(
            "SG101", f"not valid YAML: {reason}", line, position - before.rfind("\n") - 1
        )
    return Refused("SG101", f"not valid YAML: {reason}")


@dataclass
class _Open:
    """A mapping or sequence being built, with the path that leads to it."""

    value: dict[str, Any] | list[Any]
    path: FieldPath
    key: str | None = None  # in a mapping: the key waiting for its value
    key_mark: tuple[int, int] = (0, 0)
    first_lines: dict[str, int] = field(default_factory=dict)


class _Builder:
    def __init__(self, limits: Limits, text: str) -> None:
        self.limits = limits
        self.text = text
        self.tree = Tree()
        self.stack: list[_Open] = []
        self.anchors: dict[str, Any] = {}
        self.aliases = 0
        self.documents = 0
        # Where each scalar stands, kept only for a file that may hold suppressions.
        self.spans: list[Span] | None = [] if may_hold(text) else None

    def feed(self, event: Event) -> None:
        kind = type(event)
        if kind is ScalarEvent:  # most events: test it first
            self._scalar(event)  # type: ignore[arg-type]
        elif isinstance(event, DocumentStartEvent):
            mark = event.start_mark
            self.documents += 1
            if self.documents > 1:
                raise Refused(
                    "SG101",
                    "one agreement per file: remove the second document (after ---)",
                    mark.line,
                    mark.column,
                )
        elif isinstance(event, MappingStartEvent | SequenceStartEvent):
            self._start(event)
        elif isinstance(event, MappingEndEvent | SequenceEndEvent):
            done = self.stack.pop()
            if not self.stack:
                self.tree.data = done.value
        elif isinstance(event, AliasEvent):
            self._alias(event)

    def _check_tag(self, event: ScalarEvent | MappingStartEvent | SequenceStartEvent) -> None:
        tag = event.tag
        if tag is None or tag == "!" or str(tag) in CORE_TAGS:
            return
        shown = "!!" + str(tag).removeprefix(CORE) if str(tag).startswith(CORE) else str(tag)
        raise Refused(
            "SG103",
            f"tag {shown} is not allowed: agreements hold plain text, numbers, dates, lists "
            "and mappings only",
            event.start_mark.line,
            event.start_mark.column,
        )

    def _start(self, event: MappingStartEvent | SequenceStartEvent) -> None:
        self._check_tag(event)
        if len(self.stack) >= self.limits.max_depth:
            raise Refused(
                "SG108",
                f"nested more than {self.limits.max_depth} levels deep",
                event.start_mark.line,
                event.start_mark.column,
            )
        value: dict[str, Any] | list[Any] = {} if isinstance(event, MappingStartEvent) else []
        if (isinstance(event, MappingStartEvent) and event.tag == CORE + "seq") or (
            isinstance(event, SequenceStartEvent) and event.tag == CORE + "map"
        ):
            raise Refused(
                "SG103",
                f"tag {event.tag} does not fit this node",
                event.start_mark.line,
                event.start_mark.column,
            )
        path = self._place(value, event)
        if event.anchor:
            self.anchors[event.anchor] = value
        self.stack.append(_Open(value, path))

    def _scalar(self, event: ScalarEvent) -> None:
        if event.tag is not None:
            self._check_tag(event)
        if not event.value.isascii() or not event.value.isprintable():
            self._check_characters(event)
        top = self.stack[-1] if self.stack else None
        if self.spans is not None:
            self._span(event, top)
        if top is not None and top.key is None and isinstance(top.value, dict):
            value = _resolve(event) if event.tag is not None else event.value
            self._key(event, value)
            return
        value = _resolve(event)
        self._place(value, event)
        if event.anchor:
            self.anchors[event.anchor] = value

    def _span(self, event: ScalarEvent, top: _Open | None) -> None:
        assert self.spans is not None
        start, end = event.start_mark, event.end_mark
        value_of_key = top is not None and isinstance(top.value, dict) and top.key is not None
        owner = top.key_mark[0] if top is not None and value_of_key else start.line
        if event.style in ("|", ">"):  # its text starts below the header, which a comment ends
            self.spans.append((owner, start.line + 1, 0, end.line, end.column))
        else:
            self.spans.append((owner, start.line, start.column, end.line, end.column))

    def _check_characters(self, event: ScalarEvent) -> None:
        """Record each refused character of a scalar at the escape that wrote it."""
        found = [char for _, char in hidden(event.value)]
        if not found:
            return
        start, end = event.start_mark, event.end_mark
        written = list(escapes(self._source(start.line, start.column, end.line, end.column)))
        for char in found:
            at = next((i for i, (_, c) in enumerate(written) if c == char), None)
            line, column = start.line, start.column
            if at is not None and event.style == '"':
                line, column = self._place_of(start.line, start.column, written[at][0])
                del written[: at + 1]
            self.tree.hidden.append(Refused("SG109", refusal(char), line, column))

    @cached_property
    def lines(self) -> list[str]:
        """The file's lines, each with its line feed: YAML breaks lines at nothing else."""
        return [line + "\n" for line in self.text.split("\n")]

    def _source(self, line: int, column: int, end_line: int, end_column: int) -> str:
        if line >= len(self.lines):
            return ""
        if line == end_line:
            return self.lines[line][column:end_column]
        middle = "".join(self.lines[line + 1 : end_line])
        last = self.lines[end_line][:end_column] if end_line < len(self.lines) else ""
        return self.lines[line][column:] + middle + last

    def _place_of(self, line: int, column: int, offset: int) -> tuple[int, int]:
        """The 0-based place `offset` characters after (line, column)."""
        while line < len(self.lines) - 1 and column + offset >= len(self.lines[line]):
            offset -= len(self.lines[line]) - column
            line, column = line + 1, 0
        return line, column + offset

    def _alias(self, event: AliasEvent) -> None:
        self.aliases += 1
        mark = event.start_mark
        if self.aliases > self.limits.max_aliases:
            raise Refused(
                "SG104",
                f"more than {self.limits.max_aliases} aliases (*name): write the values out "
                "instead of repeating anchors",
                mark.line,
                mark.column,
            )
        if event.anchor not in self.anchors:
            raise Refused(
                "SG101", f"not valid YAML: unknown alias *{event.anchor}", mark.line, mark.column
            )
        value = self.anchors[event.anchor]
        if self.stack and isinstance(self.stack[-1].value, dict) and self.stack[-1].key is None:
            raise Refused(
                "SG101", "not valid YAML: an alias cannot be a key", mark.line, mark.column
            )
        self._place(value, event)

    def _key(self, event: ScalarEvent, value: Any) -> None:
        top = self.stack[-1]
        mark = event.start_mark
        if not isinstance(value, str):
            value = event.value  # keys are names: `1:` or `true:` is the text itself
        if value in top.first_lines:
            raise Refused(
                "SG102",
                f"duplicate key {value!r} (first defined on line {top.first_lines[value] + 1}): "
                "keep one, a YAML reader would silently drop the other",
                mark.line,
                mark.column,
            )
        top.first_lines[value] = mark.line
        top.key, top.key_mark = value, (mark.line, mark.column)

    def _place(self, value: Any, event: Event) -> FieldPath:
        """Put a finished or opened value into its parent; record where it stands."""
        mark = event.start_mark
        if not self.stack:
            self.tree.data = value
            self.tree.positions[()] = (mark.line, mark.column, mark.line, mark.column)
            return ()
        top = self.stack[-1]
        if isinstance(top.value, dict):
            if top.key is None:
                raise Refused(
                    "SG101", "not valid YAML: a key must be plain text", mark.line, mark.column
                )
            path = (*top.path, top.key)
            top.value[top.key] = value
            key_line, key_col = top.key_mark
            top.key = None
        else:
            path = (*top.path, len(top.value))
            top.value.append(value)
            key_line, key_col = mark.line, mark.column
        self.tree.positions[path] = (key_line, key_col, mark.line, mark.column)
        return path


def _resolve(event: ScalarEvent) -> Any:
    """YAML 1.2 core schema for plain scalars; quoted and block scalars are text."""
    text: str = event.value
    tag = str(event.tag) if event.tag else None
    if tag is None and text and text[0] not in _MAY_BE_CORE:
        return text  # cannot be a number, bool or null: most scalars stop here
    plain = event.style in (None, "") and tag is None
    if tag == CORE + "str" or (not plain and tag is None):
        return text
    kind = tag.removeprefix(CORE) if tag else _implicit_kind(text)
    try:
        return _construct(kind, text)
    except ValueError:
        raise Refused(
            "SG101",
            f"not valid YAML: {text!r} is not a valid {kind}",
            event.start_mark.line,
            event.start_mark.column,
        ) from None


def _implicit_kind(text: str) -> str:
    if _NULL.fullmatch(text):
        return "null"
    if text in _BOOL:
        return "bool"
    if _INT.fullmatch(text):
        return "int"
    if _FLOAT.fullmatch(text) or _SPECIAL_FLOAT.fullmatch(text):
        return "float"
    return "str"


def _construct(kind: str, text: str) -> Any:
    if kind == "null":
        if not _NULL.fullmatch(text):
            raise ValueError(text)
        return None
    if kind == "bool":
        return _BOOL[text] if text in _BOOL else _raise(text)
    if kind == "int":
        if not _INT.fullmatch(text):
            raise ValueError(text)  # `!!int 0x1F`: numbers are decimal
        return int(text)
    if kind == "float":
        if not (_FLOAT.fullmatch(text) or _SPECIAL_FLOAT.fullmatch(text)):
            raise ValueError(text)
        return NumberText(text)  # `.inf` and `.nan` too: the schema refuses them
    return text


def _raise(text: str) -> Any:
    raise ValueError(text)
