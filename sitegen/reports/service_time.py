"""An agreement's clock: its time zone, and the stretches of time its service hours cover.

Support targets on `clock: service_hours` and availability counted "inside service hours"
both need the service hours as instants. `segments` lists them for a span of days: one per
window and day, in UTC, from the local times of the agreement's zone (a day of 23 or 25
hours at a change of summer time is what the zone says it is). 7×24 service is one segment.

A weekday window (`days: mon-fri`) serves the weekdays it names, less the calendar's public
holidays unless `public_holidays: true`; a `working_days` window serves the calendar's working
days, make-up working days (调休) included.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sitegen.calendars import DEFAULT_COUNTRY, WorkCalendar
from sitegen.load.model import WEEKDAYS, WORKING_DAYS, Agreement, Schedule, ServiceHours

UTC = dt.UTC
_MAINLAND_ZONE = "Asia/Shanghai"

Segment = tuple[dt.datetime, dt.datetime]


class NoZone(ValueError):
    """An agreement whose days and periods have no time zone to be counted in."""


def agreement_zone(agreement: Agreement) -> ZoneInfo:
    """The zone of the agreement's days: `calendar.timezone`, else the service hours' zone,
    else Asia/Shanghai for the mainland calendar. NoZone otherwise (a 7×24 agreement on
    another country's calendar must say its zone)."""
    if agreement.calendar.timezone is not None:
        return ZoneInfo(agreement.calendar.timezone)
    if isinstance(agreement.service_hours, Schedule):
        return ZoneInfo(agreement.service_hours.timezone)
    if agreement.calendar.country == DEFAULT_COUNTRY:
        return ZoneInfo(_MAINLAND_ZONE)
    raise NoZone(
        f"{agreement.id}: give calendar.timezone (e.g. Europe/London): the service hours "
        "are 7x24 and the calendar is not the mainland's, so its days have no zone"
    )


def _local(day: dt.date, clock: str, zone: ZoneInfo) -> dt.datetime:
    """`HH:MM` on `day` in `zone`, as a UTC instant (`24:00` is the next midnight)."""
    hours, minutes = (int(part) for part in clock.split(":"))
    midnight = dt.datetime.combine(day, dt.time(), tzinfo=zone)
    if hours == 24:
        midnight = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=zone)
        hours = 0
    return midnight.replace(hour=hours, minute=minutes).astimezone(UTC)


def _serves(window_days: object, day: dt.date, schedule: Schedule, calendar: WorkCalendar) -> bool:
    if window_days == WORKING_DAYS:
        return calendar.is_working_day(day)
    assert isinstance(window_days, list)
    if WEEKDAYS[day.weekday()] not in window_days:
        return False
    return schedule.public_holidays or not calendar.is_public_holiday(day)


def segments(
    hours: ServiceHours, calendar: WorkCalendar, zone: ZoneInfo, first: dt.date, last: dt.date
) -> list[Segment]:
    """The service hours from the start of local day `first` to the end of local day `last`,
    as sorted, non-overlapping UTC intervals (touching ones joined). YearNotCovered when a
    day is in a year the calendar has no data for."""
    if not isinstance(hours, Schedule):
        return [(_local(first, "00:00", zone), _local(last, "24:00", zone))]
    found: list[Segment] = []
    day = first
    while day <= last:
        for window in hours.windows:
            if _serves(window.days, day, hours, calendar):
                found.append((_local(day, window.start, zone), _local(day, window.end, zone)))
        day += dt.timedelta(days=1)
    found.sort()
    joined: list[Segment] = []
    for start, end in found:
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined
