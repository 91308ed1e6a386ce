"""A record read back: its bytes into a `Record`, strictly, or an error at file:line:col.

A record is committed, and a person can edit it by hand. An edit into a wrong shape (a
misspelt key, a percent written as text, a time without its `Z`, a count of `true`) must
be an error naming the place, never a record that reads as something else: the file is read
by `load.yamltree` (every value's line and column, no tags, no aliases, no duplicate keys)
into pydantic models that mirror `figures.py` field for field with `extra="forbid"` and
strict types, then built into the figures' own dataclasses.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from sitegen.errors import Location, UserError
from sitegen.load.characters import places, refusal
from sitegen.load.invalid import first_invalid
from sitegen.load.yamltree import Limits, NumberText, Refused, Tree, parse_tree
from sitegen.reports.figures import (
    Breach,
    Counted,
    CountedReason,
    CreditsDue,
    Event,
    Exclusion,
    ExclusionReason,
    OutageKind,
    PeriodFigures,
    PriorityFigures,
    TargetFigures,
    TierCredit,
    TierFigures,
)
from sitegen.reports.record import RECORD_FORMAT, InputFile, Record, Supersedes

# A month's record with thousands of breaches and events is a few MB; 64 MiB stops a read
# that would never end.
RECORD_MAX_BYTES = 64 << 20
# A period as a record's file name and an acceptance write it: a month or a quarter.
PERIOD_TEXT = r"[0-9]{4}(-(0[1-9]|1[0-2])|Q[1-4])"
_INSTANT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class Unreadable(UserError):
    """A record (or acceptance file) that is not what sitegen writes: where, and why."""

    def __init__(self, *, where: Location, problem: str) -> None:
        self.location = where
        self.problem = problem
        super().__init__(problem, path=where)


def _number(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | NumberText):
        raise ValueError("must be a number, written as digits (99.95), not text")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ValueError("must be a number, written as digits (99.95)") from None
    if not number.is_finite():
        raise ValueError("must be a finite number")
    return number


def _instant(value: object) -> dt.datetime:
    if isinstance(value, dt.datetime) and value.tzinfo is not None:  # made in Python
        return value.astimezone(dt.UTC)
    if not isinstance(value, str) or not _INSTANT.fullmatch(value):
        raise ValueError("must be an instant in UTC, as 2026-10-01T00:00:00Z")
    try:
        return dt.datetime.fromisoformat(value.removesuffix("Z")).replace(tzinfo=dt.UTC)
    except ValueError:
        raise ValueError(f"{value} is not a real instant") from None


def _day(value: object) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):  # made in Python
        return value
    if not isinstance(value, str) or not _DAY.fullmatch(value):
        raise ValueError("must be a day, as 2026-11-30")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a real day") from None


Number = Annotated[Decimal, BeforeValidator(_number)]
Instant = Annotated[dt.datetime, BeforeValidator(_instant)]
Day = Annotated[dt.date, BeforeValidator(_day)]
Count = Annotated[int, Field(ge=0)]
M = TypeVar("M", bound=BaseModel)
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class RecordModel(BaseModel):
    """Every field required as written: no extra key, no value of another type."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class _Event(RecordModel):
    ref: str | None
    kind: OutageKind
    start: Instant
    end: Instant
    minutes: Count
    file: str
    row: Count

    def build(self) -> Event:
        values = self.model_dump()
        return Event(**values)


class _Counted(RecordModel):
    reason: CountedReason
    minutes: Count
    event: _Event


class _Exclusion(RecordModel):
    reason: ExclusionReason
    event: _Event


class _Tier(RecordModel):
    tier: str
    target: Number
    attained: Number
    downtime_minutes: Count
    excluded_minutes: Count
    service_minutes: Count
    met: bool
    windows: Count | None
    windows_missed: Count | None
    counted: list[_Counted]
    exclusions: list[_Exclusion]

    def build(self) -> TierFigures:
        plain = self.model_dump(exclude={"counted", "exclusions"})
        counted = tuple(Counted(c.event.build(), c.reason, c.minutes) for c in self.counted)
        excluded = tuple(Exclusion(e.event.build(), e.reason) for e in self.exclusions)
        return TierFigures(**plain, counted=counted, exclusions=excluded)


class _Target(RecordModel):
    target: str
    clock: Literal["calendar", "service_hours"]
    required: Number
    tickets: Count
    within: Count
    attainment: Number | None
    met: bool


class _Priority(RecordModel):
    level: str
    tickets: Count
    response: _Target | None
    resolution: _Target | None

    def build(self) -> PriorityFigures:
        def target(found: _Target | None) -> TargetFigures | None:
            return None if found is None else TargetFigures(**found.model_dump())

        return PriorityFigures(
            self.level, self.tickets, target(self.response), target(self.resolution)
        )


