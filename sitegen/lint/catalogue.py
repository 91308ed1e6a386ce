"""SG8xx: the catalogue and the template. IDs that match their folders, use a known prefix and
are unique; a template (and version) that exists; sections and clauses that fit it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sitegen.compose import template_clause_ids
from sitegen.compose.templates import Template
from sitegen.errors import UserError
from sitegen.findings import Severity
from sitegen.lint.registry import Hit, LintContext, Subject, catalogue_rule, rule
from sitegen.load import Loaded
from sitegen.load.layout import AGREEMENT_FILE
from sitegen.load.model import ExtraClause, ReplacedClause


@rule("SG801", Severity.ERROR, "agreement ID differs from its folder name")
def id_matches_folder(subject: Subject) -> Iterator[Hit]:
    path, agreement_id = subject.path, subject.agreement.id
    if path.name == AGREEMENT_FILE and path.parent.name != agreement_id:
        yield Hit(
            ("id",),
            f"the ID is {agreement_id} but the file is in the folder {path.parent.name}/: "
            f"rename the folder to {agreement_id}/ or correct the ID",
        )


@rule("SG802", Severity.ERROR, "agreement ID prefix is not one of the project's id_prefixes")
def id_prefix(subject: Subject) -> Iterator[Hit]:
    prefixes = subject.context.settings.id_prefixes
    prefix = subject.agreement.id.partition("-")[0]
    if prefix not in prefixes:
        yield Hit(
            ("id",),
            f"prefix {prefix} is not one of {', '.join(prefixes)}: use one of them, or add it "
            "to id_prefixes in sitegen.toml",
        )


def _shown_path(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


@catalogue_rule("SG803", Severity.ERROR, "two agreements have the same ID")
def unique_ids(loaded: list[Loaded], context: LintContext) -> Iterator[tuple[Loaded, Hit]]:
    by_id: dict[str, list[Loaded]] = {}
    for item in loaded:
        assert item.agreement is not None
        by_id.setdefault(item.agreement.id, []).append(item)
    for agreement_id, items in by_id.items():
        for item in items if len(items) > 1 else ():
            others = ", ".join(_shown_path(o.path, context.root) for o in items if o is not item)
            yield (
                item,
                Hit(
                    ("id",),
                    f"{agreement_id} is also the ID of {others}: every agreement needs its own ID; "
                    "give one of them the next free number",
                ),
            )


def _template(subject: Subject) -> tuple[Template | None, str]:
    """The agreement's template, or why there is none."""
    agreement, index = subject.agreement, subject.context.templates
    name, version = agreement.template_name, agreement.template_version
    if not index.versions(name):
        known = ", ".join(index.names()) or "none"
        return None, (
            f"there is no template {name!r} under {index.root.name}/ (templates: {known}): "
            "correct the name"
        )
    if version is not None and version not in index.versions(name):
        known = ", ".join(f"@{v}" for v in index.versions(name))
        return None, f"{name} has no version {version} (versions: {known}): pin one of them"
    try:
        return index.get(name, version), ""
    except UserError as error:
        return None, f"the template cannot be read: {error.message}"


@rule("SG804", Severity.ERROR, "the template or its pinned version does not exist")
def template_exists(subject: Subject) -> Iterator[Hit]:
    template, problem = _template(subject)
    if template is None:
        yield Hit(("template",), problem)


@rule(
    "SG811",
    Severity.ERROR,
    "a signed, accepted or terminated agreement names its template unpinned",
)
def template_pinned(subject: Subject) -> Iterator[Hit]:
    agreement = subject.agreement
    final = ("signed", "accepted", "terminated")
    if agreement.status in final and agreement.template_version is None:
        versions = subject.context.templates.versions(agreement.template_name)
        example = f"{agreement.template_name}@{versions[-1] if versions else 1}"
        done = "signed" if agreement.kind == "negotiated" else "accepted"
        article = "an" if agreement.status == "accepted" else "a"
        yield Hit(
            ("template",),
            f"{article} {agreement.status} agreement is always rendered with the template "
            f"version it was {done} with: pin it, e.g. {example}",
        )


@rule("SG805", Severity.ERROR, "omit_sections names a section the template does not have")
def omit_known(subject: Subject) -> Iterator[Hit]:
    template = _template(subject)[0]
    if template is None:
        return
    for index, section in enumerate(subject.agreement.omit_sections):
        if section not in template.manifest.section_ids:
            optional = [s.id for s in template.manifest.sections if s.optional]
            yield Hit(
                ("omit_sections", index),
                f"{template.name} v{template.version} has no section {section!r}: the "
                f"sections that may be omitted are {', '.join(optional) or 'none'}",
            )


@rule("SG806", Severity.ERROR, "omit_sections names a section that is not optional")
def omit_optional(subject: Subject) -> Iterator[Hit]:
    template = _template(subject)[0]
    if template is None:
        return
    specs = {s.id: s for s in template.manifest.sections}
    for index, section in enumerate(subject.agreement.omit_sections):
        if section in specs and not specs[section].optional:
            yield Hit(
                ("omit_sections", index),
                f"section {section!r} is required by {template.name} v{template.version} "
                "and cannot be omitted: remove it from omit_sections",
            )


