"""The building blocks every part of the agreement model uses: the strict base model, a
bilingual text, a slug, a percentage and an amount of money.

They live apart from `model.py` so that the parts of the model kept in their own modules
(availability tiers, credit terms) can use them without importing the whole agreement.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, WithJsonSchema

from sitegen.load.money import CURRENCY_PATTERN, is_currency
from sitegen.load.values import DECIMAL_DIGITS

__all__ = ["Bilingual", "Cadence", "Currency", "Money", "Percent", "Slug", "Strict"]


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
# How often something recurs: review meetings, disaster-recovery drills.
Cadence = Literal["monthly", "quarterly", "half_yearly", "yearly"]
Percent = Annotated[
    Decimal,
    Field(ge=0, le=100, max_digits=7, decimal_places=4, description="A percentage, e.g. 99.9"),
    DECIMAL_DIGITS,
]


def _currency(value: str) -> str:
    if value.upper() != value and is_currency(value.upper()):
        raise ValueError(f"write the currency code in capitals: {value.upper()}")
    if not is_currency(value):
        raise ValueError(
            f"{value!r} is not the ISO 4217 code of a currency in use: write its three "
            "capital letters, e.g. CNY, USD, EUR, GBP or JPY"
        )
    return value


Currency = Annotated[
    str,
    AfterValidator(_currency),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": CURRENCY_PATTERN,
            "description": "ISO 4217 code of a currency in use: CNY, USD, EUR, GBP, JPY, …",
        }
    ),
]
Amount = Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2), DECIMAL_DIGITS]


class Money(Strict):
    """An amount in a currency, e.g. {amount: 1, currency: USD}."""

    amount: Amount
    currency: Currency = "CNY"
