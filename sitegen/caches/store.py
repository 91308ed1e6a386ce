"""The store: one interface to the page and document entries of `.cache/`, each sealed when
stored and checked when read (`sitegen.caches.seal`). One that fails is deleted with one
warning naming it (`sitegen.caches.discarded`) and made again, so what is published is what
this machine made from the same inputs. Where the store lives, and its read-only fallback
(a temporary folder, one warning), is `sitegen.caches.cache_folder`.

An entry is a set of files under a key (`sitegen.digest.named_key` of its inputs):

- "pages": `.cache/pages/KEY/`, one file per docs path, and `.seal` inside it;
- "documents": `.cache/documents/KEY` (the key ends `.pdf` or `.docx`) one file, named ""
  in the entry, and `KEY.seal` beside it.

`prune(kind, keep)` deletes every other entry of the kind (and anything left half-written):
each kind keeps only what the last build used, so a restricted agreement's pages and
documents leave the store with the first build that does not show it. Before the store,
pages and documents each had their own get, put and prune (`caches/entries.py`, 136 lines
in two shapes); the checked results (`caches.checked_cache`) keep their JSON file, whose
path comes from here too.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal

from sitegen.caches import CHECKED, cache_folder, discarded, remove
from sitegen.caches.seal import Unsealed, check_files, seal_files
from sitegen.errors import UserError
from sitegen.files import write_atomic

Kind = Literal["pages", "documents"]
SEAL = ".seal"
Entry = dict[str, Path]  # the files of an entry, by name ("" for a one-file entry)


class Store:
    """The entries kept in `folder` (a project's `.cache/`, or its stand-in). A plain
    value: worker processes are given one and use the same folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def of(cls, root: Path) -> Store:
        """The project's store (one warning, and a temporary folder, if `.cache/` cannot
        be written)."""
        return cls(cache_folder(root))

    @property
    def checked_file(self) -> Path:
        """The validation results of the last run (`sitegen.caches.checked_cache`)."""
        return self.folder / CHECKED

    def place(self, kind: Kind, key: str) -> Path:
        """Where the entry of `key` is (its folder, or its one file)."""
        return self.folder / kind / key

    def get(self, kind: Kind, key: str) -> Entry | None:
        """The entry's files, if it is there and passes its seal; one that fails is deleted
        (with one warning) and None returned, as for one that is not there."""
        place = self.place(kind, key)
        if kind == "documents":
            return _document(place, key)
        if not place.is_dir() or place.is_symlink():
            if os.path.lexists(place):
                discarded(place, "not a folder")
            return None
        found = _files(place)
        try:
            check_files(kind, key, found, _read_seal(place / SEAL))
        except Unsealed as problem:
            discarded(place, str(problem))
            return None
        return found

    def put(self, kind: Kind, key: str, files: Mapping[str, bytes]) -> Entry:
        """Store the files and their seal; nothing half-written is ever taken for an entry
        (a document is written, then its seal; pages go to a new folder renamed into place).
        The entry as `get` gives it back."""
        place = self.place(kind, key)
        place.parent.mkdir(parents=True, exist_ok=True)
        if kind == "documents":
            write_atomic(place, files[""])
            write_atomic(_seal_of(place), seal_files(kind, key, {"": place}))
        else:
            _put_folder(place, kind, key, files)
        found = self.get(kind, key)
        if found is None:
            raise UserError(f"cannot keep the {kind} it made", path=place)
        return found

    def prune(self, kind: Kind, keep: Iterable[str]) -> None:
        """Delete every entry of `kind` but those of the keys in `keep`."""
        kept = set(keep)
        if kind == "documents":
            kept |= {key + SEAL for key in kept}
        try:
            found = list((self.folder / kind).iterdir())
        except OSError:
            return
        for entry in found:
            if entry.name not in kept:
                remove(entry)


def _document(place: Path, key: str) -> Entry | None:
    if not os.path.lexists(place):
        return None
    found = {"": place}
    try:
        check_files("documents", key, found, _read_seal(_seal_of(place)))
    except Unsealed as problem:
        discarded(place, str(problem))
        remove(_seal_of(place))
        return None
    return found


def _put_folder(place: Path, kind: Kind, key: str, files: Mapping[str, bytes]) -> None:
    staging = Path(tempfile.mkdtemp(prefix=".new-", dir=place.parent))
    for name, data in files.items():
        target = staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (staging / SEAL).write_bytes(seal_files(kind, key, _files(staging)))
    try:
        os.rename(staging, place)
    except OSError:  # another run stored the same key first: same content
        shutil.rmtree(staging, ignore_errors=True)


def _files(entry: Path) -> Entry:
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


def _seal_of(path: Path) -> Path:
    return path.with_name(path.name + SEAL)
