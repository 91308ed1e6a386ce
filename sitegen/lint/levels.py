"""SG6xx: service levels and credits. Priorities in order with times that make sense, an
availability target that can be measured, and credit bands that follow from it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from sitegen.compose import fmt
from sitegen.findings import Severity
from sitegen.lint.registry import Hit, Subject, rule
from sitegen.load import terms
from sitegen.load.model import TARGETS, Priority, Schedule
from sitegen.load.tiers import tiers_of

_NUMBERED = re.compile(r"^(.*?)([0-9]+)$")


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


@rule(
    "SG602",
    Severity.WARNING,
    "numbered priority levels (P1, P2 … or Sev1, Sev2 …) not listed in order without gaps",
)
def ordered_levels(subject: Subject) -> Iterator[Hit]:
    """Levels named by one prefix and a number count up from 0 or 1 in list order; levels
    named otherwise (紧急/高/中/低, Critical/High) are ordered by the list alone."""
    priorities = subject.agreement.slos.priorities
    numbered = [_NUMBERED.match(p.level) for p in priorities]
    found = [m for m in numbered if m is not None]
    if not found or len(found) < len(numbered) or len({m[1] for m in found}) > 1:
        return
    prefix, start = found[0][1], 0 if int(found[0][2]) == 0 else 1
    for index, priority in enumerate(priorities):
        expected = f"{prefix}{start + index}"
        if priority.level != expected:
            yield Hit(
                ("slos", "priorities", index, "level"),
                f"expected {expected} here, found {priority.level}: list the levels in order "
                f"from {prefix}{start} (most severe) without gaps",
            )
            return


@rule("SG603", Severity.ERROR, "response time longer than resolution time")
def response_within_resolution(subject: Subject) -> Iterator[Hit]:
    for index, priority in enumerate(subject.agreement.slos.priorities):
        response, resolution = priority.response, priority.resolution
        if response is None or resolution is None or not response.comparable(resolution):
            continue
        if response.within > resolution.within:
            yield Hit(
                ("slos", "priorities", index, "response"),
                f"{priority.level} response {response.within} is longer than its resolution "
                f"{resolution.within}: the first response comes before the fix; shorten the "
                "response or lengthen the resolution",
            )


@rule("SG604", Severity.ERROR, "a less severe priority has a faster time than a more severe one")
def times_by_severity(subject: Subject) -> Iterator[Hit]:
    """The list gives the order, the most severe first; each target is compared with the
    same target of the nearest more severe level that has one on the same clock."""
    above: dict[str, Priority] = {}
    for index, lower in enumerate(subject.agreement.slos.priorities):
        for name in TARGETS:
            faster, higher = lower.target(name), above.get(name)
            if faster is None:
                continue
            slower = higher.target(name) if higher is not None else None
            if (
                higher is not None
                and slower is not None
                and higher.level != lower.level
                and faster.comparable(slower)
                and faster.within < slower.within
            ):
                yield Hit(
                    ("slos", "priorities", index, name),
                    f"{lower.level} {name} {faster.within} is faster than {higher.level}'s "
                    f"{slower.within}: a less severe incident may not be handled faster; "
                    f"give {lower.level} at least {slower.within}",
                )
            above[name] = lower


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
    hours = subject.agreement.service_hours
    weekly = None
    if isinstance(hours, Schedule):
        weekly = fmt.weekly_minutes([(w.days, w.start, w.end) for w in hours.windows])
    for at, tier in tiers_of(subject.agreement.slos.availability):
        if Decimal(0) < tier.target < Decimal(100):
            note = (
                terms.downtime_note(tier.target, tier.window)
                if weekly is None or tier.window == "hour"
                else terms.service_downtime_note(tier.target, tier.window, weekly)
            )
            yield Hit((*at, "target"), "downtime the target allows", context=note)
