"""`.cache/` is a convenience, never an authority: `sitegen build` over a tampered cache.

One project (the samples in a real git repository; OLA-2025-001 targets 85% availability, so
it has an SG606 warning; SLA-2024-002 is restricted) is built once with `sitegen build
--include-restricted` and once without, so its `.cache/` holds sealed pages, documents
and validation results. Each test builds a copy of it after tampering with one entry as
someone who can write the project folder could (but cannot read the user's sealing
secret): the build warns once, naming the entry, makes it again and publishes the true
content, and exits 0.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sitegen import caches
from sitegen.caches.checked_cache import CheckedCache
from sitegen.cli import cli
from sitegen.compose.templates import TemplateIndex
from sitegen.lint.validate import validate
from sitegen.load import load_agreement
from sitegen.load.config import Settings
from sitegen.site.documents import KINDS, Keys, Kind
from tests.gitrepo import GitRepo, isolate_git
from tests.helpers import REPO, replace_once
from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, QuietHandler

pytestmark = pytest.mark.slow

TODAY = "2025-02-10"
LOW_ID = "OLA-2025-001"  # availability 85%: SG606
PAGE_ID = "SLA-2024-001"
RESTRICTED = "SLA-2024-002"
WARNING = "sitegen: warning: "
SCRIPT = '<script>alert("from the cache")</script>'


def sitegen_build(*options: str) -> Result:
    return CliRunner().invoke(cli, ["build", "--today", TODAY, *options], catch_exceptions=False)


def warnings(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith(WARNING)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The project as built (a copy kept aside: the cache keys hold the project's path, so
    each test gets it back at the same place)."""
    base = tmp_path_factory.mktemp("cached")
    with pytest.MonkeyPatch.context() as monkeypatch:
        isolate_git(monkeypatch)
        root = base / "project"
        root.mkdir()
        for name in ("agreements", "templates", "site_overrides"):
            shutil.copytree(REPO / name, root / name)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        (root / "build" / "docs").mkdir(parents=True)
        low = root / "agreements" / LOW_ID / "agreement.yaml"
        low.write_text(replace_once(low.read_text("utf-8"), "target: 99.5", "target: 85"), "utf-8")
        GitRepo.create(root, {}, "").commit("Add the sample agreements")
        monkeypatch.chdir(root)
        for options in (["--include-restricted"], []):
            result = sitegen_build(*options)
            assert result.exit_code == 0, result.stderr
            assert warnings(result) == []
    shutil.copytree(root, base / "as-built", symlinks=True)
    yield base


