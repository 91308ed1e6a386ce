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
    AfterValidator,
    BeforeValidator,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from sitegen.calendars import DEFAULT_COUNTRY, UnknownCalendar, check_place
from sitegen.load.base import Bilingual, Cadence, Currency, Percent, Slug, Strict
from sitegen.load.continuity import Continuity
from sitegen.load.credit_terms import CreditBand, Credits
from sitegen.load.data_terms import DataTerms
from sitegen.load.money import minor_digits, round_amount
from sitegen.load.remedies import Exclusions, Remedies, distinct
from sitegen.load.targets import (
    TARGETS,
    Clock,
    Level,
    Target,
    TargetName,
)
from sitegen.load.tiers import Tier, TierSet, tiers_of
from sitegen.load.values import DECIMAL_DIGITS, Count, Duration, Flag
from sitegen.load.yamltree import NumberText

__all__ = [
    "TARGETS",
    "Agreement",
    "Bilingual",
    "Cadence",
    "Clock",
    "Continuity",
    "CreditBand",
    "Credits",
    "DataTerms",
    "Duration",
    "Level",
    "Remedies",
    "Target",
    "TargetName",
    "Tier",
]


PartyRole = Literal["customer", "provider"]
Language = Literal["zh", "en"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


_SCHEME = re.compile(r"^(none|[a-z]{2,}_?(\.[a-z0-9]+)*)$")


def _scheme(value: str) -> str:
    if not _SCHEME.fullmatch(value):
        lower = value.strip().lower()
        hint = f" ({lower})" if _SCHEME.fullmatch(lower) else ""
        raise ValueError(
            "write the scheme as python-stdnum names its module, in small letters with dots"
            f"{hint}: lei, gb.vat, us.ein, …, or none"
        )
    return value


def _as_text(value: Any) -> Any:
    """A number is text as registered: unquoted digits are a YAML number, which drops
    leading zeros (EIN 04-… written 042103594 would be checked as 42103594)."""
    if isinstance(value, int | float | Decimal | NumberText) and not isinstance(value, bool):
        raise ValueError(
            "write the number in quotes, as registered (value: '…'): unquoted, YAML reads "
            "it as a number, which drops leading zeros"
        )
    return value


class Identifier(Strict):
    """An organisation's registered number other than a USCC, or why it has none."""

    scheme: Annotated[
        str,
        AfterValidator(_scheme),
        WithJsonSchema({"type": "string", "pattern": _SCHEME.pattern}),
    ] = Field(
        description="What the number is, named as python-stdnum names the module that checks "
        "it: lei, gb.vat, gb.utr, us.ein, de.handelsregisternummer, eu.vat, sg.uen, jp.cn, …; "
        "or none, with a reason",
    )
    value: Annotated[str | None, BeforeValidator(_as_text)] = Field(
        default=None,
        min_length=1,
        max_length=64,
        description="The number as registered, in quotes when it is all digits (not with "
        "scheme: none)",
    )
    reason: Bilingual | None = Field(
        default=None, description="Why the party has no registered number (scheme: none only)"
    )

    @model_validator(mode="after")
    def _value_or_reason(self) -> Identifier:
        if self.scheme == "none":
            if self.value is not None:
                raise ValueError("scheme none has no `value`: give the `reason` {zh, en} only")
            if self.reason is None:
                raise ValueError(
                    "scheme none needs a `reason` {zh, en}: why the party has no registered number"
                )
        elif self.value is None:
            raise ValueError(f"scheme {self.scheme} needs the `value`: the number as registered")
        elif self.reason is not None:
            raise ValueError(
                f"scheme {self.scheme} has a `value`, not a `reason`: a reason is for scheme: none"
            )
        return self


class Party(Strict):
    name: Bilingual = Field(description="Full legal name, as registered")
    uscc: str | None = Field(
        default=None,
        pattern=r"^[0-9A-Z]{18}$",
        description="Unified Social Credit Code (统一社会信用代码), 18 characters: the "
        "identifier of every mainland-China organisation (give it or `id`, not both)",
    )
    id: Identifier | None = Field(
        default=None,
        description="The registered number of an organisation outside mainland China, "
        "{scheme, value}, or {scheme: none, reason} (give it or `uscc`, not both)",
    )
    unit: Bilingual | None = Field(
        default=None,
        description="Department or unit, for agreements between parts of one organisation",
    )

    @model_validator(mode="after")
    def _one_identifier(self) -> Party:
        if self.uscc is not None and self.id is not None:
            raise ValueError(
                "a party has `uscc` (a mainland-China organisation) or `id` (any other), not both"
            )
        if self.uscc is None and self.id is None:
            raise ValueError(
                "a party needs its identifier: `uscc` for a mainland-China organisation, "
                "`id: {scheme, value}` for any other, or `id: {scheme: none, reason}`"
            )
        return self


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


class Source(Strict):
    """Where a published agreement comes from: the provider's own page or document."""

    title: str = Field(
        min_length=1,
        max_length=300,
        description="The provider's title of the document, as published",
    )
    url: str = Field(
        pattern=r"^https?://[^\s<>\"'`\\{}|^]+$",
        max_length=2000,
        description="Address of the provider's page (http or https); shown as text or a plain link",
    )
    updated: dt.date = Field(
        description="The 'last updated' date the provider prints on this version of its text"
    )
    checked: dt.date | None = Field(
        default=None,
        description="Day the provider's current text was last compared with this one",
    )


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


class Priority(Strict):
    level: Level
    name: Bilingual = Field(description="e.g. 严重故障 / Critical")
    definition: Bilingual
    response: Target | None = Field(default=None, description="Longest time to first response")
    resolution: Target | None = Field(
        default=None, description="Longest time to resolution or workaround"
    )

    @model_validator(mode="after")
    def _some_target(self) -> Priority:
        if self.response is None and self.resolution is None:
            raise ValueError(
                f"{self.level} has no target: give a response target, a resolution target or both"
            )
        return self

    def target(self, name: TargetName) -> Target | None:
        return self.response if name == "response" else self.resolution


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
    timezone: str | None = Field(
        default=None,
        description="IANA time zone of the agreement's days and periods (a report's month, "
        "a working day), e.g. Europe/London; default: the service hours' zone, or "
        "Asia/Shanghai for CN",
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is not None and value not in _zones():
            raise ValueError(f"unknown time zone {value!r}: use an IANA name like Asia/Shanghai")
        return value

    @model_validator(mode="after")
    def _known(self) -> Calendar:
        try:
            check_place(self.country, self.subdivision)
        except UnknownCalendar as error:
            raise ValueError(str(error)) from None
        return self


class AxisItem(Strict):
    id: Slug = Field(description="Stable identity of the row or column")
    zh: str
    en: str

    @property
    def text(self) -> Bilingual:
        return Bilingual(zh=self.zh, en=self.en)


class Matrix(Strict):
    """Impact × urgency → priority level, as service desks classify incidents."""

    impact: list[AxisItem] = Field(min_length=1, description="Rows, the highest impact first")
    urgency: list[AxisItem] = Field(min_length=1, description="Columns, the highest urgency first")
    levels: list[list[Level]] = Field(
        min_length=1,
        description="One row per impact, one level per urgency: levels[i][j] is the priority "
        "of impact i and urgency j",
    )


class ServiceLevels(Strict):
    availability: TierSet | None = None
    priorities: list[Priority] = Field(
        default_factory=list,
        description="Incident priorities, the most severe first; may be empty (availability only)",
    )
    matrix: Matrix | None = Field(
        default=None, description="How impact and urgency give an incident's priority"
    )

    @property
    def first_level(self) -> Priority | None:
        """The most severe priority (the first listed), if there are any."""
        return self.priorities[0] if self.priorities else None

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
    report: Frequency | None = Field(
        default=None,
        description="How often the provider issues a service report; omit if it issues none",
    )
    report_due_days: Count | None = Field(
        default=None, ge=1, le=60, description="Working days after the period for the report"
    )
    pass_criteria: Bilingual | None = Field(default=None, description="达标判定标准")

    @model_validator(mode="after")
    def _report_and_due(self) -> Measurement:
        if (self.report is None) != (self.report_due_days is None):
            raise ValueError("report and report_due_days go together: give both or neither")
        return self


class Fee(Strict):
    # `currency` comes first: the amount's decimals are checked against it.
    currency: Currency = "CNY"
    amount: Annotated[Decimal, Field(gt=0, max_digits=14), DECIMAL_DIGITS] = Field(
        description="The fee, to the currency's minor unit at most (CNY: fen; JPY: whole yen)"
    )
    per: Literal["month", "quarter", "year"] = "month"

    @field_validator("amount")
    @classmethod
    def _minor_unit(cls, value: Decimal, info: ValidationInfo) -> Decimal:
        currency = info.data.get("currency")
        if currency is None or round_amount(value, currency) == value:
            return value
        digits = minor_digits(currency)
        if digits == 0:
            raise ValueError(f"{currency} has no minor unit: write a whole amount")
        raise ValueError(f"Decimal input should have no more than {digits} decimal places")


class Obligations(Strict):
    customer: list[Bilingual] = Field(min_length=1)
    provider: list[Bilingual] = Field(min_length=1)


class ReviewRecord(Strict):
    date: dt.date
    summary: Bilingual


class Review(Strict):
    cadence: Cadence
    participants: list[Bilingual] = Field(default_factory=list)
    minutes_within: Duration | None = Field(
        default=None,
        description="How soon after a review meeting the provider circulates its minutes, "
        "e.g. 5wd; omit if the agreement does not say",
    )
    records: list[ReviewRecord] = Field(
        default_factory=list, description="Every review held, kept for the archive"
    )


class Revision(Strict):
    """When either party may propose to revise the agreement, and how soon the parties meet.
    Each trigger is stated only when given."""

    volume_change: Percent | None = Field(
        default=None,
        description="The customer's business volume has grown by at least this percentage "
        "since the agreement took effect, e.g. 50",
    )
    missed_periods: Count | None = Field(
        default=None,
        ge=1,
        le=12,
        description="The service levels were not met in this many consecutive periods",
    )
    new_services: Flag | None = Field(
        default=None, description="true: the customer needs additional modules or services"
    )
    meeting_within: Duration | None = Field(
        default=None,
        description="How soon after a proposal the parties meet to agree the revision, e.g. 15wd",
    )

    @property
    def triggers(self) -> bool:
        return any(
            (self.volume_change is not None, self.missed_periods is not None, self.new_services)
        )


class Signatory(Strict):
    party: PartyRole
    role: Bilingual = Field(description="Authorised representative, by role")


class ExtraClause(Strict):
    id: Slug
    at: Slug = Field(description="The template section this clause is added to")
    title: Bilingual
    text: Bilingual


ClauseId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*\.[a-z][a-z0-9]*(-[a-z0-9]+)*$"),
    Field(description="A template clause, as <section id>.<clause id>, e.g. credits.claims"),
]


class ReplacedClause(Strict):
    """A template clause replaced by the agreement's own text (its title kept unless given)."""

    replace: ClauseId
    title: Bilingual | None = Field(default=None, description="Omit to keep the template's title")
    zh: str = Field(description="The clause's Chinese text, in place of the template's")
    en: str = Field(description="The clause's English text, in place of the template's")

    @property
    def text(self) -> Bilingual:
        return Bilingual(zh=self.zh, en=self.en)


def _clause_kind(value: Any) -> str:
    replaced = isinstance(value, ReplacedClause) or (isinstance(value, dict) and "replace" in value)
    return "replace" if replaced else "add"


OwnClause = Annotated[
    Annotated[ExtraClause, Tag("add")] | Annotated[ReplacedClause, Tag("replace")],
    Discriminator(_clause_kind),
    Field(description="A clause added at a section (id, at), or a template clause replaced"),
]


class Languages(Strict):
    """Which texts of the bilingual contract are authentic, and which prevails."""

    authentic: list[Language] = Field(
        min_length=1,
        max_length=2,
        description="The authentic texts: [zh, en] for both; one language for an original "
        "in that language only, the other text then a translation for reference",
    )
    prevails: Language | None = Field(
        default=None,
        description="With two authentic texts, the one that prevails if they differ; omit "
        "when neither prevails",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Languages:
        if len(set(self.authentic)) != len(self.authentic):
            raise ValueError("authentic names a language twice")
        if self.prevails is not None and len(self.authentic) < 2:
            raise ValueError(
                "prevails is for two authentic texts: with one authentic text the other is a "
                "translation for reference; remove prevails"
            )
        return self

    @property
    def translation(self) -> Language | None:
        """The language that is a translation only, when one text alone is authentic."""
        if len(self.authentic) > 1:
            return None
        return "en" if self.authentic[0] == "zh" else "zh"


class Court(Strict):
    name: Bilingual = Field(
        description="The court, e.g. 上海市浦东新区人民法院 / the People's Court of Pudong New Area"
    )
    seat: Bilingual = Field(description="Where it sits, e.g. 上海 / Shanghai")


class Arbitration(Strict):
    institution: Bilingual = Field(
        description="e.g. 中国国际经济贸易仲裁委员会 / China International Economic and Trade "
        "Arbitration Commission"
    )
    seat: Bilingual = Field(description="The seat of arbitration, e.g. 北京 / Beijing")
    rules: Bilingual = Field(
        description="The rules that apply, e.g. 该会届时有效的仲裁规则 / its arbitration rules "
        "in force when the arbitration is applied for"
    )


class Disputes(Strict):
    """Where a dispute goes that the parties cannot settle by negotiation: one of the two."""

    court: Court | None = Field(default=None, description="Litigation before this court")
    arbitration: Arbitration | None = Field(default=None, description="Arbitration")

    @model_validator(mode="after")
    def _one(self) -> Disputes:
        if (self.court is None) == (self.arbitration is None):
            raise ValueError("give either court or arbitration")
        return self


class LiabilityCap(Strict):
    """The most a party is liable for under the agreement: an amount or months of fees."""

    party: Literal["provider", "customer", "each"] = Field(
        description="Whose liability is capped: provider, customer or each party"
    )
    amount: (
        Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2), DECIMAL_DIGITS] | None
    ) = Field(default=None, description="A fixed amount, in `currency`")
    currency: Currency | None = Field(default=None, description="The amount's currency")
    months_of_fees: Count | None = Field(
        default=None, ge=1, le=120, description="The fees for this many months (needs fees)"
    )
    exclusions: Exclusions | None = Field(
        default=None,
        description="Liability the cap does not limit, e.g. [data_breach, confidentiality]; "
        "omit for none",
    )

    @model_validator(mode="after")
    def _one(self) -> LiabilityCap:
        if (self.amount is None) == (self.months_of_fees is None):
            raise ValueError("give either amount (with currency) or months_of_fees")
        if (self.amount is None) != (self.currency is None):
            raise ValueError("an amount needs its currency, and a currency its amount")
        distinct(self.exclusions, "exclusions")
        return self


