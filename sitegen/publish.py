"""Documents made for publishing: the bilingual PDF that `sitegen sign` archives."""

from __future__ import annotations

from pathlib import Path

from sitegen.config import Settings
from sitegen.model import Agreement
from sitegen.templates import TemplateIndex


def signed_pdf(agreement: Agreement, root: Path, settings: Settings) -> bytes:
    """The bilingual PDF of an agreement, rendered with the template version it names.

    Reproducible: the same agreement and template give the same bytes (the document date
    is the agreement's signing date, not the clock).
    """
    from sitegen.compose import compose, select_template
    from sitegen.render.pdf import render_pdf

    template = select_template(agreement, TemplateIndex(root / settings.templates_dir))
    contract = compose(agreement, template)
    pdf: bytes = render_pdf(contract, lang="bilingual")
    return pdf