class _Breach(RecordModel):
    ticket: str
    level: str
    target: Literal["response", "resolution"]
    allowed_minutes: Count
    elapsed_minutes: Count
    open: bool
    file: str
    row: Count


class _TierCredit(RecordModel):
    tier: str
    below: Number | None
    percent: Number


class _Credits(RecordModel):
    percent: Number
    amount: Number | None
    currency: str | None
    claim_by: Day | None
    capped: bool
    tiers: list[_TierCredit]

    def build(self) -> CreditsDue:
        plain = self.model_dump(exclude={"tiers"})
        tiers = tuple(TierCredit(**t.model_dump()) for t in self.tiers)
        return CreditsDue(**plain, tiers=tiers)


class _Input(RecordModel):
    file: str
    sha256: Sha256


class _Supersedes(RecordModel):
    file: str = Field(pattern=rf"^superseded/{PERIOD_TEXT}\.[1-9][0-9]*\.yaml$")
    sha256: Sha256
    reason: str = Field(min_length=1)


class _Record(RecordModel):
    record: Literal[1]
    agreement: str
    version: Annotated[int, Field(ge=1)]
    period: str
    start: Instant
    end: Instant
    sitegen: str
    inputs: list[_Input]
    passed: bool
    availability: list[_Tier]
    priorities: list[_Priority]
    breaches: list[_Breach]
    credits: _Credits | None
    notes: list[str]
    supersedes: _Supersedes | None = None

    def build(self) -> Record:
        figures = PeriodFigures(
            agreement=self.agreement,
            version=self.version,
            period=self.period,
            start=self.start,
            end=self.end,
            availability=tuple(tier.build() for tier in self.availability),
            priorities=tuple(priority.build() for priority in self.priorities),
            breaches=tuple(Breach(**b.model_dump()) for b in self.breaches),
            credits=self.credits.build() if self.credits else None,
            passed=self.passed,
            notes=tuple(self.notes),
        )
        inputs = tuple(InputFile(i.file, i.sha256) for i in self.inputs)
        old = self.supersedes
        supersedes = Supersedes(old.file, old.sha256, old.reason) if old else None
        return Record(figures, inputs, self.sitegen, supersedes)


assert RECORD_FORMAT == 1  # `_Record.record` reads this format only


def parse_yaml(data: bytes, path: Path, limits: Limits) -> Tree:
    """UTF-8 YAML with nothing hidden in it, as a tree; Unreadable at the problem's place."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Unreadable(where=Location(path), problem=f"not UTF-8 text ({error.reason})") from None
    hidden = next(places(text), None)
    if hidden is not None:
        line, column, char = hidden
        raise Unreadable(where=Location(path, line + 1, column + 1), problem=refusal(char))
    try:
        return parse_tree(text, limits)
    except Refused as refused:
        place = Location(path, refused.line + 1, refused.column + 1)
        raise Unreadable(where=place, problem=refused.message) from None


def validated(model: type[M], tree: Tree, path: Path) -> M:
    """The tree as `model`, or Unreadable at the first wrong value's line and column."""
    try:
        return model.model_validate(tree.data)
    except ValidationError as error:
        invalid = _named(error)
        loc = invalid.where
        while loc not in tree.positions and loc:
            loc = loc[:-1]  # a missing key: the place of the mapping that lacks it
        key_line, key_column, line, column = tree.positions.get(loc, (0, 0, 0, 0))
        if invalid.key:  # a key that should not be there: its own place
            line, column = key_line, key_column
        place = Location(path, line + 1, column + 1)
        raise Unreadable(where=place, problem=invalid.message) from None


@dataclass(frozen=True)
class _Wrong:
    where: tuple[str | int, ...]
    message: str
    key: bool  # the key is wrong (not its value)


def _named(error: ValidationError) -> _Wrong:
    """The first key that should not be there, else the first error: a misspelt key is
    also a missing one, and the misspelling is what the person wrote."""
    extra = [e for e in error.errors() if e["type"] == "extra_forbidden"]
    if not extra:
        first = first_invalid(error)
        return _Wrong(first.loc, first.message, False)
    loc = tuple(extra[0]["loc"])
    return _Wrong(loc, f"{'.'.join(str(part) for part in loc)}: {extra[0]['msg']}", True)


def parse_record(data: bytes, path: Path) -> Record:
    """A record from its bytes (`path` names it in errors). Untrusted input."""
    if len(data) > RECORD_MAX_BYTES:
        problem = f"{len(data):,} bytes is too large for a record"
        raise Unreadable(where=Location(path), problem=problem)
    tree = parse_yaml(data, path, Limits(0, 8))
    return validated(_Record, tree, path).build()
