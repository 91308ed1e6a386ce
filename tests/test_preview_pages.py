"""The preview's docs folder (`sitegen.site.preview`): one agreement's pages, as the site
makes them, under a banner; a broken edit's findings above the last good pages. Real files
in a real git repository (the samples, SLA-2024-001 amended after its signed v1)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitegen.errors import UserError
from sitegen.load.config import Settings
from sitegen.site.preview import Preview, PreviewOptions, agreement_folder
from tests.helpers import line_of, replace_once
from tests.test_site_fixtures import CHANGED_ID, site_project

TODAY = dt.date(2026, 12, 2)
BANNER_ZH = (
    '<div class="admonition info sitegen-preview"><p class="admonition-title">预览 · Preview'
    "</p><p>仅预览 SLA-2024-001：协议目录、续签页面和其他协议不在预览中，指向它们的链接无法打开。"
    "</p></div>"
)


def preview_of(root: Path, agreement_id: str = CHANGED_ID) -> Preview:
    settings, found = Settings.find(root)
    return Preview(found, settings, agreement_id, PreviewOptions(TODAY))


def test_the_agreement_s_pages_alone_each_under_the_banner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "project"
    site_project(root, monkeypatch)
    docs = tmp_path / "docs"

    assert preview_of(root).update(docs) == []

    made = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    reports = {p for p in made if p.startswith(f"agreements/{CHANGED_ID}/reports/")}
    # 14 monthly records (2025-10..2026-11), a page each in both languages
    assert len(reports) == 28
    assert made - reports == {
        ".sitegen-copies.json", ".sitegen-generated",  # the folder's own records
        "index.md", "index.en.md",  # the preview's start page
        f"agreements/{CHANGED_ID}.md", f"agreements/{CHANGED_ID}.en.md",
        f"diffs/{CHANGED_ID}/v1-draft.md", f"diffs/{CHANGED_ID}/v1-draft.en.md",  # v1 → draft
        f"downloads/{CHANGED_ID}/{CHANGED_ID}-v1.pdf",  # the signed PDF, as archived
    }  # fmt: skip
    page = (docs / f"agreements/{CHANGED_ID}.md").read_text(encoding="utf-8")
    front, after = page.split("\n---\n", 1)  # the front matter stays first
    assert front.startswith("---\ntitle: ")
    assert after.startswith(f"\n{BANNER_ZH}\n\n")
    assert "核心业务系统运维服务水平协议" in after
    english = (docs / f"diffs/{CHANGED_ID}/v1-draft.en.md").read_text(encoding="utf-8")
    assert "<p>Only SLA-2024-001 is previewed: the catalogue, the renewals page" in english
    start = (docs / "index.md").read_text(encoding="utf-8")
    assert "# 预览：SLA\\-2024\\-001\n" in start  # the id as text
    assert "[SLA\\-2024\\-001](agreements/SLA-2024-001.md)" in start  # the id as text
    signed = root / f"agreements/{CHANGED_ID}/signed/v1.pdf"
    copied = docs / f"downloads/{CHANGED_ID}/{CHANGED_ID}-v1.pdf"
    assert copied.read_bytes() == signed.read_bytes()


def test_a_broken_edit_shows_its_findings_escaped_above_the_last_good_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "project"
    site_project(root, monkeypatch)
    docs, preview = tmp_path / "docs", preview_of(root)
    path = root / f"agreements/{CHANGED_ID}/agreement.yaml"
    text = path.read_text(encoding="utf-8")
    preview.update(docs)
    # `target: 99.9` becomes markup: SG203 at the value, column 13 after "    target: "
    line = line_of(text, "    target: 99.9")
    path.write_text(replace_once(text, "    target: 99.9\n", "    target: <script>x</script>\n"))

    problems = preview.update(docs)

    finding = (
        f"agreements/{CHANGED_ID}/agreement.yaml:{line}:13: SG203 slos.availability.target: "
        "write a number in decimal digits with a point, e.g. 99.9 or 1000 (found "
        "'<script>x</script>')"
    )
    assert problems == [finding]
    page = (docs / f"agreements/{CHANGED_ID}.en.md").read_text(encoding="utf-8")
    assert (
        '<div class="admonition failure sitegen-preview-problems"><p class="admonition-title">'
        "The last save has problems; the pages below are as they were before it:</p><pre><code>"
        f"agreements/{CHANGED_ID}/agreement.yaml:{line}:13: SG203 slos.availability.target: "
        "write a number in decimal digits with a point, e.g. 99.9 or 1000 (found "
        "&#x27;&lt;script&gt;x&lt;/script&gt;&#x27;)</code></pre></div>"
    ) in page
    assert "<script>" not in page
    assert "Service Level Agreement for the Operation of Core Business Systems" in page
    assert (docs / f"diffs/{CHANGED_ID}/v1-draft.md").is_file()  # the last good ones kept

    path.write_text(text, encoding="utf-8")
    assert preview.update(docs) == []
    assert "sitegen-preview-problems" not in (docs / f"agreements/{CHANGED_ID}.md").read_text()


def test_a_file_that_never_checked_gets_a_stand_in_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "project"
    site_project(root, monkeypatch)
    path = root / f"agreements/{CHANGED_ID}/agreement.yaml"
    path.write_text("id: SLA-2024-001\nversion: [1\n", encoding="utf-8")
    docs = tmp_path / "docs"

    problems = preview_of(root).update(docs)

    # the flow sequence `[1` is never closed: the parser stops at the end, line 3 column 1
    assert problems == [
        f"agreements/{CHANGED_ID}/agreement.yaml:3:1: SG101 not valid YAML: did not find "
        "expected ',' or ']' while parsing a flow sequence"
    ]
    made = sorted(p.name for p in docs.rglob("*.md"))
    assert made == [f"{CHANGED_ID}.en.md", f"{CHANGED_ID}.md", "index.en.md", "index.md"]
    page = (docs / f"agreements/{CHANGED_ID}.md").read_text(encoding="utf-8")
    assert page.startswith('---\ntitle: "SLA-2024-001"\n---\n')
    assert "SG101 not valid YAML" in page


def test_an_unknown_id_or_a_path_is_refused_naming_the_agreements_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "project"
    site_project(root, monkeypatch)
    settings, found = Settings.find(root)
    for wrong, hint in (
        # the closest first (001 and 002 tie), as difflib ranks them
        ("SLA-2024-00", " (did you mean SLA-2024-002, SLA-2024-001, SLA-2025-007?)"),
        ("../agreements/SLA-2024-001", " (did you mean SLA-2024-001?)"),  # a path: refused
        (".", ""),
        ("NOTHING-LIKE-IT", ""),
    ):
        with pytest.raises(UserError) as error:
            agreement_folder(found, settings, wrong)
        assert str(error.value) == (
            f"{found / 'agreements'}: no agreement {wrong!r}: there is no "
            f"{wrong}/agreement.yaml in this folder{hint}"
        )
    assert agreement_folder(found, settings, CHANGED_ID) == found / "agreements" / CHANGED_ID
