"""The search index under `mkdocs serve` (sitegen.mkdocs.serve_search): the real Pagefind
binary over small sites on disk, each rebuild emptied by mkdocs' own `clean_directory`."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from mkdocs.utils import clean_directory

from sitegen.errors import ToolFailed
from sitegen.mkdocs import serve_search
from sitegen.mkdocs.serve_search import KEPT, ServedIndex, session_of, start_session
from sitegen.site import search_index
from sitegen.site.search_index import index_site
from tests.test_build_run import mkdocs_project
from tests.test_search_index import indexed, page, write
from tests.test_site_fixtures import site_project

DRAFT_ID = "SLA-2025-004"  # a draft; its title holds 桌面运维 (desktop support)

A = {
    "agreements/A/index.html": page("zh", "甲协议", "服务可用性不低于 99.9%。"),
    "en/agreements/A/index.html": page("en", "Agreement A", "Availability is 99.9%."),
    "index.html": page("zh", "目录", "全部协议的表格", searched=False),
}
B = {"en/agreements/B/index.html": page("en", "Agreement B", "Credits are deducted.")}


class Said:
    def __init__(self) -> None:
        self.info: list[str] = []
        self.warnings: list[str] = []


@pytest.fixture
def said() -> Said:
    return Said()


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders Pagefind was run over."""
    ran: list[Path] = []
    real = search_index.index_site

    def counted(site: Path, *, shown: Path | None = None) -> search_index.SearchIndex:
        ran.append(site)
        return real(site, shown=shown)

    monkeypatch.setattr(serve_search.search_index, "index_site", counted)
    return ran


def served(site: Path, said: Said) -> ServedIndex:
    """The first build of `mkdocs serve` (indexed as `mkdocs build` does), then its
    `on_serve`."""
    write(site, A)
    index_site(site)  # Pagefind, not counted by `runs`
    return start_session(site, said.info.append, said.warnings.append)


def rebuild(session: ServedIndex, site: Path, files: dict[str, str]) -> str:
    """What mkdocs does to the site on a rebuild, with the plugin's calls around it."""
    session.build_starts()
    clean_directory(str(site))
    write(site, files)
    return session.build_done(site)


def test_an_unchanged_search_keeps_its_index_without_running_pagefind(
    tmp_path: Path, said: Said, runs: list[Path]
) -> None:
    session = served(tmp_path, said)
    assert session_of(tmp_path / "." / "") is session
    # the catalogue's table changed (it is not searched); the agreements did not
    catalogue = {"index.html": page("zh", "目录", "另一张表格", searched=False)}
    assert rebuild(session, tmp_path, {**A, **catalogue}) == "search index unchanged: kept"
    assert runs == []
    assert set(indexed(tmp_path)) == {"/agreements/A/", "/en/agreements/A/"}
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
    # the site's index is the kept one, linked, not copied
    kept = tmp_path / KEPT / "pages-0" / "pagefind" / "pagefind.js"
    assert (tmp_path / "pagefind" / "pagefind.js").samefile(kept)


def test_a_changed_search_is_indexed_beside_the_server(
    tmp_path: Path, said: Said, runs: list[Path]
) -> None:
    session = served(tmp_path, said)
    assert rebuild(session, tmp_path, {**A, **B}) == (
        "searched pages changed: indexing them in the background (the last index meanwhile)"
    )
    session.wait()
    # Pagefind ran once, over a copy of the three searched pages only (not the catalogue)
    assert len(runs) == 1 and runs[0].parent == tmp_path / KEPT
    copied = sorted(str(p.relative_to(runs[0])) for p in runs[0].rglob("*.html"))
    assert copied == []  # only the index is kept of it
    assert set(indexed(tmp_path)) == {"/agreements/A/", "/en/agreements/A/", "/en/agreements/B/"}
    assert said.info == ["sitegen: search index of 3 pages made in the background"]
    # the next rebuild of the same pages keeps it: Pagefind does not run again
    assert rebuild(session, tmp_path, {**A, **B}) == "search index unchanged: kept"
    assert len(runs) == 1
    assert "/en/agreements/B/" in indexed(tmp_path)
    assert sorted(p.name for p in (tmp_path / KEPT).iterdir()) == ["pages-1"]  # the old gone


def test_an_index_made_during_a_build_goes_in_after_it(tmp_path: Path, said: Said) -> None:
    session = served(tmp_path, said)
    rebuild(session, tmp_path, {**A, **B})
    session.build_starts()  # the next build begins before the index is done
    session.wait()
    clean_directory(str(tmp_path))
    assert not (tmp_path / "pagefind").exists()  # nothing was put in while it built
    write(tmp_path, {**A, **B})
    assert session.build_done(tmp_path) == "search index unchanged: kept"
    assert "/en/agreements/B/" in indexed(tmp_path)


