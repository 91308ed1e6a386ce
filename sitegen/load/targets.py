"""Support targets: the time limits a priority sets, as real SLAs write them.

A university's SLA answers 90% of P1 calls within 30 minutes of its opening hours; a SaaS
vendor answers Sev1 within an hour round the clock and promises no resolution time at all;
the guide's SLA answers every P1 within 15 minutes. One type holds all three: a limit
(`within`), the clock it runs on and the share of incidents that must meet it. The short
form `response: 15m` stays what the template always said it was: every incident, counted
within the service hours (which, for 7×24 service hours, is calendar time).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from sitegen.load.values import DECIMAL_DIGITS, DURATION_PATTERN, Duration

Level = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9A-Za-z\u3400-\u9fff][0-9A-Za-z\u3400-\u9fff._-]{0,15}$"),
    Field(description="A priority level as the agreement names it: P1, Sev2, 紧急, Critical"),
]
Clock = Literal["calendar", "service_hours"]
Attainment = Annotated[
    Decimal,
    Field(gt=0, le=100, max_digits=7, decimal_places=4),
    DECIMAL_DIGITS,
]


class Target(BaseModel):
    """A time limit for incidents of one priority: how long, on which clock, for how many.

    Written short (`response: 15m`: every incident, counted within the service hours, which
    is what the template said before targets had a long form) or long
    (`response: {within: 1h, clock: calendar, attainment: 90}`).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    within: Duration = Field(description="The time limit")
    clock: Clock = Field(
        default="service_hours",
        description="calendar: round the clock (24×7); service_hours: only within the "
        "agreement's service hours",
    )
    attainment: Attainment | None = Field(
        default=None,
        description="Percentage of the period's incidents that must meet the limit, e.g. 90; "
        "omit for every incident",
    )

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        return value if isinstance(value, dict | Target) else {"within": value}

    @property
    def every(self) -> bool:
        """True when every incident must meet the limit (no attainment, or 100%)."""
        return self.attainment is None or self.attainment == 100

    def comparable(self, other: Target) -> bool:
        """Two limits can be ordered when they run on the same clock; a limit in working
        days (`2wd`) against one in clock time only where the answer holds for every start
        day (`Duration`'s order: n working days last at least n days)."""
        return self.clock == other.clock

    @property
    def share(self) -> Decimal:
        """The attainment as a percentage: 100 for every incident."""
        return Decimal(100) if self.attainment is None else self.attainment

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        long = handler.resolve_ref_schema(handler(schema))
        return {
            "description": "A duration (15m: every incident, within the service hours), or "
            "{within, clock, attainment}",
            "anyOf": [{"type": "string", "pattern": DURATION_PATTERN}, long],
        }


TargetName = Literal["response", "resolution"]
TARGETS: tuple[TargetName, ...] = ("response", "resolution")
