"""SG508–SG510: the agreement's working-day calendar. A day the agreement states should lie
in a year the calendar has data for (the mainland's is announced late in the year before);
the first report's due date is shown as a date, counted on it; and an objection deadline
that is no working day is pointed out with the last working day before it, the day a notice
can still be sent and received in office hours.

A year without data is a warning, not an error: the agreement is not wrong, the project's
data is behind, and an error would refuse to sign in December an agreement effective on 1
January until the State Council had announced the year. Counting a deadline into such a
year (SG509) says which year to add rather than guessing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sitegen.calendars import WorkCalendar, YearNotCovered
from sitegen.findings import FieldPath, Severity
from sitegen.lint.registry import Hit, Subject, rule
from sitegen.load import terms
from sitegen.load.workdays import agreement_calendar, first_report


def _days(subject: Subject) -> Iterator[tuple[FieldPath, dt.date]]:
    """The days the agreement states, where working days may be counted from."""
    agreement = subject.agreement
    for name in ("signed", "effective", "terminated"):
        day = getattr(agreement.dates, name)
        if day is not None:
            yield ("dates", name), day
    for index, record in enumerate(agreement.review.records if agreement.review else []):
        yield ("review", "records", index, "date"), record.date


def _calendar(subject: Subject) -> WorkCalendar:
    return agreement_calendar(subject.agreement, subject.context.settings)


@rule("SG508", Severity.WARNING, "a day in a year the agreement's calendar has no data for")
def covered_years(subject: Subject) -> Iterator[Hit]:
    calendar = _calendar(subject)
    reported: set[int] = set()
    for field, day in _days(subject):
        if day.year in reported:
            continue
        try:
            calendar.is_working_day(day)
        except YearNotCovered as error:
            reported.add(day.year)
            yield Hit(field, f"{day}: {error.reason}")


@rule("SG509", Severity.INFO, "the first service report's due date, in working days")
def first_report_due(subject: Subject) -> Iterator[Hit]:
    calendar = _calendar(subject)
    field = ("measurement", "report_due_days")
    try:
        first = first_report(subject.agreement, calendar)
    except YearNotCovered as error:
        yield Hit(field, "the first report's due date cannot be counted yet", context=error.reason)
        return
    if first is None:  # no service reports
        return
    end, due = first
    place = calendar.country + (f" {calendar.subdivision}" if calendar.subdivision else "")
    days = subject.agreement.measurement.report_due_days
    unit = "working day" if days == 1 else "working days"
    yield Hit(
        field,
        "the first report's due date on the agreement's calendar",
        context=f"the first reporting period ends {end}; its report is due {due}, "
        f"{days} {unit} later on the {place} calendar",
    )


@rule("SG510", Severity.INFO, "the objection deadline is no working day: the last one before it")
def objection_on_a_working_day(subject: Subject) -> Iterator[Hit]:
    agreement = subject.agreement
    term = agreement.term  # a published agreement has none: no objection deadline
    renew = term.auto_renew if term else None
    if term is None or renew is None:
        return
    expiry = terms.expiry_date(agreement.dates.effective, term.months)
    deadline = terms.objection_deadline(expiry, renew.objection_days)
    calendar = _calendar(subject)
    try:
        if calendar.is_working_day(deadline):
            return
        before = calendar.add_working_days(deadline, -1)
        holiday = calendar.holiday_name(deadline)
    except YearNotCovered:
        return  # a year without data: nothing to say about its days yet
    what = f"{deadline:%A}" + (f", {holiday}" if holiday else "")
    yield Hit(
        ("term", "auto_renew", "objection_days"),
        "the objection deadline is no working day on the agreement's calendar",
        context=f"{deadline} is a {what}; the last working day before it is {before}",
    )
