"""A provider's published agreement in the archive: each "last updated" is a version,
archived with the provider's saved page and its SHA-256, so diff shows what changed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitegen.cli import cli
from sitegen.errors import UserError
from sitegen.load.config import Settings
from sitegen.load.model import Agreement
from sitegen.render.binding import Binding
from sitegen.versions.archive import check_archive, parse_manifest
from sitegen.versions.sign import sign
from tests.gitrepo import GitRepo, isolate_git, templates_tree
from tests.helpers import minimal_pdf, replace_once
from tests.published import ECS_SLA, PUBLISHED_ID

PATH = f"agreements/{PUBLISHED_ID}/agreement.yaml"
SIGNED = f"agreements/{PUBLISHED_ID}/signed"
PAGE = b"<!doctype html><title>ECS SLA</title><p>Last updated: 2025-03-01</p>"


def entered() -> str:
    """The provider's text as entered, before it is archived: a draft, template unpinned."""
    text = replace_once(ECS_SLA, "status: accepted", "status: draft")
    return replace_once(text, "template: it-service-sla@1", "template: it-service-sla")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    isolate_git(monkeypatch)
    made = GitRepo.create(tmp_path / "repo", {**templates_tree(), PATH: entered()}, "Enter ECS")
    monkeypatch.chdir(made.root)
    return made


def fake_pdf(agreement: Agreement, root: Path, settings: Settings, binding: Binding) -> bytes:
    return minimal_pdf(f"stand-in {agreement.id} v{agreement.version}", [binding.keyword])


def saved(tmp_path: Path, name: str, data: bytes = PAGE) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def archive(repo: GitRepo, snapshot: Path | None, date: dt.date | None = None) -> None:
    sign(repo.root, Settings(), PUBLISHED_ID, date, render=fake_pdf, snapshot=snapshot)


def refusal(repo: GitRepo, snapshot: Path | None, date: dt.date | None = None) -> str:
    with pytest.raises(UserError) as caught:
        archive(repo, snapshot, date)
    return caught.value.message


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_the_provider_text_is_archived_with_its_hash(repo: GitRepo, tmp_path: Path) -> None:
    archive(repo, saved(tmp_path, "ecs-sla.htm"))
    root = repo.root
    living = repo.read(PATH)
    assert living == replace_once(entered(), "status: draft", "status: accepted").replace(
        "template: it-service-sla\n", "template: it-service-sla@3\n"
    )
    assert "signed:" not in living
    manifest = parse_manifest((root / SIGNED / "manifest.yaml").read_bytes())
    [entry] = manifest.signed
    assert (entry.version, entry.date, entry.bound) == (1, dt.date(2025, 3, 1), True)
    assert entry.files["v1-source.html"] == sha256(PAGE)
    assert (root / SIGNED / "v1-source.html").read_bytes() == PAGE
    assert sorted(entry.files) == ["v1-source.html", "v1.pdf", "v1.yaml"]
    assert repo.git("log", "-1", "--format=%s").strip() == (
        f"Archive the provider's text of {PUBLISHED_ID} v1 (2025-03-01)"
    )
    assert repo.git("tag", "-n1", "-l", f"{PUBLISHED_ID}/v1").split(None, 1)[1].strip() == (
        f"{PUBLISHED_ID} v1, accepted 2025-03-01"
    )
    assert check_archive(root, Settings(), None) == []


def provider_update(repo: GitRepo, updated: str = "2026-01-15") -> None:
    text = repo.read(PATH)
    text = replace_once(text, "version: 1", "version: 2")
    text = replace_once(text, "status: accepted", "status: draft")
    text = replace_once(text, "updated: 2025-03-01", f"updated: {updated}")
    text = replace_once(text, "- {below: 99.0, percent: 25}", "- {below: 99.0, percent: 20}")
    text = replace_once(text, "amendment_notice_days: 30", "amendment_notice_days: 15")
    repo.commit("The provider's new text", {PATH: text})


