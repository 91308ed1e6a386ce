"""SG8xx: the catalogue and the template. IDs that match their folders, use a known prefix and
are unique; a template (and version) that exists; sections and clauses that fit it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sitegen.compose.templates import Template
from sitegen.errors import UserError
from sitegen.findings import Severity
from sitegen.lint.registry import Hit, LintContext, Subject, catalogue_rule, rule
from sitegen.load import Loaded
from sitegen.load.layout import AGREEMENT_FILE


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


@rule("SG811", Severity.ERROR, "a signed or terminated agreement names its template unpinned")
def template_pinned(subject: Subject) -> Iterator[Hit]:
    agreement = subject.agreement
    if agreement.status in ("signed", "terminated") and agreement.template_version is None:
        versions = subject.context.templates.versions(agreement.template_name)
        example = f"{agreement.template_name}@{versions[-1] if versions else 1}"
        yield Hit(
            ("template",),
            f"a {agreement.status} agreement is always rendered with the template version it "
            f"was signed with: pin it, e.g. {example}",
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
    for index, clause in enumerate(subject.agreement.clauses):
        if clause.at not in ids:
            yield Hit(
                ("clauses", index, "at"),
                f"{template.name} v{template.version} has no section {clause.at!r}: use one "
                f"of {', '.join(ids)}",
            )


@rule("SG808", Severity.ERROR, "a clause is added at a section the agreement omits")
def clause_at_kept(subject: Subject) -> Iterator[Hit]:
    omitted = set(subject.agreement.omit_sections)
    for index, clause in enumerate(subject.agreement.clauses):
        if clause.at in omitted:
            yield Hit(
                ("clauses", index, "at"),
                f"section {clause.at!r} is in omit_sections, so this clause would not be "
                "printed: add it at another section or keep the section",
            )


@rule("SG809", Severity.ERROR, "two clauses have the same id")
def clause_ids_unique(subject: Subject) -> Iterator[Hit]:
    first: dict[str, int] = {}
    for index, clause in enumerate(subject.agreement.clauses):
        if clause.id in first:
            yield Hit(
                ("clauses", index, "id"),
                f"clause id {clause.id!r} is already used by clauses[{first[clause.id]}]: "
                "give each clause its own id",
            )
        else:
            first[clause.id] = index


def _missing(subject: Subject, needs: list[str]) -> list[str]:
    missing = []
    for dotted in needs:
        value: object = subject.agreement
        for part in dotted.split("."):
            value = getattr(value, part, None)
        if value is None or value == []:
            missing.append(dotted)
    return missing


# Needs that are not a field but follow from several (`Agreement.credit_basis`): what to add.
_NEEDED = {"credit_basis": "fees (credits.basis is fee: a credit is a percentage of the fee)"}


@rule("SG810", Severity.ERROR, "a kept section lacks the fields it needs")
def section_needs(subject: Subject) -> Iterator[Hit]:
    template = _template(subject)[0]
    if template is None:
        return
    for spec in template.manifest.sections:
        missing = _missing(subject, spec.needs)
        if spec.id in subject.agreement.omit_sections or not missing:
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
