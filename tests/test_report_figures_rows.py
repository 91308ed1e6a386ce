"""`figures.row_maker` makes, from a query's row, the same object the dataclass's own
constructor makes: the figures of a year of data are built with it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sitegen.reports.figures import Breach, Counted, Event, Exclusion, row_maker

START = dt.datetime(2026, 10, 3, 1, 0, tzinfo=dt.UTC)
EVENT = Event("INC-7", "outage", START, START + dt.timedelta(minutes=42), 42, "o.csv", 3)
ROWS = [
    (Breach, ("T-1", "P1", "response", 15, 16, False, "tickets.csv", 2)),
    (Event, ("INC-7", "outage", START, START + dt.timedelta(minutes=42), 42, "o.csv", 3)),
    (Counted, (EVENT, "outage", 42)),
    (Exclusion, (EVENT, "customer")),
]


@pytest.mark.parametrize(("kind", "values"), ROWS, ids=lambda v: getattr(v, "__name__", ""))
def test_a_made_row_is_the_object_the_constructor_makes(kind: type, values: tuple) -> None:
    made, built = row_maker(kind)(*values), kind(*values)
    assert type(made) is kind
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    assert dataclasses.astuple(made) == dataclasses.astuple(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.file = "other"  # frozen as the constructor's are


def test_a_row_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match=r"shorter|longer"):
        row_maker(Exclusion)(EVENT)
