"""Service reports on the site: a page per period in both languages, the agreement page's
service section, the catalogue's last-report and credits columns (page and JSON), the
pages' cache key over the reports folder, and a broken record stopping the build.

The project is the samples in a real git repository (`site_project`), whose demo records
(Oct 2025 – Nov 2026) the generator reads from disk; the figures named here are the ones
the records hold, with how each comes about in the comments.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from sitegen.catalogue.service import Credit, LastReport, service_of
from sitegen.errors import UserError
from sitegen.load.config import Settings
from sitegen.reports.acceptance import Acceptance
from sitegen.reports.figures import CreditsDue, TargetFigures
from sitegen.reports.held import HeldReport
from sitegen.reports.pdf_charts import attainment_bar, budget_chart
from sitegen.reports.record import render_record
from sitegen.site import Summary, generate
from sitegen.site.svg_charts import svg_chart
from tests.gitrepo import GitRepo
from tests.report_factory import cloud_october, record_of, university_october
from tests.test_site_fixtures import site_project

TODAY = dt.date(2026, 12, 1)
LONDON = "SLA-2025-006"  # fails 2026-01: 19 min of downtime, a credit of GBP 242.50
GUIDE = "SLA-2024-001"  # fails 2025-11: 99.8217% against 99.9%, a credit of CNY 4000.00
HIDDEN = "SLA-2024-002"  # restricted: its records never reach the site


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    return site_project(tmp_path / "project", monkeypatch)


def run(repo: GitRepo, **options: object) -> tuple[Path, Summary]:
    out = repo.root / "build" / "docs"
    options.setdefault("render_documents", False)
    summary = generate(repo.root, Settings(), out, today=TODAY, **options)  # type: ignore[arg-type]
    return out, summary


def read(out: Path, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


def test_each_record_has_a_page_in_both_languages_and_restricted_ones_none(repo: GitRepo) -> None:
    out, _ = run(repo)
    for period in ("2025-10", "2025-11", "2026-11"):
        stem = f"agreements/{GUIDE}/reports/{period}"
        assert (out / f"{stem}.md").is_file() and (out / f"{stem}.en.md").is_file(), stem
    pages = sorted(p.name for p in (out / f"agreements/{LONDON}/reports").iterdir())
    assert len(pages) == 28  # 14 months, two languages
    assert not (out / f"agreements/{HIDDEN}").exists()
    assert HIDDEN not in read(out, "catalogue.json")
    assert not list(out.rglob(f"*{HIDDEN}*"))


def test_the_report_page_states_the_verdict_the_credit_and_the_acceptance(repo: GitRepo) -> None:
    out, _ = run(repo)
    en = read(out, f"agreements/{LONDON}/reports/2026-01.en.md")
    assert '<span class="sg-verdict sg-verdict-missed">✗ Not met</span>' in en
    # the credit as the record states it: 242.50 GBP, with its claim deadline
    assert "<dt>Credit due</dt><dd>242.50 GBP</dd>" in en
    # the claim deadline, and the place of its countdown (the script fills it: the page is
    # cached from one day to the next), counted in the agreement's zone
    assert re.search(
        r"<dt>Claim by</dt><dd>\d+ \w+ 2026<span class=\"sg-when\"><time class=\"sg-countdown\" "
        r'datetime="2026-\d\d-\d\d" data-sg-zone="Europe/London" data-sg-past="ago"></time>',
        en,
    )
    assert "accepted on " in en and "London Office Manager (service liaison)" in en
    # Accepted under the English role; the Chinese page names it as the agreement does.
    zh = read(out, f"agreements/{LONDON}/reports/2026-01.md")
    assert "伦敦办公室经理（服务对接人）已于" in zh and "London Office Manager" not in zh
    # availability per tier: 10,710 service minutes, 19 down: (10710 − 19) / 10710 =
    # 99.82259…% → 99.8225 rounded down, against 99.9
    # (each cell labelled with its head: a phone shows the row as a card)
    assert (
        '<td data-label="Target">99.9%</td><td data-label="Attained">99.8225%</td>'
        '<td data-label="Downtime">19</td><td data-label="Excluded">0</td>'
        '<td data-label="Service time">10710</td>'
    ) in en
    assert "INC-006-002" in en  # the counted outage, with its reason
    # the charts: SVG with an accessible name and the figures beside them
    assert en.count('role="img"') == 3  # allowed downtime, trend, attainment per priority
    assert '<title id="sg-trend-t">Availability against the target, last 12 periods</title>' in en
    assert en.count('<details class="sg-chart-figures">') == 3
    # no PDF in a build without documents, and the page says so
    assert "This build does not publish PDF files\\." in en
    zh = read(out, f"agreements/{LONDON}/reports/2026-01.md")
    assert "✗ 未达标" in zh and "<dt>应付服务补偿</dt><dd>242.50 GBP</dd>" in zh


def test_the_agreement_page_has_a_service_section_only_with_reports(repo: GitRepo) -> None:
    out, _ = run(repo)
    page = read(out, f"agreements/{GUIDE}.en.md")
    assert "## Service reports {#sg-service}" in page
    assert '<svg class="sg-chart-svg" role="img" aria-labelledby="sg-service-trend-t"' in page
    # the latest first; the failed month marked with ✗ (not by colour alone)
    rows = [line for line in page.splitlines() if line.startswith("| [20")]
    assert len(rows) == 14
    assert rows[0].startswith(f"| [2026\\-11]({GUIDE}/reports/2026-11.en.md)")
    assert "not yet accepted" in rows[0]
    failed = next(row for row in rows if "2025\\-11" in row)
    assert "✗ Not met" in failed and "4,000\\.00 CNY" in failed
    assert "10 December 2025 \\(IT Centre Manager \\(service liaison\\)\\)" in failed
    assert "| ✓ Met | none |" in rows[1]  # 2026-10: every target met, no credit
    # the trend shows the last 12 months (Dec 2025 – Nov 2026): SLA-2025-006's failed
    # January is there, the second bar (40 units a row, 2 above the first, the label's
    # baseline 13 down: 40 + 2 + 13 = 55), its label marked
    assert "✗ 2025-11" not in page
    assert '<text x="0" y="55" class="sg-chart-label">✗ 2026-01</text>' in read(
        out, f"agreements/{LONDON}.en.md"
    )
    # SLA-2025-004 (a draft) has no records: no section
    assert "sg-service" not in read(out, "agreements/SLA-2025-004.en.md")


def test_the_catalogue_shows_the_last_report_and_the_credits_of_this_year(repo: GitRepo) -> None:
    out, _ = run(repo)
    document = json.loads(read(out, "catalogue.json"))
    found = {a["id"]: a for a in document["agreements"]}
    # every sample's last record is 2026-11, met, not accepted yet
    assert found[GUIDE]["last_report"] == {"period": "2026-11", "passed": True, "accepted": None}
    # SLA-2024-001's one credit (CNY 4000.00) is of 2025-11: not this year (2026)
    assert found[GUIDE]["credits_this_year"] == []
    assert found[LONDON]["credits_this_year"] == [{"amount": "242.50", "currency": "GBP"}]
    assert found["SLA-2025-004"]["last_report"] is None
    page = read(out, "index.en.md")
    row = next(line for line in page.splitlines() if f'<a href="agreements/{LONDON}/"' in line)
    # a narrow column: ✓ and the period, linking to its page, the words in its title
    says = "Last report 2026-11: Met, not yet accepted"
    assert (
        f'<td role="cell" class="sg-col-service" data-sort="2026-11">'
        f'<a href="agreements/{LONDON}/reports/2026-11/" '
        f'title="{says}" aria-label="{says}"><span class="sg-verdict sg-verdict-met">'
        "✓&nbsp;2026-11</span></a>"
        '<span class="sg-versions" title="Credits this year">Credits this year: 242.50 GBP</span>'
        "</td></tr>"
    ) in row
    assert (
        '<th role="columnheader" class="sg-col-service" data-column="last_report" '
        'aria-sort="none">Last report</th>'
        "</tr>"
    ) in page
    # on a phone the status cell shows the same (the column is hidden: no wider a table)
    assert '<span class="sg-service-inline"><a href="agreements/' in row


def test_a_new_acceptance_remakes_the_pages_it_shows_on(repo: GitRepo) -> None:
    out, _ = run(repo)
    page = f"agreements/{LONDON}/reports/2026-11.en.md"
    assert "not yet accepted" in read(out, page)
    reports = repo.root / f"agreements/{LONDON}/reports"
    digest = hashlib.sha256((reports / "2026-11.yaml").read_bytes()).hexdigest()
    with (reports / "acceptances.yaml").open("a", encoding="utf-8") as file:
        file.write(
            f'  - period: "2026-11"\n    sha256: "{digest}"\n'
            '    role: "London Office Manager (service liaison)"\n    date: 2026-12-01\n'
        )
    out, summary = run(repo)
    assert "accepted on 1 December 2026 by the London Office Manager" in read(out, page)
    assert f"agreements/{LONDON}.en.md" in summary.written  # the section's table
    assert f"agreements/{GUIDE}.en.md" not in summary.written  # its reports did not change
    accepted = json.loads(read(out, "catalogue.json"))["agreements"]
    assert next(a for a in accepted if a["id"] == LONDON)["last_report"]["accepted"] == (
        "2026-12-01"
    )


def test_a_broken_record_stops_the_build_naming_its_place(repo: GitRepo) -> None:
    out, _ = run(repo)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    record = repo.root / f"agreements/{LONDON}/reports/2026-03.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("met: false", "met: maybe", 1)
                      .replace("passed: true", "passed: [", 1), encoding="utf-8")  # fmt: skip
    with pytest.raises(UserError) as raised:
        run(repo)
    assert re.search(rf"agreements/{LONDON}/reports/2026-03\.yaml:\d+:\d+", str(raised.value))
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_a_small_project_publishes_the_pdf_of_accepted_reports_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One agreement, two months kept: October accepted, November not."""
    repo = site_project(tmp_path / "project", monkeypatch)
    for folder in (repo.root / "agreements").iterdir():
        if folder.name != LONDON:
            shutil.rmtree(folder)
    reports = repo.root / f"agreements/{LONDON}/reports"
    for path in reports.glob("20*.yaml"):
        if path.name not in ("2026-10.yaml", "2026-11.yaml"):
            path.unlink()
    out, _ = run(repo, render_documents=True)
    pdfs = sorted(p.name for p in (out / f"downloads/{LONDON}").glob("*-report-*"))
    assert pdfs == [f"{LONDON}-report-2026-10.pdf"]
    assert (out / f"downloads/{LONDON}/{pdfs[0]}").read_bytes().startswith(b"%PDF-")
    october = read(out, f"agreements/{LONDON}/reports/2026-10.en.md")
    link = f"[Download the report \\(PDF\\)](../../../downloads/{LONDON}/{pdfs[0]}){{: download }}"
    assert link in october
    november = read(out, f"agreements/{LONDON}/reports/2026-11.en.md")
    assert "Download the report" not in november
    assert "has not accepted this report yet: its PDF is published once accepted\\." in november


