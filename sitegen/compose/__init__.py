"""Agreement + template → Contract.

Reads like the pipeline: choose the template version, prepare one view-model per
language, fill each section's clause files with it, add the agreement's own clauses at
their sections, number everything, and describe the document in `Meta`. The Contract
holds plain text only; each writer escapes it for its own format.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

from sitegen.compose.clauses import ClauseSpec, read_section
from sitegen.compose.contract import LANGS, Clause, Contract, Meta, Paragraph, Section, Text
from sitegen.compose.fill import Filler
from sitegen.compose.templates import SectionSpec, Template, TemplateIndex
from sitegen.compose.view import build_view, full_name
from sitegen.errors import UserError
from sitegen.load.model import Agreement, ExtraClause, ReplacedClause

__all__ = [
    "DRAFT_DATE",
    "SIGNED_STATUSES",
    "compose",
    "select_template",
    "template_clause_ids",
]

# The document date of anything not signed: fixed, so drafts render to the same bytes.
DRAFT_DATE = "2000-01-01"
# Final texts: signed, or (published agreements) accepted as the provider published them;
# and those that ended. They carry no draft notice and must pin their template version.
SIGNED_STATUSES = frozenset({"signed", "accepted", "terminated"})


def select_template(agreement: Agreement, index: TemplateIndex) -> Template:
    """The template version to render with: the pinned one, or the newest when unpinned.

    A signed agreement must be pinned: it is always rendered with the version it was
    signed with, whatever newer versions exist.
    """
    name, pinned = agreement.template_name, agreement.template_version
    if pinned is None and agreement.status in SIGNED_STATUSES:
        raise UserError(
            f"{agreement.id} is {agreement.status} but names template {name!r} without a "
            f"version: pin the version it was signed with, e.g. {name}@1"
        )
    template = index.get(name, pinned)
    if template is None:
        have = ", ".join(f"{name}@{v}" for v in index.versions(name)) or "none"
        wanted = f"{name}@{pinned}" if pinned else name
        raise UserError(f"template {wanted} not found under {index.root} (have: {have})")
    return template


def compose(agreement: Agreement, template: Template) -> Contract:
    """The agreement as a contract, in both languages, clause by clause."""
    active = _active_sections(agreement, template)
    ids = tuple(spec.id for spec in active)
    filler = Filler({lang: {**build_view(agreement, lang), "sections": ids} for lang in LANGS})
    replacements = _replacements(agreement, template, active)
    sections: list[Section] = []
    for spec in active:
        clauses = [
            _replaced(clause, replacements)
            for clause_spec in _clause_specs(template.folder, template.digest, spec.id)
            if (clause := filler.clause(clause_spec, spec.id)) is not None
        ]
        clauses += _own_clauses(agreement, spec.id)
        if not clauses and spec.optional:
            continue  # an optional section none of whose terms the agreement holds
        number = str(len(sections) + 1)
        sections.append(
            Section(
                id=spec.id,
                number=number,
                title=_title(spec, agreement),
                clauses=_numbered(clauses, number),
            )
        )
    return Contract(
        title=Text(zh=agreement.title.zh, en=agreement.title.en),
        meta=_meta(agreement, template),
        sections=tuple(sections),
    )


def _title(spec: SectionSpec, agreement: Agreement) -> Text:
    """The section's title, or its own title in the contract of the agreement's kind."""
    title = spec.titles.get(agreement.kind, spec.title)
    return Text(zh=title.zh, en=title.en)


@lru_cache(maxsize=256)
def _clause_specs(folder: Path, digest: bytes, section_id: str) -> tuple[ClauseSpec, ...]:
    """A section's clauses, compiled once per content of the template folder (`digest`,
    the one its `Template` was read with): an edited clause file gives another digest."""
    del digest  # a part of the key only
    return read_section(folder, section_id)


def _active_sections(agreement: Agreement, template: Template) -> list[SectionSpec]:
    """The template's sections minus those omitted, or optional and lacking their data."""
    known = {s.id: s for s in template.manifest.sections}
    for omitted in agreement.omit_sections:
        spec = known.get(omitted)
        if spec is None or not spec.optional:
            optional = ", ".join(s.id for s in template.manifest.sections if s.optional)
            what = "is not a section" if spec is None else "cannot be omitted"
            raise UserError(
                f"{agreement.id}: omit_sections: {omitted!r} {what} of template "
                f"{template.name}@{template.version} (optional sections: {optional})"
            )
    for clause in agreement.clauses:
        if not isinstance(clause, ExtraClause):
            continue  # a replacement: `_replacements` checks it against the kept sections
        kinds = known[clause.at].kinds if clause.at in known else ()
        if agreement.kind not in kinds or clause.at in agreement.omit_sections:
            raise UserError(
                f"{agreement.id}: clause {clause.id!r} is added at {clause.at!r}, which is "
                f"not a section of this contract (sections: {', '.join(known)})"
            )
    active = []
    for spec in template.manifest.sections:
        missing = [need for need in spec.needs if not getattr(agreement, need, None)]
        if agreement.kind not in spec.kinds:
            continue  # e.g. the signatures of a published agreement, which nobody signs
        if spec.id in agreement.omit_sections or (missing and spec.optional):
            continue
        if missing:
            raise UserError(f"{agreement.id}: section {spec.id!r} needs {', '.join(missing)}")
        active.append(spec)
    return active


