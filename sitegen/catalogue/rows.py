"""Catalogue rows: one line per agreement, every value ready to show.

Values are plain text (writers escape them for their format). `Row.label` formats a value for
one language through `sitegen.compose.fmt`, so the site and the contract write dates,
percentages and durations the same way.

A row describes the version in force, when one is signed (its terms, dates and deadlines),
and names the working version beside it (`Row.versions`): an amendment in review changes
nothing in the catalogue until it is signed. Every function takes an agreement's
`Versions`, read from the archive; a bare `Agreement` is taken as its file states it
(`Versions.as_written`), for callers that hold no archive.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from sitegen.catalogue.standing import (
    RENEWAL_WINDOW_DAYS,
    Standing,
    standing_of,
    state_changes,
)
from sitegen.compose import fmt
from sitegen.compose.contract import Lang, Text
from sitegen.compose.resilience_view import period
from sitegen.compose.targets import cell
from sitegen.compose.vocabulary import (
    KIND_NAMES,
    MORE_TIERS,
    NONE,
    STATE_NAMES,
    VERSION_SEPARATOR,
    VERSION_WORDS,
    VISIBILITY_NAMES,
    WORKING_NAMES,
)
from sitegen.load import visibility
from sitegen.load.model import Agreement, Bilingual, Party, Target
from sitegen.load.values import Duration
from sitegen.reports.service_time import NoZone, agreement_zone
from sitegen.versions.in_force import Versions

Shown = Agreement | Versions  # what the catalogue's functions take

ROW_FIELDS = (
    "id", "title", "customer", "provider", "status", "state", "effective", "expiry",
    "objection_deadline", "next_review", "availability", "p1_response", "visibility", "version",
    "kind", "amendment_watch", "rpo", "rto", "breach_notice",
)  # fmt: skip


@dataclass(frozen=True)
class Row:
    """One catalogue line. Dates are None where they do not apply (drafts have no expiry)."""

    id: str
    title: Text
    customer: Text
    provider: Text
    status: str  # of the working version: draft | in_review | signed | accepted | terminated
    # | unsigned
    state: str  # derived, see sitegen.catalogue.standing.STATES
    effective: dt.date
    expiry: dt.date | None
    objection_deadline: dt.date | None
    availability: Decimal | None
    p1_response: Target | None  # of the first (most severe) priority level
    visibility: str
    next_review: dt.date | None = None
    version: int = 1  # the working version's
    in_force: int | None = None  # the version in force: the last one the archive holds
    signed: dt.date | None = None  # its signing date, as the archive records it
    kind: str = "negotiated"  # or published: a provider's SLA the customer holds
    amendment_watch: dt.date | None = None  # published: look for amendments by then
    more_tiers: int = 0  # availability tiers after the first, shown as "+N tiers"
    # the days ahead on which `state` changes, and to what (`standing.state_changes`)
    state_changes: tuple[tuple[dt.date, str], ...] = ()
    zone: str | None = None  # the IANA zone its dates are days of (None: not known)
    # the tightest recovery objectives of its continuity entries, and the breach notice
    rpo: Duration | None = None
    rto: Duration | None = None
    breach_notice: Duration | None = None
    breach_notice_to: Text | None = None  # the role notified

    def label(self, field: str, lang: Lang) -> str:
        """The value of `field` as text in `lang`: 2024年3月15日 / 15 March 2024, 99.9%,
        15 分钟 / 15 minutes, 生效中 / Active; "—" where there is no value."""
        if field not in ROW_FIELDS:
            raise KeyError(f"no catalogue field {field!r}: one of {', '.join(ROW_FIELDS)}")
        value = getattr(self, field)
        names = {
            "status": WORKING_NAMES,
            "state": STATE_NAMES,
            "visibility": VISIBILITY_NAMES,
            "kind": KIND_NAMES,
        }
        if value is None:
            return NONE.get(lang)
        if field in names:
            return names[field](value, lang)
        if field == "availability" and self.more_tiers:
            return _text(value, lang) + MORE_TIERS(
                "one" if self.more_tiers == 1 else "many", lang, n=self.more_tiers
            )
        return _text(value, lang)

    def versions(self, lang: Lang) -> str:
        """`v1 in force (signed 15 March 2024) · v2 in review`: the version in force, then
        the working version while it is not that one."""
        parts = []
        if self.in_force is not None and self.signed is not None:
            word = self.state if self.state in ("expired", "terminated") else "in_force"
            if self.kind == "published":  # accepted, not signed: no expiry either
                word = f"{'terminated' if word == 'terminated' else 'in_force'}_published"
            parts.append(
                VERSION_WORDS(word, lang, version=self.in_force, date=fmt.date(self.signed, lang))
            )
        if self.status not in ("signed", "accepted", "terminated"):
            parts.append(VERSION_WORDS(self.status, lang, version=self.version))
        return VERSION_SEPARATOR.join(parts)


def _text(value: object, lang: Lang) -> str:
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, dt.date):
        return fmt.date(value, lang)
    if isinstance(value, Decimal):
        return fmt.percent(value, lang)
    if isinstance(value, Target):
        return cell(value, lang)
    if isinstance(value, Duration):
        return period(value, lang)
    return str(value)


def held(agreement: Shown) -> Versions:
    return agreement if isinstance(agreement, Versions) else Versions.as_written(agreement)


def visible(agreements: Iterable[Shown], include_restricted: bool) -> list[Versions]:
    """The agreements this output may show, sorted by id: neither the working version nor
    the version in force is restricted (or restricted ones are included)."""
    found = [held(agreement) for agreement in agreements]
    kept = [
        versions
        for versions in found
        if len(visibility.visible(versions.agreements, include_restricted))
        == len(versions.agreements)
    ]
    return sorted(kept, key=lambda versions: versions.id)


def text(value: Bilingual) -> Text:
    return Text(value.zh, value.en)


def party_name(party: Party) -> Text:
    """The legal name, with the unit for agreements between parts of one organisation:
    无锡恒泰精密机械股份有限公司（销售运营部） / Wuxi Hengtai … Co., Ltd. (Sales Operations …)."""
    if party.unit is None:
        return text(party.name)
    return Text(f"{party.name.zh}（{party.unit.zh}）", f"{party.name.en} ({party.unit.en})")


def p1_response(agreement: Agreement) -> Target | None:
    """The response target of the first (most severe) priority level, whatever the
    agreement calls it (P1, P0, Sev1, 紧急); None without priorities or without one."""
    first = agreement.slos.first_level
    return first.response if first is not None else None


def availability(agreement: Agreement) -> Decimal | None:
    """The target of the first availability tier (the catalogue shows "+N tiers" beside it)."""
    tiers = agreement.slos.tiers
    return tiers[0].target if tiers else None


def tightest(agreement: Agreement, objective: Literal["rpo", "rto"]) -> Duration | None:
    """The shortest RPO (or RTO) of the agreement's continuity entries: the catalogue's
    one figure for it (the card shows each entry's when they differ); None without one."""
    found = [getattr(e, objective) for e in agreement.continuity or ()]
    given: list[Duration] = [value for value in found if value is not None]
    return min(given) if given else None


def breach_notice(agreement: Agreement) -> tuple[Duration | None, Text | None]:
    """How soon a data breach is notified, and to which role (None, None without one)."""
    notice = agreement.data.breach_notice if agreement.data else None
    if notice is None:
        return None, None
    return notice.within, text(notice.to)


def zone_of(agreement: Agreement) -> str | None:
    """The time zone of the agreement's days (`reports.service_time.agreement_zone`), None
    when it has none."""
    try:
        return agreement_zone(agreement).key
    except NoZone:
        return None


def make_row(
    versions: Versions, now: Standing, changes: tuple[tuple[dt.date, str], ...] = ()
) -> Row:
    """The row of the version in force (else of the working version), naming both;
    `changes`: the changes of its state to come."""
    agreement, in_force = versions.current, versions.in_force
    notice, notified = breach_notice(agreement)
    return Row(
        id=agreement.id,
        title=text(agreement.title),
        customer=party_name(agreement.parties.customer),
        provider=party_name(agreement.parties.provider),
        status=versions.working_status,
        state=now.state,
        effective=agreement.dates.effective,
        expiry=now.expiry,
        objection_deadline=now.objection_deadline,
        availability=availability(agreement),
        more_tiers=max(len(agreement.slos.tiers) - 1, 0),
        p1_response=p1_response(agreement),
        visibility="internal" if versions.shown(False) else "restricted",
        next_review=now.next_review,
        version=versions.working.version,
        in_force=in_force.version if in_force else None,
        signed=in_force.signed if in_force else None,
        kind=agreement.kind,
        amendment_watch=now.amendment_watch,
        state_changes=changes,
        zone=zone_of(agreement),
        rpo=tightest(agreement, "rpo"),
        rto=tightest(agreement, "rto"),
        breach_notice=notice,
        breach_notice_to=notified,
    )


def catalogue_rows(
    agreements: Iterable[Shown],
    today: dt.date,
    *,
    include_restricted: bool = False,
    window_days: int = RENEWAL_WINDOW_DAYS,
    reviews_held: Mapping[str, tuple[dt.date, ...]] | None = None,
) -> list[Row]:
    """One row per agreement, sorted by id; restricted ones only when asked for.

    `window_days`: how close a deadline makes the state `in_renewal_window`;
    `reviews_held`: the days each agreement's structured reviews were held, by id."""
    held = reviews_held or {}
    rows = []
    for versions in visible(agreements, include_restricted):
        days = held.get(versions.id, ())
        now = standing_of(versions, today, window_days, days)
        rows.append(make_row(versions, now, state_changes(versions, today, window_days, days)))
    return rows