def json_diff(*args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(cli, ["diff", *args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def test_a_new_last_updated_is_a_new_version_and_diff_shows_what_changed(
    repo: GitRepo, tmp_path: Path
) -> None:
    archive(repo, saved(tmp_path, "v1.html"))
    provider_update(repo)
    second = b"%PDF-1.7\n% the provider's page of 2026-01-15\n"
    archive(repo, saved(tmp_path, "v2.pdf", second))
    manifest = parse_manifest((repo.root / SIGNED / "manifest.yaml").read_bytes())
    assert [(e.version, e.date) for e in manifest.signed] == [
        (1, dt.date(2025, 3, 1)),
        (2, dt.date(2026, 1, 15)),
    ]
    assert manifest.signed[1].files["v2-source.pdf"] == sha256(second)
    assert check_archive(repo.root, Settings(), None) == []
    [found] = json_diff(f"{PUBLISHED_ID}@v1", f"{PUBLISHED_ID}@v2")
    changes = {c["path"]: (c["before"]["en"], c["after"]["en"], c["direction"])
               for c in found["changes"]}  # fmt: skip
    assert changes["source.updated"] == ("1 March 2025", "15 January 2026", None)
    assert changes["amendment_notice_days"] == ("30 days", "15 days", "looser")
    assert any(path.startswith("credits.bands") for path in changes)


def test_recording_a_check_of_the_provider_page_is_not_a_new_version(
    repo: GitRepo, tmp_path: Path
) -> None:
    archive(repo, saved(tmp_path, "v1.html"))
    text = replace_once(repo.read(PATH), "checked: 2026-11-02", "checked: 2026-12-01")
    repo.commit("Checked the provider's page", {PATH: text})
    assert check_archive(repo.root, Settings(), None) == []


def test_a_published_version_needs_the_provider_text(repo: GitRepo, tmp_path: Path) -> None:
    assert refusal(repo, None) == (
        f"cannot sign {PUBLISHED_ID}: a published agreement is archived with the provider's "
        "own text: save its page (https://cloud.example.cn/legal/ecs-sla?lang=zh&v=2025) as "
        "PDF or HTML and pass it with --snapshot FILE"
    )
    assert refusal(repo, saved(tmp_path, "page.html"), dt.date(2025, 3, 5)) == (
        f"cannot sign {PUBLISHED_ID}: a published version is dated by its source.updated: "
        "leave out --date"
    )
    assert refusal(repo, saved(tmp_path, "page.png")) == (
        f"cannot sign {PUBLISHED_ID}: page.png is not a saved page: the file must end in "
        ".pdf, .html"
    )
    assert refusal(repo, saved(tmp_path, "page.pdf")) == (
        f"cannot sign {PUBLISHED_ID}: page.pdf does not start as a PDF file does (%PDF-)"
    )
    assert repo.git("status", "--porcelain") == ""


def test_the_same_last_updated_is_not_a_new_version(repo: GitRepo, tmp_path: Path) -> None:
    archive(repo, saved(tmp_path, "v1.html"))
    provider_update(repo, updated="2025-03-01")
    assert refusal(repo, saved(tmp_path, "v2.html")) == (
        f"cannot sign {PUBLISHED_ID}: source.updated 2025-03-01 is not after v1's 2025-03-01: "
        "a new version of the provider's text has a newer 'last updated' date"
    )


def test_a_negotiated_agreement_is_signed_without_a_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.gitrepo import SAMPLE_ID, sample_repository

    negotiated = sample_repository(tmp_path / "negotiated", monkeypatch)
    with pytest.raises(UserError) as caught:
        sign(negotiated.root, Settings(), SAMPLE_ID, None, fake_pdf, saved(tmp_path, "a.html"))
    assert caught.value.message == (
        f"cannot sign {SAMPLE_ID}: --snapshot archives a provider's published agreement "
        "(kind: published); a negotiated agreement is signed, and `sitegen attach` archives "
        "its executed copy"
    )


def test_the_site_shows_the_source_and_the_provider_versions(repo: GitRepo, tmp_path: Path) -> None:
    from sitegen.site import generate

    archive(repo, saved(tmp_path, "v1.html"))
    out = repo.root / "build" / "docs"
    generate(repo.root, Settings(), out, today=dt.date(2026, 11, 10), render_documents=False)
    page = (out / f"agreements/{PUBLISHED_ID}.en.md").read_text(encoding="utf-8")
    assert "<dt>Kind</dt> <dd>Published by the provider</dd>" in page
    assert (
        "<dt>Published at</dt> <dd><code>https://cloud.example.cn/legal/ecs-sla?lang=zh&amp;"
        "v=2025</code></dd>" in page
    )
    # the day, and the place of its countdown, which the site's script fills
    assert (
        '<dt>Check for amendments</dt> <dd>2 December 2026<span class="sg-when"><time '
        'class="sg-countdown" datetime="2026-12-02" data-sg-zone="Asia/Shanghai" '
        'data-sg-past="overdue"></time></span></dd>'
    ) in page
    assert "<dt>Amendment notice</dt> <dd>30 days</dd>" in page
    for gone in ("<dt>Signed</dt>", "<dt>Objection deadline</dt>", "<dt>Renewal</dt>"):
        assert gone not in page
    assert "### Archived versions of the provider&#39;s text {#sg-signed-versions}" in page
    assert "| v1 | 1 March 2025 | " in page
    assert f"`v1-source.html` `{sha256(PAGE)}`" in page
    published_files = {p.name for p in out.rglob("*") if p.is_file()}
    assert not any("source" in name for name in published_files)
    renewals = (out / "renewals.en.md").read_text(encoding="utf-8")
    assert "Check for amendments" in renewals
