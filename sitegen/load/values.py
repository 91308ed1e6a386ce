"""Value types of agreements: durations written as text (15m, 4h, 2d, 1h30m), and the
numbers and flags that must not be quietly converted.

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
DURATION_PATTERN = r"^([0-9]+[dhm])+$"


@dataclass(frozen=True, slots=True, order=True)
class Duration:
    """A span of time, whole minutes. Written `15m`, `4h`, `2d`, or combined `1h30m`."""

    minutes: int

    @classmethod
    def parse(cls, text: str) -> Duration:
        value = text.strip()
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
                "h (hours) or d (days), e.g. 15m, 4h, 2d or 1h30m",
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
            "description": "Minutes (m), hours (h) or days (d): 15m, 4h, 2d, 1h30m.",
            "examples": ["15m", "4h", "2d"],
        }


_ORDER = ["d", "h", "m"]


# YAML 1.2's decimal numbers; no `_` separators, no `0x`/`0o`, no `.inf` or `.nan`.
_DECIMAL = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")


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
    raise PydanticCustomError(
        "decimal_form", "write a number in decimal digits with a point, e.g. 99.9 or 1000"
    )


Flag = Annotated[bool, BeforeValidator(_flag)]
Count = Annotated[int, PydanticStrict()]
# Goes after the Decimal's Field constraints, so that they stay in the schema.
DECIMAL_DIGITS = BeforeValidator(_decimal)
