"""What a review states that sitegen computes, never a person: the periods it covers (from
their records) and whether each revision trigger fired.

- Covered periods: every current record (`held.held_reports`) whose period lies within the
  review's, with its pass or fail, its credit and whether the customer accepted it.
- Volume: the agreement states "the customer's business volume has grown by at least
  `revision.volume_change` percent since the agreement took effect". The change is
  `(after - before) / before × 100`, shown to two places rounded down; whether it fired is
  decided exactly (`after × 100 ≥ before × (100 + threshold)`), so 150 against 100 fires a
  50% trigger and 149.99 does not. A fall in volume never fires it: the contract speaks of
  growth.
- Missed periods: the agreement states "not met in N consecutive periods". Runs are counted
  over all the agreement's records up to the review period's end, not only those inside it,
  because a run that starts in the last month of one quarter and goes on in the next is
  consecutive all the same; two periods are consecutive when the second starts the day
  after the first ends (a missing record breaks a run: nothing says it failed). The run
  reported is the longest that reaches into the review's periods (the latest of equals),
  so a review never fires on failures another review already weighed alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal

from sitegen.load.model import Agreement
from sitegen.reports.held import HeldReport
from sitegen.reports.periods import Period
from sitegen.reports.review import Covered, Credit, MissedTrigger, Triggers, Volume, VolumeTrigger

_CENT = Decimal("0.01")


def covered(held: Sequence[HeldReport], period: Period) -> list[Covered]:
    """The records of the periods within `period`, in period order."""
    return [
        Covered(
            period=report.period,
            passed=report.record.figures.passed,
            credit=_credit(report),
            accepted=report.accepted is not None,
        )
        for report in held
        if period.holds(Period.parse(report.period))
    ]


def _credit(report: HeldReport) -> Credit | None:
    credits = report.record.figures.credits
    if credits is None:
        return None
    return Credit(percent=credits.percent, amount=credits.amount, currency=credits.currency)


def volume_trigger(agreement: Agreement, volume: Volume | None) -> VolumeTrigger:
    revision = agreement.revision
    threshold = revision.volume_change if revision is not None else None
    limit = Decimal(threshold) if threshold is not None else None
    if volume is None:
        return VolumeTrigger(threshold=limit, change=None, fired=False)
    change = ((volume.after - volume.before) * 100 / volume.before).quantize(_CENT, ROUND_FLOOR)
    fired = limit is not None and volume.after * 100 >= volume.before * (100 + limit)
    return VolumeTrigger(threshold=limit, change=change, fired=fired)


def missed_trigger(
    agreement: Agreement,
    held: Sequence[HeldReport],
    period: Period,
    stated: Sequence[Covered] = (),
) -> MissedTrigger:
    """`stated`: periods as a held review states them, which stand for their records (a
    record superseded after the review does not change what the review weighed)."""
    revision = agreement.revision
    threshold = revision.missed_periods if revision is not None else None
    results = {report.period: report.record.figures.passed for report in held}
    results.update({covered.period: covered.passed for covered in stated})
    run = longest_failed_run(results, period, agreement.measurement.period)
    fired = threshold is not None and len(run) >= threshold
    return MissedTrigger(threshold=threshold, run=len(run), periods=run, fired=fired)


def longest_failed_run(results: dict[str, bool], period: Period, kind: str) -> list[str]:
    """The longest run of consecutive failed periods (`results`: passed or not, by
    period) of the agreement's period kind that reaches into `period`; [] when none
    failed there."""
    found_kind = [(Period.parse(label), passed) for label, passed in results.items()]
    reports = sorted((found, passed) for found, passed in found_kind if found.kind == kind)
    best: list[Period] = []
    run: list[Period] = []
    for found, passed in reports:
        if found.first > period.last:
            break
        if passed:
            run = []
            continue
        if run and run[-1].last + dt.timedelta(days=1) != found.first:
            run = []
        run.append(found)
        if period.holds(found) and len(run) >= len(best):
            best = list(run)
    return [found.label for found in best]


def triggers(
    agreement: Agreement,
    held: Sequence[HeldReport],
    period: Period,
    volume: Volume | None,
    stated: Sequence[Covered] = (),
) -> Triggers:
    return Triggers(
        volume_change=volume_trigger(agreement, volume),
        missed_periods=missed_trigger(agreement, held, period, stated),
    )
