"""Deadlines: what is due (objection deadlines, expiries, reviews, and for a provider's
published agreement the amendment watch), for the renewals page, the `sitegen renewals`
command and the calendar.

The deadlines are those of the version in force (its term, its objection days, its review
cadence), never a draft's: an amendment in review keeps them until it is signed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sitegen.catalogue.rows import Shown, text, visible
from sitegen.catalogue.standing import RENEWAL_WINDOW_DAYS, Standing, standing_of
from sitegen.compose.contract import Lang, Text
from sitegen.compose.vocabulary import DEADLINE_NAMES
from sitegen.load.model import Agreement

Kind = Literal["objection_deadline", "expiry", "review", "amendment_watch"]
KINDS: tuple[Kind, ...] = ("objection_deadline", "expiry", "review", "amendment_watch")
# Overdue items of these kinds stay on the list; a passed expiry simply means "expired".
KEPT_WHEN_OVERDUE: frozenset[Kind] = frozenset({"objection_deadline", "review", "amendment_watch"})


@dataclass(frozen=True)
class Due:
    """One deadline of one agreement, as of a day."""

    agreement_id: str
    title: Text
    kind: Kind
    date: dt.date
    overdue: bool
    days: int  # from today; negative when overdue

    def kind_label(self, lang: Lang) -> str:
        """续签异议截止 / Objection deadline, 协议到期 / Expiry, 定期评审 / Review due,
        核查条款变更 / Check for amendments."""
        return DEADLINE_NAMES(self.kind, lang)

    @property
    def sort_key(self) -> tuple[dt.date, str, int]:
        return self.date, self.agreement_id, KINDS.index(self.kind)


def deadlines_of(agreement: Agreement, now: Standing, today: dt.date) -> list[Due]:
    """Every deadline of an agreement in force (none for drafts, expired or terminated ones)."""
    if not now.in_force:
        return []
    found: list[Due] = []
    days_of = (now.objection_deadline, now.expiry, now.next_review, now.amendment_watch)
    for kind, day in zip(KINDS, days_of, strict=True):
        if day is not None:
            days = (day - today).days
            found.append(Due(agreement.id, text(agreement.title), kind, day, days < 0, days))
    return found


def all_deadlines(
    agreements: Iterable[Shown], today: dt.date, *, include_restricted: bool = False
) -> list[tuple[Agreement, Due]]:
    """Every deadline of every agreement shown, sorted by date (then id, then kind), each
    with the version in force it is a deadline of."""
    pairs = [
        (versions.current, due)
        for versions in visible(agreements, include_restricted)
        for due in deadlines_of(versions.current, standing_of(versions, today), today)
    ]
    return sorted(pairs, key=lambda pair: pair[1].sort_key)


def renewals(
    agreements: Iterable[Shown],
    today: dt.date,
    within_days: int = RENEWAL_WINDOW_DAYS,
    *,
    include_restricted: bool = False,
) -> list[Due]:
    """What falls due from today to `within_days` ahead (both ends included), and what is
    overdue: a passed objection deadline while its term runs, a review not held. Sorted by
    date, so overdue items come first."""
    if within_days < 0:
        raise ValueError(f"within_days must not be negative, not {within_days}")
    return [
        due
        for _, due in all_deadlines(agreements, today, include_restricted=include_restricted)
        if due.days <= within_days and (not due.overdue or due.kind in KEPT_WHEN_OVERDUE)
    ]


def due_records(items: Iterable[Due]) -> list[dict[str, object]]:
    """Due items as JSON-ready records (dates ISO, titles as {zh, en})."""
    return [
        {
            "agreement_id": due.agreement_id,
            "title": {"zh": due.title.zh, "en": due.title.en},
            "kind": due.kind,
            "date": due.date.isoformat(),
            "overdue": due.overdue,
            "days": due.days,
        }
        for due in items
    ]
