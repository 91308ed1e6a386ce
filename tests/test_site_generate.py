"""`sitegen.site.generate`: the docs folder, its pages and files, and how it is rewritten."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from sitegen.errors import UserError
from sitegen.load.config import Settings
from sitegen.site import Summary, generate
from sitegen.site import documents as documents_module
from tests.gitrepo import GitRepo
from tests.test_site_fixtures import CHANGED_ID, RESTRICTED_ID, SECRETS, site_project

TODAY = dt.date(2025, 2, 10)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    return site_project(tmp_path / "project", monkeypatch)


def run(repo: GitRepo, **options: object) -> tuple[Path, Summary]:
    out = repo.root / "build" / "docs"
    options.setdefault("render_documents", False)
    summary = generate(repo.root, Settings(), out, today=TODAY, **options)  # type: ignore[arg-type]
    return out, summary


def files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_pages_and_files_of_both_languages(repo: GitRepo) -> None:
    out, summary = run(repo)
    for stem in ("index", "renewals", "agreements/SLA-2024-001", "diffs/SLA-2024-001/v1-draft"):
        assert {f"{stem}.md", f"{stem}.en.md"} <= files(out), stem
    assert {"catalogue.json", "renewals.ics", "downloads/SLA-2024-001/SLA-2024-001-v1.pdf"} <= (
        files(out)
    )
    archived = repo.root / "agreements/SLA-2024-001/signed/v1.pdf"
    published = out / "downloads/SLA-2024-001/SLA-2024-001-v1.pdf"
    assert published.read_bytes() == archived.read_bytes()  # copied as is, never rendered
    # SLA-2024-002 and the OLA are restricted; SLA-2024-001, SLA-2025-004 to 007 are shown
    assert summary.agreements == 5
    assert summary.pages == len([f for f in files(out) if f.endswith(".md")])


def test_catalogue_rows_carry_data_for_the_script(repo: GitRepo) -> None:
    out, _ = run(repo)
    page = (out / "index.md").read_text(encoding="utf-8")
    # v2 is in review; v1, signed, is in force and in its renewal window (the catalogue once
    # showed the draft's state, and the objection deadline of v1 went missing)
    assert (
        '<tr role="row" data-state="in_renewal_window" '
        'data-parties="[&quot;上海澄川科技有限公司&quot;' in page
    )
    assert (
        '<td role="cell" class="sg-col-effective" data-label="生效日期" data-sort="2024-04-01">'
        "<span>2024年4月1日</span></td>"
    ) in page
    assert '<a href="agreements/SLA-2024-001/">核心业务系统运维服务水平协议</a>' in page
    english = (out / "index.en.md").read_text(encoding="utf-8")
    assert (
        '<th role="columnheader" data-column="objection_deadline" aria-sort="none">'
        "Objection deadline</th>"
    ) in english
    assert "<span>1 April 2024</span>" in english


def test_agreement_page_has_card_tabs_versions_diffs_and_history(repo: GitRepo) -> None:
    out, _ = run(repo)
    page = (out / f"agreements/{CHANGED_ID}.md").read_text(encoding="utf-8")
    assert "<dt>编号</dt> <dd>SLA-2024-001</dd>" in page
    assert re.findall(r'<label for="sg-view-([a-z]+)">([^<]*)</label>', page) == [
        ("zh", "中文"), ("en", "English"), ("parallel", "对照")
    ]  # fmt: skip
    assert '<input checked class="sg-show-zh"' in page  # the page's language is shown first
    shown, both = page.split('<script type="text/html" class="sg-contract-both">')
    both = both[: both.index("</script>")]
    # As HTML, the page's own language (search, no JavaScript); both in the inert script.
    assert shown.count('<h3 id="basic-information">') == both.count('<h3 id="basic-information">')
    assert '<span class="sg-zh" lang="zh-CN">协议基本信息</span>' in shown
    assert "Basic Information" not in shown
    assert '<span class="sg-sep"> / </span><span class="sg-en" lang="en">Basic Information' in both
    assert "<" not in re.sub(r"<[^>]*>", "", both)  # every value escaped: no `</script`
    # The signed PDF of the version in force right under the card, before the contract.
    signed = (
        "[下载已签署的 PDF（v1，2024年3月15日签署）](../downloads/SLA-2024-001/SLA-2024-001-v1.pdf)"
    )
    assert page.index(signed) < page.index("## 合同文本")
    link = "[下载](../downloads/SLA-2024-001/SLA-2024-001-v1.pdf){: download }"
    assert f"| v1 | 2024年3月15日 | {link} |" in page
    assert "- [v1 → 工作版本](../diffs/SLA-2024-001/v1-draft.md)" in page
    # The history says what changed as sitegen reads it, never the commit's subject: v2,
    # the comparison with v1 the diff page shows, linking to it (tests/test_history_table.py).
    assert "| v2（审核中） | 2024年3月1日 | Zhang Wei | [P1 响应时间 15 分钟 → 30 分钟，" in page
    assert "| v1（已签署） | 2024年3月1日 | Zhang Wei | 新建 | <code" in page
    assert "Restrict the OLA" not in page
    english = (out / f"agreements/{CHANGED_ID}.en.md").read_text(encoding="utf-8")
    assert english.index('for="sg-view-en"') < english.index('for="sg-view-zh"')
    assert '<input checked class="sg-show-en"' in english
    shown = english.split('<script type="text/html" class="sg-contract-both">')[0]
    assert "协议基本信息" not in shown and ">Basic Information</span>" in shown
    assert "- [v1 → working version](../diffs/SLA-2024-001/v1-draft.en.md)" in english
    assert "| v2 \\(in review\\) | 1 March 2024 | Zhang Wei | [P1 response time 15 minutes" in (
        english
    )


def test_the_card_labels_the_current_term_and_the_first_once_renewed(repo: GitRepo) -> None:
    # SLA-2024-001 v1 runs from 1 April 2024 for 12 months and renews by 12: on 10 February
    # 2025 its first term is the current one (it ends 31 March 2025, as clause 1.4 says);
    # on 1 December 2026 it is in its third, ending 31 March 2027.
    out, _ = run(repo)
    page = (out / f"agreements/{CHANGED_ID}.md").read_text(encoding="utf-8")
    # each deadline with the place of its countdown, which the script fills (the page is
    # cached from one day to the next: it states no countdown of its own)
    countdown = (
        '<span class="sg-when"><time class="sg-countdown" datetime="{}" '
        'data-sg-zone="Asia/Shanghai" data-sg-past="ago"></time></span>'
    )
    assert f"<dt>到期日</dt> <dd>2025年3月31日{countdown.format('2025-03-31')}</dd>" in page
    assert "首期届满" not in page
    out = repo.root / "build" / "later"
    generate(repo.root, Settings(), out, today=dt.date(2026, 12, 1), render_documents=False)
    page = (out / f"agreements/{CHANGED_ID}.md").read_text(encoding="utf-8")
    assert (
        f"<dt>本期届满</dt> <dd>2027年3月31日{countdown.format('2027-03-31')}</dd>"
        " <dt>首期届满</dt> <dd>2025年3月31日</dd>"
    ) in page
    english = (out / f"agreements/{CHANGED_ID}.en.md").read_text(encoding="utf-8")
    assert (
        f"<dt>Current term ends</dt> <dd>31 March 2027{countdown.format('2027-03-31')}</dd>"
        " <dt>First term ended</dt> <dd>31 March 2025</dd>"
    ) in english


def test_diff_page_shows_the_term_change(repo: GitRepo) -> None:
    """The page's language only, as prose: the term, 15 → 30 minutes, its effect; the
    clause's redline in this language. One raw HTML block, open."""
    out, _ = run(repo)
    page = (out / "diffs/SLA-2024-001/v1-draft.en.md").read_text(encoding="utf-8")
    report = page[page.index('<details open class="sg-diff">') :]
    assert "\n\n" not in report.rstrip() and "markdown=" not in report
    assert "<th>term</th><th>before</th><th>after</th><th>effect</th>" in report
    row = next(r for r in report.split("<tr>") if ">P1 response time</td>" in r)
    assert '<td data-label="before">15 minutes</td><td data-label="after">30 minutes</td>' in row
    assert "⚠️ looser on the provider<br>material" in row
    assert "<code>" not in report and not re.search(r"&#\d", report) and "响应" not in report
    assert "<del>15</del><ins>30</ins>" in report


