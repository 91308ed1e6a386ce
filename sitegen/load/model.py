"""The agreement, typed. Everything after loading works on these models, never on raw dicts.

Unknown keys are errors (`extra="forbid"`): a misspelt key must not be silently ignored.
Rules the schema cannot say (wording, check characters, date logic) live in `sitegen.lint`.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, available_timezones

from pydantic import (
    BeforeValidator,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from sitegen.load.base import Bilingual, Currency, Slug, Strict
from sitegen.load.credit_terms import CreditBand, Credits
from sitegen.load.tiers import Tier, TierSet, tiers_of
from sitegen.load.values import DECIMAL_DIGITS, Count, Duration, Flag

__all__ = ["Agreement", "Bilingual", "CreditBand", "Credits", "Duration", "Tier"]


PartyRole = Literal["customer", "provider"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Party(Strict):
    name: Bilingual = Field(description="Full legal name, as registered")
    uscc: str = Field(
        pattern=r"^[0-9A-Z]{18}$",
        description="Unified Social Credit Code (统一社会信用代码), 18 characters",
    )
    unit: Bilingual | None = Field(
        default=None,
        description="Department or unit, for agreements between parts of one organisation",
    )


class Parties(Strict):
    customer: Party
    provider: Party


class Dates(Strict):
    signed: dt.date | None = Field(default=None, description="Date of signing (签署日期)")
    effective: dt.date = Field(description="First day of performance (生效日期)")
    terminated: dt.date | None = Field(default=None, description="Last day, once terminated")


class AutoRenew(Strict):
    months: Count = Field(ge=1, le=120, description="Length of each renewal")
    objection_days: Count = Field(
        ge=1, le=365, description="Either party may object up to this many days before expiry"
    )


class Term(Strict):
    months: Count = Field(ge=1, le=120, description="Initial term from the effective date")
    auto_renew: AutoRenew | None = Field(default=None, description="Omit for no renewal")


class Contact(Strict):
    party: PartyRole
    role: Bilingual = Field(description="A role or position, never a person, phone or e-mail")
    duty: Bilingual | None = Field(default=None, description="What this role handles")


class ScopeItem(Strict):
    id: Slug = Field(description="Stable identity of the service, used to match versions")
    zh: str
    en: str

    @property
    def text(self) -> Bilingual:
        return Bilingual(zh=self.zh, en=self.en)


class Scope(Strict):
    included: list[ScopeItem] = Field(min_length=1)
    excluded: list[ScopeItem] = Field(default_factory=list)


def _days(value: Any) -> Any:
    """Accept `mon-fri` or `sat` as well as a list of days."""
    if isinstance(value, str):
        first, _, last = value.partition("-")
        if first in WEEKDAYS and (not last or last in WEEKDAYS):
            start = WEEKDAYS.index(first)
            end = WEEKDAYS.index(last) if last else start
            if end >= start:
                return list(WEEKDAYS[start : end + 1])
        return [value]
    return value


_DAYS_SCHEMA = {
    "description": "Days, as a list ([mon, tue]) or a range such as mon-fri",
    "anyOf": [
        {"type": "array", "items": {"enum": list(WEEKDAYS)}, "minItems": 1},
        {
            "type": "string",
            "pattern": "^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?$",
        },
    ],
}
_CLOCK = r"^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$"


class Window(Strict):
    days: Annotated[list[Weekday], BeforeValidator(_days), WithJsonSchema(_DAYS_SCHEMA)] = Field(
        min_length=1, description="Days, as a list or a range such as mon-fri"
    )
    start: str = Field(pattern=_CLOCK, description="Local time HH:MM")
    end: str = Field(pattern=_CLOCK, description="Local time HH:MM, after start")

    @model_validator(mode="after")
    def _ordered(self) -> Window:
        if self.end <= self.start:
            raise ValueError(f"end {self.end} must be after start {self.start}")
        return self


class Schedule(Strict):
    timezone: str = Field(description="IANA time zone, e.g. Asia/Shanghai")
    windows: list[Window] = Field(min_length=1)
    public_holidays: Flag = Field(
        default=False, description="true if service is also given on public holidays"
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if value not in _zones():
            raise ValueError(f"unknown time zone {value!r}: use an IANA name like Asia/Shanghai")
        ZoneInfo(value)
        return value


_ZONES: set[str] = set()


def _zones() -> set[str]:
    if not _ZONES:
        _ZONES.update(available_timezones())
    return _ZONES


def _always(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"(7\s*[x×*]\s*24|24\s*[x×*/]\s*7)", value.strip()):
        return "7x24"
    return value


def _hours_kind(value: Any) -> str:
    return "schedule" if isinstance(value, dict | Schedule) else "always"


ServiceHours = Annotated[
    Annotated[Literal["7x24"], BeforeValidator(_always), Tag("always")]
    | Annotated[Schedule, Tag("schedule")],
    Discriminator(_hours_kind),
    Field(description="'7x24' for round the clock, or a weekly schedule with a time zone"),
]


class Priority(Strict):
    level: str = Field(pattern=r"^P[1-9]$", description="P1 is the most severe")
    name: Bilingual = Field(description="e.g. 严重故障 / Critical")
    definition: Bilingual
    response: Duration = Field(description="Longest time to first response")
    resolution: Duration = Field(description="Longest time to resolution or workaround")


class ServiceLevels(Strict):
    availability: TierSet | None = None
    priorities: list[Priority] = Field(min_length=1)

    @model_validator(mode="after")
    def _tier_ids(self) -> ServiceLevels:
        if isinstance(self.availability, list) and len(self.availability) > 1:
            ids = [tier.id for tier in self.availability]
            if None in ids:
                raise ValueError("with several availability tiers, give each an `id`")
            repeated = sorted({i for i in ids if i is not None and ids.count(i) > 1})
            if repeated:
                raise ValueError(f"availability tier ids must differ: {', '.join(repeated)}")
        return self

    @property
    def tiers(self) -> list[Tier]:
        """The availability tiers, one or more; none without an availability target."""
        return [tier for _, tier in tiers_of(self.availability)]


Period = Literal["month", "quarter"]
Frequency = Literal["weekly", "monthly", "quarterly"]


class Measurement(Strict):
    period: Period = Field(description="Statistics period (统计周期)")
    sources: list[Bilingual] = Field(min_length=1, description="Data sources (数据来源)")
    report: Frequency = Field(description="How often the provider issues a service report")
    report_due_days: Count = Field(
        default=5, ge=1, le=60, description="Working days after the period for the report"
    )
    pass_criteria: Bilingual | None = Field(default=None, description="达标判定标准")


class Fee(Strict):
    amount: Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2), DECIMAL_DIGITS]
    currency: Currency = "CNY"
    per: Literal["month", "quarter", "year"] = "month"


class Obligations(Strict):
    customer: list[Bilingual] = Field(min_length=1)
    provider: list[Bilingual] = Field(min_length=1)


Cadence = Literal["monthly", "quarterly", "half_yearly", "yearly"]


class ReviewRecord(Strict):
    date: dt.date
    summary: Bilingual


class Review(Strict):
    cadence: Cadence
    participants: list[Bilingual] = Field(default_factory=list)
    records: list[ReviewRecord] = Field(
        default_factory=list, description="Every review held, kept for the archive"
    )


class Signatory(Strict):
    party: PartyRole
    role: Bilingual = Field(description="Authorised representative, by role")


class ExtraClause(Strict):
    id: Slug
    at: Slug = Field(description="The template section this clause is added to")
    title: Bilingual
    text: Bilingual


# A version counts amendments and renewals: a few a year. 9999 leaves room for centuries
# and keeps `v9999` and the tag `ID/v9999` short; a 32-digit version was accepted before.
MAX_VERSION = 9999

Status = Literal["draft", "in_review", "signed", "terminated"]
Language = Literal["zh", "en"]
Visibility = Literal["internal", "restricted"]


class Agreement(Strict):
    """One service-level agreement: `agreements/<ID>/agreement.yaml`."""

    id: str = Field(pattern=r"^[A-Z]{2,10}-[0-9]{4}-[0-9]{3,6}$", description="e.g. SLA-2024-001")
    version: Count = Field(
        ge=1, le=MAX_VERSION, description="Counts amendments and renewals, 1 to 9999"
    )
    status: Status
    template: str = Field(
        pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*(@[1-9][0-9]*)?$",
        description="A folder under templates/, optionally pinned: it-service-sla@1",
    )
    prevailing_language: Language = "zh"
    visibility: Visibility = "internal"
    title: Bilingual
    parties: Parties
    dates: Dates
    term: Term
    contacts: list[Contact] = Field(min_length=1)
    scope: Scope
    service_hours: ServiceHours
    slos: ServiceLevels
    measurement: Measurement
    fees: Fee | None = None
    credits: Credits | None = None
    obligations: Obligations
    review: Review
    signatories: list[Signatory] = Field(min_length=1)
    clauses: list[ExtraClause] = Field(
        default_factory=list, description="Own clauses added at named template sections"
    )
    omit_sections: list[Slug] = Field(
        default_factory=list, description="Optional template sections left out"
    )

    @property
    def credit_basis(self) -> object | None:
        """What credits are a percentage of, when the agreement gives it: the fee (`fees`),
        or the credit terms themselves for the charges of the service or a fixed amount."""
        if self.credits is None:
            return None
        return self.fees if self.credits.basis == "fee" else self.credits

    @property
    def template_name(self) -> str:
        return self.template.partition("@")[0]

    @property
    def template_version(self) -> int | None:
        pinned = self.template.partition("@")[2]
        return int(pinned) if pinned else None
