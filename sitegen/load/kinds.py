"""Which keys an agreement must have, and may have, follows from its `kind`.

A negotiated agreement (the default) is signed by both parties: it has a term and
signatories, and its status goes draft → in_review → signed → terminated. A published one is
a provider's standard SLA the customer holds (a cloud, SaaS or carrier SLA): nobody signs it,
it applies while the service is used, and the provider may amend it; it names its `source`,
and its status goes draft → in_review → accepted → terminated.

The schema cannot say "required when kind is X" with a place in the file, so the loader
checks it here, after the schema, with the schema's own codes: a key the kind needs is
SG201, a key it does not have is SG202, a status it does not have is SG203. Each message
names the kind, so the reader knows why.
"""

from __future__ import annotations

from collections.abc import Iterator

from sitegen.findings import FieldPath, Finding, Severity
from sitegen.load.document import Document
from sitegen.load.model import Agreement

# The keys each kind needs (and the other kind does not have).
NEEDS: dict[str, tuple[FieldPath, ...]] = {
    "negotiated": (("term",), ("signatories",)),
    "published": (("source",),),
}
# The keys a kind does not have, with what the reader should know.
FORBIDS: dict[str, tuple[tuple[FieldPath, str], ...]] = {
    "negotiated": (
        (("source",), "only a published agreement names the provider's source"),
        (("amendment_notice_days",), "only a provider's published agreement is amended by notice"),
    ),
    "published": (
        (("term",), "a published agreement applies while the service is used, with no term"),
        (("signatories",), "nobody signs a published agreement"),
        (("dates", "signed"), "nobody signs a published agreement: dates.effective is the day "
                              "it applies from"),
        (("revision",), "the provider amends a published agreement by notice "
                        "(amendment_notice_days); the parties do not revise it"),
        (("retention_years",), "the records clause is one of a negotiated agreement"),
    ),
}  # fmt: skip
STATUSES = {
    "negotiated": ("draft", "in_review", "signed", "terminated"),
    "published": ("draft", "in_review", "accepted", "terminated"),
}


def kind_findings(agreement: Agreement, document: Document) -> Iterator[Finding]:
    """Every key and status the agreement's kind needs or does not have, at its place."""
    kind = agreement.kind
    for field in NEEDS[kind]:
        if _present(document, field) is None:
            yield document.finding(  # at the mapping that lacks it, as the schema's SG201
                field[:-1],
                "SG201",
                Severity.ERROR,
                f"required key {field[-1]!r} is missing: a {kind} agreement needs it",
                key=True,
            )
    for field, why in FORBIDS[kind]:
        if _present(document, field) is not None:
            yield document.finding(
                field,
                "SG202",
                Severity.ERROR,
                f"key {field[-1]!r} is not one of a {kind} agreement: {why}; remove it",
                key=True,
            )
    if agreement.status not in STATUSES[kind]:
        yield document.finding(
            ("status",),
            "SG203",
            Severity.ERROR,
            f"status {agreement.status!r} is not one of a {kind} agreement: use "
            f"{', '.join(STATUSES[kind])}",
        )


def _present(document: Document, field: FieldPath) -> object | None:
    value: object = document.data
    for part in field:
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value