def test_restricted_agreement_leaves_nothing(repo: GitRepo) -> None:
    out, _ = run(repo)
    assert not [name for name in files(out) if RESTRICTED_ID in name or "SLA-2024-002" in name]
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for needle in (*SECRETS, RESTRICTED_ID, "SLA-2024-002"):
                assert needle.encode() not in data, (path, needle)


def test_include_restricted_publishes_it(repo: GitRepo) -> None:
    out, summary = run(repo, include_restricted=True)
    assert f"agreements/{RESTRICTED_ID}.md" in files(out)
    assert SECRETS[0] in (out / "index.md").read_text(encoding="utf-8")
    assert summary.agreements == 7  # every sample


def test_second_run_rewrites_nothing(repo: GitRepo) -> None:
    out, _ = run(repo)
    before = {name: (out / name).stat().st_mtime_ns for name in files(out)}
    _, again = run(repo)
    assert again.written == () and again.deleted == ()
    assert {name: (out / name).stat().st_mtime_ns for name in files(out)} == before


def test_a_copy_changed_in_the_folder_is_put_back(repo: GitRepo) -> None:
    """The record of the last sync spares a warm run reading every copy; a copy changed
    since, even to the same size, is compared and put back."""
    out, _ = run(repo)
    name = "downloads/SLA-2024-001/SLA-2024-001-v1.pdf"
    published, archived = out / name, repo.root / "agreements/SLA-2024-001/signed/v1.pdf"
    published.write_bytes(archived.read_bytes()[:-1] + b"X")
    _, again = run(repo)
    assert again.written == (name,)
    assert published.read_bytes() == archived.read_bytes()


