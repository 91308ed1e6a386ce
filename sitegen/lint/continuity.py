"""SG620–SG621: continuity. A recovery time objective that a reviewer can weigh against the
priorities' times, and backups frequent enough for the recovery point they promise.

The RTO runs round the clock (a disaster does not wait for the service hours). The top
priority's resolution may run on the service hours: then n hours of it last at least n
hours, and exactly n for an incident at the opening of a long enough window, so an RTO of
more than n hours is longer than that P1's resolution for some starts and never shorter
for any; an RTO of at most n hours is never longer. Working days (`2wd`) are compared only
where `Duration`'s order holds for every start. The finding says which clock each runs on.
"""

from __future__ import annotations

from collections.abc import Iterator

from sitegen.findings import Severity
from sitegen.lint.registry import Hit, Subject, rule


@rule(
    "SG620",
    Severity.WARNING,
    "a recovery time objective longer than the top priority's resolution time, without "
    "`rto_reason`",
)
def rto_within_top_resolution(subject: Subject) -> Iterator[Hit]:
    top = subject.agreement.slos.first_level
    resolution = top.resolution if top is not None else None
    if top is None or resolution is None:
        return
    clock = "of service hours" if resolution.clock == "service_hours" else "round the clock"
    for index, entry in enumerate(subject.agreement.continuity or ()):
        if entry.rto is None or entry.rto_reason is not None or not entry.rto > resolution.within:
            continue
        yield Hit(
            ("continuity", index, "rto"),
            f"RTO {entry.rto} (round the clock) is longer than {top.level}'s resolution "
            f"{resolution.within} ({clock}): shorten the RTO, or say in `rto_reason` why a "
            "disaster may take longer than the most severe incident",
        )


@rule("SG621", Severity.WARNING, "backups less frequent than the recovery point objective")
def backups_meet_rpo(subject: Subject) -> Iterator[Hit]:
    for index, entry in enumerate(subject.agreement.continuity or ()):
        backup = entry.backup
        if entry.rpo is None or backup is None or not backup.every > entry.rpo:
            continue
        yield Hit(
            ("continuity", index, "backup", "every"),
            f"a backup every {backup.every} cannot meet an RPO of {entry.rpo}: a failure just "
            f"before a backup loses up to {backup.every} of data; back up at least every "
            f"{entry.rpo}, or lengthen the RPO",
        )
