"""The signed copies of an agreement's version in force that the site publishes: where the
catalogue's "signed PDF" column and `catalogue.json` point.

The paths are the site's (`downloads/SLA-2024-001/SLA-2024-001-v1.pdf`, relative to the
site's root), named by `sitegen.site.downloads`, which copies the archived files there
after checking each against the manifest; the catalogue only places them. An agreement
without a version in force, or whose version in force is a provider's published text (not
signed: its saved page is never published), has none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class SignedCopies:
    """The version in force, its signing day, and its published files: the signed PDF and
    the scan of the executed paper copy, each None when the archive holds none."""

    version: int
    signed: dt.date
    pdf: str | None
    scan: str | None
