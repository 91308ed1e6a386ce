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
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from sitegen.calendars import DEFAULT_COUNTRY, UnknownCalendar, check_place
from sitegen.load.values import DECIMAL_DIGITS, Count, Duration, Flag

__all__ = ["Agreement", "Bilingual", "Duration"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Bilingual(Strict):
    """One text in both languages. Both are required; lint checks they say the same."""

    zh: str = Field(description="Chinese text")
    en: str = Field(description="English text")

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$", max_length=64),
    Field(description="Lower-case words joined by hyphens, e.g. incident-handling"),
]
Percent = Annotated[
    Decimal,
    Field(ge=0, le=100, max_digits=7, decimal_places=4, description="A percentage, e.g. 99.9"),
    DECIMAL_DIGITS,
]
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


WORKING_DAYS = "working_days"


# What people write for the calendar's working days: told the one spelling that is meant.
_WORKING_DAYS_SPELLINGS = {"workdays", "working-days", "working days", "workingdays",
                           "business_days", "business days", "工作日"}  # fmt: skip


def _days(value: Any) -> Any:
    """Accept `mon-fri` or `sat` as well as a list of days (`working_days` is another kind)."""
    if isinstance(value, str):
        if value.strip().lower() in _WORKING_DAYS_SPELLINGS:
            raise PydanticCustomError(
                "working_days",
                "write working_days for the working days of the agreement's calendar "
                "(found '{text}')",
                {"text": value},
            )
        first, _, last = value.partition("-")
        if first in WEEKDAYS and (not last or last in WEEKDAYS):
            start = WEEKDAYS.index(first)
            end = WEEKDAYS.index(last) if last else start
            if end >= start:
                return list(WEEKDAYS[start : end + 1])
        return [value]
    return value


_DAYS_SCHEMA = {
    "description": "Days, as a list ([mon, tue]) or a range such as mon-fri, or "
    "working_days: the working days of the agreement's calendar",
    "anyOf": [
        {"const": WORKING_DAYS},
        {"type": "array", "items": {"enum": list(WEEKDAYS)}, "minItems": 1},
        {
            "type": "string",
            "pattern": "^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?$",
        },
    ],
}
_CLOCK = r"^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$"


def _days_kind(value: Any) -> str:
    return "calendar" if value == WORKING_DAYS else "weekdays"


Days = Annotated[
    Annotated[list[Weekday], Field(min_length=1), BeforeValidator(_days), Tag("weekdays")]
    | Annotated[Literal["working_days"], Tag("calendar")],
    Discriminator(_days_kind),
    WithJsonSchema(_DAYS_SCHEMA),
]


class Window(Strict):
    days: Days = Field(
        description="Days, as a list or a range such as mon-fri, or working_days: the "
        "working days of the agreement's calendar (make-up working days in, holidays out)"
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
        default=False,
        description="true if service is also given on public holidays (in windows of weekdays)",
    )

    @property
    def on_working_days(self) -> bool:
        """Some window follows the calendar's working days."""
        return any(w.days == WORKING_DAYS for w in self.windows)

    @model_validator(mode="after")
    def _holidays_once(self) -> Schedule:
        if self.public_holidays and self.on_working_days:
            raise ValueError(
                "public_holidays: true contradicts a window on working_days, which are never "
                "public holidays: give the days served on holidays as weekdays (mon-fri)"
            )
        return self

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


class Calendar(Strict):
    """The calendar whose working days and public holidays the agreement counts."""

    country: str = Field(
        default=DEFAULT_COUNTRY,
        pattern=r"^[A-Z]{2}$",
        description="ISO 3166-1 alpha-2 code; CN (the default) is the mainland statutory "
        "calendar with its make-up working days (调休), others Monday to Friday less the "
        "country's public holidays",
    )
    subdivision: str | None = Field(
        default=None,
        pattern=r"^[A-Z0-9]{1,3}$",
        description="ISO 3166-2 subdivision without the country, e.g. ENG (England) for GB, "
        "CA for US; its own public holidays count too",
    )

    @model_validator(mode="after")
    def _known(self) -> Calendar:
        try:
            check_place(self.country, self.subdivision)
        except UnknownCalendar as error:
            raise ValueError(str(error)) from None
        return self


Window_ = Literal["calendar_month", "calendar_quarter", "calendar_year"]


class Availability(Strict):
    target: Percent = Field(description="Minimum availability per window, percent")
    window: Window_ = "calendar_month"
    exclusions: list[Bilingual] = Field(
        default_factory=list, description="What does not count as downtime"
    )


class Priority(Strict):
    level: str = Field(pattern=r"^P[1-9]$", description="P1 is the most severe")
    name: Bilingual = Field(description="e.g. 严重故障 / Critical")
    definition: Bilingual
    response: Duration = Field(description="Longest time to first response")
    resolution: Duration = Field(description="Longest time to resolution or workaround")


class ServiceLevels(Strict):
    availability: Availability | None = None
    priorities: list[Priority] = Field(min_length=1)


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


Currency = Literal["CNY", "USD", "EUR", "HKD"]


class Fee(Strict):
    amount: Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2), DECIMAL_DIGITS]
    currency: Currency = "CNY"
    per: Literal["month", "quarter", "year"] = "month"


class CreditBand(Strict):
    below: Percent = Field(description="Applies when availability is below this percentage")
    percent: Percent = Field(description="Credit, as a percentage of the period's fee")


class Credits(Strict):
    bands: list[CreditBand] = Field(min_length=1)
    cap_percent: Percent = Field(description="Most credit in one period, percent of the fee")
    claim_days: Count = Field(
        default=30, ge=1, le=365, description="Days after the report to claim a credit"
    )


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
    calendar: Calendar = Field(
        default_factory=Calendar,
        description="Working days and public holidays: {country: CN} unless given",
    )
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
    def template_name(self) -> str:
        return self.template.partition("@")[0]

    @property
    def template_version(self) -> int | None:
        pinned = self.template.partition("@")[2]
        return int(pinned) if pinned else None
