"""SG61x: service credits. Bands that grow as availability falls, start only below the
target, stay within the cap, and have a fee to be a percentage of."""

from __future__ import annotations

from collections.abc import Iterator

from sitegen.findings import Severity
from sitegen.lint.registry import Hit, Subject, rule
from sitegen.load.terms import format_percent as pct


@rule("SG610", Severity.ERROR, "credit bands not ordered: `below` descending, `percent` rising")
def bands_ordered(subject: Subject) -> Iterator[Hit]:
    credits = subject.agreement.credits
    if credits is None:
        return
    bands = credits.bands
    for index in range(1, len(bands)):
        before, band = bands[index - 1], bands[index]
        if band.below >= before.below:
            yield Hit(
                ("credits", "bands", index, "below"),
                f"below {pct(band.below)} follows below {pct(before.below)}: list the bands "
                "from the highest threshold down, each lower than the one before",
            )
        elif band.percent < before.percent:
            yield Hit(
                ("credits", "bands", index, "percent"),
                f"{pct(band.percent)}% credit for availability below {pct(band.below)}% is "
                f"less than the {pct(before.percent)}% for below {pct(before.below)}%: "
                "worse availability must earn at least the same credit",
            )


@rule("SG611", Severity.ERROR, "credit band starts above the availability target")
def bands_below_target(subject: Subject) -> Iterator[Hit]:
    credits, availability = subject.agreement.credits, subject.agreement.slos.availability
    if credits is None or availability is None:
        return
    for index, band in enumerate(credits.bands):
        if band.below > availability.target:
            yield Hit(
                ("credits", "bands", index, "below"),
                f"credits below {pct(band.below)}% would be due while the "
                f"{pct(availability.target)}% target is met: set `below` to the target "
                "or lower",
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


@rule("SG613", Severity.ERROR, "credit band percent above cap_percent")
def bands_within_cap(subject: Subject) -> Iterator[Hit]:
    credits = subject.agreement.credits
    if credits is None:
        return
    for index, band in enumerate(credits.bands):
        if band.percent > credits.cap_percent:
            yield Hit(
                ("credits", "bands", index, "percent"),
                f"{pct(band.percent)}% is more than the cap of {pct(credits.cap_percent)}%: "
                "lower the band or raise cap_percent",
            )


@rule("SG614", Severity.WARNING, "credits without fees: a credit is a percentage of the fee")
def credits_need_fees(subject: Subject) -> Iterator[Hit]:
    if subject.agreement.credits is not None and subject.agreement.fees is None:
        yield Hit(
            ("credits",),
            "credits are a percentage of the fee, but the agreement has no `fees`: add the "
            "fee (amount, currency, per) so the credit has a base",
            key=True,
        )
