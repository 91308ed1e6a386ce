"""Documents made for publishing: the bilingual PDF that `sitegen sign` archives."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sitegen.compose.templates import TemplateIndex
from sitegen.load.config import Settings
from sitegen.load.model import Agreement
from sitegen.render.binding import Binding


def signed_pdf(agreement: Agreement, root: Path, settings: Settings, binding: Binding) -> bytes:
    """The bilingual PDF of an agreement, rendered with the template version it names, its
    XMP metadata bound to the archived YAML (`sitegen.render.binding`).

    Reproducible: the same agreement and template give the same bytes (the document date
    is the agreement's signing date, not the clock).
    """
    from sitegen.compose import compose, select_template
    from sitegen.render.pdf import render_pdf

    template = select_template(agreement, TemplateIndex(root / settings.templates_dir))
    contract = compose(agreement, template)
    meta = dataclasses.replace(contract.meta, keywords=(*contract.meta.keywords, binding.keyword))
    pdf: bytes = render_pdf(dataclasses.replace(contract, meta=meta), lang="bilingual")
    return pdf
