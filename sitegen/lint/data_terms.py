"""SG622–SG624: data terms. A breach notice the customer can hold the provider to (a time
limit), confidentiality that says how long it lasts after the agreement ends, and a ban on
cross-border transfer that the agreement's own places do not contradict.

The model lets `breach_notice.within` be left out so that the finding, not the schema's
"required key is missing", says what the guide asks: a notice without a time limit is an
obligation nobody can check, an error as "promptly" (SG301) is.
"""

from __future__ import annotations

from collections.abc import Iterator

from sitegen.findings import Severity
from sitegen.lint.registry import Hit, Subject, rule


@rule("SG622", Severity.ERROR, "a data-breach notice without a time limit (`within`)")
def breach_notice_in_time(subject: Subject) -> Iterator[Hit]:
    data = subject.agreement.data
    if data is None or data.breach_notice is None or data.breach_notice.within is not None:
        return
    yield Hit(
        ("data", "breach_notice"),
        "a breach notice without a time limit cannot be checked: give `within`, how soon "
        "after the provider learns of a breach it notifies, e.g. 24h",
        key=True,
    )


@rule(
    "SG623",
    Severity.WARNING,
    "confidentiality without its duration after the agreement ends (`confidentiality_years`)",
)
def confidentiality_lasts(subject: Subject) -> Iterator[Hit]:
    data = subject.agreement.data
    if data is None or data.confidential is not True or data.confidentiality_years is not None:
        return
    yield Hit(
        ("data", "confidential"),
        "confidentiality without a duration leaves open how long it binds once the agreement "
        "ends: give `confidentiality_years`, e.g. 3",
    )


@rule(
    "SG624",
    Severity.WARNING,
    "cross-border transfer not allowed, but the data is stored or processed in more than one "
    "region",
)
def one_region_without_transfer(subject: Subject) -> Iterator[Hit]:
    data = subject.agreement.data
    if data is None or data.cross_border != "not_allowed":
        return
    regions = data.regions
    if len(regions) > 1:
        yield Hit(
            ("data", "cross_border"),
            f"cross_border: not_allowed, but the data is stored or processed in "
            f"{', '.join(regions)}: moving it between them crosses a border; allow the "
            "transfer between these regions (with_consent, allowed) or keep the data in one",
        )
