"""Working-day calendars: which days count as working days in an agreement's country.

One place answers `is_working_day`, `add_working_days` and `working_days_between` for every
stage that counts working days (report and renewal deadlines, `2wd` durations, the service
reports). Mainland China follows the statutory calendar with its make-up working days (调休)
from `chinese-calendar`; other countries are Monday to Friday less the public holidays of
`holidays`. A year the data does not cover raises `YearNotCovered`, never a guess: the
State Council announces each year's holidays late in the year before, and `sitegen.toml`
can give a year's official days until the library publishes them (`OfficialYear`).
"""

from __future__ import annotations

from sitegen.calendars.days import (
    DEFAULT_COUNTRY,
    OfficialYear,
    UnknownCalendar,
    WorkCalendar,
    YearNotCovered,
    check_place,
    subdivision_name,
    work_calendar,
)

__all__ = [
    "DEFAULT_COUNTRY",
    "OfficialYear",
    "UnknownCalendar",
    "WorkCalendar",
    "YearNotCovered",
    "check_place",
    "subdivision_name",
    "work_calendar",
]
