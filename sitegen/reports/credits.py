"""Credits due for one period: the band each tier reached, the percent, the amount in the
agreement's currency after the cap, the rounding and the smallest credit, and the last day
to claim it.

How the terms are read:

- A tier reaches the lowest band whose `below` its attainment is under (`window: hour`:
  its worst hour, `TierFigures.lowest`); its own `credits` schedule, else `credits.bands`.
- Several tiers on the fee or a fixed amount: the largest tier's percent, not the sum (one
  fee pays for the service however many of its commitments missed). On `charges`: each
  tier's percent of its own service's charges, summed; the charges come from the billing
  data (`Charges`), and without them the amount is None (the percent is still known).
- The basis of `fee` is the fee of the period as the contract's band table states it (a
  yearly fee of a monthly report: a twelfth, half up to the minor unit); `fixed` is the
  amount of one period.
- The cap applies before rounding; a cap on the same base as the credit caps the percent,
  a cap on another base (`paid`, `charges`) needs that figure (else the amount is None).
- Rounding: the agreement's mode, to the cent or the unit, never finer than the currency's
  minor unit (a yen has no cent); without terms, half up to the minor unit. A rounded
  amount under `minimum` is not given: amount and percent 0.
- `claim_by`: `within` days (or working days on the agreement's calendar) after the
  anchor, a window in hours ending within its last whole day; `cycles` billing cycles
  (the fee's period, or a month) end with the last day of the n-th cycle after the one
  holding the anchor. Anchors: `period_end` (the period's last day), `report` (the day
  the report is due, `report_due_days` working days after the period), `cycle_end` (the
  last day of the billing cycle holding the period's end), `incident` (the day the
  earliest counted downtime of the period began). None when the anchor is unknown.
"""

from __future__ import annotations

import calendar as months
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal

from sitegen.compose.view import period_fee
from sitegen.load.credit_terms import Claim, CreditBand, Credits
from sitegen.load.model import Agreement
from sitegen.load.money import minor_digits
from sitegen.reports.figures import CreditsDue, TierCredit, TierFigures
from sitegen.reports.periods import Job

_MODES = {"half_up": ROUND_HALF_UP, "down": ROUND_DOWN, "up": ROUND_UP}
_CYCLE_MONTHS = {"month": 1, "quarter": 3, "year": 12}
_DAY_MINUTES = 24 * 60
_HUNDRED = Decimal(100)
_PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class Charges:
    """What the customer was charged in the period for each tier's service (by tier key:
    "" for a single tier without an id), and what it paid, from the billing data."""

    currency: str
    by_tier: Mapping[str, Decimal] = field(default_factory=dict)
    paid: Decimal | None = None


def credits_due(
    job: Job, tiers: Sequence[TierFigures], charges: Charges | None = None
) -> CreditsDue | None:
    """The credits of the job's period; None when the agreement has no credit terms."""
    a = job.agreement
    terms = a.credits
    if terms is None:
        return None
    reached = tuple(_reached(a, terms, tier) for tier in tiers)
    percent = max((r.percent for r in reached), default=Decimal(0))
    cap = terms.cap
    capped = False
    on_percent = cap is not None and cap.of == terms.basis != "charges"
    if cap is not None and on_percent and percent > cap.percent:
        percent, capped = cap.percent, True
    currency = _currency(a, terms, charges)
    amount = _raw(job, terms, reached, percent, charges)
    if amount is not None and cap is not None and not on_percent:
        limit = _base_of(job, cap.of, charges)
        limit = None if limit is None else limit * cap.percent / _HUNDRED
        if limit is None:
            amount = None
        elif amount > limit:
            amount, capped = limit, True
            base = _base_of(job, terms.basis, charges)
            if base:
                percent = (amount / base * _HUNDRED).quantize(_PLACES, rounding=ROUND_DOWN)
    if amount is not None and currency is not None:
        amount = _rounded(amount, terms, currency)
        if terms.minimum is not None and 0 < amount < terms.minimum.amount:
            amount, percent = Decimal(0), Decimal(0)
    if not any(r.percent for r in reached):  # no band reached: nothing due, nothing to claim
        return CreditsDue(Decimal(0), Decimal(0), currency, None, reached)
    return CreditsDue(
        percent=percent,
        amount=amount,
        currency=currency,
        claim_by=claim_by(job, tiers),
        tiers=reached,
        capped=capped,
    )


