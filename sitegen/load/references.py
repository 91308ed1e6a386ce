"""Ids one part of an agreement uses to name another: a continuity entry's services (scope
ids) and tier (an availability tier's id).

The schema cannot look from one key to another with a place in the file, so the loader
checks these after the schema, as it checks the keys an agreement's kind needs
(`sitegen.load.kinds`), with the schema's code for a wrong value (SG203) at the line of the
id. An agreement with an unknown id does not load: a contract stating recovery objectives
for a service it does not provide would state a term its data does not hold.
"""

from __future__ import annotations

from collections.abc import Iterator

from sitegen.findings import Finding, Severity
from sitegen.load.document import Document
from sitegen.load.model import Agreement


def reference_findings(agreement: Agreement, document: Document) -> Iterator[Finding]:
    """Every unknown or repeated id of the continuity entries, at its place."""
    services = [item.id for item in agreement.scope.included]
    tiers = [tier.id for tier in agreement.slos.tiers if tier.id is not None]
    seen: dict[str, int] = {}
    for index, entry in enumerate(agreement.continuity or ()):
        at = ("continuity", index)
        for number, service in enumerate(entry.services or ()):
            if service not in services:
                yield document.finding(
                    (*at, "services", number),
                    "SG203",
                    Severity.ERROR,
                    f"continuity names the service {service!r}, which scope.included does "
                    f"not list: use one of {', '.join(services)}",
                )
        if entry.tier is not None and entry.tier not in tiers:
            known = (
                f"use one of {', '.join(tiers)}" if tiers else "slos.availability has no tier ids"
            )
            yield document.finding(
                (*at, "tier"),
                "SG203",
                Severity.ERROR,
                f"continuity names the tier {entry.tier!r}, which slos.availability does "
                f"not have: {known}",
            )
        if entry.key in seen:
            what = "every service" if entry.key == "" else entry.key
            yield document.finding(
                at,
                "SG203",
                Severity.ERROR,
                f"continuity[{seen[entry.key]}] already covers {what}: give each service or "
                "tier's terms in one entry",
            )
        else:
            seen[entry.key] = index