@rule("SG807", Severity.ERROR, "a clause is added at a section the template does not have")
def clause_at_known(subject: Subject) -> Iterator[Hit]:
    template = _template(subject)[0]
    if template is None:
        return
    ids = template.manifest.section_ids
    for index, clause in _added(subject):
        if clause.at not in ids:
            yield Hit(
                ("clauses", index, "at"),
                f"{template.name} v{template.version} has no section {clause.at!r}: use one "
                f"of {', '.join(ids)}",
            )


@rule("SG808", Severity.ERROR, "a clause is added at a section the agreement omits")
def clause_at_kept(subject: Subject) -> Iterator[Hit]:
    agreement = subject.agreement
    omitted = set(agreement.omit_sections)
    template, _ = _template(subject)
    sections = template.manifest.sections if template else []
    other_kind = {s.id for s in sections if agreement.kind not in s.kinds}
    for index, clause in _added(subject):
        if clause.at in omitted:
            yield Hit(
                ("clauses", index, "at"),
                f"section {clause.at!r} is in omit_sections, so this clause would not be "
                "printed: add it at another section or keep the section",
            )
        elif clause.at in other_kind:
            yield Hit(
                ("clauses", index, "at"),
                f"a {agreement.kind} agreement's contract has no section {clause.at!r}, so "
                "this clause would not be printed: add it at another section",
            )


@rule("SG809", Severity.ERROR, "two clauses have the same id")
def clause_ids_unique(subject: Subject) -> Iterator[Hit]:
    first: dict[str, int] = {}
    for index, clause in _added(subject):
        if clause.id in first:
            yield Hit(
                ("clauses", index, "id"),
                f"clause id {clause.id!r} is already used by clauses[{first[clause.id]}]: "
                "give each clause its own id",
            )
        else:
            first[clause.id] = index


def _added(subject: Subject) -> Iterator[tuple[int, ExtraClause]]:
    for index, clause in enumerate(subject.agreement.clauses):
        if isinstance(clause, ExtraClause):
            yield index, clause


def _replacing(subject: Subject) -> Iterator[tuple[int, ReplacedClause]]:
    for index, clause in enumerate(subject.agreement.clauses):
        if isinstance(clause, ReplacedClause):
            yield index, clause


@rule("SG812", Severity.ERROR, "a clause replaces a template clause that does not exist")
def replace_known(subject: Subject) -> Iterator[Hit]:
    template = _template(subject)[0]
    if template is None:
        return
    try:
        known = template_clause_ids(template)
    except UserError:
        return  # a broken template is SG804's finding
    omitted = set(subject.agreement.omit_sections)
    for index, clause in _replacing(subject):
        section = clause.replace.partition(".")[0]
        if clause.replace not in known:
            yield Hit(
                ("clauses", index, "replace"),
                f"{template.name} v{template.version} has no clause {clause.replace!r}: "
                f"replace one of {', '.join(known)}",
            )
        elif section in omitted:
            yield Hit(
                ("clauses", index, "replace"),
                f"section {section!r} is in omit_sections, so its clause {clause.replace!r} "
                "would not be printed: keep the section or remove this replacement",
            )


@rule("SG813", Severity.ERROR, "two replacements name the same template clause")
def replace_once(subject: Subject) -> Iterator[Hit]:
    first: dict[str, int] = {}
    for index, clause in _replacing(subject):
        if clause.replace in first:
            yield Hit(
                ("clauses", index, "replace"),
                f"clause {clause.replace!r} is already replaced by "
                f"clauses[{first[clause.replace]}]: keep one replacement",
            )
        else:
            first[clause.replace] = index


def _missing(subject: Subject, needs: list[str]) -> list[str]:
    missing = []
    for dotted in needs:
        value: object = subject.agreement
        for part in dotted.split("."):
            value = getattr(value, part, None)
        if value is None or value == []:
            missing.append(dotted)
    return missing


@rule("SG814", Severity.ERROR, "a liability cap in months of fees without fees")
def liability_needs_fees(subject: Subject) -> Iterator[Hit]:
    cap = subject.agreement.liability_cap
    if cap is not None and cap.months_of_fees is not None and subject.agreement.fees is None:
        yield Hit(
            ("liability_cap", "months_of_fees"),
            "the cap is the fees for a number of months, but the agreement has no fees: add "
            "fees, or give the cap as an amount with its currency",
        )


# Needs that are not a field but follow from several (`Agreement.credit_basis`): what to add.
_NEEDED = {"credit_basis": "fees (credits.basis is fee: a credit is a percentage of the fee)"}


@rule("SG810", Severity.ERROR, "a kept section lacks the fields it needs")
def section_needs(subject: Subject) -> Iterator[Hit]:
    template = _template(subject)[0]
    if template is None:
        return
    for spec in template.manifest.sections:
        missing = _missing(subject, spec.needs)
        left_out = subject.agreement.kind not in spec.kinds  # not in this kind's contract
        if spec.id in subject.agreement.omit_sections or left_out or not missing:
            continue
        present = [n for n in spec.needs if n not in missing]
        where = (present[0].split(".")[0],) if present else ("template",)
        fix = f"add {', '.join(_NEEDED.get(need, need) for need in missing)}"
        if spec.optional:
            fix += f", or add {spec.id!r} to omit_sections"
        yield Hit(
            where,
            f"section {spec.id!r} of {template.name} v{template.version} needs "
            f"{', '.join(spec.needs)}, but {', '.join(missing)} is missing: {fix}",
            key=bool(present),
        )
