"""The organisation's digital signature on a signed PDF (PAdES, through pyHanko).

Optional: `sitegen sign` applies it when a certificate is named, in `sitegen.toml`
(`[signing] pkcs12 = "/path/org.p12"`) or in SITEGEN_SIGNING_PKCS12, with its passphrase
in SITEGEN_SIGNING_PASSPHRASE (never in a file of the project). The certificate must lie
outside the project folder: a key committed by mistake is a key given away.

The credentials are loaded and checked before anything is written, so a wrong passphrase
refuses the signing instead of leaving an archive half made. The signature is a PAdES
baseline B-B signature (SHA-256) added as an incremental update, which PDF/A-2b allows:
the rendered bytes stay as they were, and the manifest's SHA-256 covers the signed file.
No time-stamp authority is asked (the build makes no request to another host), so the
signing time is the one the signer states.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sitegen.errors import UserError
from sitegen.load.config import Settings

if TYPE_CHECKING:
    from pyhanko.sign.signers import SimpleSigner

PKCS12_VARIABLE = "SITEGEN_SIGNING_PKCS12"
PASSPHRASE_VARIABLE = "SITEGEN_SIGNING_PASSPHRASE"
FIELD_NAME = "sitegen"


@dataclass(frozen=True)
class Credentials:
    pkcs12: Path
    passphrase: bytes | None


def credentials(
    settings: Settings, root: Path, environ: Mapping[str, str] = os.environ
) -> Credentials | None:
    """The certificate to sign with, or None when none is named."""
    named = environ.get(PKCS12_VARIABLE) or settings.signing.pkcs12
    if not named:
        return None
    path = Path(named).expanduser()
    path = path if path.is_absolute() else root / path
    if path.resolve().is_relative_to(root.resolve()):
        raise UserError(
            f"the signing certificate {named} is inside the project: keep the PKCS#12 file "
            f"outside the repository and name it in {PKCS12_VARIABLE} or [signing] pkcs12"
        )
    phrase = environ.get(PASSPHRASE_VARIABLE)
    return Credentials(path, phrase.encode("utf-8") if phrase is not None else None)


def load_signer(found: Credentials) -> SimpleSigner:
    """The signer of a PKCS#12 file; a UserError naming the file when it cannot be read or
    its passphrase is wrong."""
    from pyhanko.sign.signers import SimpleSigner

    try:
        data = found.pkcs12.read_bytes()
    except OSError as error:
        raise UserError(
            f"cannot read the signing certificate: {error.strerror}", path=found.pkcs12
        ) from None
    try:
        signer: SimpleSigner = SimpleSigner.load_pkcs12_data(data, [], passphrase=found.passphrase)
    except (ValueError, TypeError):
        given = "the passphrase in" if found.passphrase is not None else "no passphrase in"
        raise UserError(
            f"not a PKCS#12 file, or {given} {PASSPHRASE_VARIABLE} does not open it",
            path=found.pkcs12,
        ) from None
    return signer


def sign_pdf(pdf: bytes, signer: SimpleSigner, reason: str) -> bytes:
    """`pdf` with the organisation's PAdES signature added as an incremental update."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
    )
    signed: io.BytesIO = signers.sign_pdf(writer, meta, signer=signer)
    return signed.getvalue()
