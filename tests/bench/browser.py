"""The built site in a real browser: the search and the catalogue at 1,000 agreements.

The site is `tests.bench.site.site_project` (N agreements × 3 revisions, both languages)
as `sitegen build` leaves it, served on 127.0.0.1 by `python -m http.server` in its own
process (so serving does not share a Python interpreter with the browser's driver), and
opened in Debian's chromium through Playwright, each run in a fresh browser context (an
empty cache: every figure is a first visit's).

What is measured, each the best of `RUNS` fresh page loads:
- the Pagefind bundle on disk (both languages) and its files;
- what a page fetches of it before the search box is used (the box imports Pagefind on
  the first focus or key: this must be nothing);
- a query: from the last `input` event to the first result in the list (the box's 150 ms
  debounce, Pagefind's import, its chunks, the list drawn: two animation frames after the
  change, so layout and paint count), and the bytes fetched from focusing the box on. The
  first query of a page loads Pagefind itself; the next one on the same page only its
  chunks;
- the catalogue: navigation start to the first row visible (polled on each animation
  frame), the page's bytes (each file as gzip would send it, the HTML and what it
  fetched), a sort (a header's button clicked) and one filter keystroke, each from the
  event to two animation frames after the first change of the page.

Sizes are read from the files the server sent (`http.server` sends them as they are; a
compressing server would send the gzip figure, which the rows give; Pagefind's chunks are
gzipped already): the URLs come from the context's request
events, which include the Pagefind worker's. Every selector the page is read with is
named at the top, so a reworked page means changing one line here.
"""

from __future__ import annotations

import gzip
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

# ---------------------------------------------------------------- the page's hooks

CATALOGUE_ROW = "[data-sg-catalogue] tbody tr"  # a row of the catalogue's table
FILTER_TEXT = "form[data-sg-filters] input[name=text]"  # the catalogue's text filter
SORT_BUTTON = "[data-sg-catalogue] th[data-column=p1_response] button"  # a sortable head
SEARCH_BOX = "input[data-sg-search-query]"  # the header's search box
RESULT_LIST = ".md-search-result__list"  # where the box lists its results
RESULT = ".md-search-result__list > li"  # one result
BUNDLE = "pagefind/"  # the Pagefind bundle's folder in the site

# ---------------------------------------------------------------- what is asked

QUERIES = {
    "zh": ("可用性", "服务补偿"),
    "en": ("credits", "availability"),
}  # 可用性: the figure before
FILTER_KEY = "1"  # in some numbers, not in all: the keystroke hides part of the rows
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]  # fmt: skip
RUNS = 3
TIMEOUT_MS = 60_000  # a step that takes longer is an error, not a figure
START = {"zh": "", "en": "en/"}

# In the page: a promise of the milliseconds from the (last) `trigger` event to two
# animation frames after the first change of the page (of `watched`, when given) that
# follows it; `window.__sgBench` holds it.
WATCH = """([trigger, watched]) => {
  window.__sgBench = new Promise((resolve, reject) => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
    let start = null;
    const observer = new MutationObserver(async () => {
      if (start === null) return;
      if (watched && !document.querySelector(watched)) return;
      observer.disconnect();
      const from = start;
      await frame();
      await frame();
      resolve(performance.now() - from);
    });
    document.addEventListener(trigger, () => { start = performance.now(); }, true);
    observer.observe(document.body,
      { subtree: true, childList: true, attributes: true, characterData: true });
    setTimeout(() => reject(new Error(`nothing changed after ${trigger}`)), 30000);
  });
}"""
FIRST_ROW = f"""() => {{
  const row = document.querySelector({CATALOGUE_ROW!r});
  return row && row.getBoundingClientRect().height > 0 ? performance.now() : false;
}}"""


@dataclass(frozen=True)
class Query:
    words: str
    first_ms: float  # last input event -> first result drawn
    bytes: int  # fetched from focusing the box until the results showed, as gzip sends
    raw_bytes: int  # the same as sent by a server that does not compress


@dataclass(frozen=True)
class Catalogue:
    lang: str
    first_rows_ms: float  # navigation start -> first row visible
    gzip_bytes: int  # the HTML and everything it fetched, each as gzip would send it
    raw_bytes: int  # the same as sent by a server that does not compress
    requests: int
    search_bytes: int  # of the Pagefind bundle, before the box is used
    sort_ms: float
    filter_ms: float


@dataclass
class Found:
    index_bytes: int = 0
    index_files: int = 0
    by_language: dict[str, int] = field(default_factory=dict)
    queries: dict[str, list[Query]] = field(default_factory=dict)  # "zh first" -> runs
    catalogues: dict[str, list[Catalogue]] = field(default_factory=dict)  # lang -> runs
    outside: list[str] = field(default_factory=list)  # requests that left 127.0.0.1


class Failed(Exception):
    """The browser could not measure: a figure would mean nothing."""


# ---------------------------------------------------------------- serving


