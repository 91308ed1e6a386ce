"""Disaster-recovery drills recorded in the structured reviews (`drills:`), and the one
reader of them (`sitegen.reports.drills.drills_held`): the guide's agreement (SLA-2024-001)
with its demo records, its 2026Q3 review written for the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitegen.errors import UserError
from sitegen.load.values import Duration
from sitegen.reports.drills import drills_held
from sitegen.reports.review import read_review
from sitegen.reports.review_write import render_review
from tests.helpers import line_of
from tests.test_reviews import QUARTER, REVIEW, _project, run

SAMPLE_ID = "SLA-2024-001"
DRILL = """drills:
  - date: 2026-09-12
    scenario: {zh: "主数据中心整体失效", en: "Loss of the primary data centre"}
    rpo_achieved: 10m
    rto_achieved: 3h20m
    passed: true
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _project(tmp_path, QUARTER, accepted=("2026-06", "2026-07", "2026-08"))
    monkeypatch.chdir(tmp_path)
    assert run("review", "new", SAMPLE_ID, "--period", "2026Q3", "--today", "2026-12-01")
    return tmp_path


def _held(project: Path, drills: str, held: str = "2026-10-20") -> str:
    """The prepared review, held on `held`, with `drills` appended; its text."""
    path = project / REVIEW
    text = path.read_text("utf-8").replace("held: null", f"held: {held}") + drills
    path.write_text(text, "utf-8")
    return text


def test_a_review_records_the_drills_held_and_the_reader_lists_them(project: Path) -> None:
    _held(project, DRILL)
    assert run("validate").exit_code == 0
    [drill] = drills_held(project / "agreements" / SAMPLE_ID / "reviews", SAMPLE_ID)
    assert (drill.date, drill.passed, drill.review, drill.held) == (
        dt.date(2026, 9, 12),
        True,
        "2026Q3",
        True,
    )
    # 3h20m is 200 minutes: 3 × 60 + 20.
    assert (drill.rpo_achieved, drill.rto_achieved) == (Duration(10), Duration(200))
    assert drill.scenario_en == "Loss of the primary data centre"
    assert drill.path == project / REVIEW


def test_a_drill_recorded_in_two_reviews_is_listed_once_from_the_first(project: Path) -> None:
    _held(project, DRILL)
    second = project / "agreements" / SAMPLE_ID / "reviews" / "2026-10.yaml"
    text = (project / REVIEW).read_text("utf-8")
    text = text.replace('period: "2026Q3"', 'period: "2026-10"').replace(
        "held: 2026-10-20", "held: null"
    )
    failed = DRILL.replace("2026-09-12", "2026-10-30").replace("passed: true", "passed: false")
    second.write_text(text + failed.removeprefix("drills:\n"), "utf-8")
    drills = drills_held(project / "agreements" / SAMPLE_ID / "reviews", SAMPLE_ID)
    assert [(d.date, d.passed, d.review, d.held) for d in drills] == [
        (dt.date(2026, 9, 12), True, "2026Q3", True),
        (dt.date(2026, 10, 30), False, "2026-10", False),  # its review is being prepared
    ]


def test_reviews_without_drills_and_no_reviews_at_all_give_none(project: Path) -> None:
    reviews = project / "agreements" / SAMPLE_ID / "reviews"
    assert drills_held(reviews, SAMPLE_ID) == []  # a prepared review, no drills key
    assert drills_held(project / "nowhere", SAMPLE_ID) == []


def test_a_drill_after_the_meeting_that_records_it_is_refused(project: Path) -> None:
    text = _held(project, DRILL.replace("2026-09-12", "2026-10-21"))
    result = run("validate")
    assert result.exit_code == 1
    line = line_of(text, "- date: 2026-10-21")
    assert result.stdout == (
        f"{REVIEW}:{line}:3: SG930 cannot be read: drills: Value error, the drill of 2026-10-21 "
        "is after the review was held (2026-10-20): record a drill in a review held after it\n"
    )
    with pytest.raises(UserError):
        drills_held(project / "agreements" / SAMPLE_ID / "reviews", SAMPLE_ID)


def test_an_achieved_time_is_a_duration_at_its_line(project: Path) -> None:
    text = _held(project, DRILL.replace("rto_achieved: 3h20m", "rto_achieved: 3.5 hours"))
    result = run("validate")
    assert result.exit_code == 1
    line = line_of(text, "rto_achieved:")
    assert result.stdout.startswith(f"{REVIEW}:{line}:19: SG930 cannot be read: ")
    assert "'3.5 hours' is not a duration" in result.stdout


def test_a_review_of_an_agreement_with_drills_asks_for_them() -> None:
    from sitegen.reports.review import MissedTrigger, Triggers, VolumeTrigger

    triggers = Triggers(
        volume_change=VolumeTrigger(threshold=None, change=None, fired=False),
        missed_periods=MissedTrigger(threshold=None, run=0, periods=[], fired=False),
    )
    day = dt.date(2026, 12, 1)
    plain = render_review(SAMPLE_ID, "2026Q3", [], triggers, day).decode()
    asking = render_review(SAMPLE_ID, "2026Q3", [], triggers, day, drills=True).decode()
    assert "drills" not in plain
    assert asking.startswith(plain) and asking.endswith("drills: []\n")
    path = Path("/x/agreements") / SAMPLE_ID / "reviews" / "2026Q3.yaml"
    from sitegen.reports.review import parse_review

    assert parse_review(asking.encode(), path, SAMPLE_ID).review.drills == []
    assert read_review is not None
