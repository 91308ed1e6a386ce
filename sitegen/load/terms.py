"""Date and downtime arithmetic of agreements: small pure functions, no I/O.

Lint uses them to explain a term and a target; the catalogue and the contract text reuse
them so every place states the same dates and the same minutes.
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import ROUND_FLOOR, Decimal

# The shortest and the longest window of each kind, in days.
WINDOW_DAYS: dict[str, tuple[int, int]] = {
    "calendar_month": (30, 31),
    "calendar_quarter": (90, 92),
    "calendar_year": (365, 366),
}
WINDOW_NAMES: dict[str, str] = {
    "calendar_month": "month",
    "calendar_quarter": "quarter",
    "calendar_year": "year",
}
_SECONDS_PER_DAY = 24 * 60 * 60


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the last day of the month when that day does not exist.

    2024-01-31 + 1 month is 2024-02-29; 2024-04-01 + 12 months is 2025-04-01.
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def expiry_date(effective: dt.date, months: int) -> dt.date:
    """The last day of a term of `months` starting on `effective`."""
    return add_months(effective, months) - dt.timedelta(days=1)


def objection_deadline(expiry: dt.date, objection_days: int) -> dt.date:
    """The last day to object to a renewal: `objection_days` before expiry."""
    return expiry - dt.timedelta(days=objection_days)


def term_days(effective: dt.date, months: int) -> int:
    """How many days a term of `months` from `effective` lasts, both ends included."""
    return (expiry_date(effective, months) - effective).days + 1


def allowed_downtime(target: Decimal, days: int) -> dt.timedelta:
    """Downtime an availability target (percent) allows in `days`, whole seconds, rounded down."""
    seconds = (Decimal(100) - target) / Decimal(100) * days * _SECONDS_PER_DAY
    return dt.timedelta(seconds=int(seconds.to_integral_value(rounding=ROUND_FLOOR)))


def format_span(span: dt.timedelta) -> str:
    """`43 min 12 s`, `8 h 45 min 36 s`, `3 d 15 h 36 min`; `0 s` for nothing."""
    total = int(span.total_seconds())
    days, rest = divmod(total, _SECONDS_PER_DAY)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [
        f"{n} {unit}"
        for n, unit in ((days, "d"), (hours, "h"), (minutes, "min"), (seconds, "s"))
        if n
    ]
    return " ".join(parts) or "0 s"


def format_percent(value: Decimal) -> str:
    """99.90 -> '99.9', 100 -> '100' (no exponent, no trailing zeros)."""
    return f"{value.normalize():f}"


def hourly_downtime(target: Decimal) -> dt.timedelta:
    """Downtime an availability target (percent) allows in one hour, whole seconds, rounded down."""
    seconds = (Decimal(100) - target) / Decimal(100) * 3600
    return dt.timedelta(seconds=int(seconds.to_integral_value(rounding=ROUND_FLOOR)))


def downtime_note(target: Decimal, window: str) -> str:
    """e.g. '99.9% allows 43 min 12 s per 30-day month, 44 min 38 s per 31-day month'."""
    if window == "hour":
        return f"{format_percent(target)}% allows {format_span(hourly_downtime(target))} per hour"
    name = WINDOW_NAMES[window]
    spans = [
        f"{format_span(allowed_downtime(target, days))} per {days}-day {name}"
        for days in WINDOW_DAYS[window]
    ]
    return f"{format_percent(target)}% allows {', '.join(spans)}"


# Weeks in a window, for service hours that repeat weekly (a month: 52 weeks / 12).
_WEEKS = {"calendar_month": Decimal(52) / 12, "calendar_quarter": Decimal(13),
          "calendar_year": Decimal(52)}  # fmt: skip


def service_downtime_note(target: Decimal, window: str, weekly_minutes: int) -> str:
    """For service hours that are not round the clock, e.g. '99.5% of 42 h 30 min of service
    a week allows 12 min 45 s a week, about 55 min 15 s per month': the target counts only
    the service hours, so 24-hour days would overstate what it allows."""
    share = (Decimal(100) - target) / Decimal(100)
    week = weekly_minutes * 60 * share
    per_window = week * _WEEKS[window]
    name = WINDOW_NAMES[window]
    return (
        f"{format_percent(target)}% of {_hours(weekly_minutes)} of "
        f"service a week allows {format_span(_seconds(week))} a week, about "
        f"{format_span(_seconds(per_window))} per {name}"
    )


def _seconds(value: Decimal) -> dt.timedelta:
    return dt.timedelta(seconds=int(value.to_integral_value(rounding=ROUND_FLOOR)))


def _hours(minutes: int) -> str:
    """A week's service in hours, never days: '47 h 30 min', '40 h'."""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"
