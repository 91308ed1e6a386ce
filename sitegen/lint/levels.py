"""SG6xx: service levels and credits. Priorities in order with times that make sense, an
availability target that can be measured, and credit bands that follow from it."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

from sitegen.findings import Severity
from sitegen.lint.registry import Hit, Subject, rule
from sitegen.load import terms
from sitegen.load.model import Priority
from sitegen.load.tiers import tiers_of


def _number(priority: Priority) -> int:
    return int(priority.level[1:])


@rule("SG601", Severity.ERROR, "priority level defined twice")
def unique_levels(subject: Subject) -> Iterator[Hit]:
    first: dict[str, int] = {}
    for index, priority in enumerate(subject.agreement.slos.priorities):
        if priority.level in first:
            yield Hit(
                ("slos", "priorities", index, "level"),
                f"{priority.level} is already defined (priorities[{first[priority.level]}]): "
                "give each level once",
            )
        else:
            first[priority.level] = index


@rule("SG602", Severity.WARNING, "priority levels not listed as P1, P2, P3 … without gaps")
def ordered_levels(subject: Subject) -> Iterator[Hit]:
    for index, priority in enumerate(subject.agreement.slos.priorities):
        expected = f"P{index + 1}"
        if priority.level != expected:
            yield Hit(
                ("slos", "priorities", index, "level"),
                f"expected {expected} here, found {priority.level}: list the levels in order "
                "from P1 (most severe) without gaps",
            )
            return


@rule("SG603", Severity.ERROR, "response time longer than resolution time")
def response_within_resolution(subject: Subject) -> Iterator[Hit]:
    for index, priority in enumerate(subject.agreement.slos.priorities):
        if priority.response > priority.resolution:
            yield Hit(
                ("slos", "priorities", index, "response"),
                f"{priority.level} response {priority.response} is longer than its resolution "
                f"{priority.resolution}: the first response comes before the fix; shorten the "
                "response or lengthen the resolution",
            )


def _by_severity(subject: Subject) -> list[tuple[int, Priority]]:
    listed = list(enumerate(subject.agreement.slos.priorities))
    return sorted(listed, key=lambda item: _number(item[1]))


@rule("SG604", Severity.ERROR, "a less severe priority has a faster time than a more severe one")
def times_by_severity(subject: Subject) -> Iterator[Hit]:
    ordered = _by_severity(subject)
    for (_, higher), (index, lower) in pairwise(ordered):
        if higher.level == lower.level:
            continue
        for name in ("response", "resolution"):
            faster, slower = getattr(lower, name), getattr(higher, name)
            if faster < slower:
                yield Hit(
                    ("slos", "priorities", index, name),
                    f"{lower.level} {name} {faster} is faster than {higher.level}'s {slower}: "
                    f"a less severe incident may not be handled faster; give {lower.level} "
                    f"at least {slower}",
                )


@rule("SG605", Severity.ERROR, "availability target is not between 0 and 100 percent")
def target_in_range(subject: Subject) -> Iterator[Hit]:
    for at, tier in tiers_of(subject.agreement.slos.availability):
        if not Decimal(0) < tier.target < Decimal(100):
            yield Hit(
                (*at, "target"),
                f"a target of {terms.format_percent(tier.target)}% cannot be measured "
                "against: give a percentage above 0 and below 100, e.g. 99.9",
            )


@rule("SG606", Severity.WARNING, "availability target below 90 percent")
def target_unusual(subject: Subject) -> Iterator[Hit]:
    for at, tier in tiers_of(subject.agreement.slos.availability):
        if Decimal(0) < tier.target < Decimal(90):
            target = terms.format_percent(tier.target)
            month = terms.format_span(terms.allowed_downtime(tier.target, 30))
            yield Hit(
                (*at, "target"),
                f"{target}% is unusually low (it allows {month} of downtime in a 30-day "
                "month): check the figure, e.g. 99 rather than 9.9",
            )


@rule("SG607", Severity.INFO, "the downtime the availability target allows per window")
def allowed_downtime(subject: Subject) -> Iterator[Hit]:
    for at, tier in tiers_of(subject.agreement.slos.availability):
        if Decimal(0) < tier.target < Decimal(100):
            yield Hit(
                (*at, "target"),
                "downtime the target allows",
                context=terms.downtime_note(tier.target, tier.window),
            )
