"""The store: one interface to the page and document entries of `.cache/`, each sealed when
stored and checked when read (`sitegen.caches.seal`). One that fails is deleted with one
warning naming it (`sitegen.caches.discarded`) and made again, so what is published is what
this machine made from the same inputs. Where the store lives, and its read-only fallback
(a temporary folder, one warning), is `sitegen.caches.cache_folder`.

An entry is a set of files under a key (`sitegen.digest.named_key` of its inputs):

- "pages": `.cache/pages/KEY/`, one file per docs path, and `.seal` inside it;
- "documents": `.cache/documents/KEY` (the key ends `.pdf` or `.docx`) one file, named ""
  in the entry, and `KEY.seal` beside it;
- "reports": `.cache/reports/KEY.pdf`, the PDF of an accepted service report the site
  publishes, one file like a document (its own kind: the documents' prune keeps only the
  contract documents a build plans);
- "checked": `.cache/checked.json`, one JSON file of sealed values (`Records`: a warm
  build of 1,000 agreements reads one file, not 1,000), what `sitegen.caches.checked_cache`
  keeps of each file's validation.

`prune(kind, keep)` deletes every other entry of the kind (and anything left half-written):
each kind keeps only what the last build used, so a restricted agreement's pages and
documents leave the store with the first build that does not show it. Before the store,
pages and documents each had their own get, put and prune (`caches/entries.py`, 136 lines
in two shapes), and the checked results sealed and wrote their own file.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from sitegen.caches import CHECKED, cache_folder, discarded, log, remove
from sitegen.caches.seal import Unsealed, check_files, matches, seal_files, tag
from sitegen.errors import UserError
from sitegen.files import write_atomic

Kind = Literal["pages", "documents", "reports"]
ONE_FILE: frozenset[Kind] = frozenset({"documents", "reports"})  # an entry is one file
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
        if kind in ONE_FILE:
            return _document(kind, place, key)
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
        if kind in ONE_FILE:
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
        if kind in ONE_FILE:
            kept |= {key + SEAL for key in kept}
        try:
            found = list((self.folder / kind).iterdir())
        except OSError:
            return
        for entry in found:
            if entry.name not in kept:
                remove(entry)


def _document(kind: Kind, place: Path, key: str) -> Entry | None:
    if not os.path.lexists(place):
        return None
    found = {"": place}
    try:
        check_files(kind, key, found, _read_seal(_seal_of(place)))
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


class Records:
    """Sealed JSON values under keys, in one file that holds the last run's entries only:
    `get` each, `put` the ones to keep (those got included), then `save`."""

    def __init__(self, file: Path, kind: str, format: str) -> None:
        self.file, self.kind, self.format = file, kind, format
        self._stored: dict[str, Any] | None = None
        self._kept: dict[str, Any] = {}
        self._added = False

    def get(self, key: str, what: object) -> Any | None:
        """The value kept under `key` if its seal matches it, else None: with one warning
        naming `what` the entry is of when there was one (`refused`). A value got is kept by
        `save`, unless refused."""
        stored = self._read().get(key)
        if stored is None:
            return None
        if not isinstance(stored, dict) or not matches(
            self.kind, key, stored.get("value"), stored.get("seal")
        ):
            self.refused(key, what)
            return None
        self._kept[key] = stored["value"]
        return stored["value"]

    def refused(self, key: str, what: object) -> None:
        """One warning that the entry of `what` failed its check; it is not kept."""
        self._kept.pop(key, None)
        log.warning(f"{self.file}: the entry of {what} does not match its seal: checked again")

    def put(self, key: str, value: Any) -> None:
        self._kept[key] = value
        self._added = True

    def save(self) -> None:
        """Write the values got and put, nothing else; only when that differs from what the
        file holds."""
        if not self._added and set(self._kept) == set(self._read()):
            return  # every entry was got and none went out of use
        body = ", ".join(
            f"{json.dumps(key)}: {self._sealed(key, value)}"
            for key, value in sorted(self._kept.items())
        )
        write_atomic(self.file, f'{{"format": "{self.format}", "entries": {{{body}}}}}\n'.encode())

    def _sealed(self, key: str, value: Any) -> str:
        record = {"seal": tag(self.kind, key, value), "value": value}
        return json.dumps(record, ensure_ascii=False)

    def _read(self) -> dict[str, Any]:
        if self._stored is None:
            self._stored = _entries(self.file, self.format)
        return self._stored


def _entries(file: Path, format: str) -> dict[str, Any]:
    try:
        found = json.loads(file.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(found, dict) or found.get("format") != format:
        return {}
    entries = found.get("entries")
    return entries if isinstance(entries, dict) else {}
