"""The entries of the page and document caches, each sealed when stored and checked when
read (`sitegen.caches.seal`): one that fails is deleted with a warning (`sitegen.caches`) and
made again, so what is published is what this machine made from the same inputs.

`.cache/pages/KEY/` holds the pages of one agreement, one file per docs path, and `.seal`;
`.cache/documents/KEY.pdf` (or `.docx`) one document, and `KEY.pdf.seal` beside it. Each
cache keeps only the entries the last run used: a restricted agreement's pages and
documents leave it with the first build that does not show it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from sitegen.caches import discarded, remove
from sitegen.caches.seal import Unsealed, check_files, seal_files
from sitegen.errors import UserError
from sitegen.files import write_atomic

SEAL = ".seal"
PAGES = "pages"
DOCUMENTS = "documents"


class PageCache:
    """`folder/KEY/` holds the pages of one key, as files named by their docs path."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def get(self, key: str) -> dict[str, Path] | None:
        """The pages of `key` (docs path → file), if the entry passes its seal."""
        entry = self.folder / key
        if not entry.is_dir() or entry.is_symlink():
            if os.path.lexists(entry):
                discarded(entry, "not a folder")
            return None
        found = _files(entry)
        try:
            sealed = _read_seal(entry / SEAL)
            check_files(PAGES, key, found, sealed)
        except Unsealed as problem:
            discarded(entry, str(problem))
            return None
        self.used.add(key)
        return found

    def put(self, key: str, pages: dict[str, str]) -> dict[str, Path]:
        """Store the pages and their seal (written to a new folder, then renamed into place)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".new-", dir=self.folder))
        for name, text in pages.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
        (staging / SEAL).write_bytes(seal_files(PAGES, key, _files(staging)))
        try:
            os.rename(staging, self.folder / key)
        except OSError:  # another run stored the same key first: same content
            shutil.rmtree(staging, ignore_errors=True)
        found = self.get(key)
        if found is None:
            raise UserError("cannot keep the pages it made", path=self.folder / key)
        return found

    def prune(self) -> None:
        """Delete the entries this run did not use (and any left half-written)."""
        if not self.folder.is_dir():
            return
        for entry in self.folder.iterdir():
            if entry.name not in self.used:
                remove(entry)


def _files(entry: Path) -> dict[str, Path]:
    """Every file below `entry` but its seal, by path below it; links (to folders too) are
    listed as files, so the seal check refuses them."""
    found = {}
    for parent, folders, names in os.walk(entry):  # quicker than rglob, every page, every run
        folder = Path(parent)
        below = folder.relative_to(entry).as_posix()
        links = [name for name in folders if (folder / name).is_symlink()]
        for name in names + links:
            if below != "." or name != SEAL:
                found[name if below == "." else f"{below}/{name}"] = folder / name
    return found


def _read_seal(path: Path) -> bytes:
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(handle, "rb") as source:
            return source.read()
    except OSError:
        raise Unsealed("it has no seal") from None


def document_ready(path: Path) -> bool:
    """Whether the cached document `path` is there and passes its seal (one that fails is
    deleted, with a warning)."""
    if not os.path.lexists(path):
        return False
    try:
        check_files(DOCUMENTS, path.name, {"": path}, _read_seal(_seal_of(path)))
    except Unsealed as problem:
        discarded(path, str(problem))
        remove(_seal_of(path))
        return False
    return True


def store_document(path: Path, data: bytes) -> None:
    """Keep a document in the cache, then its seal (a document without one is made again)."""
    write_atomic(path, data)
    write_atomic(_seal_of(path), seal_files(DOCUMENTS, path.name, {"": path}))


def prune_documents(folder: Path, used: Iterable[str]) -> None:
    """Delete every file of the document cache but the documents `used` and their seals."""
    kept = {name for document in used for name in (document, document + SEAL)}
    try:
        found = list(folder.iterdir())
    except OSError:
        return
    for entry in found:
        if entry.name not in kept:
            remove(entry)


def _seal_of(path: Path) -> Path:
    return path.with_name(path.name + SEAL)
