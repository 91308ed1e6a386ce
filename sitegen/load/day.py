"""The day a run counts from: the clock is read here and nowhere else, and a day given as
text (`--today`, the plugin's `today:`) is parsed here, once, into a `datetime.date`.

Every state and deadline the catalogue shows depends on this day, so a build that read the
clock twice could straddle midnight and disagree with itself.
"""

from __future__ import annotations

import datetime as dt

LAST_DAY = dt.date(9000, 1, 1)  # deadlines counted from later days overflow `date`


def today() -> dt.date:
    """The day of the run, from the clock."""
    return dt.date.today()


def parse_day(value: str | dt.date) -> dt.date:
    """A day given as YYYY-MM-DD (YAML gives an unquoted one as a date, a time of day is
    dropped); ValueError says what is wrong."""
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value))
        except ValueError:
            raise ValueError(f"{value!r} is not YYYY-MM-DD") from None
    if day >= LAST_DAY:
        raise ValueError(f"{day:%Y-%m-%d} is too far ahead: give a day before 9000")
    return day
