"""Untrusted YAML in, a typed Agreement (or findings with places) out.

Order matters: size and encoding first, then one streaming pass over the parser's events
that refuses foreign tags, alias bombs and deep nesting before anything is built, then the
round-trip load (duplicate keys), then the schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    NodeEvent,
)

from sitegen.config import LoadSettings
from sitegen.document import Document
from sitegen.findings import Finding, Severity
from sitegen.model import Agreement

CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")
) | {"!"}


@dataclass
class Loaded:
    """The result of loading one file: an agreement when there were no errors."""

    path: Path
    agreement: Agreement | None = None
    document: Document | None = None
    findings: list[Finding] = field(default_factory=list)


class _Refused(Exception):
    def __init__(self, code: str, message: str, line: int = 0, column: int = 0) -> None:
        self.code, self.message, self.line, self.column = code, message, line, column


def load_agreement(path: Path, settings: LoadSettings | None = None) -> Loaded:
    """Load one agreement file. Never raises for bad content: problems become findings."""
    settings = settings or LoadSettings()
    loaded = Loaded(path)
    try:
        text = _read_text(path, settings)
        _scan_events(text, settings)
        root = _compose(text)
    except _Refused as refusal:
        loaded.findings.append(
            Finding(path, refusal.line + 1, refusal.column + 1, refusal.code,
                    Severity.ERROR, refusal.message)
        )
        return loaded
    loaded.document = Document(path, text, root)
    try:
        loaded.agreement = Agreement.model_validate(root)
    except ValidationError as error:
        loaded.findings.extend(_schema_finding(loaded.document, e) for e in error.errors())
    return loaded


def _read_text(path: Path, settings: LoadSettings) -> str:
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise _Refused(
                "SG106",
                f"file is {size:,} bytes, over the limit of {settings.max_bytes:,}: "
                "an agreement is text, split attachments out",
            )
        data = path.read_bytes()
    except OSError as error:
        raise _Refused("SG100", f"cannot read the file: {error.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n")
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace"))
        raise _Refused(
            "SG105",
            f"not UTF-8 text: byte 0x{data[error.start]:02x} cannot be decoded; "
            "save the file as UTF-8",
            line,
            column,
        ) from None
    return text.removeprefix("\ufeff")


def _scan_events(text: str, settings: LoadSettings) -> None:
    """Refuse what must never be built, before composing: one pass, no expansion."""
    aliases = depth = documents = 0
    try:
        for event in YAML(typ="rt").parse(text):
            mark = event.start_mark
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Refused("SG101", "one agreement per file: remove the second "
                                   "document (after ---)", mark.line, mark.column)
            if isinstance(event, AliasEvent):
                aliases += 1
                if aliases > settings.max_aliases:
                    raise _Refused(
                        "SG104",
                        f"more than {settings.max_aliases} aliases (*name): "
                        "write the values out instead of repeating anchors",
                        mark.line, mark.column,
                    )
            elif isinstance(event, NodeEvent) and event.tag is not None:
                if str(event.tag) not in CORE_TAGS:
                    raise _Refused(
                        "SG103",
                        f"tag {_short_tag(str(event.tag))} is not allowed: agreements hold "
                        "plain text, numbers, dates, lists and mappings only",
                        mark.line, mark.column,
                    )
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > settings.max_depth:
                    raise _Refused("SG108", f"nested more than {settings.max_depth} levels deep",
                                   mark.line, mark.column)
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except MarkedYAMLError as error:
        raise _syntax(error) from None
    except YAMLError as error:
        raise _Refused("SG101", f"not valid YAML: {error}") from None


class _Constructor(RoundTripConstructor):
    """Dates stay text until the schema reads them, so a bad date gets its line and column."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


def _compose(text: str) -> CommentedMap:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    try:
        root = yaml.load(text)
    except DuplicateKeyError as error:
        mark = error.problem_mark
        key = str(error.problem).split('"')[1] if '"' in str(error.problem) else "?"
        raise _Refused(
            "SG102",
            f"duplicate key {key!r}{_first_definition(text, key, mark.line, mark.column)}: "
            "keep one, a YAML reader would silently drop the other",
            mark.line, mark.column,
        ) from None
    except MarkedYAMLError as error:
        raise _syntax(error) from None
    except (YAMLError, ValueError, OverflowError) as error:
        raise _Refused("SG101", f"not valid YAML: {error}") from None
    if not isinstance(root, CommentedMap):
        raise _Refused("SG107", "an agreement file must be a mapping of keys (id:, version:, …)")
    return root


def _first_definition(text: str, key: str, line: int, column: int) -> str:
    """' (first defined on line N)' when an earlier line holds the key at the same indent."""
    lines = text.splitlines()
    indent = lines[line][:column] if line < len(lines) else ""
    for number in range(line - 1, -1, -1):
        if lines[number].startswith(f"{indent}{key}:") and not lines[number][:column].strip("- "):
            return f" (first defined on line {number + 1})"
    return ""


def _syntax(error: MarkedYAMLError) -> _Refused:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "syntax error"
    context = f" {error.context}" if error.context else ""
    return _Refused(
        "SG101",
        f"not valid YAML: {problem}{context}",
        mark.line if mark else 0,
        mark.column if mark else 0,
    )


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml") else tag


def _schema_finding(document: Document, error: ErrorDetails) -> Finding:
    loc = tuple(error["loc"])
    if error["type"] == "missing":
        code, message, key = "SG201", f"required key {loc[-1]!r} is missing", True
        loc = loc[:-1]
    elif error["type"] == "extra_forbidden":
        code, message, key = "SG202", f"unknown key {loc[-1]!r}{_did_you_mean(loc)}", True
    else:
        code, message, key = "SG203", _value_message(error), False
    line, column = document.locate(loc, key=key) if loc else (1, 1)
    field_path = document.present(loc)
    return Finding(document.path, line, column, code, Severity.ERROR, message, field_path)


def _value_message(error: ErrorDetails) -> str:
    message = str(error["msg"])
    message = message.removeprefix("Value error, ")
    given = error.get("input")
    if isinstance(given, str | int | float):
        shown = repr(given) if len(repr(given)) <= 60 else repr(given)[:57] + "…'"
        if shown not in message:
            message = f"{message} (found {shown})"
    return message


def _did_you_mean(loc: tuple[Any, ...]) -> str:
    import difflib

    from sitegen.schema import known_keys

    close = difflib.get_close_matches(str(loc[-1]), known_keys(loc[:-1]), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""
