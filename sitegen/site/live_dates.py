"""Dates that count from today, kept true between builds.

A countdown ("in 119 days", "3 days overdue") and a state that depends on the day (active,
in the renewal window, expired) are right on the day the site is built, and wrong a day
later on a site nobody rebuilt. So the page carries each one's absolute day in a
machine-readable attribute beside the text the build wrote:

    <time class="sg-countdown" datetime="2027-03-31" data-sg-zone="Asia/Shanghai"
      data-sg-past="overdue">119 天后</time>

and `site_overrides/assets/sitegen/catalogue.js` says it again from the visitor's day when
the page loads. Without JavaScript the built text stays, and the daily rebuild
(`.github/workflows/site.yml`) keeps it at most a day old.

The convention of the day: a deadline is a calendar day in the agreement's time zone
(`reports.service_time.agreement_zone`: its calendar's zone, else its service hours'),
as its reports count days. The script takes "today" as the calendar date it is in that
zone at the visitor's moment (`Intl.DateTimeFormat` with `timeZone`), and counts whole
days between two calendar dates (both as UTC midnights: no daylight-saving hour can make
a day of 23 hours round the wrong way), never between the visitor's clock and a timestamp.
An agreement without a zone (7×24 on another country's calendar, no `calendar.timezone`)
is counted in the visitor's own calendar day, as the build counts in its machine's.

The words come from one place, `site.words` (`label`): the page carries them once, as JSON
in a `<script type="application/json">` tag that the script reads (`words_script`); the
script holds no word of its own. A state's changes to come are computed here by the one
authority on states (`catalogue.standing`), handed to the script as data
(`data-sg-states`), never recomputed in JavaScript.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Literal

from sitegen.catalogue.standing import STATES
from sitegen.compose.contract import Lang
from sitegen.compose.vocabulary import STATE_NAMES
from sitegen.render.page_markup import h
from sitegen.site.words import label

# "overdue": a duty not done (逾期 3 天); "ago": a day gone by (3 天前)
Past = Literal["overdue", "ago"]
WORDS_ID = "sg-date-words"
_KEYS = ("today", "in_days", "in_one_day", "days_ago", "one_day_ago", "days_since",
         "one_day_since")  # fmt: skip


def countdown_text(day: dt.date, today: dt.date, lang: Lang, past: Past = "overdue") -> str:
    """How far `day` is from `today`, in words: 今天 / today, 119 天后 / in 119 days, and
    past it 逾期 3 天 / 3 days overdue (`past="overdue"`) or 3 天前 / 3 days ago ("ago").
    catalogue.js says the same from the visitor's day, with the same words."""
    days = (day - today).days
    if days == 0:
        return label("today", lang)
    if days > 0:
        return label("in_one_day" if days == 1 else "in_days", lang, n=days)
    if past == "overdue":
        return label("one_day_ago" if days == -1 else "days_ago", lang, n=-days)
    return label("one_day_since" if days == -1 else "days_since", lang, n=-days)


def countdown(
    day: dt.date, today: dt.date | None, lang: Lang, *, zone: str | None, past: Past = "overdue"
) -> str:
    """The countdown to `day` as HTML: a `<time>` with the day in `datetime`, the zone it
    is a day of, and the text of the build's day (`today`), which the script replaces.

    `today=None` leaves the text empty, for the script alone to fill: an agreement's pages
    and its reports' are cached by what they are made from (`site.documents.PageKeys`), and
    a text of the build's day would make every one of them new every day. There the day
    itself, written beside it, is the text without the script, and never goes stale."""
    attributes = f' data-sg-zone="{h(zone)}"' if zone else ""
    overdue, text = "", ""
    if today is not None:
        text = h(countdown_text(day, today, lang, past))
        overdue = " sg-overdue" if day < today and past == "overdue" else ""
    return (
        f'<time class="sg-countdown{overdue}" datetime="{day.isoformat()}"{attributes} '
        f'data-sg-past="{h(past)}">{text}</time>'
    )


def dated(
    text: str,
    day: dt.date,
    today: dt.date | None,
    lang: Lang,
    *,
    zone: str | None,
    past: Past = "overdue",
) -> str:
    """A day as the page writes it (already-escaped `text`), then its countdown:
    `2027年3月31日 · 119 天后`. The separator is the stylesheet's, shown only beside a
    countdown that has a text (`.sg-countdown:not(:empty)::before`)."""
    return f'{text}<span class="sg-when">{countdown(day, today, lang, zone=zone, past=past)}</span>'


def words_script(lang: Lang) -> str:
    """The countdown words of the page's language, once per page, for the script: JSON in a
    script tag that is never run (`type="application/json"`); `<` written as `\\u003c` so no
    text can end the tag. Our own words, but escaped all the same."""
    words = {key: label(key, lang, n="{n}") for key in _KEYS}
    data = json.dumps(words, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f'<script type="application/json" id="{WORDS_ID}">{data}</script>'


def state_span(
    state: str, lang: Lang, changes: Sequence[tuple[dt.date, str]], zone: str | None
) -> str:
    """An agreement's state as the build's day has it, with the changes to come (the day
    each starts, the state and its name) for the script: active, then in the renewal
    window from 2027-01-01, then expired from 2027-04-01."""
    data = [
        [day.isoformat(), new, STATE_NAMES(new, lang), f"{STATES.index(new):02d}"]
        for day, new in changes
        if new in STATES
    ]
    extra = ""
    if data:
        extra = f' data-sg-states="{h(json.dumps(data, ensure_ascii=False))}"'
        extra += f' data-sg-zone="{h(zone)}"' if zone else ""
    return f'<span class="sg-state sg-state-{h(state)}"{extra}>{h(STATE_NAMES(state, lang))}</span>'