def test_values_from_records_are_text_never_markup(tmp_path: Path) -> None:
    """A ticket id and a tier name from an export reach the page escaped."""
    figures = cloud_october()
    hostile = "<script>alert(1)</script>|*x*"
    tiers = tuple(dataclasses.replace(t, tier=hostile) for t in figures.availability[:1])
    chart = svg_chart(budget_chart(tiers), "en", "sg-budget")
    assert "<script>" not in chart
    assert "&lt;script&gt;alert(1)&lt;/script&gt;|*x*" in chart
    assert 'viewBox="0 0 400 44" width="100%"' in chart


def test_a_chart_speaks_the_language_of_its_page() -> None:
    """The PDF is bilingual; a page is in one language: the tier without an id is 全部 on
    the Chinese page and All on the English one, and so are the chart's words."""
    figures = cloud_october()
    single = (dataclasses.replace(figures.availability[0], tier=""),)
    zh, en = (svg_chart(budget_chart(single), lang, "sg-budget") for lang in ("zh", "en"))
    bar = re.compile(r'class="sg-chart-label">([^<]*)</text>.*?class="sg-chart-value">([^<]*)<')
    [(zh_label, zh_value)], [(en_label, en_value)] = bar.findall(zh), bar.findall(en)
    assert (zh_label.removeprefix("✗ "), en_label.removeprefix("✗ ")) == ("全部", "All")
    assert zh_value.endswith(" 分钟)") and en_value.endswith(" min)")
    assert "All" not in zh and "全部" not in en
    answered = TargetFigures(
        target="15m",
        clock="calendar",
        required=Decimal(100),
        tickets=4,
        within=4,
        attainment=Decimal(100),
        met=True,
    )
    attainment = attainment_bar("P1", "response", answered)
    assert attainment["label"] == "P1 响应/Response"  # the PDF keeps both
    assert attainment["labels"] == ["P1 响应", "P1 Response"]


