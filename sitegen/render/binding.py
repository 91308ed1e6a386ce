"""The binding of a signed PDF to the YAML it was made from.

`sitegen sign` writes one keyword into the PDF's XMP metadata (`pdf:Keywords`, which Typst
fills from `set document(keywords: …)`):

    sitegen-binding:SLA-2024-001/v2/sha256:<SHA-256 of signed/v2.yaml>

so `validate --history` can tell that `v2.pdf` is the rendering of `v2.yaml` of that
agreement, not v1's PDF or another agreement's under a new name. The YAML cannot hold its
own hash, so an agreement's text cannot forge the keyword. Typst renders the keyword like any
metadata: the same input still gives the same bytes, and no post-processing touches the file
(a PAdES signature added later by pyHanko is an incremental update that leaves it as is).

The PDF is read with pypdf (pure Python, no native code). It is untrusted: whatever pypdf
raises on a malformed file becomes "cannot be read", never a traceback.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass

PREFIX = "sitegen-binding:"
_KEYWORD = re.compile(
    r"sitegen-binding:(?P<id>[A-Za-z0-9][A-Za-z0-9._-]*)/v(?P<version>[1-9][0-9]*)"
    r"/sha256:(?P<sha>[0-9a-f]{64})"
)


@dataclass(frozen=True)
class Binding:
    """What a signed PDF says it renders: an agreement's version and its YAML's SHA-256."""

    agreement_id: str
    version: int
    yaml_sha256: str

    @property
    def keyword(self) -> str:
        return f"{PREFIX}{self.agreement_id}/v{self.version}/sha256:{self.yaml_sha256}"

    def describe(self) -> str:
        return f"{self.agreement_id} v{self.version} (YAML {self.yaml_sha256[:12]}…)"


class Unbound(Exception):
    """A PDF whose binding cannot be read: the reason completes "the PDF …"."""


def read_binding(pdf: bytes) -> Binding:
    """The one binding a PDF's XMP metadata holds; Unbound when there is none, or several."""
    keywords = _xmp_keywords(pdf)
    found = {Binding(m["id"], int(m["version"]), m["sha"]) for m in _KEYWORD.finditer(keywords)}
    if not found:
        raise Unbound("has no sitegen binding in its XMP metadata")
    if len(found) > 1:
        raise Unbound(f"names {len(found)} different bindings in its XMP metadata")
    return found.pop()


def _xmp_keywords(pdf: bytes) -> str:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a malformed file is our finding
    try:
        xmp = PdfReader(io.BytesIO(pdf), strict=False).xmp_metadata
        keywords = xmp.pdf_keywords if xmp is not None else None
    except Exception as error:  # untrusted bytes: any parser failure is the same finding
        raise Unbound(f"cannot be read as a PDF ({type(error).__name__})") from None
    if not keywords:
        raise Unbound("has no sitegen binding in its XMP metadata")
    return str(keywords)
