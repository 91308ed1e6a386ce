"""The disaster-recovery drills an agreement's parties held: THE reader for every stage that
asks whether a drill is due or overdue.

The agreement states the cadence (`continuity[].drill.cadence`); a drill held is recorded in
the structured review that reports it (`drills:` of `agreements/<ID>/reviews/<period>.yaml`,
`sitegen.reports.review`), with its day, scenario, the recovery point and time achieved and
whether it passed. That is the smallest honest form: a review is where the parties look at
the service together and, once held, is kept as it was (SG935), so a drill on record cannot
quietly change; no second kind of file is needed. The free-text `review.records` of
agreement.yaml hold no drills: a drill recorded only in prose would be a date nobody can
check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sitegen.load.values import Duration
from sitegen.reports.review import ReadReview, read_reviews

__all__ = ["DrillHeld", "drills_held", "drills_of"]


@dataclass(frozen=True)
class DrillHeld:
    """One drill as its review records it."""

    date: dt.date
    passed: bool
    scenario_zh: str
    scenario_en: str
    rpo_achieved: Duration | None
    rto_achieved: Duration | None
    review: str  # the period of the review that records it, e.g. 2026Q3
    held: bool  # that review's meeting took place (`held:` set)
    path: Path  # the review file


def drills_held(reviews_dir: Path, agreement_id: str) -> list[DrillHeld]:
    """Every drill recorded in the agreement's reviews, by date (the oldest first); each
    drill once, from the earliest review that records it. A review that cannot be read is
    a UserError naming its file, line and column (`read_reviews`)."""
    return drills_of(read_reviews(reviews_dir, agreement_id))


def drills_of(reads: Iterable[ReadReview]) -> list[DrillHeld]:
    """The drills of reviews already read (`read_reviews`), as `drills_held` gives them."""
    found: dict[tuple[dt.date, str], DrillHeld] = {}
    for read in reads:
        review = read.review
        for drill in review.drills:
            key = (drill.date, drill.scenario.en)
            found.setdefault(
                key,
                DrillHeld(
                    date=drill.date,
                    passed=drill.passed,
                    scenario_zh=drill.scenario.zh,
                    scenario_en=drill.scenario.en,
                    rpo_achieved=drill.rpo_achieved,
                    rto_achieved=drill.rto_achieved,
                    review=review.period,
                    held=review.held is not None,
                    path=read.path,
                ),
            )
    return sorted(found.values(), key=lambda d: (d.date, d.scenario_en))
