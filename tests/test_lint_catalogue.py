"""SG8xx: IDs, folders, prefixes, uniqueness, and fit with the template."""

from __future__ import annotations

from pathlib import Path

from sitegen.load.config import Settings
from tests.helpers import lint_lines, lint_sample, replace_once, sample_text, where

FILE = "agreements/SLA-2024-001/agreement.yaml"
CLAUSE = """clauses:
  - id: {id}
    at: {at}
    title: {{zh: 备份, en: Backups}}
    text: {{zh: 服务方每日备份数据, en: The provider backs up the data every day}}
"""


def test_id_differs_from_folder(tmp_path: Path) -> None:
    lines = lint_lines(tmp_path, {"agreements/SLA-2024-009/agreement.yaml": sample_text()})
    assert [line for line in lines if "[info]" not in line] == [
        f"{where(sample_text(), 'id: SLA', 'SLA', path='agreements/SLA-2024-009/agreement.yaml')}"
        ": SG801 id: the ID is SLA-2024-001 but the file is in the folder SLA-2024-009/: rename "
        "the folder to SLA-2024-001/ or correct the ID"
    ]


def test_id_prefix_must_be_configured(tmp_path: Path) -> None:
    settings = Settings(id_prefixes=["OLA"])
    assert lint_sample(tmp_path, sample_text(), settings=settings) == [
        f"{where(sample_text(), 'id: SLA', 'SLA')}: SG802 id: prefix SLA is not one of OLA: use "
        "one of them, or add it to id_prefixes in sitegen.toml"
    ]


def test_duplicate_ids_name_the_other_file(tmp_path: Path) -> None:
    other = "agreements/SLA-2024-001-copy/agreement.yaml"
    lines = lint_lines(tmp_path, {FILE: sample_text(), other: sample_text()})
    place = where(sample_text(), "id: SLA", "SLA")
    assert [line for line in lines if "SG803" in line] == [
        f"{place.replace(FILE, other)}: SG803 id: SLA-2024-001 is also the ID of {FILE}: every "
        "agreement needs its own ID; give one of them the next free number",
        f"{place}: SG803 id: SLA-2024-001 is also the ID of {other}: every agreement needs its "
        "own ID; give one of them the next free number",
    ]


def test_unknown_template(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "template: it-service-sla@1", "template: it-service@1")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'template: it', 'it')}: SG804 template: there is no template "
        "'it-service' under templates/ (templates: it-service-sla): correct the name"
    ]


def test_unknown_template_version(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "template: it-service-sla@1", "template: it-service-sla@2")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'template: it', 'it')}: SG804 template: it-service-sla has no version 2 "
        "(versions: @1): pin one of them"
    ]


def test_unpinned_template_is_fine_for_a_draft(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "template: it-service-sla@1", "template: it-service-sla")
    text = replace_once(text, "status: signed", "status: draft")
    text = replace_once(text, "  signed: 2024-03-15\n", "")
    assert lint_sample(tmp_path, text) == []


def test_omit_unknown_and_required_sections(tmp_path: Path) -> None:
    text = sample_text() + "omit_sections: [definitions, glossary, scope]\n"
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'omit_sections:', 'glossary')}: SG805 omit_sections[1]: "
        "it-service-sla v1 has no section 'glossary': the sections that may be omitted are "
        "definitions, credits",
        f"{where(text, 'omit_sections:', 'scope')}: SG806 omit_sections[2]: section 'scope' "
        "is required by it-service-sla v1 and cannot be omitted: remove it from "
        "omit_sections",
    ]


def test_clause_at_unknown_section(tmp_path: Path) -> None:
    text = sample_text() + CLAUSE.format(id="backups", at="backup")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'at: backup', 'backup')}: SG807 clauses[0].at: it-service-sla v1 has no "
        "section 'backup': use one of basic-information, definitions, scope, service-levels, "
        "credits, signatures"
    ]


def test_clause_at_an_omitted_section(tmp_path: Path) -> None:
    text = sample_text() + "omit_sections: [definitions]\n"
    text += CLAUSE.format(id="backups", at="definitions")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'at: definitions', 'definitions')}: SG808 clauses[0].at: section "
        "'definitions' is in omit_sections, so this clause would not be printed: add it at "
        "another section or keep the section"
    ]


def test_clause_ids_unique(tmp_path: Path) -> None:
    text = sample_text() + CLAUSE.format(id="backups", at="scope")
    text += CLAUSE.format(id="backups", at="scope").removeprefix("clauses:\n")
    lines = lint_sample(tmp_path, text)
    last = len(text.splitlines()) - 3
    assert lines == [
        f"{FILE}:{last}:9: SG809 clauses[1].id: clause id 'backups' is already used by "
        "clauses[0]: give each clause its own id"
    ]


def test_kept_section_needs_its_fields(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(), "fees:\n  amount: 80000\n  currency: CNY\n  per: month\n", ""
    )
    lines = [line for line in lint_sample(tmp_path, text) if "SG810" in line]
    assert lines == [
        f"{where(text, 'credits:', 'credits')}: SG810 credits: section 'credits' of "
        "it-service-sla v1 needs credits, fees, but fees is missing: add fees, or add "
        "'credits' to omit_sections"
    ]


def test_omitted_section_needs_nothing(tmp_path: Path) -> None:
    start, end = sample_text().index("fees:\n"), sample_text().index("obligations:\n")
    text = sample_text()[:start] + sample_text()[end:] + "omit_sections: [credits]\n"
    assert lint_sample(tmp_path, text) == []


def test_signed_agreement_must_pin_its_template(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "template: it-service-sla@1", "template: it-service-sla")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'template: it-service-sla', 'it-service-sla')}: SG811 template: a signed "
        "agreement is always rendered with the template version it was signed with: pin it, "
        "e.g. it-service-sla@1"
    ]
