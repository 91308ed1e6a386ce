"""A structured review record, `agreements/<ID>/reviews/<period>.yaml`, read strictly.

Step 6 of the guide: at the agreed cadence the parties review the service against the
agreement: the periods covered and whether each passed, the customer's satisfaction, the
problems and their causes, the improvement actions (each with an owner role, a due day and
a status), the business volume, and whether a revision trigger fired. `sitegen review new`
writes the file pre-filled from the period records (`review_fill`); people fill in the
rest and set `held:` once the meeting took place. `validate` checks it (`review_check`).

The file is read as the period records are (`strict_yaml`): `load.yamltree` into pydantic
models with `extra="forbid"` and strict types, and one way to fail, `Unreadable` at the
file:line:col of the first wrong key or value. `ReadReview` keeps the positions, so the
checks against the records name the line of the value they disagree with.

The free-text `review.records` of agreement.yaml stay valid beside these files: they are
the history kept before structured records existed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from sitegen.errors import Location
from sitegen.findings import FieldPath
from sitegen.load.values import Duration
from sitegen.load.yamltree import Limits, Position
from sitegen.reports.periods import Period
from sitegen.reports.strict_yaml import (
    PERIOD_TEXT,
    Count,
    Day,
    Number,
    RecordModel,
    Unreadable,
    parse_yaml,
    read_kept_file,
    validated,
)

REVIEW_FORMAT = 1
# The periods a review covers: a month, a quarter, a half-year or a year.
REVIEW_PERIOD_TEXT = r"[0-9]{4}(-(0[1-9]|1[0-2])|Q[1-4]|H[12])?"
REVIEW_MAX_BYTES = 4 << 20  # a review is a page or two; 4 MiB stops a read that never ends
_PERIOD = re.compile(REVIEW_PERIOD_TEXT)
Status = Literal["open", "done", "dropped"]
STATUSES: tuple[Status, ...] = ("open", "done", "dropped")
Text = Annotated[str, Field(min_length=1)]


class Words(RecordModel):
    """A text in both languages: a role, a problem, an action."""

    zh: Text
    en: Text


class Credit(RecordModel):
    """The credit a period's record states: percent of the basis, and the amount when the
    basis is known."""

    percent: Number
    amount: Number | None
    currency: str | None


class Covered(RecordModel):
    """One period the review covers, as its record states it."""

    period: Annotated[str, Field(pattern=f"^{PERIOD_TEXT}$")]
    passed: bool
    credit: Credit | None
    accepted: bool


class Satisfaction(RecordModel):
    """The customer's satisfaction: a score from 1 (very dissatisfied) to 5 (very
    satisfied), and what they said."""

    score: Annotated[int, Field(ge=1, le=5)] | None
    comment: Words | None


class Problem(RecordModel):
    text: Words
    cause: Words


class Action(RecordModel):
    """An improvement action: owned by a role (never a person), due on a day."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$")]
    text: Words
    owner: Words
    due: Day
    status: Status


class Volume(RecordModel):
    """The customer's business volume when the agreement took effect, and now."""

    before: Annotated[Number, Field(gt=0)]
    after: Annotated[Number, Field(ge=0)]
    unit: Words


class VolumeTrigger(RecordModel):
    threshold: Number | None  # revision.volume_change; None: the agreement names none
    change: Number | None  # percent, two places, rounded down; None: no volume given
    fired: bool


class MissedTrigger(RecordModel):
    threshold: Count | None  # revision.missed_periods; None: the agreement names none
    run: Count  # the longest run of consecutive failed periods reaching into the review
    periods: list[Annotated[str, Field(pattern=f"^{PERIOD_TEXT}$")]]
    fired: bool


class Triggers(RecordModel):
    volume_change: VolumeTrigger
    missed_periods: MissedTrigger


class Drill(RecordModel):
    """A disaster-recovery drill held (the agreement's `continuity[].drill`): the day, what
    it rehearsed, the recovery point and time it achieved, and whether it passed. It is
    recorded in the review that reports it, so it is kept as the review is."""

    date: Day
    scenario: Words
    rpo_achieved: Duration | None = None
    rto_achieved: Duration | None = None
    passed: bool