class MasterAgreement(Strict):
    """The master agreement this one is made under, and which prevails where they conflict."""

    title: Bilingual = Field(description="The master agreement's title")
    date: dt.date = Field(description="The master agreement's date")
    prevails: Literal["master", "this"] = Field(
        description="Where they conflict: master (the master agreement) or this (this agreement)"
    )


# A version counts amendments and renewals: a few a year. 9999 leaves room for centuries
# and keeps `v9999` and the tag `ID/v9999` short; a 32-digit version was accepted before.
MAX_VERSION = 9999

Status = Literal["draft", "in_review", "signed", "accepted", "terminated"]
Kind = Literal["negotiated", "published"]
Visibility = Literal["internal", "restricted"]


class Agreement(Strict):
    """One service-level agreement: `agreements/<ID>/agreement.yaml`."""

    id: str = Field(pattern=r"^[A-Z]{2,10}-[0-9]{4}-[0-9]{3,6}$", description="e.g. SLA-2024-001")
    version: Count = Field(
        ge=1, le=MAX_VERSION, description="Counts amendments and renewals, 1 to 9999"
    )
    kind: Kind = Field(
        default="negotiated",
        description="negotiated: signed by both parties (the default); published: a "
        "provider's standard SLA that the customer holds",
    )
    status: Status = Field(
        description="negotiated: draft, in_review, signed, terminated; "
        "published: draft, in_review, accepted, terminated"
    )
    template: str = Field(
        pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*(@[1-9][0-9]*)?$",
        description="A folder under templates/, optionally pinned: it-service-sla@1",
    )
    languages: Languages | None = Field(
        default=None,
        description="The language arrangement, e.g. {authentic: [zh, en], prevails: zh}; "
        "omit and the contract says nothing about which text is authentic",
    )
    visibility: Visibility = "internal"
    title: Bilingual
    parties: Parties
    source: Source | None = Field(
        default=None,
        description="The provider's title, address and 'last updated' date: "
        "published agreements only, and required for them",
    )
    amendment_notice_days: Count | None = Field(
        default=None,
        ge=1,
        le=365,
        description="Days of notice the provider gives before an amendment applies: "
        "published agreements only",
    )
    dates: Dates
    term: Term | None = Field(
        default=None,
        description="Initial term and renewal: required for negotiated agreements; a "
        "published one has none (it applies while the service is used)",
    )
    contacts: list[Contact] = Field(min_length=1)
    scope: Scope
    calendar: Calendar = Field(
        default_factory=Calendar,
        description="Working days and public holidays: {country: CN} unless given",
    )
    service_hours: ServiceHours
    slos: ServiceLevels
    continuity: Annotated[list[Continuity], Field(min_length=1)] | None = Field(
        default=None,
        description="Recovery objectives (RPO, RTO), backups and disaster-recovery drills, "
        "per service or tier, or for all; omit if the agreement states none",
    )
    measurement: Measurement
    fees: Fee | None = None
    credits: Credits | None = None
    obligations: Obligations
    data: DataTerms | None = Field(
        default=None,
        description="Data security: where data is stored and processed, its categories, "
        "cross-border transfer, breach notice, return and deletion, confidentiality; omit "
        "if the agreement states none",
    )
    review: Review | None = Field(
        default=None, description="Service reviews the parties hold; omit if they hold none"
    )
    revision: Revision | None = Field(
        default=None,
        description="When the agreement may be revised (negotiated agreements); omit if it "
        "says nothing",
    )
    retention_years: Count | None = Field(
        default=None,
        ge=1,
        le=30,
        description="Years each party keeps every version (and the review minutes) after the "
        "agreement ends; omit if the agreement does not say",
    )
    signatories: Annotated[list[Signatory], Field(min_length=1)] | None = Field(
        default=None,
        description="Who signs, by role: required for negotiated agreements, none for "
        "published ones",
    )
    master_agreement: MasterAgreement | None = Field(
        default=None, description="The master agreement this one is made under; omit if none"
    )
    liability_cap: LiabilityCap | None = Field(
        default=None, description="A cap on liability under this agreement; omit if none"
    )
    remedies: Remedies | None = Field(
        default=None,
        description="Remedies beyond credits: whether credits are the sole remedy, and "
        "termination for repeated misses; omit if the agreement says nothing",
    )
    governing_law: Bilingual | None = Field(
        default=None,
        description="The law that governs the agreement, e.g. 中华人民共和国法律 / the laws of "
        "the People's Republic of China; omit if the agreement does not choose one",
    )
    disputes: Disputes | None = Field(
        default=None, description="A court or an arbitration institution; omit if none"
    )
    clauses: list[OwnClause] = Field(
        default_factory=list,
        description="Own clauses added at named template sections, or replacing a template "
        "clause by its id",
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
