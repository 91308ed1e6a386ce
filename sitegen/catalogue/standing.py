"""Where an agreement stands on a given day: its state, current term and next deadlines.

Pure date arithmetic over the model (no I/O, no clock): every output of the catalogue (rows,
renewals, calendar, JSON) asks this module, so they all state the same dates.

- A term renews (when `term.auto_renew` is set) until the current term contains `today`:
  term k ends on `effective + months + k * renew.months - 1 day`, counted from the effective
  date each time, so a term starting on the 31st does not drift to the 28th.
- The objection deadline is that of the current term; it stays (passed) until the term ends.
- The archive says what is signed (`sitegen.versions.in_force`): while an amendment is
  drafted or reviewed, the version in force keeps its state, its term and its deadlines
  (`standing_of`). An agreement nothing of which is signed is not in force: no term, no
  deadlines; its state is its working version's status (`unsigned` when the file says
  signed but the archive does not hold it).
- A terminated agreement has no deadlines; its expiry is its last day (`dates.terminated`).
  A signed agreement with `dates.terminated` has been given notice: it ends on that day and
  does not renew.
- A published agreement (a provider's SLA the customer holds, `status: accepted`) has no
  term, no renewal and no objection deadline: it applies from its effective date until
  `dates.terminated`. Its provider may amend it with `amendment_notice_days` of notice, so
  someone must look at the provider's current text at least that often: the amendment
  watch falls that many days after the last look (`source.checked`, else the provider's
  "last updated" date), and stays, overdue, until someone looks again.
- Reviews are due `cadence` after the last review held on or before `today` (or after the
  effective date when none was), while the agreement is in force: a free-text record of
  `review.records` or a structured review record (`reviews/<period>.yaml`) with `held:`,
  whose days the caller hands in (`reviews_held`), since they live beside the agreement.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sitegen.load import terms
from sitegen.load.model import Agreement, Term
from sitegen.versions.in_force import Versions, WorkingStatus

State = Literal[
    "draft",
    "in_review",
    "unsigned",
    "upcoming",
    "active",
    "in_renewal_window",
    "expired",
    "terminated",
]
STATES: tuple[State, ...] = (
    "upcoming", "active", "in_renewal_window", "expired", "terminated", "draft", "in_review",
    "unsigned",
)  # fmt: skip
# An agreement is in its renewal window when its next objection deadline or its expiry
# falls within this many days; the renewals page uses the same default.
RENEWAL_WINDOW_DAYS = 90
# The state of an agreement nothing of which is signed: its working version's status (a
# file that says signed or terminated without the archive holding it is `unsigned`).
_NOT_IN_FORCE: dict[WorkingStatus, State] = {
    "draft": "draft",
    "in_review": "in_review",
    "unsigned": "unsigned",
    "signed": "unsigned",
    "accepted": "unsigned",
    "terminated": "unsigned",
}
CADENCE_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}


@dataclass(frozen=True, slots=True)
class Standing:
    """An agreement as of one day. Dates are None where they do not apply."""

    state: State
    term_start: dt.date | None = None
    expiry: dt.date | None = None  # last day of the current term (or of the agreement)
    objection_deadline: dt.date | None = None  # last day to object to the next renewal
    next_review: dt.date | None = None
    renews_for: int | None = None  # months the term renews for when nobody objects
    amendment_watch: dt.date | None = None  # look for a provider's amendment by then

    @property
    def in_force(self) -> bool:
        """Signed, not ended: its deadlines are real (upcoming agreements included)."""
        return self.state in ("upcoming", "active", "in_renewal_window")


def term_end(effective: dt.date, term: Term, index: int) -> dt.date:
    """Last day of term `index` (0: the initial term, 1: the first renewal, …)."""
    renew = term.auto_renew.months if term.auto_renew and index else 0
    return terms.add_months(effective, term.months + index * renew) - dt.timedelta(days=1)


def current_term(effective: dt.date, term: Term, today: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the term holding `today`: the initial term before it starts,
    the initial term after it ends when there is no renewal."""
    end = term_end(effective, term, 0)
    if term.auto_renew is None or today <= end:
        return effective, end
    renew = term.auto_renew.months
    elapsed = (today.year - effective.year) * 12 + today.month - effective.month
    index = max(1, (elapsed - term.months) // renew)  # never past the term holding today
    while term_end(effective, term, index) < today:
        index += 1
    start = term_end(effective, term, index - 1) + dt.timedelta(days=1)
    return start, term_end(effective, term, index)


def last_review(
    agreement: Agreement, today: dt.date, reviews_held: tuple[dt.date, ...] = ()
) -> dt.date | None:
    """The latest review held on or before `today`: a free-text record, or one of the days
    structured reviews were held (`reviews_held`)."""
    records = agreement.review.records if agreement.review else []
    days = [*(record.date for record in records), *reviews_held]
    return max((day for day in days if day <= today), default=None)


def next_review(
    agreement: Agreement, today: dt.date, reviews_held: tuple[dt.date, ...] = ()
) -> dt.date | None:
    """One cadence after the last review held (or after the effective date); None when the
    agreement holds no reviews."""
    if agreement.review is None:
        return None
    base = last_review(agreement, today, reviews_held) or agreement.dates.effective
    return terms.add_months(base, CADENCE_MONTHS[agreement.review.cadence])


def standing_of(
    versions: Versions,
    today: dt.date,
    window_days: int = RENEWAL_WINDOW_DAYS,
    reviews_held: tuple[dt.date, ...] = (),
) -> Standing:
    """Where an agreement stands on `today`: its version in force, if any is signed."""
    if versions.in_force is not None:
        return standing(versions.in_force.agreement, today, window_days, reviews_held)
    return Standing(_NOT_IN_FORCE[versions.working_status])


def standing(
    agreement: Agreement,
    today: dt.date,
    window_days: int = RENEWAL_WINDOW_DAYS,
    reviews_held: tuple[dt.date, ...] = (),
) -> Standing:
    """Where `agreement` stands on `today`, taking its file's status as written (the
    archive's word is `standing_of`'s)."""
    status = agreement.status
    if status in ("draft", "in_review"):
        return Standing(status)
    if status == "terminated":
        return Standing("terminated", expiry=agreement.dates.terminated)
    if agreement.term is None:
        return _published(agreement, today, reviews_held)
    return _signed(agreement, agreement.term, today, window_days, reviews_held)


def amendment_watch(agreement: Agreement) -> dt.date | None:
    """The day by which to look at the provider's current text, when it amends by notice."""
    source, notice = agreement.source, agreement.amendment_notice_days
    if source is None or notice is None:
        return None
    return (source.checked or source.updated) + dt.timedelta(days=notice)


def _published(agreement: Agreement, today: dt.date, reviews_held: tuple[dt.date, ...]) -> Standing:
    dates = agreement.dates
    if dates.terminated is not None and today > dates.terminated:
        return Standing("terminated", expiry=dates.terminated)
    state: State = "upcoming" if today < dates.effective else "active"
    review: dt.date | None = next_review(agreement, today, reviews_held)
    if dates.terminated is not None and review is not None and review > dates.terminated:
        review = None  # no review is due after the agreement has ended
    return Standing(
        state,
        dates.effective,
        dates.terminated,
        next_review=review,
        amendment_watch=amendment_watch(agreement),
    )


def _signed(
    agreement: Agreement,
    term: Term,
    today: dt.date,
    window_days: int,
    reviews_held: tuple[dt.date, ...],
) -> Standing:
    dates = agreement.dates
    start, end = current_term(dates.effective, term, today)
    renew = term.auto_renew
    if dates.terminated is not None:  # notice given: ends then, never renews
        if today > dates.terminated:
            return Standing("terminated", expiry=dates.terminated)
        end, renew = min(end, dates.terminated), None
    if today > end:
        return Standing("expired", start, end)
    deadline = terms.objection_deadline(end, renew.objection_days) if renew else None
    review: dt.date | None = next_review(agreement, today, reviews_held)
    if renew is None and review is not None and review > end:
        review = None  # no review is due after the agreement has ended
    state = _state(today, dates.effective, end, deadline, window_days)
    return Standing(state, start, end, deadline, review, renew.months if renew else None)


def _state(
    today: dt.date,
    effective: dt.date,
    end: dt.date,
    deadline: dt.date | None,
    window_days: int,
) -> State:
    if today < effective:
        return "upcoming"
    horizon = today + dt.timedelta(days=window_days)
    pending = deadline is not None and today <= deadline <= horizon
    return "in_renewal_window" if pending or end <= horizon else "active"


CHANGES_AHEAD_DAYS = 3 * 366  # how far ahead `state_changes` looks: a site is rebuilt daily


def state_changes(
    versions: Versions,
    today: dt.date,
    window_days: int = RENEWAL_WINDOW_DAYS,
    reviews_held: tuple[dt.date, ...] = (),
) -> tuple[tuple[dt.date, State], ...]:
    """The days after `today` on which the state of the version in force changes, and what
    it changes to (active → in_renewal_window on 2027-01-01 → expired on 2027-04-01), so a
    page built today can show the state of a later day. Each is `standing_of` that day: the
    candidates are the days a state can turn on (the effective date, a window opening
    before a deadline or the term's end, the day after either, the day after notice ends);
    a renewed term brings its own. None for an agreement not in force."""
    if versions.in_force is None:
        return ()
    last = today + dt.timedelta(days=CHANGES_AHEAD_DAYS)
    found: list[tuple[dt.date, State]] = []
    day, now = today, standing_of(versions, today, window_days, reviews_held)
    while True:
        turns = sorted(t for t in _turns(versions.in_force.agreement, now, window_days)
                       if day < t <= last)  # fmt: skip
        later = (standing_of(versions, t, window_days, reviews_held) for t in turns)
        step = next(((t, s) for t, s in zip(turns, later, strict=True) if s != now), None)
        if step is None:
            return tuple(found)
        day, then = step
        if then.state != now.state:
            found.append((day, then.state))
        now = then


def _turns(agreement: Agreement, now: Standing, window_days: int) -> set[dt.date]:
    window, one = dt.timedelta(days=window_days), dt.timedelta(days=1)
    days = {agreement.dates.effective}
    for deadline in (now.objection_deadline, now.expiry):
        if deadline is not None:
            days |= {deadline - window, deadline + one}
    if agreement.dates.terminated is not None:
        days.add(agreement.dates.terminated + one)
    return days
