"""`sitegen verify`: is a signed PDF what was signed?

Two checks, each stated separately, since they answer different questions:

- The archive's: every file of a signed version (`ID@vN`) still has the SHA-256 its
  manifest recorded when it was signed. A byte changed anywhere in the PDF shows here.
- The PDF's own digital signatures (PAdES), when it carries any: intact (the signed bytes
  are unchanged), cryptographically valid, covering the whole file (nothing was appended
  after signing), and, when trusted roots are given, issued under one of them. Without
  roots the certificate's subject is reported but not vouched for: a self-signed company
  certificate is common, and only the reader knows whether to trust it.

A PDF without a digital signature is "not digitally signed": a fact, not a failure (most
archives hold paper-signed contracts with their scans).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import UserError
from sitegen.files import NOT_REGULAR, Refusal, read_regular
from sitegen.load.config import Settings
from sitegen.load.layout import MANIFEST, SIGNED_DIR
from sitegen.versions import agreement_folder, parse_spec
from sitegen.versions.archive import (
    ARCHIVE_MAX_BYTES,
    MANIFEST_MAX_BYTES,
    ManifestError,
    parse_manifest,
    sha256_hex,
)


@dataclass(frozen=True)
class FileCheck:
    name: str
    expected: str
    found: str | None  # None: the file is missing

    @property
    def ok(self) -> bool:
        return self.found == self.expected


@dataclass(frozen=True)
class PdfSignature:
    subject: str  # the signing certificate's subject, as a person reads it
    signed_at: dt.datetime | None  # the time the signer states
    intact: bool  # the signed bytes are unchanged
    valid: bool  # the signature verifies with the certificate's key
    whole_file: bool  # it covers the whole file: nothing was added after it
    trusted: bool | None  # None: no trusted roots were given

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.whole_file and self.trusted is not False


@dataclass(frozen=True)
class Verdict:
    target: str
    files: tuple[FileCheck, ...]  # empty for a file not named by its version
    signatures: tuple[PdfSignature, ...]

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.files) and all(s.ok for s in self.signatures)


def verify(target: str, root: Path, settings: Settings, trust: Sequence[Path] = ()) -> Verdict:
    """The checks of `target`: `ID@vN` (the archive's files, then the PDF's signatures)
    or the path of a PDF (its signatures)."""
    roots = [*(root / name for name in settings.signing.trust), *trust]
    if "@" in target and not Path(target).exists():
        spec = parse_spec(target)
        if spec.signed is None:
            raise UserError(f"{target}: name a signed version as ID@vN (e.g. SLA-2024-001@v1)")
        folder = agreement_folder(root, settings, spec.agreement_id) / SIGNED_DIR
        checks = _archive_checks(folder, spec.agreement_id, spec.signed)
        pdf_path = folder / f"v{spec.signed}.pdf"
        pdf = _read(pdf_path) if pdf_path.is_file() else None
    else:
        checks, pdf = (), _read(Path(target))
    found = pdf_signatures(pdf, _certificates(roots)) if pdf is not None else ()
    return Verdict(target, checks, found)


def _archive_checks(folder: Path, agreement_id: str, version: int) -> tuple[FileCheck, ...]:
    path = folder / MANIFEST
    try:
        manifest = parse_manifest(read_regular(path, MANIFEST_MAX_BYTES))
    except FileNotFoundError:
        raise UserError(f"{agreement_id} has no signed version: no {MANIFEST}", path=path) from None
    except Refusal as refusal:
        raise UserError(f"{NOT_REGULAR} {refusal.reason}", path=path) from None
    except (ManifestError, OSError) as error:
        raise UserError(f"cannot be read: {error}", path=path) from None
    entry = manifest.entry(version)
    if entry is None:
        listed = ", ".join(f"v{e.version}" for e in manifest.signed) or "none"
        raise UserError(f"{agreement_id} v{version} is not signed (signed versions: {listed})")
    checks = []
    for name, expected in entry.files.items():
        file = folder / name
        found = sha256_hex(_read(file)) if file.is_file() else None
        checks.append(FileCheck(name, expected, found))
    return tuple(checks)


def _read(path: Path) -> bytes:
    try:
        return read_regular(path, ARCHIVE_MAX_BYTES)
    except FileNotFoundError:
        raise UserError("no such file", path=path) from None
    except Refusal as refusal:
        raise UserError(f"{NOT_REGULAR} {refusal.reason}", path=path) from None
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror}", path=path) from None


def _certificates(paths: Sequence[Path]) -> list[object]:
    from asn1crypto import pem, x509

    found: list[object] = []
    for path in paths:
        data = _read(path)
        try:
            if pem.detect(data):
                found += [x509.Certificate.load(der) for _, _, der in pem.unarmor(data, True)]
            else:
                found.append(x509.Certificate.load(data))
        except ValueError:
            raise UserError("not a PEM or DER certificate", path=path) from None
    return found


def may_be_signed(pdf: bytes) -> bool:
    """Whether a PDF can hold a digital signature at all (a signature dictionary has a
    /ByteRange): the site asks before paying for pyHanko, as most archives hold none."""
    return b"/ByteRange" in pdf


def pdf_signatures(pdf: bytes, trust: Sequence[object] = ()) -> tuple[PdfSignature, ...]:
    """The digital signatures a PDF carries, each checked; () when it has none or is not a
    PDF pyHanko can read (its hash is still checked by the archive)."""
    if not may_be_signed(pdf):
        return ()
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    _quiet()
    try:
        embedded = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    except (PdfError, ValueError, KeyError):
        return ()
    found = []
    for signature in embedded:
        context = ValidationContext(trust_roots=list(trust), allow_fetching=False)
        status = validate_pdf_signature(signature, context)
        found.append(
            PdfSignature(
                subject=status.signing_cert.subject.human_friendly,
                signed_at=status.signer_reported_dt,
                intact=status.intact,
                valid=status.valid,
                whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
                trusted=status.trusted if trust else None,
            )
        )
    return tuple(found)


def _quiet() -> None:
    """pyHanko logs a certificate it cannot chain as an error with its traceback: the
    verdict says it instead."""
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).addHandler(logging.NullHandler())
        logging.getLogger(name).propagate = False
