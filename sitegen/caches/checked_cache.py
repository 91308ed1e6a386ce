"""Validation results of unchanged agreement files, kept between runs (`.cache/checked.json`).

Loading an agreement file (its YAML parsed with the place of every value, then the schema)
and linting it costs ~6 ms; a warm `sitegen build` of 1,000 agreements spent ~3.5 s doing
that again for files that had not changed. This cache keeps, for each file that loaded,
the plain data its YAML gave, the place of its `id`, and its findings, under the SHA-256
of everything they follow from, each input named (`sitegen.digest.named_key`): this format,
every file of the sitegen package, the Python and library versions that parse and check
(the calendar libraries among them: a release that publishes a year changes SG508),
the settings field by field, every template version (`TemplateIndex.digest_all`, made of
the digests the templates held in memory are checked against), the file's path and its
bytes.

A hit is given to the same schema again (`Agreement.model_validate` on the same plain data,
~1 ms), so it yields the agreement the file yields; the catalogue rules, which compare
agreements with each other, always run. Files that did not load are not kept: they are
checked again until they load.

One JSON file holds the entries of the last run only, so old entries never pile up. A
missing, unreadable or foreign file only means that every file is checked.

The file is no authority: whoever can write the project can write it, and an entry with its
findings emptied would silence them, one with `availability: 50` would publish 50%. So each
entry carries a seal (`sitegen.caches.seal`: HMAC-SHA256 under this user's secret, over the key and
the entry) and one whose seal fails is checked again, with a warning naming its file. The
file, its seals and keeping the last run's entries only are the store's
(`sitegen.caches.store.Records`); this module gives what is kept and how it comes back.
Checking an entry's seal costs ~0.4 ms (a 15 KB entry: its JSON written again and hashed),
against ~6 ms to load and lint the file.
"""

from __future__ import annotations

import hashlib
import json
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from sitegen.caches.store import Records
from sitegen.digest import named_key, package_digest, plain
from sitegen.findings import FieldPath, Finding, Severity
from sitegen.load import Loaded
from sitegen.load.checked import FileDigest
from sitegen.load.config import Settings
from sitegen.load.document import Document
from sitegen.load.model import Agreement
from sitegen.load.suppressions import Suppression
from sitegen.load.yamltree import Position

FORMAT = "sitegen-checked-cache 4"
# The calendars' data decides SG508 and SG509: a release that adds a year changes them.
LIBRARIES = (
    "pydantic", "pydantic-core", "python-stdnum", "ruamel.yaml", "chinese-calendar", "holidays",
)  # fmt: skip
ID: FieldPath = ("id",)

Result = tuple[Loaded, list[Finding]]  # a file's load and its findings


def entry(loaded: Loaded, findings: list[Finding]) -> str | None:
    """One file's result as the cache keeps it (JSON text), or None when it is not kept:
    the file did not load, or its data does not come back from JSON exactly (a mapping
    key that is not text, a NaN)."""
    document = loaded.document
    if loaded.agreement is None or document is None:
        return None
    try:
        data = json.dumps(document.data, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return None
    if json.loads(data) != document.data:
        return None
    record = {
        "data": document.data,
        "id_at": document.positions.get(ID),
        "suppressions": [s.plain() for s in document.suppressions],
        "findings": [
            [f.line, f.column, f.code, f.severity.value, f.message, f.field, f.context]
            for f in findings
        ],
    }
    return json.dumps(record, ensure_ascii=False)


class CheckedCache:
    """The kept results of one project's files; `lookup` before checking, `save` after."""

    def __init__(self, file: Path, settings: Settings, templates: bytes) -> None:
        """`file`: the store's `checked_file`; `templates`: the digest of every template
        version the files are checked against (`TemplateIndex.digest_all`)."""
        self.records = Records(file, "checked", FORMAT)
        self._common = common_key(settings, templates)
        self._keys: dict[Path, str] = {}

    def lookup(self, files: dict[Path, bytes]) -> dict[Path, Result]:
        """The results kept for these files, given as read (files not kept are left out)."""
        found: dict[Path, Result] = {}
        for path, data in files.items():
            key = self._keys[path] = _key(self._common, path, data)
            value = self.records.get(key, path)
            if value is None:
                continue
            checked = _restore(path, value, FileDigest.of(data))
            if checked is None:
                self.records.refused(key, path)
                continue
            found[path] = checked
        return found

    def save(self, fresh: dict[Path, str | None]) -> None:
        """Keep the hits of `lookup` and these new entries, nothing else; the file is
        written only when that differs from what it holds. Each entry is kept under the key
        of the bytes `lookup` was given, which are the bytes it was checked from (a file
        edited meanwhile has another key, so it is checked next time)."""
        for path, text in fresh.items():
            key = self._keys.get(path)
            if text is not None and key is not None:
                self.records.put(key, json.loads(text))
        self.records.save()


def common_key(settings: Settings, templates: bytes) -> bytes:
    """What every entry of a project follows from, but the file itself."""
    inputs = {
        "sitegen": package_digest(),
        "libraries": plain(_versions()),
        "settings": plain(settings),
        "templates": templates,
    }
    return bytes.fromhex(named_key(FORMAT, inputs))


def _key(common: bytes, path: Path, data: bytes) -> str:
    file = hashlib.sha256(data).digest()
    return named_key(FORMAT, {"project": common, "path": str(path).encode(), "file": file})


def _restore(path: Path, stored: Any, digest: FileDigest) -> Result | None:
    """A kept result, validated by the schema again; None when it is not one."""
    try:
        agreement = Agreement.model_validate(stored["data"])
        places: dict[FieldPath, Position] = {}
        if stored["id_at"] is not None:
            key_line, key_column, line, column = (int(n) for n in stored["id_at"])
            places[ID] = (key_line, key_column, line, column)
        findings = [
            Finding(path, line, column, code, Severity(severity), message, tuple(field), context)
            for line, column, code, severity, message, field, context in stored["findings"]
        ]
        suppressions = tuple(Suppression.from_plain(s) for s in stored["suppressions"])
    except (ValidationError, KeyError, TypeError, ValueError):
        return None
    # What the catalogue rules read (where `id` is) and what silences findings.
    document = Document(path, "", {}, places, suppressions)
    return Loaded(path, agreement, document, digest=digest), findings


def _versions() -> list[str]:
    found = [platform.python_version()]
    for name in LIBRARIES:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} none")
    return found
