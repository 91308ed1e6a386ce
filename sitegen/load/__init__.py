"""Untrusted YAML in, a typed Agreement (or findings with places) out.

Order matters: size and encoding first, then characters that show one thing and say
another (`sitegen.load.characters`, each at its place, before the YAML parser refuses some of
them with a less helpful message), then one pass over the parser's events that refuses
foreign tags, alias bombs, deep nesting and duplicate keys while it builds plain data with
positions (`sitegen.load.yamltree`), then characters the fonts cannot draw (`sitegen.load.glyphs`),
then the schema, then the keys the agreement's kind needs or does not have
(`sitegen.load.kinds`) and the ids one part names of another (`sitegen.load.references`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from sitegen.files import NOT_REGULAR, Refusal, read_regular
from sitegen.findings import FieldPath, Finding, Severity
from sitegen.load.characters import places, refusal
from sitegen.load.checked import Checked, FileDigest
from sitegen.load.config import LoadSettings
from sitegen.load.document import Document
from sitegen.load.glyphs import undrawable
from sitegen.load.kinds import kind_findings
from sitegen.load.migrations import old_forms, upgraded
from sitegen.load.model import Agreement
from sitegen.load.references import reference_findings
from sitegen.load.yamltree import Limits, NumberText, Position, Refused, Tree, parse_tree


@dataclass
class Loaded:
    """The result of loading one file: an agreement when there were no errors."""

    path: Path
    agreement: Agreement | None = None
    document: Document | None = None
    findings: list[Finding] = field(default_factory=list)
    digest: FileDigest | None = None  # of the bytes read (None: given as text)

    def checked(self) -> Checked | None:
        """The record later stages take, when the file loaded (errors are the findings')."""
        if self.agreement is None or self.document is None or self.digest is None:
            return None
        return Checked(self.agreement, self.path, self.document, self.digest)

    def slim(self) -> Loaded:
        """The same, its document cut to what the catalogue rules read: the place of `id`.

        Worker processes send this back instead of the whole document (text, data and
        every position), which would cost more to pickle than to check. Its suppressions
        are kept: they apply to the catalogue rules' findings too.
        """
        if self.document is None:
            return self
        kept: dict[FieldPath, Position] = {
            key: value for key, value in self.document.positions.items() if key == ("id",)
        }
        document = Document(self.path, "", {}, kept, self.document.suppressions)
        return Loaded(self.path, self.agreement, document, self.findings, self.digest)


def load_agreement(path: Path, settings: LoadSettings | None = None) -> Loaded:
    """Load one agreement file. Never raises for bad content: problems become findings."""
    read = read_agreement(path, settings)
    return read if isinstance(read, Loaded) else load_agreement_bytes(read, path, settings)


def read_agreement(path: Path, settings: LoadSettings | None = None) -> bytes | Loaded:
    """The bytes of an agreement file (a regular file, not a link, within the size
    limit), or, when it cannot be read so, its refusal as a `Loaded` with the finding.
    Validation reads each file once with this and loads (or finds in its cache) those
    bytes."""
    try:
        return _read(path, settings or LoadSettings())
    except Refused as refusal:
        return Loaded(path, findings=[_refusal_finding(path, refusal)])


def load_agreement_bytes(
    data: bytes, path: Path, settings: LoadSettings | None = None, *, archived: bool = False
) -> Loaded:
    """Load an agreement from bytes read elsewhere (a git blob); `path` names it in findings.
    `archived`: a signed version or an old revision, read in today's shape
    (`sitegen.load.migrations`)."""
    settings = settings or LoadSettings()
    try:
        _check_size(len(data), settings)
        text = _decode(data)
    except Refused as refusal:
        return Loaded(path, findings=[_refusal_finding(path, refusal)])
    loaded = load_agreement_text(text, path, settings, archived=archived)
    loaded.digest = FileDigest.of(data)
    return loaded


def load_agreement_text(
    text: str, path: Path, settings: LoadSettings | None = None, *, archived: bool = False
) -> Loaded:
    """Load an agreement from text already read; `path` names it in findings. Old forms of
    fields are findings, or, in an `archived` version, read as their new forms."""
    settings = settings or LoadSettings()
    loaded = Loaded(path)
    try:
        tree = _tree(text, settings)
    except Refused as refusal:
        loaded.findings.append(_refusal_finding(path, refusal))
        return loaded
    except _Hidden as found:
        loaded.findings.extend(_refusal_finding(path, r) for r in found.refusals)
        return loaded
    loaded.document = Document(path, text, tree.data, tree.positions, tuple(tree.suppressions))
    loaded.findings.extend(undrawable(loaded.document))
    old = [] if archived else old_forms(loaded.document)
    loaded.findings.extend(old)
    try:
        agreement = Agreement.model_validate(upgraded(tree.data))
    except ValidationError as error:
        loaded.findings.extend(_schema_finding(loaded.document, e) for e in error.errors())
        return loaded
    wrong_kind = [
        *kind_findings(agreement, loaded.document),
        *reference_findings(agreement, loaded.document),
    ]
    loaded.findings.extend(wrong_kind)
    loaded.agreement = None if old or wrong_kind else agreement
    return loaded


class _Hidden(Exception):
    """Characters refused by `sitegen.load.characters`: every one is reported, not the first."""

    def __init__(self, refusals: list[Refused]) -> None:
        super().__init__(refusals)
        self.refusals = refusals


def _tree(text: str, settings: LoadSettings) -> Tree:
    """The file's plain data, or the refusal of its characters or structure."""
    hidden = [Refused("SG109", refusal(char), line, col) for line, col, char in places(text)]
    if hidden:
        raise _Hidden(hidden)
    tree = parse_tree(text, Limits(settings.max_aliases, settings.max_depth))
    if tree.hidden:
        raise _Hidden(tree.hidden)
    if not isinstance(tree.data, dict):
        raise Refused("SG107", "an agreement file must be a mapping of keys (id:, version:, …)")
    return tree


def _refusal_finding(path: Path, refusal: Refused) -> Finding:
    return Finding(
        path, refusal.line + 1, refusal.column + 1, refusal.code, Severity.ERROR, refusal.message
    )


def _check_size(size: int, settings: LoadSettings) -> None:
    if size > settings.max_bytes:
        raise Refused(
            "SG106",
            f"file is {size:,} bytes, over the limit of {settings.max_bytes:,}: "
            "an agreement is text, split attachments out",
        )


def _read(path: Path, settings: LoadSettings) -> bytes:
    try:
        data = read_regular(path, settings.max_bytes)
    except Refusal as refusal:
        if refusal.size is not None:
            _check_size(max(refusal.size, settings.max_bytes + 1), settings)
        what = "folder" if path.is_dir() else "file"  # a linked agreement folder (validate)
        raise Refused(NOT_REGULAR, f"the {what} {refusal.reason}") from None
    except OSError as error:
        raise Refused("SG100", f"cannot read the file: {error.strerror}") from None
    return data


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n")
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace"))
        raise Refused(
            "SG105",
            f"not UTF-8 text: byte 0x{data[error.start]:02x} cannot be decoded; "
            "save the file as UTF-8",
            line,
            column,
        ) from None
    return text.removeprefix("\ufeff")


def _schema_finding(document: Document, error: ErrorDetails) -> Finding:
    loc = tuple(error["loc"])
    if error["type"] == "missing":
        code, message, key = "SG201", f"required key {loc[-1]!r} is missing", True
        loc = loc[:-1]
    elif error["type"] == "extra_forbidden":
        code, message, key = "SG202", f"unknown key {loc[-1]!r}{_did_you_mean(loc)}", True
    else:
        code, message, key = "SG203", _value_message(error), False
    line, column = document.locate(loc, key=key) if loc else (1, 1)
    field_path = document.present(loc)
    return Finding(document.path, line, column, code, Severity.ERROR, message, field_path)


def _value_message(error: ErrorDetails) -> str:
    message = str(error["msg"])
    message = message.removeprefix("Value error, ")
    given = error.get("input")
    if isinstance(given, str | int | float | Decimal):
        as_written = isinstance(given, NumberText | Decimal)
        shown = str(given) if as_written else repr(given)
        shown = shown if len(shown) <= 60 else shown[:57] + "…'"
        if shown not in message:
            message = f"{message} (found {shown})"
    return message


def _did_you_mean(loc: tuple[Any, ...]) -> str:
    import difflib

    from sitegen.load.schema import known_keys

    close = difflib.get_close_matches(str(loc[-1]), known_keys(loc[:-1]), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""