def held(figures_list: list, accepted: dict[str, dt.date] | None = None) -> list[HeldReport]:  # type: ignore[type-arg]
    found = []
    for figures in figures_list:
        data = render_record(record_of(figures))
        digest = hashlib.sha256(data).hexdigest()
        day = (accepted or {}).get(figures.period)
        acceptance = (
            Acceptance(period=figures.period, sha256=digest, role="IT 服务经理", date=day)
            if day
            else None
        )
        found.append(HeldReport(record_of(figures), digest, acceptance))
    return found


def test_credits_of_the_year_are_summed_per_currency_once_accepted() -> None:
    """A university's October 2026 (CNY 1,000.00, see report_factory), the same again for
    September 2026 with 250.00, August with a credit whose amount is not known (left out),
    a cloud provider's figures as November in USD 123.45, and December 2025 (another year):
    2026 holds CNY 1,000.00 + 250.00 = 1,250.00 and USD 123.45."""
    october = university_october()
    assert october.credits is not None and october.credits.amount == Decimal("1000.00")
    september = dataclasses.replace(
        october,
        period="2026-09",
        credits=dataclasses.replace(october.credits, amount=Decimal("250.00")),
    )
    last_year = dataclasses.replace(october, period="2025-12")
    cloud = dataclasses.replace(cloud_october(), period="2026-11")
    unknown = dataclasses.replace(
        october, period="2026-08", credits=CreditsDue(Decimal(10), None, None, None)
    )
    reports = held([last_year, unknown, september, october, cloud], {"2026-10": TODAY})
    # Only October was accepted: its credit is due, September's and November's await the
    # customer's acceptance.
    service = service_of(reports, TODAY)
    assert service.credits_this_year == (Credit(Decimal("1000.00"), "CNY"),)
    assert service.credits_pending == (
        Credit(Decimal("250.00"), "CNY"),
        Credit(Decimal("123.45"), "USD"),
    )
    # A provider's published SLA is accepted by nobody: every credit we measured is due.
    published = service_of(reports, TODAY, accepted=False)
    assert published.credits_this_year == (
        Credit(Decimal("1250.00"), "CNY"),
        Credit(Decimal("123.45"), "USD"),
    )
    assert published.credits_pending == ()
    # the last one held: November, met or not as its figures say, not accepted; without it
    # October (missed: 99.2592% against 99.9%), accepted
    assert service.last == LastReport("2026-11", cloud.passed, None)
    assert service_of(reports[:4], TODAY).last == LastReport("2026-10", False, TODAY)
    assert service_of([], TODAY).last is None


