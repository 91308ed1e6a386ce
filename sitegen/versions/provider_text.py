"""A provider's published agreement enters the archive with the provider's own text.

Nobody signs a published SLA; what fixes a version of it is the provider's text as it
stood on its "last updated" date. `sitegen sign ID --snapshot FILE` archives that text (the
provider's page saved as PDF or HTML) as `signed/vN-source.pdf|html` beside the agreement as
accepted (`vN.yaml`) and its rendering (`vN.pdf`), with the SHA-256 of each in the
manifest. The entry is dated by `source.updated`, so a new provider version has a newer
date than the one before, and `sitegen diff ID@v1 ID@v2` shows what the provider changed.

The saved page is untrusted: it is archived and hashed, never parsed, rendered or
published as a page of the site.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import UserError
from sitegen.files import NOT_REGULAR, Refusal, read_regular
from sitegen.load.model import Agreement
from sitegen.versions.archive_files import ARCHIVE_MAX_BYTES, SNAPSHOT_EXTENSIONS, Manifest

_ALIASES = {"htm": "html"}


@dataclass(frozen=True)
class ProviderText:
    """The provider's text of one version, as it will be archived."""

    name: str  # v2-source.html
    data: bytes
    date: dt.date  # the provider's "last updated": the entry's date


def provider_text(
    agreement: Agreement,
    manifest: Manifest | None,
    snapshot: Path | None,
    date: dt.date | None,
    refuse: Callable[[str], UserError],
) -> ProviderText | None:
    """The provider's text to archive with a published agreement; None for a negotiated
    one. Refuses what does not fit the agreement's kind."""
    if agreement.kind != "published" or agreement.source is None:
        if snapshot is not None:
            raise refuse(
                "--snapshot archives a provider's published agreement (kind: published); "
                "a negotiated agreement is signed, and `sitegen attach` archives its "
                "executed copy"
            )
        return None
    if snapshot is None:
        raise refuse(
            "a published agreement is archived with the provider's own text: save its page "
            f"({agreement.source.url}) as PDF or HTML and pass it with --snapshot FILE"
        )
    if date is not None:
        raise refuse("a published version is dated by its source.updated: leave out --date")
    updated = agreement.source.updated
    last = manifest.last if manifest else None
    if last is not None and updated <= last.date:
        raise refuse(
            f"source.updated {updated} is not after v{last.version}'s {last.date}: a new "
            "version of the provider's text has a newer 'last updated' date"
        )
    extension = _extension(snapshot, refuse)
    data = _read(snapshot)
    if extension == "pdf" and not data.startswith(b"%PDF-"):
        raise refuse(f"{snapshot.name} does not start as a PDF file does (%PDF-)")
    if not data.strip():
        raise refuse(f"{snapshot.name} is empty")
    return ProviderText(f"v{agreement.version}-source.{extension}", data, updated)


def _extension(snapshot: Path, refuse: Callable[[str], UserError]) -> str:
    extension = snapshot.suffix.lower().removeprefix(".")
    extension = _ALIASES.get(extension, extension)
    if extension not in SNAPSHOT_EXTENSIONS:
        allowed = ", ".join(f".{e}" for e in SNAPSHOT_EXTENSIONS)
        raise refuse(f"{snapshot.name} is not a saved page: the file must end in {allowed}")
    return extension


def _read(snapshot: Path) -> bytes:
    try:
        return read_regular(snapshot, ARCHIVE_MAX_BYTES)
    except Refusal as refusal:
        raise UserError(f"{NOT_REGULAR} {refusal.reason}", path=snapshot) from None
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror}", path=snapshot) from None