def test_an_unreadable_record_of_copies_only_costs_a_comparison(repo: GitRepo) -> None:
    out, _ = run(repo)
    record = out / ".sitegen-copies.json"
    copied = json.loads(record.read_bytes())["copies"]
    assert "downloads/SLA-2024-001/SLA-2024-001-v1.pdf" in copied
    record.write_text("{not json", encoding="utf-8")
    _, again = run(repo)
    assert again.written == () and again.deleted == ()  # compared: all the same
    assert json.loads(record.read_bytes())["copies"] == copied


def test_a_changed_agreement_rewrites_only_its_pages(repo: GitRepo) -> None:
    _out, _ = run(repo)
    path = repo.root / "agreements/SLA-2025-004/agreement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("99.5", "99.6", 1), encoding="utf-8")
    _, again = run(repo)
    assert set(again.written) >= {"agreements/SLA-2025-004.md", "index.md", "catalogue.json"}
    assert "agreements/SLA-2024-001.md" not in again.written


def test_removed_agreement_disappears(repo: GitRepo) -> None:
    out, _ = run(repo)
    repo.remove("agreements/SLA-2025-004")
    _, again = run(repo)
    assert {"agreements/SLA-2025-004.md", "agreements/SLA-2025-004.en.md"} <= set(again.deleted)
    assert not [name for name in files(out) if "SLA-2025-004" in name]
    assert "SLA-2025-004" not in (out / "index.md").read_text(encoding="utf-8")


