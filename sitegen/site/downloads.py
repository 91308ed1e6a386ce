"""The files a reader downloads from the site, and their names: one place for both the
copying (`site.generate`) and every link to them (agreement page, catalogue, reports).

Files live under `downloads/<ID>/`, in no language's folder, each named for its agreement
so a saved file says what it is: `SLA-2024-001-v1.pdf` (the signed PDF of v1, archived as
`signed/v1.pdf`), `SLA-2024-001-v1-scan.pdf` (the executed paper copy), and the working
version's `SLA-2024-001-working.pdf` / `.docx`.
"""

from __future__ import annotations

from sitegen.catalogue.copies import SignedCopies
from sitegen.site.versions import SignedVersion
from sitegen.versions.in_force import Versions


def download(agreement_id: str, name: str) -> str:
    return f"downloads/{agreement_id}/{name}"


def signed_pdf_name(agreement_id: str, version: int) -> str:
    return f"{agreement_id}-v{version}.pdf"


def scan_name(agreement_id: str, version: SignedVersion) -> str:
    assert version.scan is not None
    return f"{agreement_id}-v{version.version}-scan{version.scan.path.suffix.lower()}"


def working_name(agreement_id: str, kind: str) -> str:
    return f"{agreement_id}-working.{kind}"


def signed_copies(versions: Versions, signed: list[SignedVersion]) -> SignedCopies | None:
    """The published files of the version in force: None without one, or when it is a
    provider's published text (nothing signed), or when the archive holds neither file."""
    in_force = versions.in_force
    if in_force is None or versions.current.kind == "published":
        return None
    version = next((v for v in signed if v.version == in_force.version), None)
    if version is None or (version.pdf is None and version.scan is None):
        return None
    agreement_id = versions.id
    pdf = download(agreement_id, signed_pdf_name(agreement_id, version.version))
    scan = download(agreement_id, scan_name(agreement_id, version)) if version.scan else None
    return SignedCopies(version.version, version.date, pdf if version.pdf else None, scan)
