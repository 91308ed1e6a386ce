"""The catalogue page's signed-PDF column and its cards on a phone (issue 14 §1): the
markup `sitegen.site.catalogue_page` writes, the files `sitegen.site.downloads` names, and
`catalogue.json`'s paths, from a generated docs folder of the samples."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from sitegen.catalogue import Due, Row
from sitegen.catalogue.copies import SignedCopies
from sitegen.compose.contract import Lang, Text
from sitegen.load.config import Settings
from sitegen.render.page_markup import served_link
from sitegen.site import generate
from sitegen.site.catalogue_page import COLUMNS, catalogue_table, renewals_page
from sitegen.site.catalogue_paging import PAGE_ROWS
from sitegen.versions.sign import attach
from tests.gitrepo import GitRepo
from tests.test_site_fixtures import CHANGED_ID, site_project

TODAY = dt.date(2026, 12, 2)
LONDON = "SLA-2025-006"  # v1 and v2 signed, v2 in force
CLOUD = "SLA-2025-005"  # a provider's published SLA: its archive holds the provider's text
DRAFT = "SLA-2025-004"
HOSTILE = "<b>\"x\" & 'y'</b>"


def row(**changes: object) -> Row:
    values: dict[str, object] = dict(
        id="SLA-2026-010",
        title=Text("校园网服务水平协议", "Campus Network SLA"),
        customer=Text("某大学", "A University"),
        provider=Text("网络中心", "Network Centre"),
        status="signed",
        state="active",
        effective=dt.date(2026, 1, 1),
        expiry=dt.date(2026, 12, 31),
        objection_deadline=dt.date(2026, 11, 30),
        availability=Decimal("99.5"),
        p1_response=None,
        visibility="internal",
        in_force=2,
        signed=dt.date(2025, 12, 20),
    )
    values.update(changes)
    return Row(**values)  # type: ignore[arg-type]


def signed_cell(table: str) -> str:
    found = re.search(r'<td role="cell" class="sg-col-signed_pdf"[^>]*>.*?</td>', table)
    assert found, table
    return found[0]


COPIES = SignedCopies(
    2,
    dt.date(2025, 12, 20),
    "downloads/SLA-2026-010/SLA-2026-010-v2.pdf",
    "downloads/SLA-2026-010/SLA-2026-010-v2-scan.pdf",
)


@pytest.mark.parametrize(
    ("lang", "cell"),
    [
        (
            "zh",
            '<td role="cell" class="sg-col-signed_pdf" data-label="已签署 PDF" '
            'data-sort="2025-12-20"><a class="sg-signed-pdf" '
            'href="downloads/SLA-2026-010/SLA-2026-010-v2.pdf" download '
            'title="SLA-2026-010 v2 PDF（2025年12月20日签署）" '
            'aria-label="SLA-2026-010 v2 PDF（2025年12月20日签署）">v2 PDF</a>'
            '<a class="sg-signed-scan" href="downloads/SLA-2026-010/SLA-2026-010-v2-scan.pdf" '
            'download title="SLA-2026-010 v2 签署扫描件" aria-label="SLA-2026-010 v2 签署扫描件">'
            "签署扫描件</a></td>",
        ),
        (
            # the English page is served at en/: the files are one folder up
            "en",
            '<td role="cell" class="sg-col-signed_pdf" data-label="Signed PDF" '
            'data-sort="2025-12-20"><a class="sg-signed-pdf" '
            'href="../downloads/SLA-2026-010/SLA-2026-010-v2.pdf" download '
            'title="SLA-2026-010 v2 PDF (signed 20 December 2025)" '
            'aria-label="SLA-2026-010 v2 PDF (signed 20 December 2025)">v2 PDF</a>'
            '<a class="sg-signed-scan" '
            'href="../downloads/SLA-2026-010/SLA-2026-010-v2-scan.pdf" download '
            'title="SLA-2026-010 v2 executed copy" aria-label="SLA-2026-010 v2 executed copy">'
            "Executed copy</a></td>",
        ),
    ],
)
def test_the_signed_pdf_and_the_scan_are_links_of_their_column(lang: Lang, cell: str) -> None:
    table = catalogue_table([row()], lang, copies={"SLA-2026-010": COPIES})
    assert signed_cell(table) == cell
    # the column's head, after the status, sortable as every other
    head = "已签署 PDF" if lang == "zh" else "Signed PDF"
    assert (
        f'<th role="columnheader" data-column="status" aria-sort="none">'
        f"{'状态' if lang == 'zh' else 'Status'}</th>"
        f'<th role="columnheader" data-column="signed_pdf" aria-sort="none">{head}</th>'
    ) in table
    assert COLUMNS.index("signed_pdf") == COLUMNS.index("status") + 1


@pytest.mark.parametrize(
    ("changes", "copies", "zh", "en"),
    [
        # a draft and an amendment in review of an agreement never signed
        ({"status": "draft", "state": "draft", "in_force": None, "signed": None}, None,
         "尚未签署", "Not signed yet"),
        ({"status": "in_review", "state": "in_review", "in_force": None, "signed": None}, None,
         "尚未签署", "Not signed yet"),
        # the file says signed, the archive holds no such version
        ({"state": "unsigned", "in_force": None, "signed": None}, None,
         "签署存档中没有", "Not in the signed archive"),
        # a provider's published SLA: accepted, never signed (its text is archived, not ours)
        ({"kind": "published", "status": "accepted"}, None,
         "服务方公布，无签署文本", "Published by the provider: none signed"),
        # a version in force whose archive entry holds no PDF
        ({}, None, "存档中没有 PDF", "No PDF archived"),
    ],
)  # fmt: skip
def test_without_a_signed_pdf_the_cell_says_why_in_words(
    changes: dict[str, object], copies: SignedCopies | None, zh: str, en: str
) -> None:
    for lang, words in (("zh", zh), ("en", en)):
        cell = signed_cell(catalogue_table([row(**changes)], lang))  # type: ignore[arg-type]
        assert re.search(rf'data-sort=""><span class="sg-none">{words}</span></td>$', cell), cell
        assert "—" not in cell and "<a " not in cell


def test_a_scan_without_a_pdf_says_so_and_links_the_scan() -> None:
    copies = SignedCopies(1, dt.date(2025, 12, 20), None, "downloads/X/X-v1-scan.png")
    cell = signed_cell(catalogue_table([row()], "en", copies={"SLA-2026-010": copies}))
    assert cell.startswith(
        '<td role="cell" class="sg-col-signed_pdf" data-label="Signed PDF" data-sort="">'
        '<span class="sg-none">No PDF archived</span><a class="sg-signed-scan" '
        'href="../downloads/X/X-v1-scan.png" download'
    )


def test_untrusted_values_stay_text_in_the_cells_and_their_labels() -> None:
    hostile = row(id=HOSTILE, title=Text(HOSTILE, HOSTILE))
    table = catalogue_table([hostile], "en", copies={HOSTILE: COPIES})
    assert "<b>" not in table and '"x"' not in table
    escaped = "&lt;b&gt;&quot;x&quot; &amp; &#x27;y&#x27;&lt;/b&gt;"
    assert f'aria-label="{escaped} v2 PDF (signed 20 December 2025)"' in table
    assert f'title="{escaped} v2 executed copy"' in table
    # every cell's label is our own word, escaped as an attribute all the same
    labels = re.findall(r'data-label="([^"]*)"', table)
    assert labels == ["Number", "Title", "Customer", "Provider", "Status", "Signed PDF",
                      "Effective", "Expiry", "Objection deadline", "Availability",
                      "P1 response"]  # fmt: skip


def test_the_catalogue_is_a_table_to_screen_readers_whatever_its_display() -> None:
    """On a phone the rows are cards (display: block and flex): the roles keep the table's
    meaning for browsers that drop it with the display."""
    table = catalogue_table([row()], "zh")
    assert '<div class="sg-table-wrap sg-cards"><table role="table">' in table
    assert '<thead role="rowgroup"><tr role="row"><th role="columnheader" ' in table
    assert '<tbody role="rowgroup">\n<tr role="row" ' in table
    assert len(re.findall(r'<td role="cell"', table)) == len(COLUMNS) + 1  # + last report


@pytest.mark.parametrize(
    ("source", "served"),
    [
        ("index.md", "downloads/A/A-v1.pdf"),  # /
        ("index.en.md", "../downloads/A/A-v1.pdf"),  # /en/
        ("agreements/A.md", "../../downloads/A/A-v1.pdf"),  # /agreements/A/
        ("agreements/A.en.md", "../../../downloads/A/A-v1.pdf"),  # /en/agreements/A/
        ("agreements/A/reports/2026-01.md", "../../../../downloads/A/A-v1.pdf"),
    ],
)
def test_raw_html_links_are_relative_to_the_address_a_page_is_served_at(
    source: str, served: str
) -> None:
    assert served_link(source, "downloads/A/A-v1.pdf") == served


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    return site_project(tmp_path / "project", monkeypatch)


def test_the_catalogue_and_its_json_point_at_the_published_signed_files(
    repo: GitRepo, tmp_path: Path
) -> None:
    scan = tmp_path / "executed.pdf"
    scan.write_bytes(b"%PDF-1.4 the executed paper copy, scanned")
    attach(repo.root, Settings(), LONDON, "v2", scan)  # v2 is LONDON's version in force
    out = repo.root / "build" / "docs"
    generate(repo.root, Settings(), out, today=TODAY, render_documents=False)
    found = {
        record["id"]: record
        for record in json.loads((out / "catalogue.json").read_text("utf-8"))["agreements"]
    }
    assert found[LONDON]["signed_pdf"] == f"downloads/{LONDON}/{LONDON}-v2.pdf"
    assert found[LONDON]["signed_scan"] == f"downloads/{LONDON}/{LONDON}-v2-scan.pdf"
    # SLA-2024-001's v2 is in review: the PDF is v1's, the version in force
    assert found[CHANGED_ID]["signed_pdf"] == f"downloads/{CHANGED_ID}/{CHANGED_ID}-v1.pdf"
    assert found[CHANGED_ID]["signed_scan"] is None
    for nothing in (DRAFT, CLOUD):  # never signed; the provider's published text
        assert (found[nothing]["signed_pdf"], found[nothing]["signed_scan"]) == (None, None)
    # each path is a file of the docs folder, the archived bytes
    archive = repo.root / "agreements" / LONDON / "signed"
    assert (out / found[LONDON]["signed_pdf"]).read_bytes() == (archive / "v2.pdf").read_bytes()
    assert (out / found[LONDON]["signed_scan"]).read_bytes() == scan.read_bytes()
    page = (out / "index.en.md").read_text("utf-8")
    assert f'href="../downloads/{LONDON}/{LONDON}-v2.pdf" download' in page
    assert f'href="../downloads/{LONDON}/{LONDON}-v2-scan.pdf" download' in page
    # the agreement page's link under the card names the same files
    card = (out / f"agreements/{LONDON}.en.md").read_text("utf-8")
    assert f"../downloads/{LONDON}/{LONDON}-v2.pdf)" in card
    assert f"../downloads/{LONDON}/{LONDON}-v2-scan.pdf)" in card


def test_the_deadlines_page_is_a_labelled_table_with_every_value_as_text() -> None:
    """Each item a row whose cells name their head (a card on a phone, its "when" on
    screen); an action's text from a review record is untrusted: it stays text."""
    due = Due(
        "SLA-2024-001",
        Text("核心业务系统", HOSTILE),
        "action_due",
        dt.date(2026, 11, 30),
        overdue=True,
        days=-2,
        ref="A1",
        subject=Text("A1：交接", f"A1: {HOSTILE}"),
    )
    page = renewals_page([due], TODAY, 90, "en")
    escaped = "&lt;b&gt;&quot;x&quot; &amp; &#x27;y&#x27;&lt;/b&gt;"
    assert "<b>" not in page
    assert (
        '<div class="sg-cards sg-renewals"><table><thead><tr><th>Date</th><th>What</th>'
        "<th>Number</th><th>Agreement</th><th>When</th></tr></thead><tbody><tr>"
        '<td data-label="Date"><span>30 November 2026</span></td>'
        f'<td data-label="What"><span>Improvement action due<br>A1: {escaped}</span></td>'
        '<td data-label="Number"><span><a href="../agreements/SLA-2024-001/">SLA-2024-001</a>'
        "</span></td>"
        f'<td data-label="Agreement"><span>{escaped}</span></td>'
        '<td data-label="When"><span><time class="sg-countdown sg-overdue" datetime="2026-11-30" '
        'data-sg-past="overdue">2 days overdue</time></span></td>'
        "</tr></tbody></table></div>"
    ) in page
    zh = renewals_page([due], TODAY, 90, "zh")
    assert '<td data-label="剩余"><span><time class="sg-countdown sg-overdue"' in zh
    assert 'data-sg-past="overdue">逾期 2 天</time></span></td>' in zh


