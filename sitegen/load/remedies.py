"""Liability beyond service credits: what the cap on liability does not cover, whether
credits are the customer's sole remedy for missed service levels, and the customer's right
to terminate after repeated misses.

The cap itself stays where it always was (`liability_cap`), and what it does not cover is
part of it (`liability_cap.exclusions`): a reader of the YAML finds the cap and its carve-outs
in one place, as a contract states them in one clause. The remedies for missed service
levels are another clause of the contract and another block (`remedies`): whether the
credits are the only remedy (and for what they are not), and when the customer may end the
agreement. Exclusions are a closed list so that `sitegen diff` can say that removing one
loosens the provider's liability; a carve-out the list lacks is an own clause.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from sitegen.load.base import Strict
from sitegen.load.values import Count, Flag

__all__ = ["EXCLUSIONS", "Exclusion", "Remedies", "Termination"]

# What the cap on liability (or the credits as sole remedy) does not cover.
Exclusion = Literal[
    "data_breach",  # a breach of the data-protection terms
    "confidentiality",  # a breach of confidentiality
    "gross_negligence",
    "wilful_misconduct",
    "personal_injury",  # death or personal injury
    "ip_infringement",  # infringement of intellectual property rights
    "fraud",
]
EXCLUSIONS: tuple[Exclusion, ...] = (
    "data_breach",
    "confidentiality",
    "gross_negligence",
    "wilful_misconduct",
    "personal_injury",
    "ip_infringement",
    "fraud",
)
Exclusions = Annotated[
    list[Exclusion],
    Field(
        min_length=1,
        description="data_breach, confidentiality, gross_negligence, wilful_misconduct, "
        "personal_injury, ip_infringement, fraud",
    ),
]


def distinct(exclusions: list[Exclusion] | None, name: str) -> None:
    if exclusions is not None and len(set(exclusions)) != len(exclusions):
        twice = sorted({e for e in exclusions if exclusions.count(e) > 1})
        raise ValueError(f"`{name}` names {', '.join(twice)} more than once")


class Termination(Strict):
    """The customer may terminate when the service levels were missed in `failed` of the
    last `within` measurement periods, giving `notice_days` of written notice."""

    failed: Count = Field(ge=1, le=24, description="Periods failed, e.g. 3")
    within: Count = Field(
        ge=1, le=24, description="Out of this many consecutive periods, e.g. 6 (3 in 6)"
    )
    notice_days: Count | None = Field(
        default=None,
        ge=0,
        le=365,
        description="Days of written notice the customer gives; 0 for immediate effect; "
        "omit if the agreement does not say",
    )

    @model_validator(mode="after")
    def _failed_within(self) -> Termination:
        if self.failed > self.within:
            raise ValueError(
                f"failed {self.failed} is more than within {self.within}: give how many "
                "periods failed out of how many consecutive periods, e.g. 3 within 6"
            )
        return self


class Remedies(Strict):
    """What the customer may do beyond claiming credits when service levels are missed."""

    credits_sole_remedy: Flag | None = Field(
        default=None,
        description="true: service credits are the customer's sole and exclusive remedy for "
        "missed service levels; false: they do not limit other remedies; omit if the "
        "agreement says nothing",
    )
    sole_remedy_except: Exclusions | None = Field(
        default=None,
        description="With credits_sole_remedy: true, the cases in which credits are not the "
        "sole remedy, e.g. [data_breach]",
    )
    termination: Termination | None = Field(
        default=None,
        description="The customer's right to terminate for repeated misses: {failed, within, "
        "notice_days}",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Remedies:
        if self.sole_remedy_except is not None and self.credits_sole_remedy is not True:
            raise ValueError(
                "`sole_remedy_except` lists exceptions to credits_sole_remedy: true; with "
                "credits not the sole remedy there is nothing to except"
            )
        distinct(self.sole_remedy_except, "sole_remedy_except")
        if self.credits_sole_remedy is None and self.termination is None:
            raise ValueError("give a remedy: credits_sole_remedy, termination or both")
        return self
