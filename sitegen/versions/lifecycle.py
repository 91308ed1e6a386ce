"""What may change in a signed agreement without a new version.

The terms are fixed by the signature. Two things happen to a signed agreement afterwards and
are recorded in the same file without amending it: the reviews held under it
(`review.records`, which the guide asks to archive), and its termination (`status:
terminated` with `dates.terminated`). Anything else needs a raised `version`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitegen.load import load_agreement_text
from sitegen.load.model import Agreement

_AFTER_SIGNING: dict[str, Any] = {
    "status": True,
    "dates": {"terminated"},
    "review": {"records"},
}


def terms(agreement: Agreement) -> dict[str, Any]:
    """The agreement without what may be recorded after signing."""
    return agreement.model_dump(mode="json", exclude=_AFTER_SIGNING)


def same_terms(signed_text: str, living_text: str) -> bool:
    """True when the living file records only reviews or a termination on top of the signed
    one; False when a term changed or either does not load (then the texts decide)."""
    signed = load_agreement_text(signed_text, Path("signed"), upgrade=True).agreement
    living = load_agreement_text(living_text, Path("living"), upgrade=True).agreement
    if signed is None or living is None or living.status not in ("signed", "terminated"):
        return False
    return terms(signed) == terms(living)
