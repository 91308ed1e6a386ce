"""An agreement's working-day calendar, and the deadlines counted on it.

The calendar is the agreement's `calendar:` with the official years `sitegen.toml` gives for
its country, so every stage that counts working days (lint's dates, the catalogue, the
service reports) counts the same days. `measurement.report_due_days` is the first such
deadline: a report is due that many working days after its reporting period ends.
"""

from __future__ import annotations

import calendar as months
import datetime as dt

from sitegen.calendars import WorkCalendar, work_calendar
from sitegen.load.config import Settings
from sitegen.load.model import Agreement
from sitegen.load.values import Duration

_WEEK = 7
_DAY_MINUTES = 24 * 60


def agreement_calendar(agreement: Agreement, settings: Settings) -> WorkCalendar:
    """The calendar the agreement names, with the project's official years for its country."""
    place = agreement.calendar
    return work_calendar(place.country, place.subdivision, settings.official_years(place.country))


def day_after(day: dt.date, span: Duration, calendar: WorkCalendar) -> dt.date:
    """The day a period of whole days or working days that starts after `day` ends: `2wd`
    from a Friday is the Tuesday (on the calendar), `2d` the Sunday. A span of hours has
    no day of its own: ValueError."""
    if span.in_working_days:
        return calendar.add_working_days(day, span.working_days)
    days, rest = divmod(span.minutes, _DAY_MINUTES)
    if rest:
        raise ValueError(f"{span} is not a number of whole days")
    return day + dt.timedelta(days=days)


def period_end(day: dt.date, frequency: str) -> dt.date:
    """The last day of the week (Monday to Sunday), calendar month or calendar quarter that
    holds `day`, for a weekly, monthly or quarterly report."""
    if frequency == "weekly":
        return day + dt.timedelta(days=_WEEK - 1 - day.weekday())
    month = day.month if frequency == "monthly" else ((day.month - 1) // 3 + 1) * 3
    return dt.date(day.year, month, months.monthrange(day.year, month)[1])


def first_report(agreement: Agreement, calendar: WorkCalendar) -> tuple[dt.date, dt.date] | None:
    """The end of the first reporting period and the day its report is due, `report_due_days`
    working days later (None: the agreement has no reports); YearNotCovered when a day it
    counts is in a year without data."""
    measurement = agreement.measurement
    if measurement.report is None or measurement.report_due_days is None:
        return None
    end = period_end(agreement.dates.effective, measurement.report)
    return end, calendar.add_working_days(end, measurement.report_due_days)