class ReviewFile(RecordModel):
    review: Literal[1]
    agreement: Text
    period: Annotated[str, Field(pattern=f"^{REVIEW_PERIOD_TEXT}$")]
    held: Day | None
    participants: list[Words]
    periods: list[Covered]
    satisfaction: Satisfaction | None
    problems: list[Problem]
    actions: list[Action]
    volume: Volume | None
    triggers: Triggers
    # Written only when drills were held: reviews written before drills were recorded have
    # no such key, and stay valid.
    drills: list[Drill] = Field(default_factory=list)

    @field_validator("drills")
    @classmethod
    def _drills_before_held(cls, drills: list[Drill], info: ValidationInfo) -> list[Drill]:
        held = info.data.get("held")
        late = [d for d in drills if held is not None and d.date > held]
        if late:
            raise ValueError(
                f"the drill of {late[0].date.isoformat()} is after the review was held "
                f"({held}): record a drill in a review held after it"
            )
        return drills

    @model_validator(mode="after")
    def _distinct(self) -> ReviewFile:
        ids = [action.id for action in self.actions]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"actions: the id {twice[0]} is given twice; give each its own")
        periods = [covered.period for covered in self.periods]
        again = sorted({p for p in periods if periods.count(p) > 1})
        if again:
            raise ValueError(f"periods: {again[0]} is listed twice")
        last = Period.parse(self.period).last
        if self.held is not None and self.held <= last:
            raise ValueError(
                f"held: {self.held.isoformat()} is not after {self.period}, which ends on "
                f"{last.isoformat()}: a review is held once its period has ended"
            )
        return self


assert REVIEW_FORMAT == 1  # `ReviewFile.review` reads this format only


@dataclass(frozen=True)
class ReadReview:
    """A review as read: the file, its content and where each value stands."""

    path: Path
    review: ReviewFile
    positions: dict[FieldPath, Position]

    @property
    def period(self) -> Period:
        return Period.parse(self.review.period)

    def place(self, *field: str | int) -> Location:
        """The 1-based place of a value (or of the nearest mapping that holds it)."""
        loc = tuple(field)
        while loc not in self.positions and loc:
            loc = loc[:-1]
        _, _, line, column = self.positions.get(loc, (0, 0, 0, 0))
        return Location(self.path, line + 1, column + 1)


def parse_review(data: bytes, path: Path, agreement_id: str) -> ReadReview:
    """A review from its bytes; Unreadable at the first wrong place, also when the file
    names another agreement or another period than its folder and name say."""
    if len(data) > REVIEW_MAX_BYTES:
        raise Unreadable(where=Location(path), problem=f"{len(data):,} bytes is too large")
    tree = parse_yaml(data, path, Limits(0, 8))
    review = validated(ReviewFile, tree, path)
    read = ReadReview(path, review, tree.positions)
    if review.agreement != agreement_id:
        problem = f"agreement: {review.agreement!r}, but the file is in {agreement_id}'s folder"
        raise Unreadable(where=read.place("agreement"), problem=problem)
    if path.stem != review.period:
        problem = f"period: {review.period}, but the file is named {path.name}"
        raise Unreadable(where=read.place("period"), problem=problem)
    return read


def review_files(reviews: Path) -> list[Path]:
    """The review files of a `reviews/` folder, in name order; other files are not ours."""
    if not reviews.is_dir():
        return []
    return sorted(
        path
        for path in reviews.iterdir()
        if path.suffix == ".yaml" and _PERIOD.fullmatch(path.stem) and path.is_file()
    )


def read_review_bytes(path: Path) -> bytes:
    return read_kept_file(path, REVIEW_MAX_BYTES)


def read_review(path: Path, agreement_id: str) -> ReadReview:
    return parse_review(read_review_bytes(path), path, agreement_id)


def read_reviews(reviews: Path, agreement_id: str) -> list[ReadReview]:
    """Every review under `reviews/`, in the order of their periods' first day; UserErrors
    name the file and place."""
    found = [read_review(path, agreement_id) for path in review_files(reviews)]
    return sorted(found, key=lambda read: (read.period.first, read.period.last))
