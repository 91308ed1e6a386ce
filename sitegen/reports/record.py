"""A period's record, `agreements/<ID>/reports/<period>.yaml`, and its bytes.

The record is what the customer's contact accepts, so the same figures from the same input
files must give the same bytes on every run and every machine: the keys come in one fixed
order (the order of `figures.py`'s fields), a Decimal is written as it is (`99.9500` stays
`99.9500`: YAML 1.2 reads it back digit for digit, see `load.yamltree.NumberText`), an
instant as ISO 8601 UTC with `Z`, and nothing of the run itself (no time of writing, no
host, no path of the checkout) is in it. The input files are named with their SHA-256, so
anyone holding the files can show that the figures came from them.

Text from input files (ticket ids, refs, file names, notes) is untrusted: every string is
written double-quoted as JSON quotes it (a JSON string is a YAML double-quoted scalar), with
the characters that show one thing and say another, and the line breaks libyaml reads in a
quoted scalar (U+0085, U+2028, U+2029), written as `\\uXXXX` escapes. A value can therefore
never add a key, end a line or hide itself.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sitegen.load.characters import kind
from sitegen.reports.figures import (
    Breach,
    Counted,
    CreditsDue,
    Event,
    Exclusion,
    PeriodFigures,
    PriorityFigures,
    TargetFigures,
    TierFigures,
)

# Raised when the record's layout changes in a way an older reader could misread.
RECORD_FORMAT = 1

# Line breaks to libyaml inside a quoted scalar, whether or not the loader refuses them.
_BREAKS = frozenset("\x85\u2028\u2029")


@dataclass(frozen=True)
class InputFile:
    """One input file the figures were computed from: its name (as given, relative to the
    project where it is inside it) and the SHA-256 of its bytes."""

    name: str
    sha256: str


@dataclass(frozen=True)
class Supersedes:
    """The accepted record this one replaces, kept under `reports/superseded/`, and why."""

    file: str  # relative to the reports folder: superseded/2026-10.1.yaml
    sha256: str
    reason: str


@dataclass(frozen=True)
class Record:
    """A period's figures and what they were made from."""

    figures: PeriodFigures
    inputs: tuple[InputFile, ...]
    sitegen: str  # the version of sitegen that computed them
    supersedes: Supersedes | None = None


