"""A record read back: its bytes into a `Record`, strictly, or an error at file:line:col.

A record is committed, and a person can edit it by hand. An edit into a wrong shape (a
misspelt key, a percent written as text, a time without its `Z`, a count of `true`) must
be an error naming the place, never a record that reads as something else: the file is read
by `load.yamltree` (every value's line and column, no tags, no aliases, no duplicate keys)
into pydantic models that mirror `figures.py` field for field with `extra="forbid"` and
strict types (`strict_yaml`), then built into the figures' own dataclasses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from sitegen.errors import Location
from sitegen.load.yamltree import Limits
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
from sitegen.reports.strict_yaml import (
    PERIOD_TEXT,
    Count,
    Day,
    Instant,
    Number,
    RecordModel,
    Sha256,
    Unreadable,
    parse_yaml,
    validated,
)

# A month's record with thousands of breaches and events is a few MB; 64 MiB stops a read
# that would never end.
RECORD_MAX_BYTES = 64 << 20


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


def parse_record(data: bytes, path: Path) -> Record:
    """A record from its bytes (`path` names it in errors). Untrusted input."""
    if len(data) > RECORD_MAX_BYTES:
        problem = f"{len(data):,} bytes is too large for a record"
        raise Unreadable(where=Location(path), problem=problem)
    tree = parse_yaml(data, path, Limits(0, 8))
    return validated(_Record, tree, path).build()
