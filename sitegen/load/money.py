"""Currencies: every ISO 4217 currency in use today, and the decimals each one is written with.

The list and the minor units come from Babel (CLDR data), not from a table kept here: a
hand list held four currencies (CNY, USD, EUR, HKD) and refused a UK, Japanese or Swiss
agreement. A code counts when CLDR has it as legal tender of some territory with no end
date: 153 codes in Babel 2.19, never the historic ones (DEM, HRK since 2023) nor the funds
and metals (XAU, XDR, XXX) that no fee is paid in. JPY and KRW have no minor unit, KWD
three decimals: an amount is rounded, and written, to its currency's minor unit.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from babel.core import get_global
from babel.numbers import get_currency_precision

CURRENCY_PATTERN = r"^[A-Z]{3}$"


@cache
def currencies() -> frozenset[str]:
    """The ISO 4217 codes of the currencies that are legal tender somewhere today."""
    found: set[str] = set()
    for entries in get_global("territory_currencies").values():
        found.update(code for code, _start, end, tender in entries if end is None and tender)
    return frozenset(found)


def is_currency(code: str) -> bool:
    return code in currencies()


def minor_digits(code: str) -> int:
    """Decimals of the currency's minor unit: 2 for CNY, 0 for JPY, 3 for KWD."""
    return int(get_currency_precision(code))


def round_amount(value: Decimal, code: str) -> Decimal:
    """The amount rounded half up to the currency's minor unit (the cent, the whole yen)."""
    return value.quantize(Decimal(1).scaleb(-minor_digits(code)), rounding=ROUND_HALF_UP)
