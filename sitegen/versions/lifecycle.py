"""What may change in a signed agreement without a new version.

The terms are fixed by the signature (or, for a provider's published agreement, by the
provider's text as accepted). Two things happen to a signed agreement afterwards and
are recorded in the same file without amending it: the reviews held under it
(`review.records`, which the guide asks to archive), and its termination (`status:
terminated` with `dates.terminated`), and for a published agreement the day someone last
compared the provider's current text with it (`source.checked`). Anything else needs a
raised `version`.
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
    "source": {"checked"},  # a published agreement: the day someone last looked for changes
}


def terms(agreement: Agreement) -> dict[str, Any]:
    """The agreement without what may be recorded after signing."""
    return agreement.model_dump(mode="json", exclude=_AFTER_SIGNING)


def same_terms(signed_text: str, living_text: str) -> bool:
    """True when the living file records only reviews or a termination on top of the signed
    one; False when a term changed or either does not load (then the texts decide)."""
    signed = load_agreement_text(signed_text, Path("signed"), archived=True).agreement
    living = load_agreement_text(living_text, Path("living"), archived=True).agreement
    final = ("signed", "accepted", "terminated")
    if signed is None or living is None or living.status not in final:
        return False
    return terms(signed) == terms(living)