@contextmanager
def served(site: Path) -> Iterator[str]:
    """`site` on http://127.0.0.1:<a free port>/, from a separate process."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    argv = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory",
            str(site), str(port)]  # fmt: skip
    server = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise Failed(f"`{' '.join(argv)}` does not serve") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(10)


class Sizes:
    """The bytes of a URL of the site, as sent and as gzip would send it."""

    def __init__(self, site: Path, base: str) -> None:
        self.site, self.base = site, base
        self._known: dict[Path, tuple[int, int]] = {}

    def file(self, url: str) -> Path | None:
        if not url.startswith(self.base):
            return None
        path = self.site / unquote(urlsplit(url).path).lstrip("/")
        return path / "index.html" if path.is_dir() else path

    def of(self, url: str) -> tuple[int, int]:
        """(raw, gzip) bytes; (0, 0) for what is not a file of the site (data:, 404)."""
        path = self.file(url)
        if path is None or not path.is_file():
            return 0, 0
        if path not in self._known:
            body = path.read_bytes()
            self._known[path] = (len(body), min(len(body), len(gzip.compress(body, 6))))
        return self._known[path]


# ---------------------------------------------------------------- measuring


def measure(site: Path) -> Found:
    """Every figure of the module docstring, for the site built in `site`."""
    if not CHROMIUM.exists():
        raise Failed(f"{CHROMIUM} is missing: `make` installs .ci/debian-packages")
    found = Found()
    bundle = site / BUNDLE
    if not (bundle / "pagefind-entry.json").is_file():
        raise Failed(f"{bundle} holds no Pagefind index: the site is not built")
    for path in bundle.rglob("*"):
        if path.is_file():
            found.index_files += 1
            found.index_bytes += path.stat().st_size
            language = language_of(path.name)
            found.by_language[language] = found.by_language.get(language, 0) + path.stat().st_size
    with served(site) as base, sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        sizes = Sizes(site, base)
        try:
            for _ in range(RUNS):
                for lang in ("zh", "en"):
                    one = _catalogue(browser, base, lang, sizes, found)
                    found.catalogues.setdefault(lang, []).append(one)
                    first, then = _queries(browser, base, lang, sizes, found)
                    found.queries.setdefault(f"{lang} first", []).append(first)
                    found.queries.setdefault(f"{lang} next", []).append(then)
        finally:
            browser.close()
    return found


def language_of(name: str) -> str:
    """The language a file of the bundle serves: `pagefind.zh_….pf_meta`, `zh_….pf_index`,
    `wasm.en.pagefind`; the scripts and the stemmer-less WebAssembly are the engine's."""
    stem = name.removeprefix("pagefind.")
    if "_" in stem:
        return stem.split("_", 1)[0]
    parts = name.split(".")
    if len(parts) == 3 and parts[0] == "wasm" and parts[1] != "unknown":
        return parts[1]
    return "engine"


def _context(browser: Browser, base: str, asked: list[str], found: Found) -> BrowserContext:
    """A fresh context (no cache) whose every request is listed in `asked`."""
    context = browser.new_context(
        base_url=base, viewport={"width": 1280, "height": 900}, service_workers="block"
    )
    context.set_default_timeout(TIMEOUT_MS)

    def seen(url: str) -> None:
        asked.append(url)
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname != "127.0.0.1":
            found.outside.append(url)

    context.on("request", lambda request: seen(request.url))
    return context


def _open(page: Page, path: str) -> float:
    """Go to `path`; the milliseconds from navigation start to the first row visible."""
    page.goto(path, wait_until="commit")
    handle = page.wait_for_function(FIRST_ROW, polling="raf")
    first = float(handle.json_value())
    page.wait_for_load_state("networkidle")
    return first


def _timed(page: Page, trigger: str, act: str, watched: str | None = None) -> float:
    """Milliseconds from the `trigger` event that `act` (a key, a click) causes to the
    page drawn after its change."""
    page.evaluate(WATCH, [trigger, watched])
    if act == "click":
        page.locator(SORT_BUTTON).click()
    else:
        page.keyboard.press(act)
    return float(page.evaluate("window.__sgBench"))


def _catalogue(browser: Browser, base: str, lang: str, sizes: Sizes, found: Found) -> Catalogue:
    asked: list[str] = []
    with _context(browser, base, asked, found) as context:
        page = context.new_page()
        first = _open(page, START[lang])
        loaded = [sizes.of(url) for url in asked]
        search = sum(sizes.of(url)[0] for url in asked if url.startswith(base + BUNDLE))
        sort = _timed(page, "click", "click")
        page.locator(FILTER_TEXT).focus()
        keystroke = _timed(page, "keydown", FILTER_KEY)
        return Catalogue(
            lang, first, sum(g for _, g in loaded), sum(r for r, _ in loaded), len(asked),
            search, sort, keystroke,
        )  # fmt: skip


def _queries(
    browser: Browser, base: str, lang: str, sizes: Sizes, found: Found
) -> tuple[Query, Query]:
    """The language's two queries on one fresh page: the first loads Pagefind."""
    asked: list[str] = []
    with _context(browser, base, asked, found) as context:
        page = context.new_page()
        _open(page, START[lang])
        return tuple(_query(page, words, asked, sizes) for words in QUERIES[lang])  # type: ignore[return-value]


def _query(page: Page, words: str, asked: list[str], sizes: Sizes) -> Query:
    before = len(asked)  # focusing the box (fill does) imports Pagefind: that counts
    box = page.locator(SEARCH_BOX)
    box.fill("")
    page.wait_for_function(f"() => !document.querySelector({RESULT!r})")
    page.evaluate(WATCH, ["input", RESULT])
    if words.isascii():
        box.press_sequentially(words)  # a key each
    else:
        page.keyboard.insert_text(words)  # as an input method commits it: one input
    took = float(page.evaluate("window.__sgBench"))
    page.wait_for_load_state("networkidle")
    fetched = [sizes.of(url) for url in asked[before:]]
    return Query(words, took, sum(g for _, g in fetched), sum(r for r, _ in fetched))
