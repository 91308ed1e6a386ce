"""Working days on an agreement's calendar: the mainland's statutory days with their make-up
working days, other countries' public holidays, years the data does not cover, and years
`sitegen.toml` gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.calendars import OfficialYear, UnknownCalendar, YearNotCovered, work_calendar
from sitegen.errors import UserError
from sitegen.load.config import Settings
from sitegen.load.values import Duration
from tests.helpers import build_file_tree

D = dt.date
CN = work_calendar()


def test_national_day_2026_and_its_make_up_days() -> None:
    """国庆 2026: 1–7 October off; Sunday 20 September and Saturday 10 October worked."""
    assert not any(CN.is_working_day(D(2026, 10, day)) for day in range(1, 8))
    assert CN.is_working_day(D(2026, 9, 20))  # a Sunday
    assert CN.is_working_day(D(2026, 10, 10))  # a Saturday
    assert not CN.is_working_day(D(2026, 10, 11))  # an ordinary Sunday
    assert CN.is_working_day(D(2026, 10, 9))
    assert CN.is_public_holiday(D(2026, 10, 1))
    assert not CN.is_public_holiday(D(2026, 10, 11))


def test_two_working_days_across_a_weekend() -> None:
    friday = D(2026, 11, 13)
    assert CN.add_working_days(friday, 2) == D(2026, 11, 17)  # Monday, then Tuesday
    assert CN.working_days_between(friday, D(2026, 11, 17)) == 2


def test_two_working_days_across_spring_festival_2026() -> None:
    """春节 2026: 15–23 February off, Saturday 14 and Saturday 28 February worked."""
    assert CN.add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 14)  # the make-up Saturday
    assert CN.add_working_days(D(2026, 2, 14), 2) == D(2026, 2, 25)  # 24th, then 25th
    assert CN.working_days_between(D(2026, 2, 14), D(2026, 2, 23)) == 0
    assert CN.add_working_days(D(2026, 2, 27), 1) == D(2026, 2, 28)


def test_easter_in_england() -> None:
    england = work_calendar("GB", "ENG")
    assert not england.is_working_day(D(2026, 4, 3))  # Good Friday
    assert not england.is_working_day(D(2026, 4, 6))  # Easter Monday
    assert england.is_working_day(D(2026, 4, 7))
    assert england.add_working_days(D(2026, 4, 2), 1) == D(2026, 4, 7)
    scotland = work_calendar("GB", "SCT")
    assert scotland.is_working_day(D(2026, 4, 6))  # Easter Monday is no holiday in Scotland


def test_thanksgiving_in_the_united_states() -> None:
    us = work_calendar("US")
    assert not us.is_working_day(D(2026, 11, 26))  # the fourth Thursday of November
    assert us.is_working_day(D(2026, 11, 27))
    assert us.add_working_days(D(2026, 11, 25), 2) == D(2026, 11, 30)
    assert us.working_days_between(D(2026, 11, 20), D(2026, 11, 30)) == 5


def test_working_days_before_a_day() -> None:
    """Ten working days before 12 October 2026, back across 国庆 and 中秋 (25 September):
    10 (a make-up Saturday), 9 and 8 October, then 30, 29, 28, 24, 23, 22 and 21 September."""
    assert CN.add_working_days(D(2026, 10, 12), -10) == D(2026, 9, 21)
    assert CN.add_working_days(D(2026, 10, 12), -2) == D(2026, 10, 9)


def test_a_year_not_covered_names_the_year() -> None:
    with pytest.raises(YearNotCovered) as caught:
        CN.is_working_day(D(2027, 3, 1))
    assert str(caught.value) == (
        "the CN working-day calendar has no data for 2027 (chinese-calendar covers "
        "2004–2026): give 2027's official holidays and make-up working days in sitegen.toml "
        "under [calendar.CN.2027] until chinese-calendar publishes them"
    )
    assert isinstance(caught.value, UserError)  # shown as a message, never a traceback
    with pytest.raises(YearNotCovered, match="no data for 2027"):
        CN.add_working_days(D(2026, 12, 30), 5)


def test_an_official_year_from_sitegen_toml(tmp_path: Path) -> None:
    build_file_tree(
        tmp_path,
        {
            "sitegen.toml": "[calendar.CN.2027]\n"
            "holidays = [2027-01-01, 2027-02-05, 2027-02-08, 2027-02-09]\n"
            "workdays = [2027-02-20]\n"
        },
    )
    settings = Settings.read(tmp_path / "sitegen.toml")
    calendar = work_calendar("CN", None, settings.official_years("CN"))
    assert calendar.covers(2027)
    assert not calendar.is_working_day(D(2027, 1, 1))
    assert calendar.is_working_day(D(2027, 2, 20))  # a Saturday worked
    assert calendar.add_working_days(D(2027, 2, 4), 2) == D(2027, 2, 11)
    assert calendar.add_working_days(D(2026, 12, 30), 2) == D(2027, 1, 4)  # across the years
    assert calendar.is_working_day(D(2026, 10, 10))  # the library still answers for 2026


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            "[calendar.CN.2027]\nholidays = [2026-10-01]\n",
            ":2:1: calendar.CN.2027.holidays: 2026-10-01 is not in 2027",
        ),
        (
            "[calendar.CN.2027]\nholidays = [2027-02-20]\nworkdays = [2027-02-20]\n",
            ":3:1: calendar.CN.2027: 2027-02-20 is both a holiday and a working day",
        ),
        (
            "[calendar.CN.2027]\nholiday = [2027-01-01]\n",
            ":2:1: calendar.CN.2027.holiday: Extra inputs are not permitted",
        ),
    ],
)
def test_bad_official_years_name_their_line(tmp_path: Path, toml: str, message: str) -> None:
    build_file_tree(tmp_path, {"sitegen.toml": toml})
    with pytest.raises(UserError) as caught:
        Settings.read(tmp_path / "sitegen.toml")
    assert str(caught.value) == f"{tmp_path / 'sitegen.toml'}{message}"


def test_unknown_places() -> None:
    with pytest.raises(UnknownCalendar, match="no public-holiday calendar for country 'XX'"):
        work_calendar("XX")
    with pytest.raises(UnknownCalendar, match="GB has no subdivision 'XYZ': known ones are "):
        work_calendar("GB", "XYZ")
    with pytest.raises(UnknownCalendar, match="write GB for the United Kingdom"):
        work_calendar("UK", "ENG")
    with pytest.raises(UnknownCalendar, match="mainland statutory calendar has no subdivisions"):
        work_calendar("CN", "BJ")


def test_official_year_on_its_own() -> None:
    year = OfficialYear(frozenset({D(2027, 1, 1)}), frozenset({D(2027, 1, 9)}))
    assert not year.is_working_day(D(2027, 1, 1))
    assert year.is_working_day(D(2027, 1, 9))  # a Saturday
    assert not year.is_working_day(D(2027, 1, 10))


@settings(max_examples=60, deadline=None)
@given(
    start=st.dates(min_value=D(2024, 1, 1), max_value=D(2026, 10, 31)),
    count=st.integers(min_value=0, max_value=30),
)
def test_adding_and_counting_agree(start: dt.date, count: int) -> None:
    end = CN.add_working_days(start, count)
    assert CN.working_days_between(start, end) == count
    assert CN.working_days_between(end, start) == -count
    assert count == 0 or CN.is_working_day(end)


def test_working_day_durations() -> None:
    two = Duration.parse("2wd")
    assert two == Duration(working_days=2)
    assert str(two) == "2wd"
    assert Duration.parse("4h") < two  # two working days last at least two days
    assert Duration.parse("3d") > Duration.parse("2d")
    assert not Duration.parse("3d") > two and not Duration.parse("3d") < two  # it depends
    assert Duration.parse("1wd") < two


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1d2wd", "'1d2wd': give working days alone, e.g. 2wd; they do not combine with d, h or m"),
        ("0wd", "'0wd': a duration must be longer than zero"),
    ],
)
def test_bad_working_day_durations(text: str, message: str) -> None:
    from pydantic_core import PydanticCustomError

    with pytest.raises(PydanticCustomError) as caught:
        Duration.parse(text)
    assert str(caught.value) == message


def test_a_deadline_of_whole_days_or_working_days() -> None:
    from sitegen.load.workdays import day_after

    friday = D(2026, 11, 13)
    assert day_after(friday, Duration.parse("2wd"), CN) == D(2026, 11, 17)
    assert day_after(friday, Duration.parse("2d"), CN) == D(2026, 11, 15)
    # 2wd from the eve of 春节 2026: the make-up Saturday, then the 24th after the holiday.
    assert day_after(D(2026, 2, 13), Duration.parse("2wd"), CN) == D(2026, 2, 24)
    with pytest.raises(ValueError, match="4h is not a number of whole days"):
        day_after(friday, Duration.parse("4h"), CN)


def test_a_toml_error_names_its_line_and_column(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"sitegen.toml": "[calendar.CN.2027]\nholidays = [2027-13-01]\n"})
    with pytest.raises(UserError) as caught:
        Settings.read(tmp_path / "sitegen.toml")
    assert str(caught.value).startswith(f"{tmp_path / 'sitegen.toml'}:2:")
    assert ": not valid TOML: " in str(caught.value) and "(at line" not in str(caught.value)


def test_holidays_by_name() -> None:
    assert CN.holiday_name(D(2026, 10, 3)) == "National Day"
    assert CN.holiday_name(D(2026, 10, 10)) is None  # a make-up working day
    assert CN.holiday_name(D(2026, 10, 11)) is None  # a plain Sunday
    assert work_calendar("GB", "ENG").holiday_name(D(2026, 4, 3)) == "Good Friday"
