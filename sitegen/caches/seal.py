"""Seals on what `.cache/` keeps: an entry is used only if it carries a seal made on this
machine, by this user, for its key and its exact bytes.

Threat model. Whoever can write the project folder can write `.cache/`: files unpacked from
a pull request or an archive over a checkout, a cache folder copied from another job, a
hand edit. An entry's key is the SHA-256 of its inputs, which that writer knows as well as
sitegen does, and a content hash stored beside the entry they can recompute. So what they
cannot forge must hang on something they cannot read: each entry is sealed with
HMAC-SHA256 under a secret of this machine's user, kept outside every project in
`$XDG_CACHE_HOME/sitegen/key` (default `~/.cache/sitegen/key`: 32 random bytes, mode 0600,
made on first use). The seal covers the kind of entry, its key, and for each of its files
the name, the SHA-256 of the bytes and the file's status (size, modification and change
times, inode). An edited, truncated or planted entry, one swapped for another's (seal
included: the key differs), a file added to an entry, and a symbolic link in place of a
file all fail the check; the entry is discarded and made again, with one warning naming it.

A file whose status is still the sealed one is not read again: its change time (ctime)
moves on every write and no system call sets it back, so the same status means the same
bytes, and a warm build does not read its hundreds of MB of cached documents (a status costs
~3 µs a file; hashing ran at ~600 MB/s on the 2-core machine of the tests). A file whose
status moved (a copy of the cache, a restored backup) is hashed and still passes if its
bytes are the sealed ones.

Not covered: someone who can read the secret or run code as this user (they could as well
change sitegen), and an entry changed while a build is reading it. Without a secret (the
user's cache folder cannot be written), nothing is trusted: see `sitegen.caches`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import stat
from pathlib import Path

SECRET_BYTES = 32
FORMAT = "sitegen-seal 1"

Status = list[int]  # size, mtime_ns, ctime_ns, inode: as JSON gives it back


class Unsealed(Exception):
    """An entry whose seal is missing or does not match (the message says how)."""


def user_cache_home() -> Path:
    found = os.environ.get("XDG_CACHE_HOME", "")
    return Path(found) if Path(found).is_absolute() else Path.home() / ".cache"


def secret_file() -> Path:
    return user_cache_home() / "sitegen" / "key"


_secrets: dict[Path, bytes] = {}


def machine_secret() -> bytes:
    """This user's secret, made on first use; OSError when it can be neither read nor made."""
    path = secret_file()
    if path not in _secrets:
        _secrets[path] = _read_or_make(path)
    return _secrets[path]


def _read_or_make(path: Path) -> bytes:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(handle, "wb") as out:
            out.write(secrets.token_bytes(SECRET_BYTES))
    handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(handle, "rb") as source:
        found = source.read(SECRET_BYTES + 1)
    if len(found) != SECRET_BYTES:
        raise OSError(f"{path}: not a sitegen key ({len(found)} bytes, not {SECRET_BYTES})")
    return found


def tag(kind: str, key: str, body: object) -> str:
    """The seal of `body` (plain JSON data) stored under `key` in a cache of `kind`."""
    message = json.dumps([FORMAT, kind, key, body], ensure_ascii=False, sort_keys=True)
    return hmac.new(machine_secret(), message.encode("utf-8"), hashlib.sha256).hexdigest()


def matches(kind: str, key: str, body: object, found: object) -> bool:
    return isinstance(found, str) and hmac.compare_digest(tag(kind, key, body), found)


def seal_files(kind: str, key: str, files: dict[str, Path]) -> bytes:
    """The seal of an entry made of `files` (name → file), as its seal file holds it."""
    body = {name: [_sha256(path).hex(), _status(path)] for name, path in sorted(files.items())}
    return json.dumps({"files": body, "tag": tag(kind, key, body)}).encode("utf-8")


def check_files(kind: str, key: str, files: dict[str, Path], sealed: bytes) -> None:
    """Raise Unsealed unless `files` are exactly the files `sealed` covers, each unchanged."""
    try:
        record = json.loads(sealed)
        body, found = record["files"], record["tag"]
    except (ValueError, TypeError, KeyError):
        raise Unsealed("its seal cannot be read") from None
    if not matches(kind, key, body, found):
        raise Unsealed("its seal was not made here for this entry")
    if set(body) != set(files):
        raise Unsealed("it holds other files than were sealed")
    for name, (digest, status) in body.items():
        path, which = files[name], f"{name} " if name else ""
        try:
            if _status(path) != status and _sha256(path).hex() != digest:
                raise Unsealed(f"{which}changed since it was sealed")
        except OSError as error:
            raise Unsealed(f"{which}{error.strerror or error}".strip()) from None


def _status(path: Path) -> Status:
    """The file's status; OSError for anything but a regular file (a link is not followed)."""
    found = path.lstat()
    if not stat.S_ISREG(found.st_mode):
        raise OSError("is not a regular file")
    return [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino]


def _sha256(path: Path) -> bytes:
    handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(handle, "rb") as source:
        return hashlib.file_digest(source, "sha256").digest()