@pytest.mark.parametrize(
    ("lang", "due", "pending"),
    [
        ("zh", "本年补偿: 1,000.00 CNY", "待验收补偿: 250.00 CNY<br>123.45 USD"),
        ("en", "Credits this year: 1,000.00 CNY", "Credits awaiting acceptance: 250.00 CNY"),
    ],
)
def test_credits_due_and_awaiting_acceptance_are_apart(lang: Lang, due: str, pending: str) -> None:
    """A credit is due once the customer accepted its report; the others are shown apart,
    awaiting acceptance (catalogue/service.py)."""
    from sitegen.catalogue.service import Credit, Service

    service = Service(
        credits_this_year=(Credit(Decimal("1000.00"), "CNY"),),
        credits_pending=(Credit(Decimal("250.00"), "CNY"), Credit(Decimal("123.45"), "USD")),
    )
    table = catalogue_table([row()], lang, {"SLA-2026-010": service})
    cell = table[table.index('class="sg-col-service"') :]
    assert due in cell and pending in cell
    assert cell.index(due) < cell.index(pending)


def numbered(count: int) -> list[Row]:
    return [row(id=f"SLA-2026-{n:04d}") for n in range(1, count + 1)]


@pytest.mark.parametrize(
    ("lang", "said", "link"),
    [
        ("zh", "这里列出前 25 份协议（共 120 份）。全部协议：",
         '<a href="catalogue.json">协议目录（JSON）</a>'),
        ("en", "The first 25 of 120 agreements are listed here. All of them:",
         '<a href="../catalogue.json">Catalogue (JSON)</a>'),
    ],
)  # fmt: skip
def test_a_large_catalogue_lays_out_one_page_of_rows_and_keeps_the_rest_inert(
    lang: Lang, said: str, link: str
) -> None:
    """120 agreements: the table holds the first 25 (PAGE_ROWS) in the catalogue's order,
    a <template> the other 95 (a browser parses them but lays out none: catalogue_page.py
    says why); without the script a line says so and links the catalogue's JSON; the page
    buttons wait, hidden, for the script."""
    table = catalogue_table(numbered(120), lang)
    assert PAGE_ROWS == 25
    assert 'data-sg-catalogue data-sg-page-size="25"' in table
    body = table[table.index("<tbody") : table.index("</tbody>")]
    waiting = table[table.index("<template data-sg-rows>") : table.index("</template>")]
    ids = re.compile(r'<td role="cell" class="sg-col-id"[^>]*><a [^>]*>([^<]*)</a>')
    assert ids.findall(body) == [f"SLA-2026-{n:04d}" for n in range(1, 26)]
    assert ids.findall(waiting) == [f"SLA-2026-{n:04d}" for n in range(26, 121)]
    assert table.index("</table>") < table.index('<p class="sg-more" data-sg-more>')
    assert f'<p class="sg-more" data-sg-more>{said} {link}</p>' in table
    assert '<nav class="sg-pages" data-sg-pages hidden aria-label=' in table
    template = re.search(r'<output aria-live="polite" data-template="([^"]*)">', table)
    assert template and "{first}–{last}" in template[1] and "{page}" in template[1]


@pytest.mark.parametrize("count", [1, PAGE_ROWS])
def test_a_catalogue_of_one_page_has_no_pages(count: int) -> None:
    table = catalogue_table(numbered(count), "en")
    assert table.count('<tr role="row" data-state=') == count
    assert "<template" not in table and "data-sg-pages" not in table
    assert "data-sg-more" not in table
