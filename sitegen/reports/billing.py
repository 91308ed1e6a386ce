"""The billing data of each agreement's periods, from the `charges` table, as credits read
it (`credits.Charges`): the charges of each tier's service and what was paid.

A period's tiers with no row have no known charges: a credit due on such a tier has no
amount (None, "not known from the data"), never an amount counted on zero. The paid
figure is the sum of the rows' `paid`, None when no row gives one.
"""

from __future__ import annotations

from decimal import Decimal

import duckdb

from sitegen.reports.credits import Charges


def charges_of(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], Charges]:
    """The charges by (agreement, period)."""
    found: dict[tuple[str, str], tuple[str, dict[str, Decimal], Decimal | None]] = {}
    rows = con.execute(
        """SELECT agreement, period, COALESCE(tier, ''), charged, paid, currency
           FROM charges ORDER BY agreement, period, tier"""
    ).fetchall()
    for agreement, period, tier, charged, paid, currency in rows:
        _, by_tier, total = found.setdefault((agreement, period), (currency, {}, None))
        by_tier[tier] = charged
        if paid is not None:
            found[(agreement, period)] = (currency, by_tier, (total or Decimal(0)) + paid)
    return {
        key: Charges(currency, by_tier, paid) for key, (currency, by_tier, paid) in found.items()
    }