def render_record(record: Record) -> bytes:
    """The record's bytes: the same record always gives the same bytes."""
    figures = record.figures
    head = [
        f"# Service record of {figures.agreement} for {figures.period}, written by `sitegen "
        "report`.",
        "# Do not edit: once accepted it is append-only (`sitegen validate --history`).",
    ]
    lines = [*head, *_emit(_record_data(record), 0)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _record_data(record: Record) -> dict[str, Any]:
    data: dict[str, Any] = {"record": RECORD_FORMAT, **figures_data(record.figures)}
    data["sitegen"] = record.sitegen
    data["inputs"] = [{"file": i.name, "sha256": i.sha256} for i in record.inputs]
    if record.supersedes is not None:
        old = record.supersedes
        data["supersedes"] = {"file": old.file, "sha256": old.sha256, "reason": old.reason}
    return data


def figures_data(figures: PeriodFigures) -> dict[str, Any]:
    """The figures as plain data in their fixed order (values still Decimal, datetime,
    date): what the record writes, and what `--format json` shows."""
    return {
        "agreement": figures.agreement,
        "version": figures.version,
        "period": figures.period,
        "start": figures.start,
        "end": figures.end,
        "passed": figures.passed,
        "availability": [_tier(tier) for tier in figures.availability],
        "priorities": [_priority(priority) for priority in figures.priorities],
        "breaches": [_breach(breach) for breach in figures.breaches],
        "credits": _credits(figures.credits),
        "notes": list(figures.notes),
    }


def _event(event: Event) -> dict[str, Any]:
    return {
        "ref": event.ref,
        "kind": event.kind,
        "start": event.start,
        "end": event.end,
        "minutes": event.minutes,
        "file": event.file,
        "row": event.row,
    }


def _counted(counted: Counted) -> dict[str, Any]:
    return {"reason": counted.reason, "minutes": counted.minutes, "event": _event(counted.event)}


def _exclusion(exclusion: Exclusion) -> dict[str, Any]:
    return {"reason": exclusion.reason, "event": _event(exclusion.event)}


def _tier(tier: TierFigures) -> dict[str, Any]:
    return {
        "tier": tier.tier,
        "target": tier.target,
        "attained": tier.attained,
        "downtime_minutes": tier.downtime_minutes,
        "excluded_minutes": tier.excluded_minutes,
        "service_minutes": tier.service_minutes,
        "met": tier.met,
        "windows": tier.windows,
        "windows_missed": tier.windows_missed,
        "counted": [_counted(c) for c in tier.counted],
        "exclusions": [_exclusion(e) for e in tier.exclusions],
    }


def _target(target: TargetFigures | None) -> dict[str, Any] | None:
    if target is None:
        return None
    return {
        "target": target.target,
        "clock": target.clock,
        "required": target.required,
        "tickets": target.tickets,
        "within": target.within,
        "attainment": target.attainment,
        "met": target.met,
    }


def _priority(priority: PriorityFigures) -> dict[str, Any]:
    return {
        "level": priority.level,
        "tickets": priority.tickets,
        "response": _target(priority.response),
        "resolution": _target(priority.resolution),
    }


def _breach(breach: Breach) -> dict[str, Any]:
    return {
        "ticket": breach.ticket,
        "level": breach.level,
        "target": breach.target,
        "allowed_minutes": breach.allowed_minutes,
        "elapsed_minutes": breach.elapsed_minutes,
        "open": breach.open,
        "file": breach.file,
        "row": breach.row,
    }


def _credits(credits: CreditsDue | None) -> dict[str, Any] | None:
    if credits is None:
        return None
    return {
        "percent": credits.percent,
        "amount": credits.amount,
        "currency": credits.currency,
        "claim_by": credits.claim_by,
        "capped": credits.capped,
        "tiers": [{"tier": t.tier, "below": t.below, "percent": t.percent} for t in credits.tiers],
    }


# A small block-style emitter: mappings in their insertion order, lists of mappings as
# `- key: value`, every scalar through `scalar`.


def _emit(value: dict[str, Any], indent: int) -> Iterator[str]:
    pad = " " * indent
    for key, item in value.items():
        if isinstance(item, dict):
            yield f"{pad}{key}:"
            yield from _emit(item, indent + 2)
        elif isinstance(item, list) and item:
            yield f"{pad}{key}:"
            yield from _emit_list(item, indent + 2)
        else:
            yield f"{pad}{key}: {scalar(item)}"


def _emit_list(items: list[Any], indent: int) -> Iterator[str]:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict):
            lines = list(_emit(item, indent + 2))
            yield pad + "- " + lines[0][indent + 2 :]
            yield from lines[1:]
        else:
            yield f"{pad}- {scalar(item)}"


def scalar(value: object) -> str:
    """One value as a YAML scalar that reads back as exactly that value."""
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[]"  # an empty list: a full one is a block
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"a record holds finite numbers only, not {value}")
        return str(value)
    if isinstance(value, dt.datetime):
        return instant_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return quoted(value)
    raise TypeError(f"no record form for {type(value).__name__}")


def instant_text(value: dt.datetime) -> str:
    """An aware instant as ISO 8601 UTC with `Z`, to the second (or the microsecond)."""
    if value.tzinfo is None:
        raise ValueError(f"{value.isoformat()} has no time zone: a record keeps instants")
    text = value.astimezone(dt.UTC).replace(tzinfo=None).isoformat()
    return text + "Z"


def quoted(text: str) -> str:
    """`text` as a double-quoted scalar holding nothing hidden: every character the loader
    refuses (`load.characters.kind`) written as its escape."""
    return "".join(_escape(char) for char in json.dumps(text, ensure_ascii=False))


def _escape(char: str) -> str:
    if char.isascii() and char.isprintable():  # JSON escaped the ASCII controls already
        return char
    if kind(char) is None and char not in _BREAKS:
        return char
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
