"""The recovery objectives and breach notice on the agreement card, and the catalogue's
"has RPO/RTO" filter, in a real headless Chromium at 1280 and 390 px (tests/test_browser.py
says how: the same served build of the samples, the same checks of every request, script
error and dialog). Of the samples shown, only SLA-2025-004 sets RPO/RTO (15m / 4h) and a
breach notice (24h, to the customer's Information Security Officer)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests import test_browser
from tests.test_browser import ALL_IDS, DRAFT_ID, on_screen, open_catalogue, query, shot, shown_ids

# test_browser's fixtures: its served build of the samples and a checked page of it
built_site = test_browser.built_site
base_url = test_browser.base_url
browser = test_browser.browser
page = test_browser.page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CARD = {
    "": (
        "恢复目标",
        "RPO 15 分钟 · RTO 4 小时",
        "数据泄露通知",
        "24 小时内通知客户方信息安全负责人",
    ),
    "en/": (
        "Recovery objectives",
        "RPO 15 minutes · RTO 4 hours",
        "Data breach notice",
        "Within 24 hours, to the customer's Information Security Officer",
    ),
}


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("start", ["", "en/"])
def test_the_card_shows_rpo_rto_and_the_breach_notice(page: Page, start: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(f"{start}agreements/{DRAFT_ID}/")
    recovery, objectives, breach, notice = CARD[start]
    card = page.locator("article .sg-card dl.sg-facts")
    for term, value in ((recovery, objectives), (breach, notice)):
        dt = card.locator("dt", has_text=term)
        expect(dt).to_have_count(1)
        dd = dt.locator("xpath=following-sibling::dd[1]")
        expect(dd).to_have_text(value)
        assert on_screen(dd, width), (term, width)
    # beside availability, before the fee
    terms = card.locator("dt").all_inner_texts()
    assert terms.index(recovery) == terms.index("可用性" if not start else "Availability") + 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot(page, f"card-recovery-{start.strip('/') or 'zh'}-{width}")


def test_a_card_without_the_terms_shows_no_such_line(page: Page) -> None:
    page.goto("agreements/SLA-2025-006/")
    expect(page.locator("article .sg-card dt", has_text="恢复目标")).to_have_count(0)
    expect(page.locator("article .sg-card dt", has_text="数据泄露通知")).to_have_count(0)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_catalogue_filters_on_has_rpo_rto(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    open_catalogue(page)
    box = page.locator("form[data-sg-filters] input[name=recovery]")
    expect(box).not_to_be_checked()
    page.get_by_label("有 RPO/RTO").check()
    assert shown_ids(page) == [DRAFT_ID]
    expect(page.locator(".sg-count")).to_have_text("显示 1 / 6 份协议")
    assert query(page) == {"recovery": ["1"]}
    shot(page, f"catalogue-recovery-{width}")

    page.reload()  # the address holds the filter
    expect(box).to_be_checked()
    assert shown_ids(page) == [DRAFT_ID]

    box.uncheck()
    assert shown_ids(page) == ALL_IDS
    assert query(page) == {}
    box.check()
    page.locator("form[data-sg-filters] button[type=reset]").click()
    expect(box).not_to_be_checked()
    assert shown_ids(page) == ALL_IDS


def test_the_filter_reads_in_english(page: Page) -> None:
    open_catalogue(page, "en/?recovery=1")
    assert shown_ids(page) == [DRAFT_ID]
    expect(page.get_by_label("Has RPO/RTO")).to_be_checked()
    expect(page.locator(".sg-count")).to_have_text("1 of 6 agreements shown")
