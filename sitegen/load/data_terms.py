"""Data terms: where the customer's data is stored and processed, what kinds of data the
provider handles, whether it may leave the country, how soon a breach is notified and to
whom, how soon the data is returned and deleted at the end, and how long confidentiality
lasts after it.

Places are ISO 3166-1 alpha-2 codes (CN, HK, SG, DE; EU for the European Union), not free
text: a code is what a diff compares (a country added is a change a reviewer must see), what
the catalogue filters by, and what lint reads against `cross_border`; CLDR (Babel) gives each
code its name in both languages, so the contract never spells a country two ways. CN is
mainland China: Hong Kong (HK), Macao (MO) and Taiwan (TW) have their own codes, which is
exactly the distinction Chinese data-export rules draw.
"""

from __future__ import annotations

from typing import Annotated, Literal

from babel import Locale
from pydantic import AfterValidator, Field, WithJsonSchema, model_validator

from sitegen.load.base import Bilingual, Strict
from sitegen.load.values import Count, Duration, Flag

__all__ = ["CROSS_BORDER", "BreachNotice", "CrossBorder", "DataTerms", "Region"]

# allowed: data may be transferred abroad; not_allowed: never; with_consent: only with the
# customer's prior written consent. Ordered from the loosest on the provider.
CrossBorder = Literal["allowed", "with_consent", "not_allowed"]
CROSS_BORDER: tuple[CrossBorder, ...] = ("allowed", "with_consent", "not_allowed")
_REGION = r"^[A-Z]{2}$"
# CLDR's two-letter codes that are no place data is kept in: the eurozone, the United
# Nations, outlying Oceania, the pseudo-locales and "unknown region" (XK, Kosovo, stays).
_NOT_PLACES = frozenset({"EZ", "QO", "UN", "XA", "XB", "ZZ"})


def _region(value: str) -> str:
    if value.upper() != value and value.upper() in Locale("en").territories:
        raise ValueError(f"write the region code in capitals: {value.upper()}")
    known = value in Locale("en").territories and value not in _NOT_PLACES
    if len(value) != 2 or not value.isalpha() or not known:
        raise ValueError(
            f"{value!r} is not a region code: write the ISO 3166-1 alpha-2 code of a country "
            "or region, e.g. CN (mainland China), HK, SG, DE, or EU for the European Union"
        )
    return value


Region = Annotated[
    str,
    AfterValidator(_region),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": _REGION,
            "description": "ISO 3166-1 alpha-2 code: CN (mainland China), HK, SG, DE, …; "
            "EU for the European Union",
        }
    ),
]
Regions = Annotated[list[Region], Field(min_length=1)]


class BreachNotice(Strict):
    """How soon the provider notifies a data breach, and to which role."""

    within: Duration | None = Field(
        default=None,
        description="How soon after the provider learns of a breach it notifies, e.g. 24h "
        "(lint: required)",
    )
    to: Bilingual = Field(
        description="The role notified, e.g. 客户方信息安全负责人 / the customer's "
        "Information Security Officer: a role, never a person, phone or e-mail"
    )


class DataTerms(Strict):
    """The customer's data in the provider's hands; each term is stated only when given."""

    stored_in: Regions | None = Field(
        default=None, description="Where the data is stored, as region codes, e.g. [CN]"
    )
    processed_in: Regions | None = Field(
        default=None,
        description="Where the data is processed (accessed, operated on), as region codes",
    )
    categories: Annotated[list[Bilingual], Field(min_length=1)] | None = Field(
        default=None,
        description="The kinds of data the provider handles, e.g. 员工个人信息 / employees' "
        "personal information",
    )
    cross_border: CrossBorder | None = Field(
        default=None,
        description="Transfer out of the regions above: allowed, with_consent (the "
        "customer's prior written consent) or not_allowed",
    )
    breach_notice: BreachNotice | None = Field(
        default=None, description="Notice of a data breach: {within, to}"
    )
    return_within: Duration | None = Field(
        default=None,
        description="How soon after the agreement ends the provider returns the data, e.g. 30d",
    )
    deletion_within: Duration | None = Field(
        default=None,
        description="How soon after the agreement ends (after the return, if any) the "
        "provider deletes every copy, e.g. 30d",
    )
    confidential: Flag | None = Field(
        default=None,
        description="true: each party keeps the other's information confidential; omit if "
        "the agreement says nothing",
    )
    confidentiality_years: Count | None = Field(
        default=None,
        ge=1,
        le=30,
        description="Years confidentiality lasts after the agreement ends (needs "
        "confidential: true)",
    )

    @property
    def regions(self) -> list[str]:
        """Every region the data is stored or processed in, each once, stored first."""
        return list(dict.fromkeys([*(self.stored_in or ()), *(self.processed_in or ())]))

    @model_validator(mode="after")
    def _consistent(self) -> DataTerms:
        if self.confidentiality_years is not None and self.confidential is not True:
            raise ValueError("`confidentiality_years` needs confidential: true")
        for name, regions in (("stored_in", self.stored_in), ("processed_in", self.processed_in)):
            if regions is not None and len(set(regions)) != len(regions):
                raise ValueError(f"`{name}` names a region more than once")
        return self
