"""Credits due and the claim deadline, against amounts computed by hand.

The guide sample's terms: a fee of CNY 80,000 a month; below 99.9% 5%, below 99.5% 10%,
below 99.0% 20%; at most 20% of the fee; claims within 30 days from the report, which is
due 5 working days after the month.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from sitegen.errors import UserError
from sitegen.reports.availability import availability, availability_met
from sitegen.reports.compute import figures
from sitegen.reports.credits import Charges, credits_due
from sitegen.reports.figures import TierFigures
from tests.helpers import sample_text
from tests.real_credit_slas import CLOUD_AVAILABILITY, CLOUD_CREDITS, OUTSOURCING_CREDITS
from tests.report_data import add_outage, agreement, database, job

ONE_TIER = """\
  availability:
    target: 99.9
"""

TWO_TIERS = """\
  availability:
    - id: core
      target: 99.9
    - id: office
      target: 99.5
"""


def tier(attained: str, key: str = "", lowest: str | None = None) -> TierFigures:
    value = Decimal(attained)
    return TierFigures(
        tier=key,
        target=Decimal("99.9"),
        attained=value,
        downtime_minutes=0,
        excluded_minutes=0,
        service_minutes=44_640,
        met=value >= Decimal("99.9"),
        lowest=None if lowest is None else Decimal(lowest),
    )


def with_fees(text: str, fees: str) -> str:
    changed, count = re.subn(r"^fees:\n.*?(?=^credits:)", fees, text, flags=re.S | re.M)
    assert count == 1
    return changed


def credits(body: str) -> str:
    return "credits:\n" + body


def test_the_band_reached_on_the_monthly_fee_and_the_claim_from_the_report() -> None:
    sla = agreement(ONE_TIER)
    due = credits_due(job(sla, "2026-10"), [tier("99.4")])
    assert due is not None
    # 99.4 is below 99.9 and 99.5, not 99.0: the 99.5 band, 10% of 80,000 = 8,000.00.
    assert (due.tiers[0].below, due.percent) == (Decimal("99.5"), Decimal(10))
    assert (due.amount, due.currency, due.capped) == (Decimal("8000.00"), "CNY", False)
    # The report is due 5 working days after Sat 31 Oct: 2, 3, 4, 5, 6 Nov → Fri 6 Nov;
    # 30 days later: 6 Dec.
    assert due.claim_by == dt.date(2026, 12, 6)


def test_no_credit_terms_no_credits_and_no_band_no_credit() -> None:
    no_terms = sample_text().replace("credits:\n", "credits_gone:\n", 1)
    no_terms = re.sub(r"^credits_gone:\n.*?(?=^obligations:)", "", no_terms, flags=re.S | re.M)
    assert credits_due(job(agreement(ONE_TIER, text=no_terms), "2026-10"), [tier("90")]) is None
    due = credits_due(job(agreement(ONE_TIER), "2026-10"), [tier("99.95")])
    assert due is not None
    assert (due.percent, due.amount, due.tiers[0].below) == (0, Decimal("0.00"), None)


def test_the_cap_limits_the_percent_of_the_fee() -> None:
    capped = credits(
        "  bands:\n    - {below: 99.9, percent: 5}\n    - {below: 99.0, percent: 20}\n"
        "  cap: {percent: 8, of: fee}\n  claim: {within: 30d, from: period_end}\n"
    )
    due = credits_due(job(agreement(ONE_TIER, credits=capped), "2026-10"), [tier("98")])
    assert due is not None
    # 20% reached, capped at 8%: 8% of 80,000 = 6,400.00.
    assert (due.percent, due.amount, due.capped) == (Decimal(8), Decimal("6400.00"), True)
    # 30 days from the period's end, Sat 31 Oct: Mon 30 Nov.
    assert due.claim_by == dt.date(2026, 11, 30)


def test_several_tiers_on_the_fee_take_the_largest_not_the_sum() -> None:
    due = credits_due(
        job(agreement(TWO_TIERS), "2026-10"), [tier("99.8", "core"), tier("99.4", "office")]
    )
    assert due is not None
    # core: 5%, office: 10% → 10% of 80,000 = 8,000.00, not 15%.
    assert [t.percent for t in due.tiers] == [Decimal(5), Decimal(10)]
    assert (due.percent, due.amount) == (Decimal(10), Decimal("8000.00"))


YEN_FEES = "fees:\n  amount: 1234567\n  currency: JPY\n  per: year\n"


def _yen(rest: str) -> str:
    return credits("  bands:\n    - {below: 99.9, percent: 5}\n" + rest)


def test_yen_have_no_minor_unit_and_a_credit_under_the_minimum_is_not_given() -> None:
    text = with_fees(sample_text(), YEN_FEES)
    # A month of a yearly fee: 1,234,567 / 12 = 102,880.58… → 102,881 yen (half up, as
    # the contract's band table states it); 5% = 5,144.05.
    plain = credits_due(job(agreement(ONE_TIER, credits=_yen(""), text=text), "2026-10"),
                        [tier("99.8")])  # fmt: skip
    assert plain is not None
    assert (plain.amount, plain.currency) == (Decimal("5144"), "JPY")  # half up, whole yen
    up = _yen("  rounding: {mode: up, to: cent}\n")
    rounded = credits_due(job(agreement(ONE_TIER, credits=up, text=text), "2026-10"),
                          [tier("99.8")])  # fmt: skip
    assert rounded is not None
    assert rounded.amount == Decimal("5145")  # up, and a yen has no cent
    small = _yen("  rounding: {mode: up, to: cent}\n  minimum: {amount: 6000, currency: JPY}\n")
    none = credits_due(job(agreement(ONE_TIER, credits=small, text=text), "2026-10"),
                       [tier("99.8")])  # fmt: skip
    assert none is not None
    assert (none.amount, none.percent) == (Decimal(0), Decimal(0))  # 5,145 < 6,000


def test_yuan_round_as_the_agreement_says() -> None:
    text = with_fees(sample_text(), "fees:\n  amount: 83333.33\n  currency: CNY\n  per: month\n")
    expected = {
        # 5% of 83,333.33 = 4,166.6665
        ("down", "unit"): Decimal("4166"),
        ("half_up", "cent"): Decimal("4166.67"),
        ("down", "cent"): Decimal("4166.66"),
        ("up", "unit"): Decimal("4167"),
    }
    for (mode, to), amount in expected.items():
        terms = credits(
            "  bands:\n    - {below: 99.9, percent: 5}\n"
            f"  rounding: {{mode: {mode}, to: {to}}}\n"
            "  minimum: {amount: 100, currency: CNY}\n"
        )
        due = credits_due(job(agreement(ONE_TIER, credits=terms, text=text), "2026-10"),
                          [tier("99.8")])  # fmt: skip
        assert due is not None
        assert due.amount == amount, (mode, to)


def test_a_cloud_sla_credits_each_tier_on_its_charges_and_claims_in_cycles() -> None:
    text = re.sub(r"^fees:\n.*?(?=^credits:)", "", sample_text(), flags=re.S | re.M)
    sla = agreement(CLOUD_AVAILABILITY, credits=CLOUD_CREDITS, text=text)
    figures = [tier("99.95", "region"), tier("99.9977", "instance", lowest="98.3333")]
    period = job(sla, "2026-10")
    # region: 99.95 < 99.99 → 10%; instance: its worst hour 98.3333 < 99.5 → 10%.
    # Charges: 10% of 12,000.00 + 10% of 800.00 = 1,280.00 (cap: 100% of 12,800.00).
    billed = Charges("CNY", {"region": Decimal("12000.00"), "instance": Decimal("800.00")})
    due = credits_due(period, figures, billed)
    assert due is not None
    assert (due.amount, due.currency, due.capped) == (Decimal("1280.00"), "CNY", False)
    # Within 2 billing cycles (no fee: a month) from the end of October: 31 December.
    assert due.claim_by == dt.date(2026, 12, 31)
    unknown = credits_due(period, figures)
    assert unknown is not None
    assert (unknown.percent, unknown.amount) == (Decimal(10), None)


def test_a_cap_on_what_was_paid_needs_the_payment() -> None:
    terms = credits(
        "  basis: fixed\n  fixed: {amount: 50000, currency: CNY}\n"
        "  bands:\n    - {below: 99.9, percent: 20}\n  cap: {percent: 10, of: paid}\n"
        "  claim: {within: 3wd, from: period_end}\n"
    )
    period = job(agreement(ONE_TIER, credits=terms), "2026-10")
    paid = credits_due(period, [tier("99")], Charges("CNY", paid=Decimal("60000")))
    assert paid is not None
    # 20% of 50,000 = 10,000, capped at 10% of 60,000 paid = 6,000: 12% of the basis.
    assert (paid.amount, paid.percent, paid.capped) == (Decimal("6000.00"), Decimal(12), True)
    # 3 working days after Sat 31 Oct: Mon 2, Tue 3, Wed 4 Nov.
    assert paid.claim_by == dt.date(2026, 11, 4)
    unknown = credits_due(period, [tier("99")])
    assert unknown is not None
    assert unknown.amount is None


def test_a_claim_from_the_incident_counts_from_the_first_downtime() -> None:
    terms = credits(
        "  bands:\n    - {below: 99.9, percent: 5}\n  claim: {within: 15d, from: incident}\n"
    )
    sla = agreement(ONE_TIER, credits=terms)
    con = database()
    add_outage(con, 1, "2026-10-20 10:00", "2026-10-20 12:00")
    add_outage(con, 2, "2026-10-12 00:10", "2026-10-12 00:40")  # local 12 Oct (11 Oct UTC)
    period = job(sla, "2026-10")
    tiers = availability(con, [period])[period.key]
    # 150 minutes: (44,640 − 150) / 44,640 = 99.663978…% → 5%. From 12 Oct + 15 days.
    assert not availability_met(tiers)
    due = credits_due(period, tiers)
    assert due is not None
    assert (due.percent, due.claim_by) == (Decimal(5), dt.date(2026, 10, 27))


def test_an_outsourcing_contract_caps_a_fixed_amount_on_what_was_paid() -> None:
    period = job(agreement(ONE_TIER, credits=OUTSOURCING_CREDITS), "2026-10")
    due = credits_due(period, [tier("98.7")], Charges("CNY", paid=Decimal("40000.00")))
    assert due is not None
    # 98.7 < 99.0: 20% of the fixed 50,000 = 10,000; capped at 20% of the 40,000 paid =
    # 8,000 (16% of the basis), rounded down to the yuan: 8,000; not under the 100 minimum.
    assert (due.amount, due.percent, due.capped) == (Decimal("8000"), Decimal(16), True)
    # 15 days from the report, due Fri 6 Nov (5 working days after 31 Oct): 21 Nov.
    assert due.claim_by == dt.date(2026, 11, 21)


def test_a_quarterly_fee_makes_the_billing_cycle_a_quarter() -> None:
    text = with_fees(sample_text(), "fees:\n  amount: 240000\n  currency: CNY\n  per: quarter\n")
    band = "  bands:\n    - {below: 99.9, percent: 5}\n"
    cycle_end = credits(band + "  claim: {within: 30d, from: cycle_end}\n")
    due = credits_due(job(agreement(ONE_TIER, credits=cycle_end, text=text), "2026-10"),
                      [tier("99.8")])  # fmt: skip
    assert due is not None
    # A month of a quarterly fee: 240,000 / 3 = 80,000; 5% = 4,000.00.
    assert due.amount == Decimal("4000.00")
    # October's cycle is the fourth quarter, ending 31 Dec; 30 days later: 30 Jan 2027.
    assert due.claim_by == dt.date(2027, 1, 30)
    in_cycles = credits(band + "  claim: {cycles: 1, from: period_end}\n")
    due = credits_due(job(agreement(ONE_TIER, credits=in_cycles, text=text), "2026-10"),
                      [tier("99.8")])  # fmt: skip
    assert due is not None
    # One cycle after the one holding 31 Oct (Q4 2026): the end of Q1 2027.
    assert due.claim_by == dt.date(2027, 3, 31)


def test_a_claim_deadline_in_a_year_without_calendar_data_is_a_clear_error() -> None:
    """Credits are worked out in a thread beside support: a deadline the calendar cannot
    count still stops the run with the user's error, not a traceback or a missing figure."""
    terms = credits(
        "  bands:\n    - {below: 99.9, percent: 5}\n  claim: {within: 3wd, from: period_end}\n"
    )
    sla = agreement(ONE_TIER, credits=terms)
    con = database()
    # One hour down in December 2026: 99.865…% → 5%; 3 working days after 31 December
    # fall in 2027, a year the mainland calendar data do not cover.
    add_outage(con, 1, "2026-12-20 10:00", "2026-12-20 11:00")
    with pytest.raises(UserError, match="2027"):
        figures(con, [job(sla, "2026-12")])
