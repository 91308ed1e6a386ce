"""SG61x: service credits. Bands that grow as availability falls, start only below the
target of the tier they apply to, stay within the cap, and have a fee to be a percentage
of when the fee is their basis.

Each availability tier has its own bands (`slos.availability[i].credits.bands`) or the
top-level `credits.bands`; every rule runs once per schedule and per tier it applies to.
"""

from __future__ import annotations

from collections.abc import Iterator

from sitegen.findings import FieldPath, Severity
from sitegen.lint.registry import Hit, Subject, rule
from sitegen.load.credit_terms import CreditBand
from sitegen.load.model import Agreement
from sitegen.load.terms import format_percent as pct
from sitegen.load.tiers import Tier, tiers_of

Schedule = tuple[FieldPath, list[CreditBand]]


def _schedules(agreement: Agreement) -> list[Schedule]:
    """Every list of bands in the file, with its path: the top-level one, then the tiers'."""
    found: list[Schedule] = []
    if agreement.credits is not None and agreement.credits.bands is not None:
        found.append((("credits", "bands"), agreement.credits.bands))
    for at, tier in tiers_of(agreement.slos.availability):
        if tier.credits is not None:
            found.append(((*at, "credits", "bands"), tier.credits.bands))
    return found


def _applying(agreement: Agreement) -> Iterator[tuple[Tier, Schedule]]:
    """Each tier with the bands that apply to it, when credits are agreed."""
    credits = agreement.credits
    for at, tier in tiers_of(agreement.slos.availability):
        if tier.credits is not None:
            yield tier, ((*at, "credits", "bands"), tier.credits.bands)
        elif credits is not None and credits.bands is not None:
            yield tier, (("credits", "bands"), credits.bands)


def _named(agreement: Agreement, tier: Tier) -> str:
    return f" of tier {tier.id!r}" if len(agreement.slos.tiers) > 1 and tier.id else ""


@rule("SG610", Severity.ERROR, "credit bands not ordered: `below` descending, `percent` rising")
def bands_ordered(subject: Subject) -> Iterator[Hit]:
    for at, bands in _schedules(subject.agreement):
        for index in range(1, len(bands)):
            before, band = bands[index - 1], bands[index]
            if band.below >= before.below:
                yield Hit(
                    (*at, index, "below"),
                    f"below {pct(band.below)} follows below {pct(before.below)}: list the bands "
                    "from the highest threshold down, each lower than the one before",
                )
            elif band.percent < before.percent:
                yield Hit(
                    (*at, index, "percent"),
                    f"{pct(band.percent)}% credit for availability below {pct(band.below)}% is "
                    f"less than the {pct(before.percent)}% for below {pct(before.below)}%: "
                    "worse availability must earn at least the same credit",
                )


@rule("SG611", Severity.ERROR, "credit band starts above the availability target")
def bands_below_target(subject: Subject) -> Iterator[Hit]:
    agreement = subject.agreement
    for tier, (at, bands) in _applying(agreement):
        for index, band in enumerate(bands):
            if band.below > tier.target:
                yield Hit(
                    (*at, index, "below"),
                    f"credits below {pct(band.below)}% would be due while the "
                    f"{pct(tier.target)}% target{_named(agreement, tier)} is met: set `below` "
                    "to the target or lower",
                )


@rule("SG612", Severity.ERROR, "credits without an availability target")
def credits_need_target(subject: Subject) -> Iterator[Hit]:
    if subject.agreement.credits is not None and subject.agreement.slos.availability is None:
        yield Hit(
            ("credits",),
            "credits depend on availability but slos.availability is missing: add an "
            "availability target or remove the credits",
            key=True,
        )


@rule("SG613", Severity.ERROR, "credit band percent above the cap")
def bands_within_cap(subject: Subject) -> Iterator[Hit]:
    credits = subject.agreement.credits
    if credits is None or credits.cap is None:
        return
    cap = credits.cap.percent
    for at, bands in _schedules(subject.agreement):
        for index, band in enumerate(bands):
            if band.percent > cap:
                yield Hit(
                    (*at, index, "percent"),
                    f"{pct(band.percent)}% is more than the cap of {pct(cap)}%: "
                    "lower the band or raise credits.cap.percent",
                )


@rule("SG614", Severity.WARNING, "credits without fees: a credit is a percentage of the fee")
def credits_need_fees(subject: Subject) -> Iterator[Hit]:
    credits = subject.agreement.credits
    if credits is not None and credits.basis == "fee" and subject.agreement.fees is None:
        yield Hit(
            ("credits",),
            "credits are a percentage of the fee, but the agreement has no `fees`: add the "
            "fee (amount, currency, per) so the credit has a base",
            key=True,
        )


@rule("SG615", Severity.ERROR, "a tier's credit bands without credit terms")
def tier_bands_need_terms(subject: Subject) -> Iterator[Hit]:
    if subject.agreement.credits is not None:
        return
    for at, tier in tiers_of(subject.agreement.slos.availability):
        if tier.credits is not None:
            yield Hit(
                (*at, "credits"),
                "the tier has credit bands but the agreement has no top-level `credits`: add "
                "credits with their basis, form and claim, or remove the bands",
                key=True,
            )


@rule("SG616", Severity.ERROR, "credits without bands")
def credits_need_bands(subject: Subject) -> Iterator[Hit]:
    agreement = subject.agreement
    if agreement.credits is None or agreement.slos.availability is None:
        return
    if not _schedules(agreement):
        yield Hit(
            ("credits",),
            "no credit is due at any level: give credits.bands, or bands under the "
            "availability tiers that earn credits",
            key=True,
        )
