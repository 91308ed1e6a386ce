"""SG5xx: dates and term. Signing, effect and termination in order, a status that matches the
dates, and an objection period that fits inside the term it objects to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sitegen.findings import Severity
from sitegen.lint.registry import Hit, Subject, rule
from sitegen.load import terms


@rule("SG501", Severity.ERROR, "signing date is after the effective date")
def signed_before_effective(subject: Subject) -> Iterator[Hit]:
    dates = subject.agreement.dates
    if dates.signed is not None and dates.signed > dates.effective:
        yield Hit(
            ("dates", "signed"),
            f"signed on {dates.signed}, after the effective date {dates.effective}: an "
            "agreement takes effect on or after signing; correct one of the dates",
        )


@rule("SG502", Severity.ERROR, "termination date is before the effective date or the signing")
def terminated_after_effective(subject: Subject) -> Iterator[Hit]:
    dates = subject.agreement.dates
    if dates.terminated is None:
        return
    start = max(d for d in (dates.effective, dates.signed) if d is not None)
    if dates.terminated < start:
        which = "effective date" if start == dates.effective else "signing date"
        yield Hit(
            ("dates", "terminated"),
            f"terminated on {dates.terminated}, before the {which} {start}: the last day "
            "falls on or after it; correct the date",
        )


@rule("SG503", Severity.ERROR, "objection period is not shorter than the term or the renewal")
def objection_fits(subject: Subject) -> Iterator[Hit]:
    agreement, term = subject.agreement, subject.agreement.term
    renew = term.auto_renew if term else None
    if term is None or renew is None:
        return
    effective = agreement.dates.effective
    expiry = terms.expiry_date(effective, term.months)
    periods = (
        ("term", terms.term_days(effective, term.months)),
        ("renewal", terms.term_days(expiry + dt.timedelta(days=1), renew.months)),
    )
    for name, days in periods:
        if renew.objection_days >= days:
            yield Hit(
                ("term", "auto_renew", "objection_days"),
                f"{renew.objection_days} days' notice is not shorter than the {days}-day "
                f"{name}: the objection deadline would fall before the {name} begins; "
                "shorten objection_days",
            )
            return


@rule("SG504", Severity.ERROR, "status signed or terminated without a signing date")
def signed_needs_date(subject: Subject) -> Iterator[Hit]:
    agreement = subject.agreement
    if agreement.kind == "published":
        return  # nobody signs a provider's published agreement
    if agreement.status in ("signed", "terminated") and agreement.dates.signed is None:
        yield Hit(
            ("status",),
            f"status is {agreement.status} but dates.signed is missing: add the signing "
            "date, or set the status to draft or in_review",
        )


@rule("SG505", Severity.WARNING, "draft or in_review agreement has a signing date")
def unsigned_has_date(subject: Subject) -> Iterator[Hit]:
    agreement = subject.agreement
    if agreement.status in ("draft", "in_review") and agreement.dates.signed is not None:
        yield Hit(
            ("dates", "signed"),
            f"status is {agreement.status} but the agreement has a signing date: set the "
            "status to signed, or remove dates.signed until it is signed",
        )


@rule("SG506", Severity.ERROR, "status terminated without a termination date")
def terminated_needs_date(subject: Subject) -> Iterator[Hit]:
    agreement = subject.agreement
    if agreement.status == "terminated" and agreement.dates.terminated is None:
        yield Hit(
            ("status",),
            "status is terminated but dates.terminated is missing: add the last day of "
            "the agreement",
        )


@rule("SG507", Severity.INFO, "the term's end and the objection deadline, as dates")
def term_dates(subject: Subject) -> Iterator[Hit]:
    agreement, term = subject.agreement, subject.agreement.term
    if term is None:
        return  # a published agreement applies while the service is used
    expiry = terms.expiry_date(agreement.dates.effective, term.months)
    renew = term.auto_renew
    if renew is None:
        context = f"term ends {expiry}; no automatic renewal"
    else:
        deadline = terms.objection_deadline(expiry, renew.objection_days)
        context = (
            f"term ends {expiry}; objection deadline {deadline}; "
            f"otherwise renews for {renew.months} months"
        )
    yield Hit(("term", "months"), "dates derived from the term", context=context)