@pytest.fixture
def project(built: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The built project, as the cwd, put back as it was built (copied: each file's status
    differs from the sealed one, so every entry is hashed and must still pass)."""
    isolate_git(monkeypatch)
    monkeypatch.setattr(caches, "_folders", {})  # `.cache` is probed again
    root = built / "project"
    if root.exists():
        for folder in root.rglob("*"):
            if folder.is_dir() and not folder.is_symlink():
                folder.chmod(0o755)
        shutil.rmtree(root)
    shutil.copytree(built / "as-built", root, symlinks=True)
    monkeypatch.chdir(root)
    return root


def document(root: Path, agreement_id: str, kind: Kind) -> Path:
    """The cache entry of an agreement's working document (found by its key)."""
    record = load_agreement(root / "agreements" / agreement_id / "agreement.yaml").checked()
    assert record is not None
    key = Keys(root, Settings()).keys(record)[kind]
    return root / ".cache" / "documents" / f"{key}.{kind}"


def page_entry(root: Path, agreement_id: str) -> Path:
    """The page cache entry holding an agreement's Chinese page."""
    found = list((root / ".cache" / "pages").glob(f"*/agreements/{agreement_id}.md"))
    assert len(found) == 1
    return found[0].parent.parent


def published(root: Path, agreement_id: str, kind: str) -> bytes:
    return (
        root / "site" / "downloads" / agreement_id / f"{agreement_id}-working.{kind}"
    ).read_bytes()


def rebuild_warns_once_about(entry: Path, reason: str) -> None:
    result = sitegen_build()
    assert result.exit_code == 0, result.stderr
    assert warnings(result) == [f"{WARNING}{entry}: {reason}: discarded, made again"]


def test_a_page_with_a_script_appended_is_made_again_and_nothing_runs(project: Path) -> None:
    entry = page_entry(project, PAGE_ID)
    true_page = (project / "site" / "agreements" / PAGE_ID / "index.html").read_text("utf-8")
    with (entry / "agreements" / f"{PAGE_ID}.md").open("a", encoding="utf-8") as page:
        page.write(f"\n{SCRIPT}\n")
    rebuild_warns_once_about(entry, f"agreements/{PAGE_ID}.md changed since it was sealed")
    built_page = (project / "site" / "agreements" / PAGE_ID / "index.html").read_text("utf-8")
    assert "from the cache" not in built_page
    assert built_page == true_page
    assert dialogs_opened(project / "site", f"agreements/{PAGE_ID}/") == []


def test_a_truncated_pdf_is_rendered_again(project: Path) -> None:
    entry = document(project, PAGE_ID, "pdf")
    true_pdf = published(project, PAGE_ID, "pdf")
    assert entry.read_bytes() == true_pdf
    entry.write_bytes(true_pdf[: len(true_pdf) // 2])
    rebuild_warns_once_about(entry, "changed since it was sealed")
    assert published(project, PAGE_ID, "pdf") == entry.read_bytes() == true_pdf


def test_a_document_swapped_for_another_with_its_seal_is_rendered_again(project: Path) -> None:
    entry, other = document(project, PAGE_ID, "docx"), document(project, LOW_ID, "docx")
    true_docx = published(project, PAGE_ID, "docx")
    for suffix in ("", ".seal"):
        shutil.copy(f"{other}{suffix}", f"{entry}{suffix}")
    rebuild_warns_once_about(entry, "its seal was not made here for this entry")
    assert published(project, PAGE_ID, "docx") == true_docx != published(project, LOW_ID, "docx")


def test_a_page_replaced_by_a_link_is_made_again(project: Path, tmp_path: Path) -> None:
    entry = page_entry(project, PAGE_ID)
    page = entry / "agreements" / f"{PAGE_ID}.en.md"
    planted = tmp_path / "planted.md"
    planted.write_text(page.read_text("utf-8") + f"\n{SCRIPT}\n", "utf-8")
    os.utime(planted, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns))
    page.unlink()
    page.symlink_to(planted)
    rebuild_warns_once_about(entry, f"agreements/{PAGE_ID}.en.md is not a regular file")
    built_page = (project / "site" / "en" / "agreements" / PAGE_ID / "index.html").read_text(
        "utf-8"
    )
    assert "from the cache" not in built_page and "Core Business Systems" in built_page


def forged_checked(root: Path, planted: bool) -> Path:
    """checked.json with LOW_ID's entry emptied of findings and at 50% availability: its own
    entry edited (seal kept), or a new file holding only a planted entry under its key."""
    path = root / ".cache" / "checked.json"
    stored = json.loads(path.read_bytes())
    low = root / "agreements" / LOW_ID / "agreement.yaml"
    key = _key(path, root, low)
    entry = stored["entries"][key]
    assert "SG606" in [finding[2] for finding in entry["value"]["findings"]]
    entry["value"]["findings"] = []
    entry["value"]["data"]["slos"]["availability"]["target"] = 50
    if planted:
        stored["entries"] = {key: {"seal": "0" * 64, "value": entry["value"]}}
    path.write_text(json.dumps(stored, ensure_ascii=False), "utf-8")
    return low


def _key(path: Path, root: Path, file: Path) -> str:
    cache = CheckedCache(path, Settings(), TemplateIndex(root / "templates").digest_all())
    cache.lookup({file: file.read_bytes()})
    found = cache._keys[file]
    assert found is not None
    return found


@pytest.mark.parametrize("planted", [False, True], ids=["edited", "planted"])
def test_a_forged_validation_result_is_checked_again(project: Path, planted: bool) -> None:
    low = forged_checked(project, planted)
    cache = project / ".cache" / "checked.json"
    report, _ = validate([project / "agreements"], Settings(), project, cache=cache)
    assert [f.code for f in report.findings if f.path == low] == [
        "SG509",
        "SG507",
        "SG606",
        "SG607",
    ]


@pytest.mark.parametrize("planted", [False, True], ids=["edited", "planted"])
def test_a_forged_validation_result_changes_nothing_on_the_site(
    project: Path, planted: bool
) -> None:
    low = forged_checked(project, planted)
    result = sitegen_build()
    assert result.exit_code == 0, result.stderr
    reason = "does not match its seal: checked again"
    assert warnings(result) == [
        f"{WARNING}{project / '.cache/checked.json'}: the entry of {low} {reason}"
    ]
    catalogue = (project / "site" / "index.html").read_text("utf-8")
    availability = '<td role="cell" class="sg-col-availability" data-label="可用性"'
    assert f'{availability} data-sort="85"><span>85%</span></td>' in catalogue
    assert 'data-sort="50"' not in catalogue


def test_restricted_documents_leave_the_cache_with_a_normal_build(project: Path) -> None:
    # The project was built with --include-restricted, then without.
    for kind in KINDS:
        assert not document(project, RESTRICTED, kind).exists()
        assert not Path(f"{document(project, RESTRICTED, kind)}.seal").exists()
        assert document(project, PAGE_ID, kind).is_file()
    kept = sorted(p.name for p in (project / ".cache" / "documents").iterdir())
    assert len(kept) == 6 * 2 * 2  # six agreements shown, two kinds, each with its seal


def test_a_cache_that_is_a_file_only_costs_a_warning(project: Path) -> None:
    shutil.rmtree(project / ".cache")
    (project / ".cache").write_text("not a folder")
    result = sitegen_build()
    assert result.exit_code == 0, result.stderr
    assert warnings(result) == [
        f"{WARNING}{project / '.cache'}: cannot write (Not a directory): building without the cache"
    ]
    assert published(project, PAGE_ID, "pdf").startswith(b"%PDF")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a folder of mode 0555")
def test_a_cache_without_write_permission_only_costs_a_warning(project: Path) -> None:
    (project / ".cache" / "pages").chmod(0o555)
    try:
        result = sitegen_build()
    finally:
        (project / ".cache" / "pages").chmod(0o755)
    assert result.exit_code == 0, result.stderr
    assert warnings(result) == [
        f"{WARNING}{project / '.cache/pages'}: cannot write (Permission denied): "
        "building without the cache"
    ]


READ_ONLY_BUILD = """set -e
mount --bind .cache .cache
mount -o remount,bind,ro .cache
exec "$@"
"""


def test_a_read_only_cache_mount_only_costs_a_warning(project: Path) -> None:
    """A real read-only file system (EROFS, which root cannot write either): `.cache/`
    bind-mounted read-only in a user and mount namespace of its own."""
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "-rm", "true"]).returncode != 0:
        pytest.skip("no user namespaces here to mount .cache read-only in")
    sitegen = Path(sys.executable).parent / "sitegen"
    command = [unshare, "-rm", "sh", "-c", READ_ONLY_BUILD, "sh", str(sitegen), "build"]
    done = subprocess.run(
        [*command, "--today", TODAY], capture_output=True, text=True, cwd=project, check=False
    )
    assert done.returncode == 0, done.stderr
    found = [line for line in done.stderr.splitlines() if line.startswith(WARNING)]
    assert found == [
        f"{WARNING}{project / '.cache'}: cannot write (Read-only file system): "
        "building without the cache"
    ]
    assert published(project, PAGE_ID, "pdf").startswith(b"%PDF")


def dialogs_opened(site: Path, path: str) -> list[str]:
    """The dialogs (a script run: `alert`) opened while Chromium shows `path` of `site`; a
    page of the same script, shown first, proves the watch works."""
    from playwright.sync_api import sync_playwright

    handler = partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    opened: list[str] = []
    try:
        with sync_playwright() as driver:
            browser = driver.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            page = browser.new_page()
            page.on("dialog", lambda dialog: (opened.append(dialog.message), dialog.dismiss()))
            page.set_content(SCRIPT)
            assert opened == ["from the cache"]
            opened.clear()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{path}")
            page.wait_for_load_state("load")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return opened
