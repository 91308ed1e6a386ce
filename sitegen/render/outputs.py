"""From a checked agreement to its documents: the contract, then one writer per format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sitegen.compose.contract import Contract
from sitegen.compose.templates import TemplateIndex
from sitegen.load.config import Settings
from sitegen.load.model import Agreement
from sitegen.render.layout import EDITIONS, Edition

__all__ = [
    "EDITIONS",
    "FORMATS",
    "Document",
    "Edition",
    "Format",
    "contract_of",
    "file_name",
    "render",
]

Format = Literal["md", "pdf", "docx"]
FORMATS: tuple[Format, ...] = ("md", "pdf", "docx")


def contract_of(agreement: Agreement, root: Path, settings: Settings) -> Contract:
    """The agreement composed with the template version it names (pinned, or the newest)."""
    from sitegen.compose import compose, select_template

    template = select_template(agreement, TemplateIndex(root / settings.templates_dir))
    return compose(agreement, template)


@dataclass(frozen=True)
class Document:
    name: str  # SLA-2024-001.pdf, SLA-2024-001.zh.md
    data: bytes


def file_name(agreement_id: str, fmt: Format, lang: Edition) -> str:
    """SLA-2024-001.pdf for the bilingual view, SLA-2024-001.zh.pdf for one language."""
    return f"{agreement_id}.{fmt}" if lang == "bilingual" else f"{agreement_id}.{lang}.{fmt}"


def render(contract: Contract, fmt: Format, lang: Edition) -> bytes:
    """One document. Markdown's bilingual view is the parallel one, clause beside clause."""
    if fmt == "md":
        from sitegen.render.markdown import to_markdown

        return to_markdown(contract, "parallel" if lang == "bilingual" else lang).encode()
    if fmt == "pdf":
        from sitegen.render.pdf import render_pdf

        return render_pdf(contract, lang=lang)
    from sitegen.render.docx import render_docx

    return render_docx(contract, lang=lang)
