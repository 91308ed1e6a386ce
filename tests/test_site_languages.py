"""Each language in its own process (`sitegen.mkdocs.languages`): the site is the one
mkdocs-static-i18n builds in one process, byte for byte, and a failure on either side stops
the build with one error, the old site as it was and no process left.

The 404 pages too: each language keeps its own (the top `404.html` the default language's,
`en/404.html` English), where once the last language built wrote over the top one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen.workers import cores
from tests.helpers import REPO, replace_once
from tests.test_site_faults import left_after, leftovers, snapshot
from tests.test_site_fixtures import site_project

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(cores() < 2, reason="languages are built side by side on two cores"),
]

SITEGEN = str(Path(sys.executable).parent / "sitegen")
TODAY = ["--today", "2025-02-10"]
SIDE_BY_SIDE = "sitegen: building the site with mkdocs, each language in its own process\n"
ONE_PROCESS = "sitegen: building the site with mkdocs\n"
HOOK = """\
import os, signal, time
from mkdocs.exceptions import PluginError

def on_page_markdown(markdown, page, config, files):
    english = page.file.dest_uri.startswith("en/")
    how = os.environ.get("BREAK_EN" if english else "BREAK_ZH")
    if how == "refuse":
        raise PluginError(f"refused {page.file.src_uri}")
    if how == "bug":
        raise ZeroDivisionError("a bug in a hook")
    if how == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if how == "wait":
        time.sleep(60)
    return markdown
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The samples, with mkdocs.yml giving the site an address (so there is a sitemap to
    merge) and a hook that breaks one language's build when told to."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        root = tmp_path_factory.mktemp("languages") / "project"
        site_project(root, monkeypatch)
        text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
        address = "site_url: https://sla.example.com/catalogue/\nhooks: [hook.py]\n"
        text = replace_once(
            text, "use_directory_urls: true\n", f"use_directory_urls: true\n{address}"
        )
        (root / "mkdocs.yml").write_text(text, encoding="utf-8")
        (root / "hook.py").write_text(HOOK, encoding="utf-8")
        shutil.copytree(REPO / "site_overrides", root / "site_overrides")
        yield root


def build(root: Path, *args: str, **breaks: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BREAK_")}
    return subprocess.run(
        [SITEGEN, "build", *TODAY, *args], cwd=root, capture_output=True, text=True,
        env={**env, **breaks}, start_new_session=True,
    )  # fmt: skip


@pytest.fixture(scope="module")
def sites(project: Path) -> tuple[Path, Path]:
    """The samples built side by side into `two/` and in one process into `one/`."""
    two, one = project / "two", project / "one"
    done = build(project, "--out", str(two))
    assert done.returncode == 0, done.stderr
    assert SIDE_BY_SIDE in done.stderr
    done = build(project, "--out", str(one), "--one-process")
    assert done.returncode == 0, done.stderr
    assert ONE_PROCESS in done.stderr
    return two, one


def test_side_by_side_the_site_is_the_one_process_site(sites: tuple[Path, Path]) -> None:
    two, one = (snapshot(site) for site in sites)
    assert set(two) == set(one)
    assert {name for name in two if two[name] != one[name]} == set()
    for name in ("pagefind/pagefind-entry.json", "sitemap.xml", "en/index.html", "index.html"):
        assert name in two


def test_the_search_index_and_the_merged_sitemap_hold_both_languages(
    sites: tuple[Path, Path],
) -> None:
    """The search index is made once, over both languages' pages, after the side-by-side
    builds: every agreement page of each language, once."""
    two = sites[0]
    entry = json.loads((two / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    counts = {lang: data["page_count"] for lang, data in entry["languages"].items()}
    published = len(list(two.glob("agreements/*/index.html")))
    assert published > 1 and counts == {"zh": published, "en": published}
    assert not (two / "search").exists()
    sitemap = (two / "sitemap.xml").read_text(encoding="utf-8")
    for url in ("/catalogue/agreements/SLA-2024-001/", "/catalogue/en/agreements/SLA-2024-001/"):
        assert f"<loc>https://sla.example.com{url}</loc>" in sitemap
    assert sitemap.count("<urlset") == 1 and sitemap.count("</urlset>") == 1


def test_each_language_has_its_own_404_page_leading_home(sites: tuple[Path, Path]) -> None:
    for site in sites:
        top = (site / "404.html").read_text(encoding="utf-8")
        english = (site / "en/404.html").read_text(encoding="utf-8")
        assert '<html lang="zh"' in top and "<h1>404 - 页面不存在</h1>" in top
        assert '<html lang="en"' in english and "<h1>404 - Page not found</h1>" in english
        # A way home, and a language selector that stays on the 404 pages.
        assert '">返回协议目录</a>' in top and '">Back to the agreement catalogue</a>' in english
        for page in (top, english):
            assert 'href="/catalogue/404.html" hreflang="zh"' in page
            assert 'href="/catalogue/en/404.html" hreflang="en"' in page


@pytest.mark.parametrize("side", ["BREAK_EN", "BREAK_ZH"])
def test_a_refusal_on_either_side_stops_the_build_and_keeps_the_old_site(
    project: Path, sites: tuple[Path, Path], side: str
) -> None:
    site = sites[0]
    before = snapshot(site)
    done = build(project, "--out", str(site), **{side: "refuse"})
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    source = "index.en.md" if side == "BREAK_EN" else "index.md"
    assert f"mkdocs: ERROR refused {source}\n" in done.stderr  # mkdocs' own words, then ours:
    assert done.stderr.endswith("Error: the site build failed: Aborted with a BuildError!\n")
    assert snapshot(site) == before
    assert leftovers(site) == []


def test_a_killed_other_language_stops_the_build_and_keeps_the_old_site(
    project: Path, sites: tuple[Path, Path]
) -> None:
    site = sites[0]
    before = snapshot(site)
    done = build(project, "--out", str(site), BREAK_EN="kill")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.endswith(
        "Error: the site build failed: the build of en stopped (exit status -9)\n"
    )
    assert snapshot(site) == before
    assert leftovers(site) == []


def test_a_bug_in_the_other_language_shows_where(project: Path, sites: tuple[Path, Path]) -> None:
    """A bug is not the user's to fix: its traceback, from the process it happened in."""
    site = sites[0]
    before = snapshot(site)
    done = build(project, "--out", str(site), BREAK_EN="bug")
    assert done.returncode == 1, done.stderr
    assert "ZeroDivisionError: a bug in a hook" in done.stderr
    assert "hook.py" in done.stderr
    assert snapshot(site) == before
    assert leftovers(site) == []


def test_when_the_default_language_fails_the_other_is_stopped(
    project: Path, sites: tuple[Path, Path]
) -> None:
    """The other language's process would sleep a minute on each page: it is killed at once,
    and nothing of it is left running."""
    site = sites[0]
    build_ = subprocess.Popen(
        [SITEGEN, "build", *TODAY, "--out", str(site)], cwd=project, text=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        env={**os.environ, "BREAK_ZH": "refuse", "BREAK_EN": "wait"},
    )  # fmt: skip
    _, said = build_.communicate(timeout=50)
    assert build_.returncode == 2, said
    assert "mkdocs: ERROR refused index.md\n" in said
    assert left_after(build_.pid) == []
    assert leftovers(site) == []
