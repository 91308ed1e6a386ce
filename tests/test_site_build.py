"""A real `mkdocs build` of the catalogue, both languages, as `sitegen build` runs it.

One build (module scope) of the samples plus a restricted agreement with unique strings and
an agreement whose every field holds hostile text; the tests read the built `site/`.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitegen.load import load_agreement
from sitegen.mkdocs.sitemap import drop_unaddressed
from sitegen.render.markup import one_line
from tests.helpers import REPO, replace_once, sample_text
from tests.test_markdown import HOSTILE_AGREEMENT
from tests.test_search_index import indexed
from tests.test_site_fixtures import RESTRICTED_ID, SECRETS, site_project

pytestmark = pytest.mark.slow

HOSTILE = '<img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3)) {: onclick="alert(4)" } a | b ~~s~~'  # noqa: E501
HOSTILE_ID = "SLA-2099-001"
# A commit subject naming the restricted agreement: its ID, titles and parties.
LEAKY_SUBJECT = f"Add a hostile agreement, modelled on {RESTRICTED_ID} {' / '.join(SECRETS)}"


def hostile_text() -> str:
    quoted = '"' + HOSTILE.replace("\\", "\\\\").replace('"', '\\"') + '"'
    text = replace_once(sample_text(), "id: SLA-2024-001", f"id: {HOSTILE_ID}")
    text = replace_once(text, "  zh: 核心业务系统运维服务水平协议", f"  zh: {quoted}")
    text = replace_once(
        text,
        "  en: Service Level Agreement for the Operation of Core Business Systems",
        f"  en: {quoted}",
    )
    for old, new in HOSTILE_AGREEMENT.items():
        text = replace_once(text, old, new.format(v=quoted))
    return text


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from mkdocs.config import load_config

    from sitegen.commands.site import build_site
    from sitegen.load.config import Settings
    from sitegen.site import Progress

    with pytest.MonkeyPatch.context() as monkeypatch:
        root = tmp_path_factory.mktemp("site") / "project"
        repo = site_project(root, monkeypatch)
        repo.commit(LEAKY_SUBJECT, {f"agreements/{HOSTILE_ID}/agreement.yaml": hostile_text()})
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copytree(REPO / "site_overrides", root / "site_overrides")
        (root / "build" / "docs").mkdir(parents=True)
        # loaded, not validated: the hostile agreement breaks lint rules on purpose
        loaded = [load_agreement(p) for p in sorted(root.glob("agreements/*/agreement.yaml"))]
        records = [record for item in loaded if (record := item.checked()) is not None]
        assert len(records) == 8  # the 7 samples and the hostile one
        config = load_config(str(root / "mkdocs.yml"))
        # then as `sitegen build` runs it: generate, mkdocs, the documents rendering beside
        settings, _ = Settings.find(root)
        build_site(config, root, settings, records, Progress(), today=dt.date(2025, 2, 10))
        yield root / "site"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def every_file(site: Path) -> Iterator[tuple[Path, bytes]]:
    """Every file of the site with its bytes, a gzipped one's unpacked (the sitemap's `.gz`,
    and the search index: Pagefind gzips its fragments, indexes and metadata)."""
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            yield path, gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def search_text(site: Path) -> str:
    """Everything the search index holds of every page: URL, metadata, text, headings
    (without the zero-width spaces Pagefind puts between the Chinese words it found)."""
    return json.dumps(indexed(site), ensure_ascii=False).replace("\u200b", "")


def test_both_languages_are_built(site: Path) -> None:
    assert '<html lang="zh"' in read(site, "index.html")
    assert '<html lang="en"' in read(site, "en/index.html")
    zh = read(site, "agreements/SLA-2024-001/index.html")
    en = read(site, "en/agreements/SLA-2024-001/index.html")
    assert "核心业务系统运维服务水平协议" in zh and "<dt>编号</dt>" in zh
    assert "<dt>Number</dt>" in en and "Service Level Agreement for the Operation" in en
    # the language switcher leads to the same page in the other language
    assert 'href="en/agreements/SLA-2024-001/" hreflang="en"' in zh.replace("../../", "")
    assert "Agreement catalogue" in read(site, "en/index.html")
    assert "期限与义务" in read(site, "renewals/index.html")
    # the docs folder's own bookkeeping (its marker, the record of copies) is not published;
    # the site's marker (only a folder sitegen built is replaced) is the one dot file
    assert [path for path in site.rglob(".sitegen*")] == [site / ".sitegen-site"]
    # nor a sitemap whose every location would start with "None" (mkdocs.yml sets no site_url)
    assert not [path for path in site.rglob("sitemap.xml*")]


def test_a_site_with_an_address_keeps_its_sitemap(tmp_path: Path) -> None:
    for folder in (tmp_path, tmp_path / "en"):
        folder.mkdir(exist_ok=True)
        (folder / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    assert drop_unaddressed(tmp_path, "https://sla.example.internal/") == []
    assert (tmp_path / "sitemap.xml").is_file()
    assert drop_unaddressed(tmp_path, None) == [
        tmp_path / "sitemap.xml",
        tmp_path / "en/sitemap.xml",
    ]


def test_agreement_page_parts(site: Path) -> None:
    page = read(site, "agreements/SLA-2024-001/index.html")
    assert page.count('class="tabbed-set tabbed-alternate sg-views"') == 1
    labels = re.findall(r'<label for="sg-view-(?:zh|en|parallel)">([^<]*)</label>', page)
    assert labels == ["中文", "English", "对照"]
    # the contract is on the page once: each clause a Chinese and an English block
    assert page.count('<div class="sg-parallel">') > 10
    shown, both = page.split('<script type="text/html" class="sg-contract-both">')
    both = both[: both.index("</script>")]
    # as HTML the page's own language; in the script (contract.js) both, in one tree
    assert "本协议编号为 SLA-2024-001" in shown and "numbered SLA-2024-001" not in shown
    assert both.count("本协议编号为 SLA-2024-001") == both.count("numbered SLA-2024-001") == 1
    assert page.count('id="basic-information.number"') == 2
    assert 'href="../../downloads/SLA-2024-001/SLA-2024-001-v1.pdf"' in page
    assert 'href="../../downloads/SLA-2024-001/SLA-2024-001-working.pdf"' in page
    assert 'href="../../diffs/SLA-2024-001/v1-draft/"' in page
    archived = (site.parent / "agreements/SLA-2024-001/signed/v1.pdf").read_bytes()
    assert (site / "downloads/SLA-2024-001/SLA-2024-001-v1.pdf").read_bytes() == archived
    # rendered while mkdocs built the site, then put in place of their empty stand-ins
    for kind, magic in (("pdf", b"%PDF-"), ("docx", b"PK\x03\x04")):
        name = f"downloads/SLA-2024-001/SLA-2024-001-working.{kind}"
        assert (site / name).read_bytes()[:4] == magic[:4], name
        assert (site / name).read_bytes() == (site.parent / "build/docs" / name).read_bytes()


def test_report_pages_are_built_with_their_pdfs_and_charts(site: Path) -> None:
    """The demo's records of SLA-2025-006 in the built site: October 2026 accepted (its PDF
    published, linked from its page and the agreement's section), November not (no PDF,
    the page says why); the charts as SVG with their names."""
    page = read(site, "en/agreements/SLA-2025-006/reports/2026-10/index.html")
    assert 'href="../../../../../downloads/SLA-2025-006/SLA-2025-006-report-2026-10.pdf"' in page
    assert page.count('<svg class="sg-chart-svg" role="img" aria-labelledby=') == 3
    assert '<title id="sg-budget-t">Share of the allowed downtime used</title>' in page
    pdf = site / "downloads/SLA-2025-006/SLA-2025-006-report-2026-10.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert not (site / "downloads/SLA-2025-006/SLA-2025-006-report-2026-11.pdf").exists()
    november = read(site, "agreements/SLA-2025-006/reports/2026-11/index.html")
    assert "客户方尚未验收本期报告，验收后方提供 PDF。" in november
    section = read(site, "agreements/SLA-2025-006/index.html")
    assert 'href="reports/2026-11/"' in section
    assert 'href="../../downloads/SLA-2025-006/SLA-2025-006-report-2026-10.pdf"' in section
    # the provider's published SLA has records but none accepted: pages, no PDF
    assert (site / "agreements/SLA-2025-005/reports/2025-10/index.html").is_file()
    assert not list((site / "downloads/SLA-2025-005").glob("*-report-*"))
    # left out of search: their figures buried the contracts a search is for
    pages = indexed(site)
    assert not [url for url in pages if "/reports/" in url]
    assert {"/agreements/SLA-2025-006/", "/en/agreements/SLA-2025-006/"} <= set(pages)


def test_diff_page_is_rendered(site: Path) -> None:
    """The changes are a table, no cell leaks Markdown table syntax; the clauses' redlines
    follow it (a contract table's row reads "P1 | Critical | …" there, as its text does)."""
    page = read(site, "en/diffs/SLA-2024-001/v1-draft/index.html")
    assert "<details open" in page and "<table>" in page
    changes = page[page.index("<table>") : page.index("</table>")]
    assert "|" not in re.sub(r"<[^>]+>", "", changes)


def test_restricted_agreements_leave_no_trace(site: Path) -> None:
    needles = [*SECRETS, RESTRICTED_ID, "SLA-2024-002"]
    published = {path.relative_to(site).as_posix() for path, _ in every_file(site)}
    assert {"catalogue.json", "renewals.ics", "pagefind/pagefind.js"} <= published
    pages = len(list(site.glob("agreements/*/index.html"))) * 2  # each in both languages
    assert len([name for name in published if name.startswith("pagefind/fragment/")]) == pages
    for path, data in every_file(site):
        assert not any(n in path.as_posix() for n in needles), path
        for needle in needles:
            assert needle.encode() not in data, (path.relative_to(site), needle)


def test_a_commit_subject_naming_a_restricted_agreement_is_not_published(site: Path) -> None:
    """The history table says what changed as sitegen reads it (here: added), never the
    commit's free text, which named the restricted agreement (`LEAKY_SUBJECT`)."""
    for lang, added in (("", "新建"), ("en/", "added")):
        page = read(site, f"{lang}agreements/{HOSTILE_ID}/index.html")
        # its file says signed, but no archive holds it: not signed (once "已签署 / Signed")
        version = "<td>v1（未签署）</td>" if not lang else "<td>v1 (not signed)</td>"
        assert version in page and f"<td>{added}</td>" in page
    index = search_text(site)
    for path, data in every_file(site):
        for needle in (RESTRICTED_ID, *SECRETS, "modelled on"):
            assert needle.encode() not in data, (path.relative_to(site), needle)
    assert "modelled on" not in index


def test_search_indexes_each_agreement_page_in_its_own_language(site: Path) -> None:
    """Both texts are on both agreement pages (the tabs), but each page indexes its own,
    under its `<html lang>`: one index a language. What a page indexes is its card and its
    contract text; each result names the agreement, its title and its versions."""
    pages = indexed(site)
    ids = sorted(path.parent.name for path in site.glob("agreements/*/index.html"))
    assert len(ids) == 6 and HOSTILE_ID in ids
    # the agreement pages only: not the catalogue, deadlines, diff, report or 404 pages
    assert set(pages) == {f"{lang}/agreements/{number}/" for lang in ("", "/en") for number in ids}
    zh, en = pages["/agreements/SLA-2024-001/"], pages["/en/agreements/SLA-2024-001/"]
    zh_text = zh["content"].replace("\u200b", "")  # Pagefind's marks between Chinese words
    assert "本协议编号为 SLA-2024-001" in zh_text and "numbered SLA-2024-001" not in zh_text
    assert "协议\u200b编号" in zh["content"]  # segmented into words: 本 | 协议 | 编号 | 为
    assert "numbered SLA-2024-001" in en["content"] and "本协议编号" not in en["content"]
    # the card's terms and values apart ("Provider Hangzhou", not "ProviderHangzhou")
    assert "Provider Hangzhou Yunheng" in en["content"]
    # sections by heading, without the permalink's mark
    anchors = {anchor["id"]: anchor["text"] for anchor in en["anchors"]}
    assert anchors["basic-information.number"] == "1.1 Agreement Number and Version"
    assert "¶" not in en["content"]
    # the result's fields, the version in force first (signed v1; the working v2 is in
    # review, the version the diff page compares)
    assert zh["meta"] == {
        "id": "SLA-2024-001",
        "title": "核心业务系统运维服务水平协议",
        "version": "v1 现行有效（2024年3月15日签署） · v2 审核中",
        "in_force": "yes",
    }
    assert en["meta"] == {
        "id": "SLA-2024-001",
        "title": "Service Level Agreement for the Operation of Core Business Systems",
        "version": "v1 in force (signed 15 March 2024) · v2 in review",
        "in_force": "yes",
    }
    # a hostile title is text in the index (HTML-escaped by `h` in the page, read back as
    # text by Pagefind), never markup of the page
    assert pages[f"/agreements/{HOSTILE_ID}/"]["meta"]["title"] == HOSTILE
    assert pages["/en/agreements/SLA-2025-004/"]["meta"]["in_force"] == "no"  # a draft
    # one index each language, the one bundle at the site's root
    entry = json.loads(read(site, "pagefind/pagefind-entry.json"))
    assert {lang: data["page_count"] for lang, data in entry["languages"].items()} == {
        "zh": 6,
        "en": 6,
    }
    assert not (site / "en" / "pagefind").exists()


def test_search_has_chinese_words_and_no_restricted_agreement(site: Path) -> None:
    index = search_text(site)
    assert "核心业务系统" in index and "Core Business Systems" in index
    assert RESTRICTED_ID not in index and SECRETS[0] not in index
    # Material's lunr index is not written at all (it was the largest file of the site)
    assert not (site / "search").exists()
    assert not (site / "assets/javascripts/workers/sitegen-search.js").exists()


# Material's bundled JavaScript names these hosts in code our configuration never runs:
# a ResizeObserver polyfill for browsers without one and mermaid for diagrams (unpkg), the
# repository facts shown only with `repo_url` (GitHub), and licence comments of lunr.
THEME_JS_HOSTS = {
    "unpkg.com", "api.github.com", "github.com", "www.mozilla.org", "snowball.tartarus.org",
    "code.google.com", "en.wikipedia.org", "developer.mozilla.org", "clipboardjs.com",
    "bit.ly", "wiki.ecmascript.org", "wiki.commonjs.org", "underscorejs.org", "tartarus.org",
    "people.mozilla.org", "narwhaljs.org", "msdn.microsoft.com", "lunrjs.com",
    "docs.python.org", "chasen.org", "fontawesome.com",
    "example.com",  # Pagefind's pagefind.js: a base for parsing a result's relative URL
}  # fmt: skip
INDEX_FILES = {".pf_fragment", ".pf_index", ".pf_meta"}  # Pagefind's, gzipped
URL = re.compile(rb"https?://([A-Za-z0-9.-]+)")
NAMESPACE = re.compile(rb"http://www\.(w3\.org/[0-9]{4}/|sitemaps\.org/schemas/)")


# A published agreement's `source.url` is shown as text, never made a link: the sample's
# address may be in its pages and the search index as text, and in no attribute.
SOURCE_URL = b"https://www.tianshu-cloud.example/legal/sla/ecs"
AS_ATTRIBUTE = re.compile(rb"""=\s*["']?""" + re.escape(SOURCE_URL))


def test_nothing_refers_to_another_host(site: Path) -> None:
    shown = []
    for path, data in every_file(site):
        if path.suffix not in {".html", ".css", ".js", ".json", ".xml", *INDEX_FILES}:
            continue
        assert not AS_ATTRIBUTE.search(data), path.relative_to(site)
        if SOURCE_URL in data:
            name = path.relative_to(site).as_posix()
            shown.append(
                f"{path.parent.relative_to(site)}/*" if path.suffix in INDEX_FILES else name
            )
            data = data.replace(SOURCE_URL, b"")
        hosts = {m.group(1).decode() for m in URL.finditer(NAMESPACE.sub(b"", data))}
        ours = "sitegen" in path.parts or path.suffix in {".html", ".json", ".xml", *INDEX_FILES}
        if ours:
            assert not hosts, (path.relative_to(site), hosts)
        elif path.suffix == ".css":
            assert not re.search(rb"url\(\s*['\"]?https?:|@import\s+['\"]?https?:", data), path
        else:
            assert hosts <= THEME_JS_HOSTS, (path.relative_to(site), hosts - THEME_JS_HOSTS)
    assert "fonts.googleapis.com" not in read(site, "index.html")
    assert shown == [
        "agreements/SLA-2025-005/index.html",
        "diffs/SLA-2025-005/v1-v2/index.html",  # the source's address changed: as text
        "en/agreements/SLA-2025-005/index.html",
        "en/diffs/SLA-2025-005/v1-v2/index.html",
        "pagefind/fragment/*",  # the English page's (the Chinese one's is cut into words)
    ]


class Markup(HTMLParser):
    """Tags, text and scripts of a page. The text of a `<script type="text/html">` is HTML
    that contract.js puts in the page: it is parsed and checked like the page's own."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.inert: list[str] = []  # the text of each inert HTML script, as shown
        self._script: str | None = None  # the type of the script being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._script = (dict(attrs).get("type") or "") if tag == "script" else None

    def handle_endtag(self, tag: str) -> None:
        self._script = None

    def handle_data(self, data: str) -> None:
        if self._script == "text/html":
            inner = Markup()
            inner.feed(data)
            inner.close()
            self.tags += inner.tags
            self.scripts += inner.scripts
            self.inert.append("".join(inner.text))
        elif self._script is not None:
            self.scripts.append(data)
        else:
            self.text.append(data)


@pytest.mark.parametrize(
    "page", [f"agreements/{HOSTILE_ID}/index.html", f"en/agreements/{HOSTILE_ID}/index.html",
             "index.html", "en/index.html"],
)  # fmt: skip
def test_hostile_values_show_as_text(site: Path, page: str) -> None:
    parsed = Markup()
    parsed.feed(read(site, page))
    for tag, attrs in parsed.tags:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert not (tag == "img" and attrs.get("src") == "x"), attrs
        urls = [attrs.get(name) or "" for name in ("href", "src", "action", "formaction")]
        assert not [url for url in urls if "javascript:" in url.lower()], attrs
    assert not [s for s in parsed.scripts if "alert(" in s]
    shown = "".join(parsed.text)
    assert one_line(HOSTILE) in shown
    for inert in parsed.inert:  # the bilingual contract shows it as text too
        assert one_line(HOSTILE) in inert


@pytest.mark.parametrize("keep", [False, True])
def test_a_written_page_lets_go_of_its_text_unless_asked_to_keep_it(keep: bool) -> None:
    from types import SimpleNamespace

    from sitegen.mkdocs.plugin import SitegenPlugin

    plugin = SitegenPlugin()
    errors, warnings = plugin.load_config({"keep_built_pages": keep})
    assert not errors and not warnings
    page = SimpleNamespace(content="<h1>协议</h1>", markdown="# 协议")
    assert plugin.on_post_page("<html>", page=page, config=None) == "<html>"  # type: ignore[arg-type]
    # emptied, never None: mkdocs' Page.title would parse the Markdown again for None
    assert (page.content, page.markdown) == (("<h1>协议</h1>", "# 协议") if keep else ("", ""))


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("today: 2025-02-10", dt.date(2025, 2, 10)),  # YAML reads it as a date
        ("today: '2025-02-10'", dt.date(2025, 2, 10)),
        ("today: 2025-02-10 09:30:00", dt.date(2025, 2, 10)),
    ],
)
def test_the_day_of_the_build_as_mkdocs_yml_gives_it(line: str, day: dt.date) -> None:
    from mkdocs.utils.yaml import yaml_load

    from sitegen.mkdocs.plugin import SitegenPlugin

    plugin = SitegenPlugin()
    errors, _ = plugin.load_config(yaml_load(line))
    assert not errors
    assert plugin._today() == day


def test_a_day_that_is_not_a_date_is_refused() -> None:
    from mkdocs.exceptions import PluginError

    from sitegen.mkdocs.plugin import SitegenPlugin

    plugin = SitegenPlugin()
    plugin.load_config({"today": "10/02/2025"})
    with pytest.raises(PluginError, match=r"today: '10/02/2025' is not YYYY-MM-DD"):
        plugin._today()
