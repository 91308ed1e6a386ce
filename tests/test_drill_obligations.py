"""The overdue disaster-recovery drill: a drill cadence of the continuity terms, due one
cadence after the latest drill recorded in a review (`drills_held`), else after the
effective date, as a review is due one cadence after the last review held; on the page's
list (`renewals`), in `catalogue.json` and in the calendar. The guide's agreement
SLA-2024-001 (in force since 2024-04-01, renewed every 12 months) with a half-yearly drill
(an outsourcing contract's) and, for one test, a yearly one beside it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitegen.catalogue import Kept, renewals, to_ics, to_json
from sitegen.load.continuity import Continuity, Drill
from sitegen.load.model import Agreement
from sitegen.load.values import Duration
from sitegen.reports.drills import drills_held
from tests.test_compose import sample
from tests.test_drills import DRILL, _held
from tests.test_drills import project as project  # the fixture

D = dt.date
SAMPLE_ID = "SLA-2024-001"


def _drilling(*cadences: str) -> Agreement:
    entries = [Continuity(rto=Duration(minutes=240), drill=Drill(cadence=c)) for c in cadences]  # type: ignore[arg-type]
    return sample(SAMPLE_ID).model_copy(update={"continuity": entries})


def _drills(agreement: Agreement, today: dt.date, kept: Kept) -> list[tuple[str, dt.date, bool]]:
    items = renewals([agreement], today, 366, kept={SAMPLE_ID: kept})
    return [(d.ref, d.date, d.overdue) for d in items if d.kind == "drill_due"]


def test_without_a_drill_on_record_it_is_due_a_cadence_after_the_effective_date() -> None:
    # Effective 2024-04-01 + 6 months = 2024-10-01; on 2026-12-02 that is 792 days ago:
    # overdue, and kept on the list (like a review not held).
    agreement = _drilling("half_yearly")
    assert _drills(agreement, D(2026, 12, 2), Kept()) == [("half_yearly", D(2024, 10, 1), True)]
    [item] = [d for d in renewals([agreement], D(2026, 12, 2), kept={SAMPLE_ID: Kept()})
              if d.kind == "drill_due"]  # fmt: skip
    assert item.days == -(D(2026, 12, 2) - D(2024, 10, 1)).days == -792
    assert item.subject is not None
    assert (item.subject.zh, item.subject.en) == (
        "每半年一次；尚无演练记录",
        "every six months; no drill on record",
    )


def test_a_drill_recorded_in_a_review_moves_the_next_one(project: Path) -> None:
    # The 2026Q3 review records a drill on 2026-09-12: the next is due 2027-03-12 (six
    # months on), 100 days after 2026-12-02; a yearly cadence beside it, 2027-09-12.
    _held(project, DRILL)
    drills = tuple(drills_held(project / "agreements" / SAMPLE_ID / "reviews", SAMPLE_ID))
    kept = Kept(drills=drills)
    agreement = _drilling("yearly", "half_yearly", "half_yearly")
    assert _drills(agreement, D(2026, 12, 2), kept) == [
        ("half_yearly", D(2027, 3, 12), False),
        ("yearly", D(2027, 9, 12), False),
    ]
    # On 2027-03-13 the half-yearly drill is a day overdue; a drill dated after `today`
    # (none here) would not count.
    assert _drills(_drilling("half_yearly"), D(2027, 3, 13), kept) == [
        ("half_yearly", D(2027, 3, 12), True)
    ]
    # Before the drill's day, the drill is not yet held: due from the effective date.
    assert _drills(_drilling("half_yearly"), D(2026, 9, 11), kept)[0][1] == D(2024, 10, 1)
    subject = next(
        d.subject
        for d in renewals([agreement], D(2026, 12, 2), 366, kept={SAMPLE_ID: kept})
        if d.kind == "drill_due"
    )
    assert subject is not None and subject.en == "every six months; last drill: 12 September 2026"


def test_the_calendar_and_the_json_carry_the_drill() -> None:
    agreement = _drilling("half_yearly")
    ics = to_ics([agreement], D(2026, 12, 2), kept={SAMPLE_ID: Kept()})
    assert f"UID:{SAMPLE_ID}-drill-half_yearly-20241001@sitegen" in ics
    assert "灾难恢复演练到期" in ics
    document = json.loads(to_json([agreement], D(2026, 12, 2), kept={SAMPLE_ID: Kept()}))
    [record] = [d for d in document["deadlines"] if d["kind"] == "drill_due"]
    assert (record["date"], record["overdue"], record["ref"]) == ("2024-10-01", True, "half_yearly")


@pytest.mark.parametrize("name", ["SLA-2024-001", "SLA-2025-006"])
def test_an_agreement_without_a_drill_cadence_has_no_drill_item(name: str) -> None:
    items = renewals([sample(name)], D(2026, 12, 2), 366, kept={name: Kept()})
    assert not [d for d in items if d.kind == "drill_due"]