def _reached(a: Agreement, terms: Credits, figures: TierFigures) -> TierCredit:
    own = next((t for t in a.slos.tiers if t.key == figures.tier), None)
    bands: list[CreditBand] = list(terms.bands or [])
    if own is not None and own.credits is not None:
        bands = own.credits.bands
    attained = figures.lowest if figures.lowest is not None else figures.attained
    under = [band for band in bands if attained < band.below]
    if not under:
        return TierCredit(figures.tier, None, Decimal(0))
    band = min(under, key=lambda b: b.below)
    return TierCredit(figures.tier, band.below, band.percent)


def _currency(a: Agreement, terms: Credits, charges: Charges | None) -> str | None:
    if terms.basis == "fixed" and terms.fixed is not None:
        return terms.fixed.currency
    if terms.basis == "fee":
        return a.fees.currency if a.fees is not None else None
    return charges.currency if charges is not None else None


def _base_of(job: Job, base: str, charges: Charges | None) -> Decimal | None:
    """The fee of the period, the fixed amount, the charges (all tiers) or the paid."""
    a = job.agreement
    if base == "fee":
        return period_fee(a.fees, job.period.kind) if a.fees is not None else None
    if base == "fixed":
        return a.credits.fixed.amount if a.credits and a.credits.fixed else None
    if charges is None:
        return None
    return sum(charges.by_tier.values(), Decimal(0)) if base == "charges" else charges.paid


def _raw(
    job: Job,
    terms: Credits,
    reached: tuple[TierCredit, ...],
    percent: Decimal,
    charges: Charges | None,
) -> Decimal | None:
    """The credit before the cap on another base, before rounding."""
    if terms.basis != "charges":
        base = _base_of(job, terms.basis, charges)
        return None if base is None else base * percent / _HUNDRED
    if charges is None:
        return None
    total = Decimal(0)
    for tier in reached:
        if tier.percent == 0:
            continue
        if tier.tier not in charges.by_tier:
            return None
        total += charges.by_tier[tier.tier] * tier.percent / _HUNDRED
    return total


def _rounded(amount: Decimal, terms: Credits, currency: str) -> Decimal:
    digits = minor_digits(currency)
    mode = ROUND_HALF_UP
    if terms.rounding is not None:
        mode = _MODES[terms.rounding.mode]
        digits = 0 if terms.rounding.to == "unit" else min(2, digits)
    return amount.quantize(Decimal(1).scaleb(-digits), rounding=mode)


def claim_by(job: Job, tiers: Sequence[TierFigures]) -> dt.date | None:
    """The last day to claim the period's credit; None without a claim window or anchor."""
    terms = job.agreement.credits
    claim = terms.claim if terms is not None else None
    if claim is None:
        return None
    anchor = _anchor(job, claim, tiers)
    if anchor is None:
        return None
    if claim.cycles is not None:
        return _cycle_end(anchor, _cycle(job), claim.cycles)
    assert claim.within is not None
    if claim.within.in_working_days:
        return job.calendar.add_working_days(anchor, claim.within.working_days)
    return anchor + dt.timedelta(days=claim.within.minutes // _DAY_MINUTES)


def _cycle(job: Job) -> int:
    fees = job.agreement.fees
    return _CYCLE_MONTHS[fees.per] if fees is not None else 1


def _anchor(job: Job, claim: Claim, tiers: Sequence[TierFigures]) -> dt.date | None:
    last = job.period.last
    if claim.anchor == "period_end":
        return last
    if claim.anchor == "cycle_end":
        return _cycle_end(last, _cycle(job), 0)
    if claim.anchor == "report":
        due = job.agreement.measurement.report_due_days
        return None if due is None else job.calendar.add_working_days(last, due)
    starts = [c.event.start for t in tiers for c in t.counted if c.minutes > 0]
    return min(starts).astimezone(job.zone).date() if starts else None


def _cycle_end(day: dt.date, length: int, after: int) -> dt.date:
    """The last day of the cycle of `length` months `after` cycles past the one holding
    `day` (cycles start in January)."""
    first = (day.year * 12 + day.month - 1) // length * length
    index = first + length * (after + 1) - 1
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, months.monthrange(year, month + 1)[1])
