"""Strict YAML for the files sitegen writes and a person may edit: the period records and the
acceptances. One way to read them: `load.yamltree` (every value's line and column, no tags,
no aliases, no duplicate keys, no hidden characters) into pydantic models with
`extra="forbid"` and strict types (no `"99.9"` for a number, no `yes` for a boolean), and
one way to fail: `Unreadable`, at the file:line:col of the first wrong key or value.

The value types read what the writer (`record.scalar`) writes: a Decimal from YAML's digits
(`load.yamltree.NumberText`, never through a float), an instant as ISO 8601 UTC with `Z`,
a day as YYYY-MM-DD.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from sitegen.errors import Location, UserError
from sitegen.files import NOT_REGULAR, Refusal, read_regular
from sitegen.load.characters import places, refusal
from sitegen.load.invalid import first_invalid
from sitegen.load.yamltree import Limits, NumberText, Refused, Tree, parse_tree

# A period as a record's file name and an acceptance write it: a month or a quarter.
PERIOD_TEXT = r"[0-9]{4}(-(0[1-9]|1[0-2])|Q[1-4])"
_INSTANT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def read_kept_file(path: Path, limit: int) -> bytes:
    """The bytes of a file sitegen keeps (a period record, a review): read only when it is
    a regular file and no further than `limit`; a UserError naming the file otherwise."""
    try:
        return read_regular(path, limit)
    except Refusal as refusal:
        raise UserError(f"{NOT_REGULAR} the file {refusal.reason}", path=path) from None
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror}", path=path) from None


class Unreadable(UserError):
    """A record (or acceptance file) that is not what sitegen writes: where, and why."""

    def __init__(self, *, where: Location, problem: str) -> None:
        self.location = where
        self.problem = problem
        super().__init__(problem, path=where)


def _number(value: object) -> Decimal:
    if isinstance(value, Decimal) and value.is_finite():  # made in Python
        return value
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
