"""Working days of one country's calendar, and the arithmetic every deadline uses.

A working day is what the calendar counts as one: in mainland China (`CN`) a day
`chinese-calendar` marks as a workday, make-up Saturdays (调休) included and the statutory
holidays with their adjusted rest days excluded; elsewhere Monday to Friday less the public
holidays (observed and substitute days included) that `holidays` lists for the country and,
when one is given, its subdivision (`GB` `ENG` is England).

Each answer comes from data for the year of the day asked about. chinese-calendar 1.11
covers 2004–2026 and each release adds the next year once the State Council announces it;
`holidays` computes its years up to its own end year. For any other year the calendar raises
`YearNotCovered` naming the year, unless `sitegen.toml` gives that year's official days
(`OfficialYear`); a year the library covers is always read from the library.

`holidays` is imported only when an agreement names another country: importing it costs
~50 ms and listing its countries ~190 ms more (measured on a shared machine), which a
project of mainland agreements alone would pay on every run for nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

import chinese_calendar

from sitegen.errors import UserError

if TYPE_CHECKING:
    from holidays import HolidayBase

DEFAULT_COUNTRY = "CN"
_SATURDAY = 5


@dataclass(frozen=True)
class OfficialYear:
    """One year's official days, given where the library has none: the public holidays
    (rest days, weekdays among them) and the make-up working days (weekend days worked)."""

    holidays: frozenset[dt.date] = frozenset()
    workdays: frozenset[dt.date] = frozenset()

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < _SATURDAY and day not in self.holidays


class YearNotCovered(UserError):
    """A day in a year the calendar has no data for."""

    def __init__(self, *, country: str, year: int, first: int, last: int) -> None:
        self.country, self.year = country, year
        source = "chinese-calendar" if country == DEFAULT_COUNTRY else "holidays"
        super().__init__(
            f"the {country} working-day calendar has no data for {year} ({source} covers "
            f"{first}–{last}): give {year}'s official holidays and make-up working days "
            f"in sitegen.toml under [calendar.{country}.{year}] until {source} publishes them"
        )


class UnknownCalendar(ValueError):
    """A country or subdivision no calendar library knows."""


def check_place(country: str, subdivision: str | None) -> None:
    """Raise UnknownCalendar, saying what is known, unless the place has a calendar."""
    if country == DEFAULT_COUNTRY:
        if subdivision is not None:
            raise UnknownCalendar(
                "the mainland statutory calendar has no subdivisions: leave out subdivision "
                "(Hong Kong, Macao and Taiwan are the countries HK, MO and TW)"
            )
        return
    if country == "UK":  # holidays takes it too; ISO 3166-1 and the contract's names say GB
        raise UnknownCalendar("write GB for the United Kingdom, its ISO 3166-1 code")
    import holidays

    supported = holidays.list_supported_countries()
    if country not in supported:
        raise UnknownCalendar(
            f"no public-holiday calendar for country {country!r}: give an ISO 3166-1 "
            "alpha-2 code such as CN, GB, US or DE"
        )
    known = supported[country]
    if subdivision is not None and subdivision not in known:
        listed = ", ".join(known) if known else "none"
        raise UnknownCalendar(
            f"{country} has no subdivision {subdivision!r}: known ones are {listed}"
        )


@dataclass(frozen=True)
class WorkCalendar:
    """One country's (or subdivision's) working days, with the project's official years."""

    country: str = DEFAULT_COUNTRY
    subdivision: str | None = None
    official: Mapping[int, OfficialYear] = field(default_factory=dict)

    @property
    def mainland(self) -> bool:
        return self.country == DEFAULT_COUNTRY

    def library_years(self) -> range:
        """The years the calendar library has data for."""
        if self.mainland:
            return _cn_years()
        days = _country(self.country, self.subdivision)
        return range(days.start_year, days.end_year + 1)

    def covers(self, year: int) -> bool:
        return year in self.library_years() or year in self.official

    def _check(self, day: dt.date) -> OfficialYear | None:
        """The project's official days when they answer for `day`'s year, else None."""
        years = self.library_years()
        if day.year in years:
            return None
        if day.year in self.official:
            return self.official[day.year]
        raise YearNotCovered(country=self.country, year=day.year, first=years[0], last=years[-1])

    def is_working_day(self, day: dt.date) -> bool:
        official = self._check(day)
        if official is not None:
            return official.is_working_day(day)
        if self.mainland:
            return _cn_workday(day)
        return day.weekday() < _SATURDAY and day not in _country(self.country, self.subdivision)

    def is_public_holiday(self, day: dt.date) -> bool:
        """A public holiday (for the mainland, a statutory holiday or adjusted rest day)."""
        official = self._check(day)
        if official is not None:
            return day in official.holidays
        if self.mainland:
            resting, name = _cn_holiday(day)
            return bool(resting) and name is not None
        return day in _country(self.country, self.subdivision)

    def holiday_name(self, day: dt.date) -> str | None:
        """The public holiday's English name (National Day, Good Friday), when `day` is one
        the library names; None for a working day, a plain weekend or a year of sitegen.toml."""
        official = self._check(day)
        if official is not None:
            return None
        if self.mainland:
            resting, name = _cn_holiday(day)
            return str(name) if resting and name is not None else None
        found = _country(self.country, self.subdivision).get(day)
        return str(found) if found else None

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """The `count`-th working day after `day`; before it when `count` is negative (a
        notice given 10 working days before expiry); `day` itself when `count` is 0."""
        step = dt.timedelta(days=1 if count > 0 else -1)
        left, found = abs(count), day
        while left:
            found += step
            if self.is_working_day(found):
                left -= 1
        return found

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (negative when end is
        earlier): `working_days_between(d, add_working_days(d, n)) == n`."""
        if end < start:
            return -self.working_days_between(end, start)
        days = (end - start).days
        return sum(self.is_working_day(start + dt.timedelta(days=n)) for n in range(1, days + 1))


def work_calendar(
    country: str = DEFAULT_COUNTRY,
    subdivision: str | None = None,
    official: Mapping[int, OfficialYear] | None = None,
) -> WorkCalendar:
    check_place(country, subdivision)
    return WorkCalendar(country, subdivision, dict(official or {}))


@cache
def _cn_years() -> range:
    years = {day.year for day in chinese_calendar.holidays} | {
        day.year for day in chinese_calendar.workdays
    }
    return range(min(years), max(years) + 1)


@cache
def _country(country: str, subdivision: str | None) -> HolidayBase:
    import holidays

    return holidays.country_holidays(country, subdiv=subdivision)


def subdivision_name(country: str, subdivision: str | None) -> str | None:
    """The English name `holidays` knows a subdivision by (California for US CA), if any."""
    if subdivision is None or country == DEFAULT_COUNTRY:
        return None
    aliases = _country(country, subdivision).subdivisions_aliases
    return next((name for name, code in aliases.items() if code == subdivision), None)


@cache
def _cn_workday(day: dt.date) -> bool:
    """chinese-calendar's answer, once per day: each of its calls first finds the range of
    its data with a min and max over every holiday it knows (~60 µs), and the service-time
    index of a year of reports for 1,000 agreements asked 58,000 times about a few hundred
    days (3.8 s of 27 s)."""
    return bool(chinese_calendar.is_workday(day))


@cache
def _cn_holiday(day: dt.date) -> tuple[bool, str | None]:
    """chinese-calendar's holiday detail, once per day (as `_cn_workday`)."""
    resting, name = chinese_calendar.get_holiday_detail(day)
    return bool(resting), None if name is None else str(name)