def test_a_failed_index_keeps_the_last_one_and_is_tried_again(
    tmp_path: Path, said: Said, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = served(tmp_path, said)

    def failing(site: Path, *, shown: Path | None = None) -> search_index.SearchIndex:
        raise ToolFailed(
            tool="pagefind", message="could not index the site: disk full", where=shown
        )

    monkeypatch.setattr(serve_search.search_index, "index_site", failing)
    rebuild(session, tmp_path, {**A, **B})
    session.wait()
    assert said.warnings == [
        "sitegen: the search index was not remade (the last one stays): "
        f"{tmp_path}: pagefind could not index the site: disk full"
    ]
    assert set(indexed(tmp_path)) == {"/agreements/A/", "/en/agreements/A/"}
    assert sorted(p.name for p in (tmp_path / KEPT).iterdir()) == ["pages-0"]
    monkeypatch.setattr(serve_search.search_index, "index_site", index_site)
    assert rebuild(session, tmp_path, {**A, **B}).startswith("searched pages changed")
    session.wait()
    assert "/en/agreements/B/" in indexed(tmp_path)


def test_stopping_waits_for_the_index_being_made_and_puts_nothing_in_the_site(
    tmp_path: Path, said: Said, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while Pagefind indexes beside the server: `on_shutdown` waits for it, and
    its index goes nowhere; mkdocs then removes the folder, which nothing makes again."""
    session = served(tmp_path, said)
    started, finish = threading.Event(), threading.Event()
    real = search_index.index_site

    def slow(site: Path, *, shown: Path | None = None) -> search_index.SearchIndex:
        started.set()
        finish.wait(30)
        return real(site, shown=shown)

    monkeypatch.setattr(serve_search.search_index, "index_site", slow)
    rebuild(session, tmp_path, {**A, **B})
    assert started.wait(30)
    stopping = threading.Thread(target=serve_search.end_session, args=(tmp_path,))
    stopping.start()
    stopping.join(0.5)
    assert stopping.is_alive()  # it waits for the index being made
    finish.set()
    stopping.join(30)
    assert not stopping.is_alive() and session_of(tmp_path) is None
    assert "sitegen: waiting for the search index being made" in said.info
    assert "/en/agreements/B/" not in indexed(tmp_path)  # the new index was not put in
    shutil.rmtree(tmp_path)  # as mkdocs does after `on_shutdown`
    assert not tmp_path.exists()


@pytest.mark.slow
def test_mkdocs_serve_indexes_once_and_again_when_an_agreement_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real `mkdocs serve` of the samples: the first build indexed; a save that changes
    nothing searched (the agreement touched) keeps the index; a new title is indexed in the
    background; Ctrl-C leaves no kept copy behind."""
    repo = site_project(tmp_path / "project", monkeypatch)
    mkdocs_project(repo.root)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    argv = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    log = tmp_path / "serve.log"
    temporary = tmp_path / "tmp"  # the server's own: other tests' servers leave theirs
    temporary.mkdir()
    env = {**os.environ, "TMPDIR": str(temporary)}
    with log.open("wb") as out:
        server = subprocess.Popen(
            argv, cwd=repo.root, stdout=out, stderr=subprocess.STDOUT, env=env
        )
        try:
            said = wait_for(log, "Serving on")
            assert "sitegen: search index of" in said, said
            base = f"http://127.0.0.1:{port}/"
            assert urllib.request.urlopen(base + "pagefind/pagefind.js").status == 200
            agreement = repo.root / "agreements" / DRAFT_ID / "agreement.yaml"
            agreement.touch()
            wait_for(log, "sitegen: search index unchanged: kept")
            assert urllib.request.urlopen(base + "pagefind/pagefind.js").status == 200
            text = agreement.read_text("utf-8")
            agreement.write_text(text.replace("桌面运维", "桌面运维与打印", 1), "utf-8")
            wait_for(log, "searched pages changed: indexing them in the background")
            wait_for(log, "made in the background")
            entry = urllib.request.urlopen(base + "pagefind/pagefind-entry.json").read()
            assert b'"zh"' in entry and b'"en"' in entry
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(60)
    said = log.read_text("utf-8", "replace")
    assert "Traceback" not in said and "ERROR" not in said, said
    # Pagefind ran over the site in the first build only, then once beside the server
    assert len(re.findall(r"sitegen: search index of \d+ pages$", said, re.MULTILINE)) == 1
    assert said.count("made in the background") == 1, said
    assert list(temporary.iterdir()) == []  # mkdocs' site folder, the kept index in it


def wait_for(log: Path, text: str, timeout: float = 300) -> str:
    """The server's output once it says `text`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        said = log.read_text("utf-8", "replace")
        if text in said:
            return said
        time.sleep(0.2)
    raise AssertionError(f"no {text!r} in:\n{log.read_text('utf-8', 'replace')}")