def template_clause_ids(template: Template, sections: list[SectionSpec] | None = None) -> list[str]:
    """Every clause of the template as `<section id>.<clause id>`, in contract order."""
    specs = template.manifest.sections if sections is None else sections
    return [
        f"{spec.id}.{clause.id}"
        for spec in specs
        for clause in _clause_specs(template.folder, template.digest, spec.id)
    ]


def _replacements(
    agreement: Agreement, template: Template, active: list[SectionSpec]
) -> dict[str, ReplacedClause]:
    """The agreement's replacements by clause id; each names a clause of a kept section."""
    wanted = {own.replace: own for own in agreement.clauses if isinstance(own, ReplacedClause)}
    if not wanted:
        return wanted
    known = template_clause_ids(template, active)
    for clause_id in wanted:
        if clause_id not in known:
            raise UserError(
                f"{agreement.id}: clauses: {clause_id!r} is not a clause of this contract, so "
                f"it cannot be replaced (clauses: {', '.join(known)})"
            )
    return wanted


def _replaced(clause: Clause, replacements: dict[str, ReplacedClause]) -> Clause:
    """The template's clause, or the agreement's own text in its place."""
    own = replacements.get(clause.id)
    if own is None:
        return clause
    title = Text(zh=own.title.zh, en=own.title.en) if own.title else clause.title
    text = Paragraph(Text(zh=own.zh, en=own.en))
    return dataclasses.replace(clause, title=title, blocks=(text,), replaced=True)


def _own_clauses(agreement: Agreement, section_id: str) -> list[Clause]:
    return [
        Clause(
            id=f"{section_id}.{own.id}",
            number="",
            title=Text(zh=own.title.zh, en=own.title.en),
            blocks=(Paragraph(Text(zh=own.text.zh, en=own.text.en)),),
        )
        for own in agreement.clauses
        if isinstance(own, ExtraClause) and own.at == section_id
    ]


def _numbered(clauses: list[Clause], section_number: str) -> tuple[Clause, ...]:
    seen: set[str] = set()
    for clause in clauses:
        if clause.id in seen:
            raise UserError(f"clause id {clause.id!r} occurs twice: give the agreement's own "
                            "clause another id")  # fmt: skip
        seen.add(clause.id)
    return tuple(
        dataclasses.replace(clause, number=f"{section_number}.{i}")
        for i, clause in enumerate(clauses, 1)
    )


def _meta(agreement: Agreement, template: Template) -> Meta:
    signed = agreement.status in SIGNED_STATUSES
    # A published text is dated by its provider's "last updated"; nobody signs it.
    day = agreement.source.updated if agreement.source else agreement.dates.signed
    customer, provider = agreement.parties.customer, agreement.parties.provider
    return Meta(
        agreement_id=agreement.id,
        version=agreement.version,
        status=agreement.status,
        signed=signed,
        date=day.isoformat() if signed and day else DRAFT_DATE,
        template=f"{template.name}@{template.version}",
        prevailing_language=agreement.languages.prevails if agreement.languages else None,
        parties=Text(
            zh=f"{full_name(customer, 'zh')}与{full_name(provider, 'zh')}",
            en=f"{full_name(customer, 'en')} and {full_name(provider, 'en')}",
        ),
        keywords=(agreement.id, template.manifest.title.zh, template.manifest.title.en),
        kind=agreement.kind,
    )
