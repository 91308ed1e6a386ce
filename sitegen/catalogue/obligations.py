"""The obligations an agreement's records and reviews create, as deadlines beside its
renewal dates: the page "deadlines and obligations", `sitegen renewals` and the calendar.

- `report_due`: each reporting period of the version in force (`measurement.report`,
  monthly or quarterly) that has ended, `report_due_days` working days after its last day
  on the agreement's calendar (a holiday moves the day); overdue from the day after, while
  no record of the period exists. Periods are counted from the first period the project
  keeps a record of, up to the agreement's expiry: earlier reports were made before
  sitegen kept them, and an agreement without any record is one whose reports the project
  does not keep (listing every month since it took effect as overdue would bury the rest
  of the page). Weekly reports have no records to find (a record is a month or a
  quarter): they are not listed.
- `action_due`: each open improvement action of a held review, on its due day.
- `claim_window`: each period record with a credit due (an amount above zero, or a percent
  when the basis is not known) and a claim window, until its last day to claim: sitegen
  does not know whether the customer claimed, so it shows the deadline until it passes.
- `revision_triggered`: a held review whose revision trigger fired, while no version was
  signed since the review: due `revision.meeting_within` after the review (the parties
  meet to agree the revision), else on the day of the review.
- `drill_due`: each drill cadence of the continuity terms (`continuity[].drill.cadence`),
  one cadence after the latest disaster-recovery drill recorded on or before today
  (`reports.drills.drills_held`), else after the effective date, as a review is due one
  cadence after the last review held; overdue from the day after, until a drill is
  recorded. Drills are recorded for the agreement, not per service (a review's `drills:`
  names no scope), so entries with the same cadence share one item.

A report not yet accepted is not an obligation here: the agreement states no day by which
the customer accepts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sitegen.calendars import WorkCalendar
from sitegen.catalogue.standing import CADENCE_MONTHS
from sitegen.compose import fmt
from sitegen.compose.contract import Text
from sitegen.compose.vocabulary import TERM_WORDS
from sitegen.load import terms
from sitegen.load.config import Settings
from sitegen.load.layout import REPORTS_DIR, REVIEWS_DIR
from sitegen.load.model import Agreement
from sitegen.load.workdays import agreement_calendar, day_after
from sitegen.reports.drills import DrillHeld, drills_of
from sitegen.reports.held import HeldReport, held_reports
from sitegen.reports.periods import Period
from sitegen.reports.review import ReviewFile, read_reviews

_REPORT_KINDS = {"monthly": "month", "quarterly": "quarter"}


@dataclass(frozen=True)
class Kept:
    """What an agreement's folder keeps beside the agreement: its current period records
    and its structured reviews, and the calendar its working days are counted on."""

    reports: tuple[HeldReport, ...] = ()
    reviews: tuple[ReviewFile, ...] = ()
    calendar: WorkCalendar | None = None
    drills: tuple[DrillHeld, ...] = ()  # the disaster-recovery drills its reviews record

    @property
    def reviews_held(self) -> tuple[dt.date, ...]:
        return tuple(review.held for review in self.reviews if review.held is not None)


@dataclass(frozen=True)
class Obligation:
    """One deadline an agreement's records or reviews create (see the module's list)."""

    kind: str
    date: dt.date
    ref: str  # what it is about, unique among its kind: a period, a review's action
    subject: Text
    kept_when_overdue: bool = True


def read_kept(folder: Path, agreement: Agreement, settings: Settings) -> Kept:
    """The records and reviews under an agreement's folder; UserErrors name the file."""
    reads = read_reviews(folder / REVIEWS_DIR, agreement.id)  # once: the drills are in them
    return Kept(
        tuple(held_reports(folder / REPORTS_DIR, agreement.id)),
        tuple(read.review for read in reads),
        agreement_calendar(agreement, settings),
        tuple(drills_of(reads)) if _drilled(agreement) else (),
    )


def _drilled(agreement: Agreement) -> bool:
    return any(entry.drill is not None for entry in agreement.continuity or ())


def obligations(
    agreement: Agreement, kept: Kept, today: dt.date, *, expiry: dt.date | None, signed: dt.date
) -> list[Obligation]:
    """Every obligation of the version in force on `today` (`signed`: its signing day)."""
    return [
        *_reports_due(agreement, kept, today, expiry),
        *_actions(kept),
        *_claims(kept, today),
        *_revisions(agreement, kept, signed),
        *_drills(agreement, kept, today),
    ]


