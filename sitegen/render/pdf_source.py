"""The pandoc route: Contracts → Typst sources, one pandoc call for a whole batch.

Each contract becomes pandoc's JSON AST (never Markdown) and rides in the metadata list
`sg-docs`; our pandoc template (`typst/template.typst`) writes one Typst source per entry,
each after a boundary line carrying a random token, and we split on it. Every value
reaches Typst as markup pandoc escaped, inside `[...]`; the flags are booleans chosen by
the template. Starting pandoc costs more than converting a contract, so a batch shares it.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from pathlib import Path

import pypandoc

from sitegen.compose.contract import Contract, Text
from sitegen.errors import ToolFailed
from sitegen.render.layout import View, view_langs
from sitegen.render.pandoc_ast import (
    AstBuilder,
    Json,
    document,
    meta_blocks,
    meta_bool,
    meta_inlines,
    meta_list,
    meta_map,
    meta_string,
)

TYPST_DIR = Path(__file__).resolve().parent / "typst"
LIBRARY = TYPST_DIR / "contract.typ"  # imported by every source; copied into the root
MAIN = TYPST_DIR / "main.typ"  # the constant source of the JSON route
PANDOC_TEMPLATE = TYPST_DIR / "template.typst"
_BOUNDARY = "// sitegen-document {token}\n"
_IMPORT = '#import "contract.typ": contract\n'


def typst_sources(items: Sequence[tuple[Contract, View]]) -> list[str]:
    """One Typst source per (contract, view), from a single pandoc run."""
    if not items:
        return []
    token = secrets.token_hex(16)
    docs = meta_list(meta_map(_document_meta(contract, view)) for contract, view in items)
    ast = document({"sg-docs": docs, "sg-boundary": meta_string(token)}, [])
    output = run_pandoc(json.dumps(ast, ensure_ascii=False), "typst", template=PANDOC_TEMPLATE)
    head, *sources = output.split(_BOUNDARY.format(token=token))
    if (
        head.strip()
        or len(sources) != len(items)
        or not all(s.startswith(_IMPORT) for s in sources)
    ):
        raise ToolFailed(
            tool="pandoc", message=f"wrote {len(sources)} Typst sources for {len(items)} contracts"
        )
    return sources


def run_pandoc(
    ast_json: str,
    to: str,
    *,
    template: Path | None = None,
    extra: Sequence[str] = (),
    outputfile: Path | None = None,
) -> str:
    """pandoc reading its JSON AST. No `lang` metadata, so no translation warnings."""
    args = ["--wrap=none", *extra]
    if template is not None:
        args.append(f"--template={template}")
    output = None if outputfile is None else str(outputfile)
    result: str = pypandoc.convert_text(
        ast_json, to, format="json", extra_args=args, outputfile=output
    )
    return result


def _document_meta(contract: Contract, view: View) -> dict[str, Json]:
    build = AstBuilder(view, typst=True)
    langs = view_langs(view)
    meta = contract.meta

    def inlines(text: str) -> Json:
        return meta_inlines(build.inlines(text))

    def joined(text: Text) -> Json:
        return inlines(" / ".join(text.get(lang) for lang in langs))

    return {
        "zh": meta_bool("zh" in langs),
        "en": meta_bool("en" in langs),
        "draft": meta_bool(not meta.signed),
        "title-zh": inlines(contract.title.zh),
        "title-en": inlines(contract.title.en),
        "agreement": inlines(meta.agreement_id),
        "version": inlines(str(meta.version)),
        "pdf-title": joined(contract.title),
        "pdf-subject": joined(meta.parties),
        "pdf-author": meta_list([joined(meta.parties)]),
        "pdf-keywords": meta_list(inlines(k) for k in (meta.agreement_id, *meta.keywords)),
        "body": meta_blocks(build.contract(contract)),
    }
