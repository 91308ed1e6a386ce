"""Catalogue rows: one line per agreement, every value ready to show.

Values are plain text (writers escape them for their format). `Row.label` formats a value for
one language through `sitegen.compose.fmt`, so the site and the contract write dates,
percentages and durations the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sitegen.catalogue.standing import RENEWAL_WINDOW_DAYS, Standing, standing
from sitegen.compose import fmt
from sitegen.compose.contract import Lang, Text
from sitegen.compose.vocabulary import (
    MORE_TIERS,
    NONE,
    STATE_NAMES,
    STATUS_NAMES,
    VISIBILITY_NAMES,
)
from sitegen.load import visibility
from sitegen.load.model import Agreement, Bilingual, Party
from sitegen.load.values import Duration

ROW_FIELDS = (
    "id", "title", "customer", "provider", "status", "state", "effective", "expiry",
    "objection_deadline", "next_review", "availability", "p1_response", "visibility", "version",
)  # fmt: skip


@dataclass(frozen=True)
class Row:
    """One catalogue line. Dates are None where they do not apply (drafts have no expiry)."""

    id: str
    title: Text
    customer: Text
    provider: Text
    status: str  # as written: draft | in_review | signed | terminated
    state: str  # derived, see sitegen.catalogue.standing.STATES
    effective: dt.date
    expiry: dt.date | None
    objection_deadline: dt.date | None
    availability: Decimal | None
    p1_response: Duration | None
    visibility: str
    next_review: dt.date | None = None
    version: int = 1
    more_tiers: int = 0  # availability tiers after the first, shown as "+N tiers"

    def label(self, field: str, lang: Lang) -> str:
        """The value of `field` as text in `lang`: 2024年3月15日 / 15 March 2024, 99.9%,
        15 分钟 / 15 minutes, 生效中 / Active; "—" where there is no value."""
        if field not in ROW_FIELDS:
            raise KeyError(f"no catalogue field {field!r}: one of {', '.join(ROW_FIELDS)}")
        value = getattr(self, field)
        names = {"status": STATUS_NAMES, "state": STATE_NAMES, "visibility": VISIBILITY_NAMES}
        if value is None:
            return NONE.get(lang)
        if field in names:
            return names[field](value, lang)
        if field == "availability" and self.more_tiers:
            return _text(value, lang) + MORE_TIERS(
                "one" if self.more_tiers == 1 else "many", lang, n=self.more_tiers
            )
        return _text(value, lang)


def _text(value: object, lang: Lang) -> str:
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, dt.date):
        return fmt.date(value, lang)
    if isinstance(value, Decimal):
        return fmt.percent(value, lang)
    if isinstance(value, Duration):
        return fmt.duration(value, lang)
    return str(value)


def visible(agreements: Iterable[Agreement], include_restricted: bool) -> list[Agreement]:
    """The agreements this output may show, sorted by id."""
    return sorted(visibility.visible(agreements, include_restricted), key=lambda a: a.id)


def text(value: Bilingual) -> Text:
    return Text(value.zh, value.en)


def party_name(party: Party) -> Text:
    """The legal name, with the unit for agreements between parts of one organisation:
    无锡恒泰精密机械股份有限公司（销售运营部） / Wuxi Hengtai … Co., Ltd. (Sales Operations …)."""
    if party.unit is None:
        return text(party.name)
    return Text(f"{party.name.zh}（{party.unit.zh}）", f"{party.name.en} ({party.unit.en})")


def p1_response(agreement: Agreement) -> Duration | None:
    """Response time of the P1 priority, if the agreement defines one."""
    found = (p.response for p in agreement.slos.priorities if p.level == "P1")
    return next(found, None)


def availability(agreement: Agreement) -> Decimal | None:
    """The target of the first availability tier (the catalogue shows "+N tiers" beside it)."""
    tiers = agreement.slos.tiers
    return tiers[0].target if tiers else None


def make_row(agreement: Agreement, now: Standing) -> Row:
    return Row(
        id=agreement.id,
        title=text(agreement.title),
        customer=party_name(agreement.parties.customer),
        provider=party_name(agreement.parties.provider),
        status=agreement.status,
        state=now.state,
        effective=agreement.dates.effective,
        expiry=now.expiry,
        objection_deadline=now.objection_deadline,
        availability=availability(agreement),
        more_tiers=max(len(agreement.slos.tiers) - 1, 0),
        p1_response=p1_response(agreement),
        visibility=agreement.visibility,
        next_review=now.next_review,
        version=agreement.version,
    )


def catalogue_rows(
    agreements: Iterable[Agreement],
    today: dt.date,
    *,
    include_restricted: bool = False,
    window_days: int = RENEWAL_WINDOW_DAYS,
) -> list[Row]:
    """One row per agreement, sorted by id; restricted ones only when asked for.

    `window_days`: how close a deadline makes the state `in_renewal_window`."""
    return [
        make_row(agreement, standing(agreement, today, window_days))
        for agreement in visible(agreements, include_restricted)
    ]