def fake_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents saying what they are, made in this process (where the stand-in is: worker
    processes would not all inherit it)."""

    def fake(agreement: object, kinds: list[str], root: Path, settings: Settings) -> dict:
        return {kind: f"{kind} of {getattr(agreement, 'id', '')}".encode() for kind in kinds}

    monkeypatch.setattr(documents_module, "render_documents", fake)
    monkeypatch.setattr(documents_module, "PARALLEL_FROM", 1_000)


def test_documents_are_cached_by_content(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_documents(monkeypatch)
    out, first = run(repo, render_documents=True)
    # the working PDF and Word file of each of the 5 agreements shown
    assert (first.rendered, first.cached) == (10, 0)
    assert (out / "downloads/SLA-2025-004/SLA-2025-004-working.pdf").read_bytes() == (
        b"pdf of SLA-2025-004"
    )
    _, second = run(repo, render_documents=True)
    assert (second.rendered, second.cached) == (0, 10)
    path = repo.root / "agreements/SLA-2025-004/agreement.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    _, third = run(repo, render_documents=True)
    assert (third.rendered, third.cached) == (2, 8)


def test_late_documents_are_missing_from_the_docs_folder_until_finished(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake_documents(monkeypatch)
    out, summary = run(repo, render_documents=True, late_documents=True)
    assert summary.late is not None and summary.rendered == 10  # 5 agreements × PDF, Word
    pdf = "downloads/SLA-2025-004/SLA-2025-004-working.pdf"
    assert not (out / pdf).exists()  # no empty stand-in: a killed build left it behind
    site = tmp_path / "site"
    (site / pdf).parent.mkdir(parents=True)
    (site / pdf).write_bytes(b"")  # the stand-in the plugin gives mkdocs to copy
    summary.late.finish(site)
    assert (out / pdf).read_bytes() == (site / pdf).read_bytes() == b"pdf of SLA-2025-004"
    copied = json.loads((out / ".sitegen-copies.json").read_bytes())["copies"]
    assert pdf in copied  # recorded: the next run does not compare it byte for byte
    _, again = run(repo, render_documents=True, late_documents=True)
    assert again.late is None and again.cached == 10  # nothing left to render
    assert again.written == ()


def test_cancelled_late_documents_leave_no_empty_download(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake_documents(monkeypatch)
    out, summary = run(repo, render_documents=True, late_documents=True)
    assert summary.late is not None
    summary.late.cancel(tmp_path / "site")
    assert not list((out / "downloads").rglob("*-working.*"))
    assert (out / "downloads/SLA-2024-001/SLA-2024-001-v1.pdf").is_file()  # signed: kept


def test_a_signed_pdf_changed_after_signing_stops_generation(repo: GitRepo) -> None:
    (repo.root / "agreements/SLA-2024-001/signed/v1.pdf").write_bytes(b"%PDF-1.7 forged\n")
    with pytest.raises(UserError) as caught:
        run(repo)
    assert "SG903 SHA-256 differs from the manifest" in caught.value.message
    assert "v1.pdf" in caught.value.message


def test_a_signed_pdf_that_is_a_link_is_not_published(repo: GitRepo, tmp_path: Path) -> None:
    pdf = repo.root / "agreements/SLA-2024-001/signed/v1.pdf"
    outside = tmp_path / "elsewhere.pdf"
    outside.write_bytes(pdf.read_bytes())  # the hash the manifest records still matches
    pdf.unlink()
    pdf.symlink_to(outside)
    with pytest.raises(UserError) as caught:
        run(repo)
    assert caught.value.message == (
        f"{pdf}: SG111 is a symbolic link: sitegen reads only regular files, never what a "
        "link points at"
    )


def test_refuses_to_empty_a_folder_it_did_not_generate(repo: GitRepo) -> None:
    out = repo.root / "build" / "docs"
    out.mkdir(parents=True)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        run(repo)
    assert "not a folder sitegen generated (no .sitegen-generated)" in caught.value.message
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_generates_without_git(tmp_path: Path, repo: GitRepo) -> None:
    """A plain folder (no repository): no history and no diffs, every page still there."""
    import shutil

    plain = tmp_path / "plain"
    for name in ("agreements", "templates"):
        shutil.copytree(repo.root / name, plain / name)
    out = plain / "docs"
    summary = generate(plain, Settings(), out, today=TODAY, render_documents=False)
    assert summary.agreements == 5
    page = (out / "agreements/SLA-2024-001.en.md").read_text(encoding="utf-8")
    assert "No git history\\." in page
