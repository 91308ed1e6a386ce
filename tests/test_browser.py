"""The catalogue as a person uses it: a real, headless Chromium driven by Playwright.

One build of the samples (the `site` fixture of test_site_build: the samples in a git
repository, a restricted agreement with unique strings, an amended agreement with a diff
page, and an agreement whose every field holds hostile text), served on 127.0.0.1 by a
small threaded HTTP server. Each test opens its own browser context, which records every
request, failed response, script error and dialog; after each test none may have left
127.0.0.1, no page or file may have failed to load, no script may have thrown, and no
dialog (a hostile value run as script) may have opened.

Debian's `chromium` is the browser (`playwright install` downloads its own, which the CI
machines cannot). Set SITEGEN_SCREENSHOTS=DIR to keep full-page screenshots of what the
tests looked at.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    Dialog,
    Locator,
    Page,
    Response,
    Route,
    expect,
    sync_playwright,
)

from tests import test_site_build
from tests.test_site_build import HOSTILE_ID
from tests.test_site_fixtures import CHANGED_ID, RESTRICTED_ID, SECRETS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

built_site = test_site_build.site  # its build of the samples, once for this module

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SHOTS = os.environ.get("SITEGEN_SCREENSHOTS")
DRAFT_ID = "SLA-2025-004"  # a draft; its title holds 桌面运维 (desktop support)
CLOUD_ID = "SLA-2025-005"  # a provider's published SLA: no priorities, no P1 response
LONDON_ID = "SLA-2025-006"  # signed v2 in force: P1 response 30 minutes, expiry 2028-05-31
CAMPUS_ID = "SLA-2025-007"  # signed v1 in force: P1 response 30 minutes (90%)
ALL_IDS = [CHANGED_ID, DRAFT_ID, CLOUD_ID, LONDON_ID, CAMPUS_ID, HOSTILE_ID]  # by number
ANSWERED = re.compile("结果|matching")
HIDDEN = [*SECRETS, RESTRICTED_ID, "SLA-2024-002"]  # the restricted agreements


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """`site` on http://127.0.0.1:<a free port>/, while the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    """The built site on http://127.0.0.1:<a free port>/."""
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make` installs .ci/debian-packages")
    with sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


@dataclass
class Traffic:
    """What one browser context did besides what the test looked at."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def outside(self) -> list[str]:
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob")
            and urlsplit(url).hostname != "127.0.0.1"
        ]


def _response(traffic: Traffic, response: Response) -> None:
    # Every request must succeed: Material's fetch of a sitemap.xml beside each language
    # alternate of a page (two 404s a page) is gone with the alternates of the head
    # (`sitegen.mkdocs.sitemap.without_alternate_links`).
    if response.status >= 400:
        traffic.failed.append(f"{response.status} {response.url}")


def _dialog(traffic: Traffic, dialog: Dialog) -> None:
    traffic.dialogs.append(f"{dialog.type}: {dialog.message}")
    dialog.dismiss()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh browser context's page; what it did besides is checked when the test ends."""
    traffic = Traffic()
    context = browser.new_context(
        base_url=base_url,
        accept_downloads=True,
        viewport={"width": 1280, "height": 900},
        service_workers="block",
    )
    context.set_default_timeout(10_000)
    context.on("request", lambda request: traffic.requests.append(request.url))
    context.on("response", lambda response: _response(traffic, response))
    context.on("weberror", lambda error: traffic.errors.append(str(error.error)))
    context.on("dialog", lambda dialog: _dialog(traffic, dialog))
    opened = context.new_page()
    yield opened
    context.close()
    assert traffic.requests, "the browser made no request at all"
    assert not traffic.outside(), traffic.outside()
    assert not traffic.failed, traffic.failed
    assert not [url for url in traffic.requests if url.endswith("sitemap.xml")]
    assert not traffic.errors, traffic.errors
    assert not traffic.dialogs, traffic.dialogs


def heading(text: str) -> re.Pattern[str]:
    """A heading's text, with or without the permalink mark after it."""
    return re.compile(rf"^\s*{re.escape(text)}\s*¶?\s*$")


def shot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def shown_ids(page: Page) -> list[str]:
    """The numbers of the catalogue rows shown, top to bottom: their text, not their rendered
    text, which a phone's card below the screen does not have (content-visibility)."""
    cells = page.locator("[data-sg-catalogue] tbody tr:visible td:first-child")
    return [text.strip() for text in cells.all_text_contents()]


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def open_catalogue(page: Page, path: str = "") -> None:
    page.goto(path)
    expect(page.locator("form[data-sg-filters]")).to_be_visible()  # the script has run


def test_catalogue_filters_by_status_party_and_chinese_word(page: Page) -> None:
    open_catalogue(page)
    shot(page, "catalogue-zh")
    assert shown_ids(page) == ALL_IDS
    count = page.locator(".sg-count")
    expect(count).to_have_text("显示 6 / 6 份协议")
    form = page.locator("form[data-sg-filters]")

    form.locator("select[name=status]").select_option("draft")
    assert shown_ids(page) == [DRAFT_ID]
    expect(count).to_have_text("显示 1 / 6 份协议")
    assert query(page) == {"status": ["draft"]}

    form.locator("select[name=status]").select_option("")
    form.locator("select[name=party]").select_option("杭州云衡信息技术有限公司")
    assert shown_ids(page) == [CHANGED_ID, HOSTILE_ID]
    form.locator("select[name=party]").select_option("")

    form.locator("input[name=text]").fill("桌面")
    assert shown_ids(page) == [DRAFT_ID]
    # SLA-2024-001's v2 is in review, its v1 in force in its renewal window: the state the
    # catalogue shows and filters by is v1's (the filter once offered the draft's in_review)
    form.locator("select[name=status]").select_option("in_renewal_window")
    assert shown_ids(page) == []
    expect(count).to_have_text("显示 0 / 6 份协议")
    form.locator("select[name=status]").select_option("draft")
    assert query(page) == {"status": ["draft"], "text": ["桌面"]}

    page.reload()  # the address holds the filter: the same view comes back
    expect(form).to_be_visible()
    expect(form.locator("select[name=status]")).to_have_value("draft")
    expect(form.locator("input[name=text]")).to_have_value("桌面")
    assert shown_ids(page) == [DRAFT_ID]

    form.locator("button[type=reset]").click()
    expect(count).to_have_text("显示 6 / 6 份协议")
    assert shown_ids(page) == ALL_IDS
    assert query(page) == {}


def test_catalogue_filters_english_words_in_english(page: Page) -> None:
    open_catalogue(page, "en/?text=desktop")
    shot(page, "catalogue-en")
    assert shown_ids(page) == [DRAFT_ID]
    expect(page.locator(".sg-count")).to_have_text("1 of 6 agreements shown")
    expect(page.locator("th[data-column=p1_response]")).to_have_text("P1 response")


def test_catalogue_sorts_by_a_column_and_back(page: Page) -> None:
    open_catalogue(page)
    p1 = page.locator("th[data-column=p1_response]")
    # 10, 15, 15, 30, 30 minutes and none: SLA-2024-001 shows its v1 in force (15), not its
    # v2 in review (30), which the catalogue once showed; equal values keep the catalogue's
    # order; the published SLA without priorities stays last either way
    p1.get_by_role("button").click()
    assert shown_ids(page) == [DRAFT_ID, CHANGED_ID, HOSTILE_ID, LONDON_ID, CAMPUS_ID, CLOUD_ID]
    expect(p1).to_have_attribute("aria-sort", "ascending")
    assert query(page) == {"sort": ["p1_response"], "order": ["asc"]}
    p1.get_by_role("button").click()
    descending = [LONDON_ID, CAMPUS_ID, CHANGED_ID, HOSTILE_ID, DRAFT_ID, CLOUD_ID]
    assert shown_ids(page) == descending
    expect(p1).to_have_attribute("aria-sort", "descending")
    assert query(page) == {"sort": ["p1_response"], "order": ["desc"]}
    page.reload()
    assert shown_ids(page) == descending

    # the expiries of the versions in force (the hostile copy says signed, but no archive
    # holds it): SLA-2024-001 v1 2025-03-31, SLA-2025-007 v1 2026-08-31 (not its v2 in
    # review's), SLA-2025-006 v2 2028-05-31; no date stays last
    expiry = page.locator("th[data-column=expiry]")
    expiry.get_by_role("button").click()
    assert shown_ids(page)[:3] == [CHANGED_ID, CAMPUS_ID, LONDON_ID]
    expect(p1).to_have_attribute("aria-sort", "none")
    expiry.get_by_role("button").click()
    assert shown_ids(page)[:3] == [LONDON_ID, CAMPUS_ID, CHANGED_ID]

    number = page.locator("th[data-column=id]")
    number.get_by_role("button").click()
    assert shown_ids(page) == ALL_IDS
    number.get_by_role("button").click()
    assert shown_ids(page) == ALL_IDS[::-1]
    page.locator("form[data-sg-filters] button[type=reset]").click()
    expect(number).to_have_attribute("aria-sort", "none")
    assert shown_ids(page) == ALL_IDS
    assert query(page) == {}


def open_agreement(page: Page) -> None:
    open_catalogue(page)
    page.get_by_role("link", name="核心业务系统运维服务水平协议").click()
    page.wait_for_url(f"**/agreements/{CHANGED_ID}/")
    expect(page.locator("h1")).to_have_text(heading("核心业务系统运维服务水平协议"))


def contract_heading(page: Page) -> Locator:
    """The contract's first section heading (its text as shown: hidden parts left out)."""
    return page.locator(".sg-contract h3").first


def expect_view(page: Page, title: str, zh: bool, en: bool, name: str) -> Locator:
    """The contract shows `title` as its first section heading and, in its first clause,
    the Chinese and English blocks as asked; a screenshot is taken. The clause is returned."""
    expect(contract_heading(page)).to_have_text(heading(title), use_inner_text=True)
    first = page.locator(".sg-contract .sg-parallel").first
    for lang, shown in (("zh", zh), ("en", en)):
        block = expect(first.locator(f".sg-{lang}"))
        if shown:
            block.to_be_visible()
        else:
            block.to_be_hidden()
    shot(page, name)
    return first


def test_agreement_tabs_show_each_text(page: Page) -> None:
    open_agreement(page)
    labels = page.locator(".sg-views .tabbed-labels label")
    expect(labels).to_have_text(["中文", "English", "对照"])
    expect_view(page, "1 协议基本信息", zh=True, en=False, name="agreement-zh-tab-zh")

    labels.get_by_text("English", exact=True).click()
    expect_view(page, "1 Basic Information", zh=False, en=True, name="agreement-zh-tab-en")

    labels.get_by_text("对照", exact=True).click()
    both = "1 协议基本信息 / Basic Information"
    first = expect_view(page, both, zh=True, en=True, name="agreement-zh-tab-parallel")
    zh_box, en_box = first.locator(".sg-zh").bounding_box(), first.locator(".sg-en").bounding_box()
    assert zh_box and en_box and zh_box["x"] < en_box["x"]  # side by side, Chinese left
    # The English beside the Chinese is set to a common x-height, so it reads no larger.
    english = first.locator(".sg-en")
    assert english.evaluate("e => getComputedStyle(e).fontSizeAdjust") == "0.52"


def test_a_link_to_a_clause_lands_on_it(page: Page) -> None:
    page.goto(f"agreements/{CHANGED_ID}/#service-levels.priorities")
    target = page.locator('[id="service-levels.priorities"]')
    expect(target).to_be_in_viewport()
    expect(page.locator(".sg-views")).to_have_class(re.compile(r"\bsg-bilingual\b"))


def test_without_javascript_the_page_shows_its_own_language(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"en/agreements/{CHANGED_ID}/")
        shown = heading("1 Basic Information")
        expect(contract_heading(page)).to_have_text(shown, use_inner_text=True)
        expect(page.locator(".sg-views .tabbed-labels")).to_be_hidden()  # no tabs to switch
        expect(page.get_by_text("协议基本信息")).to_have_count(0)
    finally:
        context.close()


def test_signed_pdf_download_is_the_archived_file(
    page: Page, built_site: Path, tmp_path: Path
) -> None:
    open_agreement(page)
    signed = page.locator("table", has=page.get_by_role("columnheader", name="SHA-256"))
    row = signed.locator("tbody tr", has=page.get_by_role("cell", name="v1", exact=True))
    with page.expect_download() as downloading:
        row.get_by_role("link", name="下载").click()
    download = downloading.value
    assert download.suggested_filename == f"{CHANGED_ID}-v1.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    archived = built_site.parent / "agreements" / CHANGED_ID / "signed" / "v1.pdf"
    digest = hashlib.sha256(saved.read_bytes()).hexdigest()
    assert digest == hashlib.sha256(archived.read_bytes()).hexdigest()
    expect(row.locator("code")).to_have_text(digest)  # the page shows the file's SHA-256


def test_diff_page_shows_the_flagged_change(page: Page) -> None:
    open_agreement(page)
    page.get_by_role("link", name="v1 → 工作版本").click()
    page.wait_for_url(f"**/diffs/{CHANGED_ID}/v1-draft/")
    expect(page.locator("h1")).to_have_text(heading(f"{CHANGED_ID} 版本比较：v1 → 工作版本"))
    flagged = page.locator("tr", has_text="P1 响应时间")
    expect(flagged).to_be_visible()
    cells = flagged.locator("td")
    expect(cells).to_have_text(["P1 响应时间", "15 分钟", "30 分钟", re.compile("^⚠️ 对服务方放宽")])
    expect(page.locator("article")).not_to_contain_text("Response time")  # its own language
    redline = page.locator("p", has_text="5.3 故障级别与处理时限")
    expect(redline.locator("del")).to_have_text("15")
    expect(redline.locator("ins")).to_have_text("30")
    shot(page, "diff-zh")
    page.get_by_role("link", name="返回协议").click()
    page.wait_for_url(f"**/agreements/{CHANGED_ID}/")


def test_diff_page_shows_apostrophes_as_text(page: Page) -> None:
    page.goto(f"en/diffs/{CHANGED_ID}/v1-draft/")
    shown = page.locator("article").inner_text()
    assert "the customer's business volume grew" in shown
    assert "&#x27;" not in shown


def switch_language(page: Page, name: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(".md-select__link", has_text=name).click()


def test_language_switch_stays_on_the_agreement(page: Page, base_url: str) -> None:
    open_agreement(page)
    switch_language(page, "English")
    page.wait_for_url(f"{base_url}en/agreements/{CHANGED_ID}/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    title = "Service Level Agreement for the Operation of Core Business Systems"
    expect(page.locator("h1")).to_have_text(heading(title))
    labels = page.locator(".sg-views .tabbed-labels label")
    expect(labels).to_have_text(["English", "中文", "Side by side"])
    shown = heading("1 Basic Information")
    expect(contract_heading(page)).to_have_text(shown, use_inner_text=True)
    expect(page.locator(".sg-facts dt").first).to_have_text("Number")
    shot(page, "agreement-en-tab-en")
    labels.get_by_text("Side by side", exact=True).click()
    shot(page, "agreement-en-tab-parallel")

    page.get_by_role("link", name="→ working version").click()
    page.wait_for_url(f"**/en/diffs/{CHANGED_ID}/v1-draft/")
    shot(page, "diff-en")
    page.get_by_role("link", name="Back to the agreement").click()

    switch_language(page, "中文")
    page.wait_for_url(f"{base_url}agreements/{CHANGED_ID}/")
    expect(page.locator("html")).to_have_attribute("lang", "zh")
    expect(page.locator("h1")).to_have_text(heading("核心业务系统运维服务水平协议"))


SEARCH_BOX = "input[data-sg-search-query]"
RESULT_LINKS = ".md-search-result__list > li > a:first-child"  # each result's page


def search(page: Page, words: str) -> Locator:
    """Type into the header's search box; each result's page link once the index has
    answered (sitegen.site.words.SEARCH_WORDS: "找到 3 个符合条件的结果", "1 matching page",
    "No matching agreements", …)."""
    box, meta = page.locator(SEARCH_BOX), page.locator(".md-search-result__meta")
    box.fill("")  # no answer to an earlier search left on screen
    expect(meta).not_to_have_text(ANSWERED)
    box.fill(words)  # as an input method commits Chinese text: no key per character
    expect(meta).to_have_text(ANSWERED)
    return page.locator(RESULT_LINKS)


def page_of(href: str) -> str:
    """A search result's page: without the heading it leads to."""
    return urlsplit(href)._replace(query="", fragment="").geturl()


@pytest.mark.parametrize(
    ("start", "words", "lands_on", "title"),
    [
        ("", "桌面运维", f"agreements/{DRAFT_ID}/", "桌面运维与 IT 服务台外包服务水平协议"),
        ("en/", "desktop support", f"en/agreements/{DRAFT_ID}/",
         "Service Level Agreement for Outsourced Desktop Support and IT Service Desk"),
    ],
)  # fmt: skip
def test_search_lands_on_the_agreement(
    page: Page, base_url: str, start: str, words: str, lands_on: str, title: str
) -> None:
    open_catalogue(page, start)
    results = search(page, words)
    expect(results.first).to_be_visible()
    shot(page, f"search-{start.strip('/') or 'zh'}")
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    assert page_of(hrefs[0]) == base_url + lands_on, hrefs  # the best match comes first
    results.first.click()
    page.wait_for_url(lambda url: page_of(url) == base_url + lands_on)
    expect(page.locator("h1")).to_have_text(heading(title))


def result_pages(page: Page, results: Locator) -> set[str]:
    """Every result's page. The box lists the first 10 results and more as the list is
    scrolled: it is scrolled to its end until no more come."""
    items = page.locator(".md-search-result__list > li")
    while True:
        before = items.count()
        page.locator(".md-search__scrollwrap").evaluate("box => box.scrollTo(0, box.scrollHeight)")
        page.wait_for_timeout(300)
        if items.count() == before:
            break
    return {page_of(href) for href in results.evaluate_all("links => links.map(a => a.href)")}


# Words as a person types them, inflected, and the agreements each must find. Pagefind
# stems English ("responded" finds "respond", "responses") and segments Chinese into words
# (可用性, 服务补偿; 云衡, the short name of Hangzhou Yunheng, the samples' provider).
ENGLISH_WORDS = {
    "availability": [CHANGED_ID, DRAFT_ID, HOSTILE_ID],
    "responded": [CHANGED_ID, DRAFT_ID, HOSTILE_ID],
    "responses": [CHANGED_ID, DRAFT_ID, HOSTILE_ID],
    "services": [CHANGED_ID, DRAFT_ID, HOSTILE_ID],
    "objection": [CHANGED_ID, HOSTILE_ID],
    "credits": [CHANGED_ID, DRAFT_ID, HOSTILE_ID],
    "Hangzhou": [CHANGED_ID, HOSTILE_ID],
    "deducted": [CHANGED_ID, DRAFT_ID, HOSTILE_ID],
}
CHINESE_WORDS = {
    "可用性": [CHANGED_ID, DRAFT_ID, HOSTILE_ID],
    "服务补偿": [CHANGED_ID, DRAFT_ID, HOSTILE_ID],
    "响应": [CHANGED_ID, DRAFT_ID, HOSTILE_ID],
    "服务": [CHANGED_ID, DRAFT_ID, HOSTILE_ID],
    "杭州": [CHANGED_ID, HOSTILE_ID],
    "云衡": [CHANGED_ID, HOSTILE_ID],
}


@pytest.mark.parametrize(
    ("start", "words", "none"),
    [
        ("en/", ENGLISH_WORDS, "No matching agreements"),
        ("", CHINESE_WORDS, "没有找到符合条件的结果"),
    ],
)
def test_search_finds_inflected_words_in_each_language(
    page: Page, base_url: str, start: str, words: dict[str, list[str]], none: str
) -> None:
    """Each language searches its own pages: every result is a page of the language of
    the page searched from (Pagefind's index of its `<html lang>`)."""
    open_catalogue(page, start)
    other = f"{base_url}en/" if not start else f"{base_url}agreements/"
    for word, finds in words.items():
        found = result_pages(page, search(page, word))
        wanted = {f"{base_url}{start}agreements/{number}/" for number in finds}
        assert wanted <= found, (word, sorted(found))
        assert not [url for url in found if url.startswith(other)], (word, sorted(found))
    shot(page, f"search-inflected-{start.strip('/') or 'zh'}")
    for word in ("photosynthesis", "光合作用"):  # in no agreement
        expect(search(page, word)).to_have_count(0)
        expect(page.locator(".md-search-result__meta")).to_have_text(none)


def test_a_result_shows_number_title_section_and_version_in_force_first(page: Page) -> None:
    """SLA-2024-001's page: v1 signed and in force, its working v2 in review; the result
    names it, its title, its versions (the one in force first) and the sections found."""
    open_catalogue(page, "en/")
    search(page, "objection")
    item = page.locator(".md-search-result__item", has=page.locator(f'a[href*="{CHANGED_ID}/"]'))
    top = item.locator("a").first
    expect(top.locator("h1")).to_have_text(
        f"{CHANGED_ID} Service Level Agreement for the Operation of Core Business Systems"
    )
    expect(top.locator(".sg-search-version")).to_have_text(
        "Version: v1 in force (signed 15 March 2024) · v2 in review"
    )
    sections = item.locator(".sg-search-section").all_inner_texts()
    assert sections and all(re.match(r"^\d+(\.\d+)? \S", text) for text in sections), sections
    assert not [text for text in sections if "¶" in text]
    hrefs = item.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert all(f"en/agreements/{CHANGED_ID}/" in href for href in hrefs)
    assert [href for href in hrefs[1:] if "#" in href] == hrefs[1:]  # each to its heading
    shot(page, "search-result-fields")


def test_a_hostile_title_is_shown_as_text(page: Page) -> None:
    """The hostile agreement's every field is markup-like text: its result shows it as
    text (the page fixture fails the test on any dialog or script error)."""
    open_catalogue(page, "en/")
    search(page, HOSTILE_ID)
    item = page.locator(".md-search-result__item", has=page.locator(f'a[href*="{HOSTILE_ID}/"]'))
    expect(item.locator("h1").first).to_have_text(f"{HOSTILE_ID} {test_site_build.HOSTILE}")
    assert item.locator("img, script").count() == 0
    # the excerpt's highlight is a <mark> and nothing else of its markup is kept
    assert set(item.locator("p *").evaluate_all("nodes => nodes.map(n => n.tagName)")) <= {"MARK"}


def test_search_fetches_nothing_before_use_then_one_bundle_from_the_site(
    page: Page, base_url: str
) -> None:
    """No request for the index until the box is used; then Pagefind's script, worker and
    chunks from the site's own /pagefind/ (the /en/ pages load the same bundle)."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    for start, word in (("", "可用性"), ("en/", "availability")):
        asked.clear()
        open_catalogue(page, start)
        page.wait_for_load_state("networkidle")
        assert not [url for url in asked if "/pagefind/" in url or "search_index" in url]
        expect(search(page, word).first).to_be_visible()
        fetched = [url for url in asked if "pagefind" in url]
        assert base_url + "pagefind/pagefind.js" in fetched
        assert all(url.startswith(base_url + "pagefind/") for url in fetched), fetched
    assert page.request.get(base_url + "search/search_index.json").status == 404


def test_every_request_of_pages_and_searches_is_routed_and_stays_on_the_site(
    page: Page, base_url: str
) -> None:
    """Every request goes through a route that lets only 127.0.0.1 through and aborts any
    other host: the catalogue and an agreement page in each language, with a search from
    each. None is aborted, and the Pagefind worker's own fetches (its WebAssembly, the
    index chunks) are among those routed: nothing the search does escapes the check that
    the `page` fixture makes of every test's requests."""
    routed: list[str] = []
    aborted: list[str] = []

    def only_the_site(route: Route) -> None:
        routed.append(route.request.url)
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            aborted.append(route.request.url)
            route.abort("blockedbyclient")

    page.context.route("**/*", only_the_site)
    for start, word in (("", "服务补偿"), ("en/", "credits")):
        page.goto(f"{start}agreements/{CHANGED_ID}/")
        page.wait_for_load_state("networkidle")
        open_catalogue(page, start)
        expect(search(page, word).first).to_be_visible()
        page.wait_for_load_state("networkidle")
    assert not aborted, aborted
    assert base_url + f"agreements/{CHANGED_ID}/" in routed
    assert [url for url in routed if url.startswith(base_url + "pagefind/wasm.")], routed
    assert [url for url in routed if url.startswith(base_url + "pagefind/index/")], routed


def test_keys_focus_the_box_and_open_a_result(page: Page, base_url: str) -> None:
    """As Material's: `/` (or `s`, `f`) focuses the box, arrows move through the results,
    Enter opens one, Esc closes the box."""
    open_catalogue(page)
    box = page.locator(SEARCH_BOX)
    page.keyboard.press("/")
    expect(box).to_be_focused()
    page.keyboard.press("Escape")
    expect(box).not_to_be_focused()
    page.keyboard.press("s")
    expect(box).to_be_focused()
    expect(box).to_have_value("")  # the key focused the box; it typed nothing
    page.keyboard.insert_text("桌面运维")
    expect(page.locator(".md-search-result__meta")).to_have_text(ANSWERED)
    page.keyboard.press("ArrowDown")
    first = page.locator(RESULT_LINKS).first
    expect(first).to_be_focused()
    target = first.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: page_of(url) == base_url + f"agreements/{DRAFT_ID}/")
    assert target and DRAFT_ID in target
    expect(page.locator("h1")).to_have_text(heading("桌面运维与 IT 服务台外包服务水平协议"))


def test_renewals_page_links_to_the_agreements(page: Page, base_url: str) -> None:
    page.goto("renewals/")
    expect(page.locator("h1")).to_have_text(heading("期限与义务"))
    rows = page.locator("article table tbody tr")
    expect(rows).to_have_count(3)
    shot(page, "renewals-zh")
    page.goto("en/renewals/")
    expect(page.locator("h1")).to_have_text(heading("Deadlines and obligations"))
    shot(page, "renewals-en")
    # the deadlines of SLA-2024-001's v1 in force (those of the hostile copy once, which says
    # signed but which no archive holds)
    rows.first.get_by_role("link", name=CHANGED_ID).click()
    page.wait_for_url(f"{base_url}en/agreements/{CHANGED_ID}/")


def test_restricted_agreements_appear_nowhere(page: Page, base_url: str) -> None:
    for start in ("", "en/"):
        open_catalogue(page, start)
        shown = page.locator("body").inner_text()
        options = page.locator("form[data-sg-filters] option").all_inner_texts()
        for needle in HIDDEN:
            assert needle not in shown and needle not in " ".join(options), (start, needle)
        # The restricted agreements' words: SLA-2024-002's provider (穹顶, Qiongding) and
        # "Hosting" (stemmed "host"). No result is a restricted page; the index holds no
        # word of theirs (test_site_build reads every file of it). Searched from a Chinese
        # page, a Latin word can still find a page by its parts (Pagefind's Chinese index
        # has no stemmer and matches words by prefix): "Quokka" found SLA-2025-007.
        for words in ("鸬鹚", "Quokka", "庚辛", "Xylophone", "穹顶", "Qiongding", "Hosting"):
            hrefs = search(page, words).evaluate_all("links => links.map(a => a.href)")
            assert not [href for href in hrefs if RESTRICTED_ID in href or "2024-002" in href]
            if start == "en/" or words in ("鸬鹚", "庚辛", "穹顶"):  # in the page's language
                assert hrefs == [], (start, words)
        for words in (RESTRICTED_ID, "SLA-2024-002"):  # found by "2024", "001"…, not theirs
            hrefs = search(page, words).evaluate_all("links => links.map(a => a.href)")
            assert not [href for href in hrefs if RESTRICTED_ID in href or "2024-002" in href]
    for path in (f"agreements/{RESTRICTED_ID}/", f"en/agreements/{RESTRICTED_ID}/"):
        response = page.request.get(base_url + path)
        assert response.status == 404, path


# Every kind of page: the catalogue, the deadlines, an agreement (with its versions and
# history), a draft, a diff, a service report.
EVERY_KIND = (
    "",
    "renewals/",
    f"agreements/{CHANGED_ID}/",
    f"agreements/{DRAFT_ID}/",
    f"diffs/{CHANGED_ID}/v1-draft/",
    f"agreements/{LONDON_ID}/reports/2026-01/",
)


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("start", ["", "en/"])
def test_no_page_scrolls_sideways(page: Page, start: str, width: int) -> None:
    """At 1280 px and at 390 px (a phone) the page itself never scrolls sideways. A long
    party name in the filter's list once made the page 512 px wide on a phone."""
    page.set_viewport_size({"width": width, "height": 844})
    for path in EVERY_KIND:
        page.goto(start + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, start + path


def on_screen(locator: Locator, width: int) -> bool:
    """The element lies within the page's width (not off to the side in a scrolled box)."""
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


# The cells a reader comes to each table for, which must not sit off to the right of a
# table scrolled in its box on a phone: an item's "when", a report's verdict, the
# agreement card's resolution time, a report's PDF, what a commit changed, a change's after.
KEY_CELLS = {  # page: (its tables, the first only?, the key cells of each)
    "renewals/": [(".sg-renewals table", False, "tbody td:last-child")],
    f"agreements/{LONDON_ID}/reports/2026-01/": [
        (".sg-report-table table", False, "tbody td:last-child")
    ],
    f"agreements/{LONDON_ID}/": [
        (".sg-card table", True, "th:last-child"),
        ("#sg-service ~ div table", True, "th:last-child"),
        ("#sg-history ~ div table", True, "th:nth-child(5)"),
    ],
    f"diffs/{CHANGED_ID}/v1-draft/": [(".sg-changes table", False, "tbody td:nth-child(4)")],
}


@pytest.mark.parametrize("start", ["", "en/"])
def test_the_key_cells_of_every_table_are_on_screen_on_a_phone(page: Page, start: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    for path, tables in KEY_CELLS.items():
        page.goto(start + path)
        for table, first_only, cell in tables:
            found = page.locator(f"article {table}")
            assert found.count(), (path, table)
            for one in [found.first] if first_only else found.all():
                for key in one.locator(cell).all():
                    assert on_screen(key, 390), (start + path, table, cell, key.inner_text())


@pytest.mark.parametrize(
    ("start", "deadline"), [("", "续签异议截止"), ("en/", "Objection deadline")]
)
def test_the_catalogue_is_cards_on_a_phone_with_its_key_lines_on_screen(
    page: Page, start: str, deadline: str
) -> None:
    """At 390 px each agreement is a card: its number, status, deadlines and signed PDF
    all on screen (they sat off to the right of a table scrolled in its box), each line
    named by its column; the heads still sort the cards, the filter still filters."""
    page.set_viewport_size({"width": 390, "height": 844})
    open_catalogue(page, start)
    shot(page, f"catalogue-{start.strip('/') or 'zh'}-390")
    rows = page.locator("[data-sg-catalogue] tbody tr")
    expect(rows).to_have_count(len(ALL_IDS))
    for index in range(len(ALL_IDS)):
        row = rows.nth(index)
        row.scroll_into_view_if_needed()
        for cell in ("id a", "status .sg-state", "objection_deadline", "expiry", "signed_pdf"):
            column, _, inside = cell.partition(" ")
            found = row.locator(f"td.sg-col-{column} {inside}".strip())
            expect(found).to_be_visible()
            assert on_screen(found, 390), (ALL_IDS[index], cell)
    card = rows.filter(has_text=CHANGED_ID)
    label = card.locator("td.sg-col-objection_deadline").evaluate(
        "td => getComputedStyle(td, '::before').content"
    )
    assert deadline in label
    assert on_screen(card.get_by_role("link", name=re.compile(rf"^{CHANGED_ID} v1 PDF")), 390)
    # the signed column tells a draft's card in words that it has none
    draft = rows.filter(has_text=DRAFT_ID).locator("td.sg-col-signed_pdf")
    expect(draft).to_have_text("尚未签署" if start == "" else "Not signed yet")
    # the heads are buttons above the cards, and sort them
    expiry = page.locator("th[data-column=expiry]")
    assert on_screen(expiry, 390)
    expiry.get_by_role("button").click()
    assert shown_ids(page)[:3] == [CHANGED_ID, CAMPUS_ID, LONDON_ID]
    page.locator("form[data-sg-filters] input[name=text]").fill("desktop" if start else "桌面")
    assert shown_ids(page) == [DRAFT_ID]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize("start", ["", "en/"])
def test_at_1280_px_every_catalogue_column_is_on_screen(page: Page, start: str) -> None:
    """The English catalogue once cut off its P1 column at 1280 px: the table no longer
    scrolls in its box, its last column ends on screen."""
    open_catalogue(page, start)
    shot(page, f"catalogue-{start.strip('/') or 'zh'}-1280")
    for column in ("id", "status", "signed_pdf", "objection_deadline", "p1_response",
                   "last_report"):  # fmt: skip
        assert on_screen(page.locator(f"th[data-column={column}]"), 1280), column
    boxes = page.locator(
        "[data-sg-catalogue] .sg-table-wrap, [data-sg-catalogue] .md-typeset__scrollwrap"
    )
    for wide in boxes.evaluate_all("boxes => boxes.map(b => b.scrollWidth - b.clientWidth)"):
        assert wide <= 0


def test_the_diff_page_stacks_before_over_after_on_a_phone(page: Page) -> None:
    """At 390 px the 'after' column was 1 to 3 characters wide: each change is now a card,
    its before and after a line each, the width of the card."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"en/diffs/{CHANGED_ID}/v1-draft/")
    shot(page, "diff-en-390")
    flagged = page.locator(".sg-changes tr", has_text="P1 response time")
    before, after = flagged.locator("td").nth(1), flagged.locator("td").nth(2)
    expect(before).to_contain_text("15 minutes")
    expect(after).to_contain_text("30 minutes")
    before_box, after_box = before.bounding_box(), after.bounding_box()
    assert before_box and after_box
    assert after_box["y"] >= before_box["y"] + before_box["height"] - 1  # below it
    assert after_box["width"] >= 250 and on_screen(after, 390)


@pytest.mark.parametrize(("start", "width"), [("", 1280), ("en/", 390)])
def test_the_signed_pdf_is_one_click_from_the_catalogue(
    page: Page, built_site: Path, tmp_path: Path, start: str, width: int
) -> None:
    """The signed PDF of the version in force once sat about 7,800 px down its agreement's
    page: the catalogue links it, and the file is the archived one, byte for byte."""
    page.set_viewport_size({"width": width, "height": 844})
    open_catalogue(page, start)
    link = page.get_by_role("link", name=re.compile(rf"^{CHANGED_ID} v1 PDF"))
    with page.expect_download() as downloading:
        link.click()
    download = downloading.value
    assert download.suggested_filename == f"{CHANGED_ID}-v1.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    archived = built_site.parent / "agreements" / CHANGED_ID / "signed" / "v1.pdf"
    assert saved.read_bytes() == archived.read_bytes()
    served = page.request.get(link.evaluate("a => a.href"))
    assert served.status == 200 and served.body() == archived.read_bytes()


@pytest.mark.parametrize(
    ("start", "name"),
    [("", "近 12 期可用性与目标"), ("en/", "Availability against the target, last 12 periods")],
)
def test_a_report_page_reads_on_a_phone_with_named_charts(
    page: Page, start: str, name: str
) -> None:
    """A service report at 390 px: no sideways scroll, its charts drawn as SVG with their
    accessible names and their figures in a table beside them; from the agreement page's
    service section and the catalogue's last-report link to the report itself."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{start}agreements/{LONDON_ID}/reports/2026-01/")
    shot(page, f"report-{start.strip('/') or 'zh'}-390")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    trend = page.get_by_role("img", name=name)
    expect(trend).to_be_visible()
    assert trend.evaluate("svg => svg.tagName") == "svg"
    box = trend.bounding_box()
    assert box is not None and box["width"] <= 390
    expect(page.locator("svg.sg-chart-svg")).to_have_count(3)
    figures = page.locator(".sg-chart-figures").nth(1)
    figures.locator("summary").click()
    expect(figures.locator("td", has_text="2026-01")).to_be_visible()
    page.goto(f"{start}agreements/{LONDON_ID}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.locator("#sg-service")).to_be_visible()
    page.locator("#sg-service ~ div table a", has_text="2026-01").first.click()
    expect(page).to_have_url(re.compile(rf"agreements/{LONDON_ID}/reports/2026-01/$"))
    open_catalogue(page, start)
    # one link on screen: in its column, or on a phone in the status cell (the column hidden)
    page.locator(f'a[href$="{LONDON_ID}/reports/2026-11/"]:visible').click()
    expect(page).to_have_url(re.compile(rf"agreements/{LONDON_ID}/reports/2026-11/$"))


BUILT_ON = "2025-02-10"  # the day the module's site is built on (test_site_build)


def countdown_of(page: Page, agreement_id: str, column: str) -> Locator:
    row = page.locator(
        "[data-sg-catalogue] tbody tr", has=page.get_by_role("link", name=agreement_id, exact=True)
    )
    index = (
        page.locator("[data-sg-catalogue] thead th")
        .evaluate_all("heads => heads.map(th => th.getAttribute('data-column'))")
        .index(column)
    )
    return row.locator("td").nth(index).locator("time.sg-countdown")


@pytest.mark.parametrize(
    ("start", "built", "later", "state"),
    [("", "19 天后", "9 天后", "生效中"), ("en/", "in 19 days", "in 9 days", "Active")],
)
def test_countdowns_count_from_the_visitors_day_in_the_agreements_zone(
    page: Page, start: str, built: str, later: str, state: str
) -> None:
    """SLA-2024-001's objection deadline is 2025-03-01 (Asia/Shanghai): 19 days after the
    build's day, 2025-02-10. The browser's clock set to 2025-02-19 20:00 UTC, in a browser
    whose own zone is UTC (still the 19th there), is already 2025-02-20 04:00 in Shanghai:
    9 days left, as the agreement counts its days. On 2025-04-02 (Shanghai) the first term
    has ended (2025-03-31) and the renewed one started on 2025-04-01: active again, its old
    objection deadline 32 days past (28 − 1 days of March after the 1st, + 2 of April)."""
    page.clock.set_fixed_time(dt.datetime(2025, 2, 19, 20, 0, tzinfo=dt.UTC))
    open_catalogue(page, start)
    deadline = countdown_of(page, CHANGED_ID, "objection_deadline")
    expect(deadline).to_have_text(later)
    assert deadline.get_attribute("datetime") == "2025-03-01"
    expect(countdown_of(page, CHANGED_ID, "expiry")).to_have_text(
        "39 天后" if not start else "in 39 days"
    )
    page.clock.set_fixed_time(dt.datetime(2025, 4, 2, 1, 0, tzinfo=dt.UTC))
    page.reload()
    expect(deadline).to_have_text("逾期 32 天" if not start else "32 days overdue")
    expect(deadline).to_have_class(re.compile(r"\bsg-overdue\b"))
    row = page.locator(
        "[data-sg-catalogue] tbody tr", has=page.get_by_role("link", name=CHANGED_ID, exact=True)
    )
    expect(row.locator(".sg-state")).to_have_text(state)
    assert row.get_attribute("data-state") == "active"  # what the status filter reads
    assert built != later


@pytest.mark.parametrize(("start", "left"), [("", "39 天后"), ("en/", "in 39 days")])
def test_the_cards_countdown_is_filled_by_the_script(page: Page, start: str, left: str) -> None:
    """The agreement page states no countdown (it stays cached from day to day); the script
    writes it after the day: expiry 2025-03-31, 39 days from 2025-02-20 in Shanghai, set
    off by the stylesheet's " · "."""
    page.clock.set_fixed_time(dt.datetime(2025, 2, 20, 12, 0, tzinfo=dt.UTC))
    page.goto(f"{start}agreements/{CHANGED_ID}/")
    countdown = page.locator('.sg-card .sg-facts time.sg-countdown[datetime="2025-03-31"]')
    expect(countdown).to_have_text(left)
    before = countdown.evaluate("time => getComputedStyle(time, '::before').content")
    assert before == '" · "'
    day = page.locator(".sg-card .sg-facts dd", has=page.locator("time.sg-countdown"))
    expect(day.first).to_contain_text("2025年3月31日" if not start else "31 March 2025")


def test_renewals_page_counts_from_the_visitors_day(page: Page) -> None:
    # the review of SLA-2024-001 was due 2024-07-01: 224 days overdue on the build's day,
    # 234 on 2025-02-20
    page.clock.set_fixed_time(dt.datetime(2025, 2, 20, 12, 0, tzinfo=dt.UTC))
    page.goto("en/renewals/")
    expect(page.locator('time.sg-countdown[datetime="2024-07-01"]').first).to_have_text(
        "234 days overdue"
    )
    page.goto("renewals/")
    expect(page.locator('time.sg-countdown[datetime="2024-07-01"]').first).to_have_text(
        "逾期 234 天"
    )


@pytest.mark.parametrize(("start", "built"), [("", "19 天后"), ("en/", "in 19 days")])
def test_without_javascript_the_built_countdown_shows(
    browser: Browser, base_url: str, start: str, built: str
) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(dt.datetime(2025, 4, 2, 12, 0, tzinfo=dt.UTC))
        page.goto(start)
        expect(countdown_of(page, CHANGED_ID, "objection_deadline")).to_have_text(built)
        page.goto(f"{start}agreements/{CHANGED_ID}/")
        expect(page.locator('.sg-card time.sg-countdown[datetime="2025-03-31"]')).to_have_text("")
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_agreement_and_renewals_pages_at_desktop_and_phone_width(page: Page, width: int) -> None:
    """The pages the dates and the history changed, looked at (SITEGEN_SCREENSHOTS=DIR
    keeps them): the history's commits never wrap, and no page scrolls sideways."""
    page.set_viewport_size({"width": width, "height": 900})
    page.clock.set_fixed_time(dt.datetime(2025, 2, 20, 12, 0, tzinfo=dt.UTC))
    for start in ("", "en/"):
        page.goto(f"{start}agreements/{CHANGED_ID}/")
        shot(page, f"agreement-{start.strip('/') or 'zh'}-{width}")
        if SHOTS:  # the parts that changed, each on its own
            for part, where in (
                ("card", ".sg-card"),
                ("history", "#sg-history ~ table, #sg-history ~ div table"),
            ):
                name = f"{part}-{start.strip('/') or 'zh'}-{width}.png"
                page.locator(where).first.screenshot(path=str(Path(SHOTS) / name))
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        commit = page.locator(
            "#sg-history ~ table code.sg-commit, #sg-history ~ div table code.sg-commit"
        ).first
        box = commit.bounding_box()
        assert box is not None and box["height"] < 30  # one line
        page.goto(f"{start}renewals/")
        shot(page, f"renewals-{start.strip('/') or 'zh'}-{width}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
