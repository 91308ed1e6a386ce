"""Deadlines and obligations: what is due (objection deadlines, expiries, reviews, and for
a provider's published agreement the amendment watch; and what the agreement's records and
reviews oblige, `obligations`: reports due, improvement actions, credit claim windows,
revisions triggered, disaster-recovery drills due), for the page "deadlines and
obligations", the `sitegen renewals` command, the calendar and catalogue.json.

The deadlines are those of the version in force (its term, its objection days, its review
cadence), never a draft's: an amendment in review keeps them until it is signed. The
obligations need what an agreement's folder keeps (`obligations.Kept`, by agreement id);
without it only the agreement's own dates are listed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, cast

from sitegen.catalogue.obligations import Kept, obligations
from sitegen.catalogue.rows import Shown, text, visible
from sitegen.catalogue.standing import RENEWAL_WINDOW_DAYS, Standing, standing_of
from sitegen.compose.contract import Lang, Text
from sitegen.compose.vocabulary import DEADLINE_NAMES
from sitegen.load.model import Agreement

Kind = Literal[
    "objection_deadline",
    "expiry",
    "review",
    "amendment_watch",
    "report_due",
    "action_due",
    "claim_window",
    "revision_triggered",
    "drill_due",
]
KINDS: tuple[Kind, ...] = (
    "objection_deadline", "expiry", "review", "amendment_watch", "report_due", "action_due",
    "claim_window", "revision_triggered", "drill_due",
)  # fmt: skip
# Overdue items of these kinds stay on the list; a passed expiry simply means "expired",
# and a passed claim window that the time to claim is over.
KEPT_WHEN_OVERDUE: frozenset[Kind] = frozenset(
    {"objection_deadline", "review", "amendment_watch", "report_due", "action_due",
     "revision_triggered", "drill_due"}
)  # fmt: skip


@dataclass(frozen=True)
class Due:
    """One deadline of one agreement, as of a day."""

    agreement_id: str
    title: Text
    kind: Kind
    date: dt.date
    overdue: bool
    days: int  # from today; negative when overdue
    ref: str = ""  # what an obligation is about: a period, a review's action ("" for dates)
    subject: Text | None = None  # the same, to show: 2026-11, A1: the action's text

    def kind_label(self, lang: Lang) -> str:
        """续签异议截止 / Objection deadline, 协议到期 / Expiry, 定期评审 / Review due,
        核查条款变更 / Check for amendments, and the obligations' names."""
        return DEADLINE_NAMES(self.kind, lang)

    @property
    def sort_key(self) -> tuple[dt.date, str, int, str]:
        return self.date, self.agreement_id, KINDS.index(self.kind), self.ref


def deadlines_of(
    agreement: Agreement,
    now: Standing,
    today: dt.date,
    kept: Kept | None = None,
    signed: dt.date | None = None,
) -> list[Due]:
    """Every deadline of an agreement in force (none for drafts, expired or terminated ones),
    and with what its folder keeps (`kept`), its obligations (`signed`: the day the
    version in force was signed or accepted)."""
    if not now.in_force:
        return []
    found: list[Due] = []
    days_of = (now.objection_deadline, now.expiry, now.next_review, now.amendment_watch)
    for kind, day in zip(KINDS[: len(days_of)], days_of, strict=True):
        if day is not None:
            days = (day - today).days
            found.append(Due(agreement.id, text(agreement.title), kind, day, days < 0, days))
    if kept is not None:
        since = signed or agreement.dates.effective
        for item in obligations(agreement, kept, today, expiry=now.expiry, signed=since):
            days = (item.date - today).days
            kind = cast(Kind, item.kind)
            found.append(Due(agreement.id, text(agreement.title), kind, item.date, days < 0,
                             days, item.ref, item.subject))  # fmt: skip
    return found


def all_deadlines(
    agreements: Iterable[Shown],
    today: dt.date,
    *,
    include_restricted: bool = False,
    kept: Mapping[str, Kept] | None = None,
) -> list[tuple[Agreement, Due]]:
    """Every deadline of every agreement shown, sorted by date (then id, then kind), each
    with the version in force it is a deadline of; with `kept` (by agreement id), the
    obligations of its records and reviews too."""
    pairs = []
    for versions in visible(agreements, include_restricted):
        held = (kept or {}).get(versions.id)
        reviews = held.reviews_held if held else ()
        now = standing_of(versions, today, reviews_held=reviews)
        signed = versions.in_force.signed if versions.in_force else None
        for due in deadlines_of(versions.current, now, today, held, signed):
            pairs.append((versions.current, due))
    return sorted(pairs, key=lambda pair: pair[1].sort_key)


def renewals(
    agreements: Iterable[Shown],
    today: dt.date,
    within_days: int = RENEWAL_WINDOW_DAYS,
    *,
    include_restricted: bool = False,
    kept: Mapping[str, Kept] | None = None,
) -> list[Due]:
    """What falls due from today to `within_days` ahead (both ends included), and what is
    overdue: a passed objection deadline while its term runs, a review not held, a report
    not made, an action still open, a revision not started. Sorted by date, so overdue
    items come first."""
    if within_days < 0:
        raise ValueError(f"within_days must not be negative, not {within_days}")
    found = all_deadlines(agreements, today, include_restricted=include_restricted, kept=kept)
    return [
        due
        for _, due in found
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
            "ref": due.ref or None,
            "subject": {"zh": due.subject.zh, "en": due.subject.en} if due.subject else None,
        }
        for due in items
    ]
