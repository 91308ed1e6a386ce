"""Service credits as real SLAs write them: what a credit is a percentage of, how it is
given, its cap, smallest amount and rounding, and how it is claimed.

Every term is data because the contract states only what the data holds: before these
fields the template said that unused credits are paid in cash within 30 days of
termination and that claims run from the service report, which a cloud provider's
published SLA (vouchers only; claims within 2 billing cycles of the month's end) contradicts.
A term left out is a term the contract does not state.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from sitegen.load.base import Bilingual, Money, Percent, Strict
from sitegen.load.values import Count, Duration, Flag

__all__ = ["Cap", "Claim", "CreditBand", "CreditSchedule", "Credits", "Rounding"]

# fee: the agreement's fee for the period (`fees`); charges: what the customer is charged
# for the affected service in the period; fixed: a fixed amount (`fixed`).
Basis = Literal["fee", "charges", "fixed"]
# deduction from the next invoice; a voucher; a credit on a future bill; a refund.
Form = Literal["deduction", "voucher", "bill_credit", "refund"]
# fee: the agreement's fee; charges: the charges for the affected service; paid: the
# charges the customer actually paid in the period.
CapBase = Literal["fee", "charges", "paid"]
# The end of the measurement period, the delivery of its service report, the end of the
# billing cycle, the incident.
Anchor = Literal["period_end", "report", "cycle_end", "incident"]
Channel = Literal["ticket", "written_notice"]


class CreditBand(Strict):
    below: Percent = Field(description="Applies when availability is below this percentage")
    percent: Percent = Field(description="Credit, as a percentage of the basis")


class CreditSchedule(Strict):
    """One availability tier's own credit bands."""

    bands: list[CreditBand] = Field(
        min_length=1, description="From the highest threshold down, the credit rising"
    )


class Cap(Strict):
    percent: Percent = Field(description="Most credit in one period, percent of `of`")
    of: CapBase = Field(
        description="fee (the agreement's fee), charges (the charges for the affected "
        "service in the period) or paid (the charges actually paid in the period)"
    )


class Rounding(Strict):
    mode: Literal["half_up", "down", "up"] = Field(description="How a credit amount rounds")
    to: Literal["cent", "unit"] = Field(
        default="cent", description="cent: to 0.01; unit: to a whole unit of the currency"
    )


class Claim(Strict):
    """How the customer claims a credit: within a window from an anchor, by a channel."""

    within: Duration | None = Field(
        default=None, description="The window as a duration, e.g. 30d (days)"
    )
    cycles: Count | None = Field(
        default=None, ge=1, le=24, description="The window in billing cycles, instead of `within`"
    )
    anchor: Anchor = Field(
        alias="from",
        description="What the window is counted from: period_end, report, cycle_end or incident",
    )
    channel: Channel | None = Field(
        default=None, description="How the claim is made: ticket or written_notice"
    )
    evidence: list[Bilingual] = Field(
        default_factory=list, description="What the customer must give with the claim"
    )

    @model_validator(mode="after")
    def _one_window(self) -> Claim:
        if (self.within is None) == (self.cycles is None):
            raise ValueError("give the claim window once: `within` (e.g. 30d) or `cycles`")
        return self


class Credits(Strict):
    """The credit terms; `bands` apply to every availability tier without its own."""

    basis: Basis = Field(
        default="fee",
        description="What a band's percent is of: fee, charges (of the affected service in "
        "the period) or fixed (the amount in `fixed`)",
    )
    fixed: Money | None = Field(default=None, description="The fixed amount, for basis: fixed")
    bands: list[CreditBand] | None = Field(
        default=None,
        min_length=1,
        description="The schedule for every tier without its own `credits`",
    )
    cap: Cap | None = Field(default=None, description="Most credit in one period; omit for none")
    minimum: Money | None = Field(
        default=None, description="A credit smaller than this amount is not given"
    )
    rounding: Rounding | None = Field(default=None, description="How credit amounts round")
    form: Form | None = Field(
        default=None,
        description="How a credit is given: deduction (from the next invoice), voucher, "
        "bill_credit (on a future bill) or refund",
    )
    cash: Flag | None = Field(
        default=None,
        description="false: a credit is never paid in cash; true: credits not yet used when "
        "the agreement ends are paid in cash (within `cash_within`)",
    )
    cash_within: Duration | None = Field(
        default=None, description="With cash: true, how soon after the end they are paid"
    )
    claim: Claim | None = Field(default=None, description="How a credit is claimed")

    @model_validator(mode="after")
    def _consistent(self) -> Credits:
        if (self.basis == "fixed") != (self.fixed is not None):
            raise ValueError("`fixed` gives the amount for basis: fixed, and only for it")
        if self.form == "refund" and self.cash is False:
            raise ValueError("a refund is paid in cash: drop `cash: false` or change `form`")
        if self.cash_within is not None and self.cash is not True:
            raise ValueError("`cash_within` needs cash: true")
        return self
