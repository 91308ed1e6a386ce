"""A catalogue of more than a page of rows, as a person uses it in a real Chromium.

The samples hold six agreements, one page: the pages are tried on the table
`catalogue_table` writes for 120 agreements, on a page of its own with the site's stylesheet
and script (no mkdocs build: the test runs in seconds). Rows 26–120 start in the page's
<template>; the filter, the sort, the countdowns and the pages must reach them all, keep
every choice in the address, and show them as cards on a phone.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from sitegen.catalogue import Row
from sitegen.compose.contract import Text
from sitegen.site.catalogue_page import catalogue_table
from tests.test_browser import browser, query, served, shown_ids
from tests.test_site_catalogue import row

pytestmark = [pytest.mark.browser]

__all__ = ["browser"]  # the module's fixture, used by its name

ASSETS = Path(__file__).parent.parent / "site_overrides" / "assets" / "sitegen"
BUILT = dt.date(2026, 12, 2)
FIRST_EXPIRY = dt.date(2027, 1, 1)
FOUND = 97  # the one titled "Observatory network": it starts in the template


def agreement(n: int) -> Row:
    """Agreement n expires n − 1 days after 2027-01-01: the later the number, the later."""
    title = "Observatory network SLA" if n == FOUND else f"Campus service {n} SLA"
    return row(
        id=f"SLA-2026-{n:04d}",
        title=Text(f"服务 {n}", title),
        expiry=FIRST_EXPIRY + dt.timedelta(days=n - 1),
    )


def number(n: int) -> str:
    return f"SLA-2026-{n:04d}"


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="sitegen.css"></head>
<body><article class="md-typeset">{table}</article>
<script src="catalogue.js"></script></body></html>
"""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("catalogue") / "en"
    folder.mkdir()
    table = catalogue_table([agreement(n) for n in range(1, 121)], "en", today=BUILT)
    (folder / "index.html").write_text(PAGE.format(table=table), "utf-8")
    for name in ("sitegen.css", "catalogue.js"):
        shutil.copy(ASSETS / name, folder / name)
    (folder.parent / "catalogue.json").write_text("[]", "utf-8")
    with served(folder.parent) as url:
        yield url


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    errors: list[str] = []
    opened = context.new_page()
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert errors == []


def pages_line(page: Page) -> str:
    return page.locator("[data-sg-pages] output").inner_text()


def test_the_pages_turn_and_the_address_keeps_the_page(page: Page) -> None:
    page.goto("en/")
    expect(page.locator("form[data-sg-filters]")).to_be_visible()
    assert shown_ids(page) == [number(n) for n in range(1, 26)]
    expect(page.locator(".sg-count")).to_have_text("120 of 120 agreements shown")
    expect(page.locator("[data-sg-more]")).to_be_hidden()  # the script shows every row
    previous, following = (page.get_by_role("button", name=n) for n in ("Previous", "Next"))
    expect(page.get_by_role("navigation", name="Pages")).to_be_visible()
    expect(previous).to_be_disabled()
    assert pages_line(page) == "1–25 · page 1 of 5"

    following.click()
    assert shown_ids(page) == [number(n) for n in range(26, 51)]
    assert query(page) == {"page": ["2"]}
    for _ in range(3):
        following.click()
    assert shown_ids(page) == [number(n) for n in range(101, 121)]
    assert pages_line(page) == "101–120 · page 5 of 5"
    expect(following).to_be_disabled()
    page.reload()  # the address holds the page
    assert shown_ids(page) == [number(n) for n in range(101, 121)]
    previous.click()
    assert shown_ids(page)[0] == number(76)
    page.goto("en/?page=99")  # past the last page (a shared link, the catalogue since shrunk)
    assert shown_ids(page) == [number(n) for n in range(101, 121)]
    assert query(page) == {"page": ["5"]}


def test_the_filter_and_the_sort_reach_every_row_and_start_at_page_one(page: Page) -> None:
    page.goto("en/?page=2")
    page.locator("input[name=text]").fill("observatory")
    assert shown_ids(page) == [number(FOUND)]  # a row that started in the template
    expect(page.locator(".sg-count")).to_have_text("1 of 120 agreements shown")
    expect(page.get_by_role("navigation", name="Pages")).to_be_hidden()
    assert query(page) == {"text": ["observatory"]}
    page.locator("button[type=reset]").click()
    expect(page.locator(".sg-count")).to_have_text("120 of 120 agreements shown")

    # expiry descending: agreement 120 expires last (2027-01-01 + 119 days), 1 first
    expiry = page.locator("th[data-column=expiry]")
    expiry.get_by_role("button").click()
    expiry.get_by_role("button").click()
    expect(expiry).to_have_attribute("aria-sort", "descending")
    assert shown_ids(page) == [number(n) for n in range(120, 95, -1)]
    page.get_by_role("button", name="Next").click()
    assert shown_ids(page) == [number(n) for n in range(95, 70, -1)]
    assert query(page) == {"sort": ["expiry"], "order": ["desc"], "page": ["2"]}
    page.reload()  # the address holds the sort and the page
    expect(expiry).to_have_attribute("aria-sort", "descending")
    assert shown_ids(page)[0] == number(95)


def test_the_rows_from_the_template_count_from_the_visitors_day(page: Page) -> None:
    """On 2026-12-22 agreement 120 (expiry 2027-04-30: 119 days after 2027-01-01) expires in
    10 days (to 1 January) + 31 + 28 + 31 (to 1 April) + 29 = 129 days; the build, 20 days
    earlier (2026-12-02), wrote 149: the row sat in the template when the script ran."""
    page.clock.set_fixed_time(dt.datetime(2026, 12, 22, 12, 0, tzinfo=dt.UTC))
    page.goto("en/?page=5")
    last = page.locator("tbody tr", has_text=number(120)).locator("td.sg-col-expiry time")
    expect(last).to_have_text("in 129 days")


def test_on_a_phone_the_rows_are_cards_and_the_pages_on_screen(page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("en/?page=5")
    cards = page.locator("tbody tr")
    expect(cards).to_have_count(20)
    assert cards.first.evaluate("tr => getComputedStyle(tr).display") == "flex"
    following = page.get_by_role("button", name="Next")
    following.scroll_into_view_if_needed()
    box = following.bounding_box()
    assert box and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_without_javascript_the_first_page_shows_and_says_where_the_rest_are(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("en/")
        assert shown_ids(page) == [number(n) for n in range(1, 26)]
        more = page.locator("[data-sg-more]")
        expect(more).to_have_text(
            re.compile(r"^The first 25 of 120 agreements are listed here\. All of them:")
        )
        more.get_by_role("link", name="Catalogue (JSON)").click()
        expect(page).to_have_url(re.compile(r"/catalogue\.json$"))
        expect(page.get_by_role("navigation", name="Pages")).to_be_hidden()
    finally:
        context.close()
