"""The site's search index: the real Pagefind binary over small built sites on disk.

The built catalogue's index (what its pages mark, both languages, no restricted agreement)
is checked on the real build in test_site_build.py, and in a browser in test_browser.py.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitegen.cli import cli
from sitegen.errors import ToolFailed, UserError
from sitegen.site import search_index
from sitegen.site.publish import MARKER_TEXT, SITE_MARKER
from sitegen.site.search_index import index_site
from tests.test_build_run import mkdocs_project
from tests.test_site_fixtures import site_project


def page(lang: str, title: str, body: str, *, searched: bool = True) -> str:
    mark = " data-pagefind-body" if searched else ""
    return (
        f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>'
        f'<header>菜单 Menu</header><h1>{title}</h1><div{mark}><h2 id="s1">{title} 1</h2>'
        f"<p>{body}</p></div></body></html>"
    )


def write(site: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")


def indexed(site: Path) -> dict[str, dict[str, Any]]:
    """Every indexed page by its URL, as Pagefind 1.5.2 stores it: a gzipped fragment
    whose JSON follows the 12-byte signature `pagefind_dcd`."""
    pages = {}
    for path in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        assert data[:12] == b"pagefind_dcd"
        fragment = json.loads(data[12:])
        pages[fragment["url"]] = fragment
    return pages


def test_only_marked_pages_are_indexed_by_language(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "agreements/A/index.html": page("zh", "甲协议", "服务可用性不低于 99.9%。"),
            "en/agreements/A/index.html": page("en", "Agreement A", "Availability is 99.9%."),
            "index.html": page("zh", "目录", "全部协议的表格", searched=False),
        },
    )
    found = index_site(tmp_path)
    assert found.pages == 2 and found.bundle == tmp_path / "pagefind"
    assert found.describe() == "search index of 2 pages"
    pages = indexed(tmp_path)
    assert set(pages) == {"/agreements/A/", "/en/agreements/A/"}
    # only the marked element: not the header's words
    assert "Menu" not in pages["/en/agreements/A/"]["content"]
    assert pages["/agreements/A/"]["anchors"][0]["id"] == "s1"
    # one index per language (its metadata file), the one bundle at the site's root
    metas = sorted(p.name.split("_")[0] for p in (tmp_path / "pagefind").glob("*.pf_meta"))
    assert metas == ["pagefind.en", "pagefind.zh"]
    # its entry file lists them in one order, run after run (Pagefind's own order varies)
    entry = (tmp_path / "pagefind" / "pagefind-entry.json").read_bytes()
    assert list(json.loads(entry)["languages"]) == ["en", "zh"]
    for _ in range(3):
        index_site(tmp_path)
        assert (tmp_path / "pagefind" / "pagefind-entry.json").read_bytes() == entry
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
    assert not (tmp_path / "pagefind" / "playground").exists()
    # Pagefind's own interfaces are not the site's: gone
    assert not list((tmp_path / "pagefind").glob("pagefind-*ui*"))
    assert not (tmp_path / "pagefind" / "pagefind-highlight.js").exists()


def test_indexing_again_replaces_the_old_index(tmp_path: Path) -> None:
    write(tmp_path, {"a/index.html": page("en", "First", "one")})
    index_site(tmp_path)
    stale = tmp_path / "pagefind" / "fragment" / "stale.pf_fragment"
    stale.write_bytes(b"")
    write(tmp_path, {"b/index.html": page("en", "Second", "two")})
    assert index_site(tmp_path).pages == 2
    assert not stale.exists()


def test_a_failed_index_is_one_clear_error(tmp_path: Path) -> None:
    """Pagefind 1.5.2 prints its error twice; it is said once, with the folder chosen."""
    site, shown = tmp_path / ".site.sitegen-x", tmp_path / "site"
    site.mkdir()
    with pytest.raises(ToolFailed) as raised:
        index_site(site, shown=shown)
    assert str(raised.value) == (
        f"{shown}: pagefind could not index the site: Pagefind was not able to build an "
        "index. Most likely, the directory passed to Pagefind was empty or did not contain "
        "any html files."
    )


def test_without_the_extended_binary_the_index_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pagefind_bin_extended", None)  # not installed
    with pytest.raises(UserError) as raised:
        index_site(tmp_path)
    assert str(raised.value) == (
        "the search index needs Pagefind's extended binary: install the package "
        "'pagefind[extended]' (pyproject.toml names it)"
    )


@pytest.mark.slow
def test_a_failed_index_fails_the_build_and_leaves_the_old_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`sitegen build` with a Pagefind that fails (a real program, exit status 3): one error
    with its message, no traceback, and the site as it was."""
    repo = site_project(tmp_path / "project", monkeypatch)
    mkdocs_project(repo.root)
    site = repo.root / "site"
    write(site, {"index.html": "the old site", SITE_MARKER: MARKER_TEXT.decode()})
    failing = tmp_path / "pagefind"
    failing.write_text("#!/bin/sh\necho 'Error: no space for the index' >&2\nexit 3\n")
    failing.chmod(0o755)
    monkeypatch.setattr(search_index, "pagefind_binary", lambda: failing)
    result = CliRunner().invoke(cli, ["build", "--today", "2025-02-10", "--one-process"])
    assert result.exit_code == 2, result.output
    assert result.output.endswith(
        f"Error: {site}: pagefind could not index the site: no space for the index\n"
    ), result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in site.iterdir()) == [SITE_MARKER, "index.html"]
    assert (site / "index.html").read_text("utf-8") == "the old site"
