"""The search index under `mkdocs serve`: made once, then again only when what it reads
changed, and then beside the server rather than in the way of the page's reload.

Pagefind reads the whole site in one run (no incremental mode, 1.5.2): at 1,000
agreements in two languages that is about 20 s, which every rebuild of `mkdocs serve`
paid before, even for an edit of the catalogue or of a report page, which are not
searched. mkdocs empties the site folder before each build, so the index cannot simply
be left there. Instead:

- the pages Pagefind reads (those that mark `data-pagefind-body`; every page if none
  does, as Pagefind itself decides) are fingerprinted after each build: their paths and
  bytes, one hash;
- the first build indexes the site as `mkdocs build` does (the first page served can
  search; a Pagefind failure stops `serve` as it stops a build); once mkdocs says it
  serves (`on_serve`), that index is kept in the site folder's `.sitegen-search/`, which
  mkdocs' emptying leaves alone (it keeps hidden entries) and removes with the folder
  when `serve` ends;
- after each rebuild whose fingerprint is the indexed one the kept index is put back
  (hard links): no Pagefind run;
- a rebuild that changed a searched page (an agreement edited, one added) gets the last
  index back at once, and a copy of its pages is indexed in a thread; the new index is put
  into the site when it is done (the next build waits for that), over the old one, whose
  content-named chunks stay for a page that loaded it. A failure there is logged and the
  last index kept; the next change tries again. Restarting `serve` indexes afresh.

`sitegen build` and a bare `mkdocs build` index as before (`sitegen.site.search_index`).

mkdocs makes a new plugin for each build of `serve` (unless it defines `on_startup`, when
one plugin lives as long as the process: across every build a test process runs, which
the plugin's state is not made for), so the session is found by its site folder in
`SESSIONS`, as long as the process.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import SitegenError
from sitegen.site import search_index

MARK = b"data-pagefind-body"
KEPT = ".sitegen-search"  # in the served site folder: mkdocs leaves hidden entries alone


@dataclass(frozen=True)
class Pages:
    """The pages Pagefind reads in a built site, and their fingerprint."""

    site: Path
    paths: tuple[Path, ...]  # relative to `site`
    fingerprint: str


def searched_pages(site: Path) -> Pages:
    """The HTML pages that mark their searched part, or every page if none does."""
    every = sorted(
        relative
        for relative in (path.relative_to(site) for path in site.rglob("*.html"))
        if not relative.parts[0].startswith(".")  # the kept copies (`KEPT`) among them
    )
    marked, digest = [], hashlib.blake2b(digest_size=16)
    for relative in every:
        body = (site / relative).read_bytes()
        if MARK in body:
            marked.append(relative)
            digest.update(str(relative).encode() + b"\0" + body + b"\0")
    if not marked:
        for relative in every:
            digest.update(str(relative).encode() + b"\0" + (site / relative).read_bytes())
    return Pages(site, tuple(marked or every), digest.hexdigest())


def _link_or_copy(source: str, target: str) -> None:
    """A hard link, or a copy across file systems; a file already there is replaced (its
    name unlinked, never written through: it may be a link to another index's file)."""
    if os.path.lexists(target):
        os.unlink(target)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


class ServedIndex:
    """One `mkdocs serve` session's search index (see the module's docstring)."""

    def __init__(self, site: Path, log: Callable[[str], None], warn: Callable[[str], None]):
        """`site` holds a build and its index (`on_serve` comes after the first build)."""
        self._log, self._warn = log, warn
        self._folder = site / KEPT
        shutil.rmtree(self._folder, ignore_errors=True)
        self._lock = threading.Lock()
        self._building = False
        self._site = site
        self._runs = 0
        bundle = site / search_index.BUNDLE
        self._bundle: Path | None = None  # the newest index made
        if bundle.is_dir():
            self._bundle = self._folder / "pages-0" / search_index.BUNDLE
            shutil.copytree(bundle, self._bundle, copy_function=_link_or_copy)
        self._indexed = searched_pages(site).fingerprint if self._bundle else ""
        self._indexing = ""  # the fingerprint being indexed in the thread
        self._threads: list[threading.Thread] = []
        self._closed = False

    def close(self) -> None:
        """The server stops and mkdocs is about to remove the site folder: the indexes being
        made are waited for (a Pagefind left running would write its output into the folder
        after it was removed, making it again) and none is put into the site any more."""
        with self._lock:
            self._closed = True
        if any(thread.is_alive() for thread in self._threads):
            self._log("sitegen: waiting for the search index being made")
        self.wait()

    def build_starts(self) -> None:
        """mkdocs is about to empty the site folder: nothing may be put into it now."""
        with self._lock:
            self._building = True

    def build_failed(self) -> None:
        with self._lock:
            self._building = False

    def build_done(self, site: Path) -> str:
        """After a build: the index put in place, made, or set to be made; what was done."""
        pages = searched_pages(site)
        with self._lock:
            self._building = False
            if self._bundle is not None:
                self._install(self._bundle, site)
            if pages.fingerprint == self._indexed:
                return "search index unchanged: kept"
            if pages.fingerprint == self._indexing:
                return "search index: being made in the background"
            first = self._bundle is None
            snapshot = self._snapshot(pages)
            self._indexing = pages.fingerprint
        if first:
            try:
                found = search_index.index_site(snapshot, shown=site)
            except SitegenError:
                self._forget(snapshot)
                raise
            self._finished(found, pages.fingerprint, snapshot)
            return found.describe()
        thread = threading.Thread(
            target=self._background, args=(snapshot, pages.fingerprint, site), daemon=True
        )
        self._threads.append(thread)
        thread.start()
        return "searched pages changed: indexing them in the background (the last index meanwhile)"

    def wait(self) -> None:
        """Until the indexes being made are done (for tests)."""
        for thread in self._threads:
            thread.join()

    def _snapshot(self, pages: Pages) -> Path:
        """A copy of the searched pages for Pagefind: the next build empties the site."""
        self._runs += 1
        snapshot = self._folder / f"pages-{self._runs}"
        for relative in pages.paths:
            (snapshot / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(pages.site / relative, snapshot / relative)
        return snapshot

    def _background(self, snapshot: Path, fingerprint: str, shown: Path) -> None:
        try:
            found = search_index.index_site(snapshot, shown=shown)
        except SitegenError as error:
            self._warn(f"sitegen: the search index was not remade (the last one stays): {error}")
            self._forget(snapshot)
            return
        self._finished(found, fingerprint, snapshot)
        self._log(f"sitegen: {found.describe()} made in the background")

    def _finished(self, found: search_index.SearchIndex, fingerprint: str, snapshot: Path) -> None:
        """The index of `snapshot` becomes the one served, unless a newer one is coming."""
        with self._lock:
            stale = fingerprint != self._indexing  # pages changed again: theirs will follow
            old = self._bundle
            if not stale:
                self._bundle, self._indexed, self._indexing = found.bundle, fingerprint, ""
                if not self._building and not self._closed:
                    self._install(found.bundle, self._site)
        if stale:
            shutil.rmtree(snapshot, ignore_errors=True)
            return
        for path in snapshot.iterdir():  # the pages indexed: only the index is kept
            if path != found.bundle:
                shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink()
        if old is not None:
            shutil.rmtree(old.parent, ignore_errors=True)

    def _forget(self, snapshot: Path) -> None:
        """Indexing `snapshot` failed: its pages go, and the next build tries again."""
        with self._lock:
            self._indexing = ""
        shutil.rmtree(snapshot, ignore_errors=True)

    @staticmethod
    def _install(bundle: Path, site: Path) -> None:
        """The bundle into the site, over what is there (hard links: nothing is rewritten
        in place, Pagefind writes new files and mkdocs removes them before a build)."""
        shutil.copytree(
            bundle, site / search_index.BUNDLE, copy_function=_link_or_copy, dirs_exist_ok=True
        )


SESSIONS: dict[Path, ServedIndex] = {}  # by the served site folder, resolved


def start_session(
    site: Path, log: Callable[[str], None], warn: Callable[[str], None]
) -> ServedIndex:
    """mkdocs serves `site` (its first build done): the session its next builds find."""
    session = ServedIndex(site, log, warn)
    SESSIONS[site.resolve()] = session
    return session


def session_of(site: Path) -> ServedIndex | None:
    return SESSIONS.get(site.resolve())


def end_session(site: Path) -> None:
    """mkdocs stops serving `site`: its session's work ends before the folder goes."""
    session = SESSIONS.pop(site.resolve(), None)
    if session is not None:
        session.close()
