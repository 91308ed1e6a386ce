"""Countdowns and states that depend on the day: their words, their markup, the changes of
state a page carries for the script (`sitegen.site.live_dates`, `catalogue.standing`)."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest

from sitegen.catalogue import catalogue_rows
from sitegen.catalogue.due import renewals
from sitegen.catalogue.rows import held
from sitegen.catalogue.standing import state_changes
from sitegen.site.catalogue_page import catalogue_table, renewals_page
from sitegen.site.live_dates import WORDS_ID, countdown, countdown_text, state_span, words_script
from tests.test_catalogue import sample

D = dt.date
BUILT = D(2026, 12, 2)


@pytest.mark.parametrize(
    ("day", "past", "zh", "en"),
    [
        (D(2026, 12, 2), "overdue", "今天", "today"),
        (D(2026, 12, 3), "overdue", "明天", "tomorrow"),
        (D(2027, 3, 31), "overdue", "119 天后", "in 119 days"),  # 29 + 31 + 28 + 31 days
        (D(2026, 12, 1), "overdue", "逾期 1 天", "1 day overdue"),
        (D(2026, 11, 29), "overdue", "逾期 3 天", "3 days overdue"),
        (D(2026, 12, 1), "ago", "昨天", "yesterday"),
        (D(2026, 11, 29), "ago", "3 天前", "3 days ago"),
    ],
)
def test_countdown_words_in_both_languages(day: dt.date, past: str, zh: str, en: str) -> None:
    assert countdown_text(day, BUILT, "zh", past) == zh
    assert countdown_text(day, BUILT, "en", past) == en


def test_a_countdown_carries_its_day_its_zone_and_the_built_text() -> None:
    assert countdown(D(2027, 3, 31), BUILT, "en", zone="Europe/London") == (
        '<time class="sg-countdown" datetime="2027-03-31" data-sg-zone="Europe/London" '
        'data-sg-past="overdue">in 119 days</time>'
    )
    # overdue: marked for the stylesheet; without a zone, the visitor's own day
    assert countdown(D(2026, 11, 29), BUILT, "zh", zone=None) == (
        '<time class="sg-countdown sg-overdue" datetime="2026-11-29" data-sg-past="overdue">'
        "逾期 3 天</time>"
    )
    # a cached page states no countdown: the script alone fills it
    assert countdown(D(2027, 3, 31), None, "zh", zone="Asia/Shanghai", past="ago") == (
        '<time class="sg-countdown" datetime="2027-03-31" data-sg-zone="Asia/Shanghai" '
        'data-sg-past="ago"></time>'
    )


def test_a_zone_is_escaped_in_its_attribute() -> None:
    marked = countdown(D(2027, 1, 1), BUILT, "en", zone='"><script>x</script>')
    assert 'data-sg-zone="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in marked
    assert "<script" not in marked


def test_the_words_are_the_vocabularys_as_json_that_cannot_end_its_tag() -> None:
    tag = words_script("en")
    match = re.fullmatch(
        rf'<script type="application/json" id="{WORDS_ID}">(.*)</script>', tag, re.DOTALL
    )
    assert match is not None and "<" not in match.group(1)
    words = json.loads(match.group(1))
    assert words["in_days"] == "in {n} days" and words["days_ago"] == "{n} days overdue"
    assert json.loads(words_script("zh").split(">", 1)[1].rsplit("<", 1)[0])["today"] == "今天"


def test_the_state_changes_of_a_renewing_agreement() -> None:
    # SLA-2024-001: from 2024-04-01 for 12 months, renewing by 12, objections 30 days before
    # the term's end; the renewal window is 90 days. On 2025-02-15 the first term ends on
    # 2025-03-31 and its objection deadline (2025-03-01) is 14 days off: in the window. On
    # 2025-04-01 the second term starts (to 2026-03-31, deadline 2026-03-01): active, until
    # 90 days before that deadline: 2025-12-01 (31 days of December, 31 of January and 28
    # of February take it to 2026-03-01). Then a year later, the same again.
    changes = state_changes(held(sample("SLA-2024-001")), D(2025, 2, 15))
    assert changes[:4] == (
        (D(2025, 4, 1), "active"),
        (D(2025, 12, 1), "in_renewal_window"),
        (D(2026, 4, 1), "active"),
        (D(2026, 12, 1), "in_renewal_window"),
    )
    assert all(day <= D(2025, 2, 15) + dt.timedelta(days=3 * 366) for day, _ in changes)
    assert state_changes(held(sample("SLA-2025-004")), D(2025, 2, 15)) == ()  # a draft


def test_a_state_span_carries_its_changes_for_the_script() -> None:
    span = state_span("active", "en", [(D(2027, 1, 1), "in_renewal_window")], "Asia/Shanghai")
    found = re.fullmatch(
        r'<span class="sg-state sg-state-active" data-sg-states="([^"]*)" '
        r'data-sg-zone="Asia/Shanghai">Active</span>',
        span,
    )
    assert found is not None
    # the day, the state, its name in the page's language, its sort key (STATES' order)
    assert json.loads(html.unescape(found.group(1))) == [
        ["2027-01-01", "in_renewal_window", "Renewal due", "02"]
    ]
    assert (
        state_span("draft", "zh", [], None) == '<span class="sg-state sg-state-draft">草稿</span>'
    )


def test_catalogue_cells_keep_their_sort_key_and_carry_the_countdown() -> None:
    # SLA-2024-001 on 2025-02-15: objection deadline 2025-03-01, 14 days off; expiry
    # 2025-03-31, 44 days off (13 days of February left + 31 of March)
    rows = catalogue_rows([sample("SLA-2024-001")], D(2025, 2, 15))
    table = catalogue_table(rows, "en", today=D(2025, 2, 15))
    assert (
        '<td role="cell" class="sg-col-objection_deadline" data-label="Objection deadline" '
        'data-sort="2025-03-01"><span>1 March 2025<span class="sg-when">'
        '<time class="sg-countdown" datetime="2025-03-01" data-sg-zone="Asia/Shanghai" '
        'data-sg-past="overdue">in 14 days</time></span></span></td>'
    ) in table
    assert 'datetime="2025-03-31" data-sg-zone="Asia/Shanghai" data-sg-past="ago">in 44 days' in (
        table
    )
    assert words_script("en") in table


def test_renewals_page_counts_each_item_as_a_time() -> None:
    agreement = sample("SLA-2024-001")
    today = D(2025, 2, 15)
    items = renewals([agreement], today, 90)
    page = renewals_page(items, today, 90, "zh", {"SLA-2024-001": "Asia/Shanghai"})
    # the review was due 2024-07-01: 229 days overdue (184 days from 2024-07-01 to
    # 2025-01-01: 31 + 31 + 30 + 31 + 30 + 31; then 31 of January and 14 of February)
    assert (
        '<time class="sg-countdown sg-overdue" datetime="2024-07-01" '
        'data-sg-zone="Asia/Shanghai" data-sg-past="overdue">逾期 229 天</time>'
    ) in page
    # an expiry that passes is no duty: it says "days ago", never "overdue"
    assert 'datetime="2025-03-31" data-sg-zone="Asia/Shanghai" data-sg-past="ago">44 天后' in page
    assert page.count(f'id="{WORDS_ID}"') == 1
