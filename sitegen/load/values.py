"""Value types of agreements: durations written as text (15m, 4h, 2d, 1h30m, 2wd), and the
numbers and flags that must not be quietly converted.

A duration in working days (`2wd`) is not a number of minutes: how long it lasts depends on
the day it starts and the agreement's calendar (`sitegen.calendars`). So it is compared with a
duration in minutes only where the answer holds for every start: n working days last at
least n whole days, and may last any longer (春节 makes 1wd nine days).

pydantic's lax mode read `public_holidays: on` as true and `amount: "1_000"` as 1000, and
a percentage went through a float (`99.50000000000000000001` became 99.5). Here a flag
is `true` or `false`, a count a whole number in decimal digits, and a percentage or amount
a Decimal read from the digits as written (`sitegen.load.yamltree.NumberText`), never a float.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic import Strict as PydanticStrict
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

_UNIT_MINUTES = {"d": 24 * 60, "h": 60, "m": 1}
_PART = re.compile(r"(\d+)([dhm])")
_WHOLE = re.compile(r"(?:\d+[dhm])+")
_WORKING = re.compile(r"(\d+)wd")
DURATION_PATTERN = r"^(([0-9]+[dhm])+|[0-9]+wd)$"
_DAY_MINUTES = 24 * 60


@dataclass(frozen=True, slots=True)
class Duration:
    """A span of time: whole minutes (`15m`, `4h`, `2d`, `1h30m`), or whole working days on
    the agreement's calendar (`2wd`), never both."""

    minutes: int = 0
    working_days: int = 0

    @property
    def in_working_days(self) -> bool:
        return self.working_days > 0

    @property
    def shortest_minutes(self) -> int:
        """The fewest minutes it can last: n working days last at least n days."""
        return self.working_days * _DAY_MINUTES if self.in_working_days else self.minutes

    def _longest(self) -> float:
        return float("inf") if self.in_working_days else self.minutes

    def _same_kind(self, other: Duration) -> bool:
        return self.in_working_days == other.in_working_days

    def __lt__(self, other: Duration) -> bool:
        """Shorter whatever day it starts on."""
        if self._same_kind(other):
            return (self.working_days, self.minutes) < (other.working_days, other.minutes)
        return self._longest() < other.shortest_minutes

    def __gt__(self, other: Duration) -> bool:
        return other < self

    def __le__(self, other: Duration) -> bool:
        return self == other or self < other

    def __ge__(self, other: Duration) -> bool:
        return self == other or self > other

    @classmethod
    def parse(cls, text: str) -> Duration:
        value = text.strip()
        working = _WORKING.fullmatch(value)
        if working:
            if int(working.group(1)) <= 0:
                raise PydanticCustomError(
                    "duration_zero", "'{text}': a duration must be longer than zero", {"text": text}
                )
            return cls(working_days=int(working.group(1)))
        if "wd" in value:
            raise PydanticCustomError(
                "duration_working_days",
                "'{text}': give working days alone, e.g. 2wd; they do not combine with d, h or m",
                {"text": text},
            )
        if "M" in value:
            raise PydanticCustomError(
                "duration_month",
                "'{text}' uses capital M, which some SLO formats read as months and others as "
                "minutes: write minutes as lower-case m (15m); periods of months belong in "
                "`term.months`",
                {"text": text},
            )
        if not _WHOLE.fullmatch(value):
            raise PydanticCustomError(
                "duration_format",
                "'{text}' is not a duration: write a whole number and a unit, m (minutes), "
                "h (hours), d (days) or wd (working days), e.g. 15m, 4h, 2d, 1h30m or 2wd",
                {"text": text},
            )
        units = [unit for _, unit in _PART.findall(value)]
        if len(set(units)) != len(units) or units != sorted(units, key=_ORDER.index):
            raise PydanticCustomError(
                "duration_order",
                "'{text}': give each unit once, largest first (e.g. 1d4h, 1h30m)",
                {"text": text},
            )
        minutes = sum(int(n) * _UNIT_MINUTES[u] for n, u in _PART.findall(value))
        if minutes <= 0:
            raise PydanticCustomError(
                "duration_zero", "'{text}': a duration must be longer than zero", {"text": text}
            )
        return cls(minutes)

    def __str__(self) -> str:
        if self.in_working_days:
            return f"{self.working_days}wd"
        days, rest = divmod(self.minutes, 24 * 60)
        hours, minutes = divmod(rest, 60)
        parts = [f"{n}{u}" for n, u in ((days, "d"), (hours, "h"), (minutes, "m")) if n]
        return "".join(parts)

    @classmethod
    def validate(cls, value: Any) -> Duration:
        if isinstance(value, Duration):
            return value
        if isinstance(value, str):
            return cls.parse(value)
        raise PydanticCustomError(
            "duration_type", "a duration must be text such as 15m, 4h or 2d, not a number"
        )

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.validate,
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": DURATION_PATTERN,
            "description": "Minutes (m), hours (h) or days (d): 15m, 4h, 2d, 1h30m; or "
            "working days on the agreement's calendar (wd): 2wd.",
            "examples": ["15m", "4h", "2d", "2wd"],
        }


_ORDER = ["d", "h", "m"]


# YAML 1.2's decimal numbers; no `_` separators, no `0x`/`0o`, no `.inf` or `.nan`.
_DECIMAL = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_DECIMAL_COMMA = re.compile(r"[0-9]+,(?:[0-9]{1,2}|[0-9]{4,})")


def _flag(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    raise PydanticCustomError("flag", "write true or false")


def _decimal(value: Any) -> Any:
    """A Decimal from an int, a Decimal, or decimal digits as written; nothing else."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str) and _DECIMAL.fullmatch(value):
        return Decimal(value)
    if isinstance(value, str) and _DECIMAL_COMMA.fullmatch(value.strip()):
        # 99,9: a decimal comma, as German or French write it (a thousands separator
        # would have three digits after it: that is the general message's case).
        point = value.strip().replace(",", ".")
        raise PydanticCustomError(
            "decimal_form", "write a decimal point, not a comma: {point}", {"point": point}
        )
    raise PydanticCustomError(
        "decimal_form", "write a number in decimal digits with a point, e.g. 99.9 or 1000"
    )


Flag = Annotated[bool, BeforeValidator(_flag)]
Count = Annotated[int, PydanticStrict()]
# Goes after the Decimal's Field constraints, so that they stay in the schema.
DECIMAL_DIGITS = BeforeValidator(_decimal)
