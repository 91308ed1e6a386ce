"""SHA-256 digests: what the keys of `.cache/` and of the process caches are made of.

One place computes them, so the page key and the template held in memory can never
disagree about which template they mean: both hang on `folder_digest` of the files.
(They once did: the process caches of templates and clause files were keyed by the
folder's path, so `mkdocs serve` stored a page built from the old template under the
new template's key, and every later build served it until `.cache/` was deleted.)

Each file is read and hashed once per process while it stays as it was: a file's digest
is kept with its status (size, modification and change times, inode, device), and a file
whose status moved is hashed again. The change time moves on every write and nothing
sets it back (see `sitegen.seal`), so the same status means the same bytes; a file
written within `RACY_NS` before it was hashed is not kept (a coarse file system clock
could give a write right after it the same times, as git's "racy clean" entries). A
template folder (~15 files) then costs ~15 `stat` calls per use, ~50 µs, however many
keys and caches ask for it in a run (the validation cache, the page keys, the document
keys, the templates and clauses in memory: it was hashed up to three times a run), and
workers forked from this process inherit digests they check the same way.

Keys name their inputs (`named_key`, `plain`), never `repr()`: a field renamed or a
value of a new type changes the key or fails loudly, instead of depending on how a
class happens to print.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import hashlib
import json
import os
import time
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path, PurePath

from pydantic import BaseModel

PACKAGE = Path(__file__).parent.resolve()
# A file changed less than this before it was hashed is hashed again on its next use.
RACY_NS = 2_000_000_000

Status = tuple[int, int, int, int, int]  # size, mtime_ns, ctime_ns, inode, device

_files: dict[str, tuple[Status, bytes]] = {}


def file_digest(path: Path) -> bytes:
    """The SHA-256 of the file's bytes; read again only when its status moved."""
    where = os.path.abspath(path)
    status = _status(where)
    known = _files.get(where)
    if known is not None and known[0] == status:
        return known[1]
    started = time.time_ns()
    with open(where, "rb") as source:
        digest = hashlib.file_digest(source, "sha256").digest()
    if _status(where) == status and started - max(status[1], status[2]) > RACY_NS:
        _files[where] = (status, digest)
    else:
        _files.pop(where, None)
    return digest


def _status(path: str) -> Status:
    found = os.stat(path)
    return (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev)


def folder_digest(folder: Path) -> bytes:
    """Every file below `folder` (its path and its bytes), compiled Python left out."""
    digest = hashlib.sha256()
    for path in sorted(
        p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    ):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(file_digest(path))
    return digest.digest()


@functools.cache
def package_digest() -> bytes:
    """Every file of the sitegen package, hashed once per process: the code that runs is
    the code that was there when it started."""
    return folder_digest(PACKAGE)


def named_key(kind: str, inputs: Mapping[str, bytes]) -> str:
    """The key of an entry of `kind` made from `inputs`, each named (hex SHA-256). Each
    input is framed by its name and length, so no two sets of inputs give the same bytes."""
    digest = hashlib.sha256(kind.encode() + b"\0")
    for name, value in inputs.items():
        digest.update(name.encode() + b"\0" + len(value).to_bytes(8, "big") + value)
    return digest.hexdigest()


def plain(value: object) -> bytes:
    """A value as canonical JSON: dataclasses and pydantic models as their fields by name,
    dates in ISO form, decimals as text. A type not listed is a TypeError, so a key never
    hangs on how an object prints."""
    return json.dumps(_plain(value), ensure_ascii=False, sort_keys=True, allow_nan=False).encode()


def _plain(value: object) -> object:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, enum.Enum):
        return _plain(value.value)
    if isinstance(value, dt.date | Decimal):  # datetime is a date
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if isinstance(value, PurePath):
        return value.as_posix()
    if isinstance(value, BaseModel):
        return {name: _plain(getattr(value, name)) for name in type(value).model_fields}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    raise TypeError(f"no plain form for a key: {type(value).__name__}")
