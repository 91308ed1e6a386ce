"""sitegen.load.terms: month arithmetic, term dates and allowed downtime."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from sitegen.load import terms


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (dt.date(2024, 4, 1), 12, dt.date(2025, 4, 1)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2023, 1, 31), 1, dt.date(2023, 2, 28)),
        (dt.date(2024, 11, 30), 3, dt.date(2025, 2, 28)),
        (dt.date(2024, 12, 15), 1, dt.date(2025, 1, 15)),
    ],
)
def test_add_months(start: dt.date, months: int, expected: dt.date) -> None:
    assert terms.add_months(start, months) == expected


def test_expiry_and_objection_deadline() -> None:
    expiry = terms.expiry_date(dt.date(2024, 4, 1), 12)
    assert expiry == dt.date(2025, 3, 31)
    assert terms.objection_deadline(expiry, 30) == dt.date(2025, 3, 1)
    assert terms.term_days(dt.date(2024, 4, 1), 12) == 365
    assert terms.term_days(dt.date(2024, 1, 1), 12) == 366


@pytest.mark.parametrize(
    ("target", "days", "shown"),
    [
        ("99.9", 30, "43 min 12 s"),
        ("99.9", 31, "44 min 38 s"),
        ("99.5", 92, "11 h 2 min 24 s"),
        ("99.99", 365, "52 min 33 s"),
        ("100", 30, "0 s"),
    ],
)
def test_allowed_downtime(target: str, days: int, shown: str) -> None:
    assert terms.format_span(terms.allowed_downtime(Decimal(target), days)) == shown


def test_downtime_note_per_window() -> None:
    assert terms.downtime_note(Decimal("99.9"), "calendar_month") == (
        "99.9% allows 43 min 12 s per 30-day month, 44 min 38 s per 31-day month"
    )
    assert terms.downtime_note(Decimal("99.90"), "calendar_year") == (
        "99.9% allows 8 h 45 min 36 s per 365-day year, 8 h 47 min 2 s per 366-day year"
    )


def test_downtime_note_on_service_hours() -> None:
    # Mon–Fri 08:30–18:00 is 47 h 30 min (2,850 minutes) a week; 0.5% of it is 14.25 min a
    # week, and 13 weeks a quarter make 185.25 min: 3 h 5 min 15 s.
    assert terms.service_downtime_note(Decimal("99.5"), "calendar_quarter", 2850) == (
        "99.5% of 47 h 30 min of service a week allows 14 min 15 s a week, about "
        "3 h 5 min 15 s per quarter"
    )
    # 8 h 30 min on 5 working days is 42 h 30 min; a month is 52/12 weeks: 55 min 15 s.
    assert terms.service_downtime_note(Decimal("99.5"), "calendar_month", 2550) == (
        "99.5% of 42 h 30 min of service a week allows 12 min 45 s a week, about "
        "55 min 15 s per month"
    )