def test_a_report_page_shows_hostile_values_from_the_exports_as_text() -> None:
    """A ticket id, an event's ref and the accepting role as an export or a person could
    write them: each reaches the page as the characters it is, never as HTML or Markdown."""
    from sitegen.compose.contract import Text
    from sitegen.site.report_page import ReportView, report_page

    hostile = '<img src=x onerror="alert(1)">|**x**\n# h'
    figures = university_october()
    breach = dataclasses.replace(figures.breaches[0], ticket=hostile)
    tier = figures.availability[0]
    counted = dataclasses.replace(
        tier.counted[0], event=dataclasses.replace(tier.counted[0].event, ref=hostile)
    )
    tier = dataclasses.replace(tier, counted=(counted,))
    figures = dataclasses.replace(figures, breaches=(breach,), availability=(tier,))
    (report,) = held([figures], {"2026-10": TODAY})
    report = dataclasses.replace(
        report,
        accepted=report.accepted.model_copy(update={"role": hostile}),  # type: ignore[union-attr]
    )
    view = ReportView("SLA-2024-001", Text(hostile, hostile), report, (figures,), None, False)
    for lang in ("zh", "en"):
        page = report_page(view, lang)  # type: ignore[arg-type]
        assert "<img" not in page and "\n# h" not in page
        escaped = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;|**x** # h"
        assert page.count(escaped) == 4  # the title, the role, the breach, the event