def _reports_due(
    agreement: Agreement, kept: Kept, today: dt.date, expiry: dt.date | None
) -> Iterator[Obligation]:
    measurement = agreement.measurement
    kind = _REPORT_KINDS.get(measurement.report or "")
    if kind is None or measurement.report_due_days is None or kept.calendar is None:
        return
    held = {report.period for report in kept.reports}
    starts = [Period.parse(p).first for p in held if Period.parse(p).kind == kind]
    if not starts:
        return
    first = max(agreement.dates.effective, min(starts))
    period = _period(first, kind)
    while period.last < today and (expiry is None or period.first <= expiry):
        if period.label not in held:
            due = kept.calendar.add_working_days(period.last, measurement.report_due_days)
            yield Obligation("report_due", due, period.label, Text(period.label, period.label))
        period = _period(period.last + dt.timedelta(days=1), kind)


def _period(day: dt.date, kind: str) -> Period:
    """The month or quarter that holds `day`."""
    if kind == "month":
        return Period.parse(f"{day.year}-{day.month:02d}")
    return Period.parse(f"{day.year}Q{(day.month - 1) // 3 + 1}")


def _actions(kept: Kept) -> Iterator[Obligation]:
    for review in kept.reviews:
        if review.held is None:
            continue
        for action in review.actions:
            if action.status == "open":
                subject = Text(f"{action.id}：{action.text.zh}", f"{action.id}: {action.text.en}")
                yield Obligation("action_due", action.due, f"{review.period}-{action.id}", subject)


def _claims(kept: Kept, today: dt.date) -> Iterator[Obligation]:
    for report in kept.reports:
        credits = report.record.figures.credits
        if credits is None or credits.claim_by is None or credits.claim_by < today:
            continue
        amount = credits.amount
        if (amount if amount is not None else credits.percent) <= Decimal(0):
            continue
        owed = f"{amount} {credits.currency}" if amount is not None else f"{credits.percent}%"
        subject = Text(f"{report.period}：{owed}", f"{report.period}: {owed}")
        yield Obligation("claim_window", credits.claim_by, report.period, subject, False)


def _revisions(agreement: Agreement, kept: Kept, signed: dt.date) -> Iterator[Obligation]:
    revision = agreement.revision
    for review in kept.reviews:
        if review.held is None or review.held < signed:
            continue  # not held, or a version was signed since: the revision was made
        triggers = review.triggers
        volume, missed = triggers.volume_change, triggers.missed_periods
        fired = []
        if volume.fired:
            fired.append(Text(f"业务量增长 {volume.change}%", f"volume up {volume.change}%"))
        if missed.fired:
            fired.append(
                Text(f"连续 {missed.run} 个周期未达标", f"{missed.run} consecutive periods missed")
            )
        if not fired:
            continue
        due = review.held
        if revision is not None and revision.meeting_within is not None and kept.calendar:
            due = day_after(review.held, revision.meeting_within, kept.calendar)
        subject = Text(
            f"{review.period}：" + "；".join(t.zh for t in fired),
            f"{review.period}: " + "; ".join(t.en for t in fired),
        )
        yield Obligation("revision_triggered", due, review.period, subject)


def _drills(agreement: Agreement, kept: Kept, today: dt.date) -> Iterator[Obligation]:
    """The next drill of each cadence: one cadence after the latest drill recorded on or
    before `today`, else after the effective date."""
    cadences = {e.drill.cadence for e in agreement.continuity or () if e.drill is not None}
    last = max((d.date for d in kept.drills if d.date <= today), default=None)
    base = last or agreement.dates.effective
    for cadence in sorted(cadences, key=lambda c: CADENCE_MONTHS[c]):
        due = terms.add_months(base, CADENCE_MONTHS[cadence])
        every = TERM_WORDS[cadence]
        if last is None:
            subject = Text(f"{every.zh}一次；尚无演练记录", f"{every.en}; no drill on record")
        else:
            subject = Text(
                f"{every.zh}一次；上次演练：{fmt.date(last, 'zh')}",
                f"{every.en}; last drill: {fmt.date(last, 'en')}",
            )
        yield Obligation("drill_due", due, cadence, subject)
