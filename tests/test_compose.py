from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.compose import DRAFT_DATE, compose, select_template
from sitegen.compose.contract import Contract, Paragraph, Table
from sitegen.compose.templates import TemplateIndex
from sitegen.errors import UserError
from sitegen.load import load_agreement
from sitegen.load.model import Agreement, Languages
from tests.helpers import REPO, SAMPLES

TEMPLATES = REPO / "templates"


def sample(name: str) -> Agreement:
    loaded = load_agreement(SAMPLES / name / "agreement.yaml")
    assert loaded.agreement is not None, loaded.findings
    return loaded.agreement


def render(agreement: Agreement, root: Path = TEMPLATES) -> Contract:
    return compose(agreement, select_template(agreement, TemplateIndex(root)))


def clause_text(contract: Contract, clause_id: str, lang: str = "zh") -> str:
    clause = next(c for c in contract.clauses() if c.id == clause_id)
    return " ".join(b.text.get(lang) for b in clause.blocks if isinstance(b, Paragraph))  # type: ignore[arg-type]


def copy_templates(tmp_path: Path) -> Path:
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    return tmp_path / "templates"


def test_sections_and_clauses_are_numbered_with_stable_ids() -> None:
    contract = render(sample("SLA-2024-001"))
    assert [s.number for s in contract.sections] == [str(n) for n in range(1, 13)]
    levels = next(s for s in contract.sections if s.id == "service-levels")
    assert [(c.number, c.id) for c in levels.clauses] == [
        ("5.1", "service-levels.availability"),
        ("5.2", "service-levels.exclusions"),
        ("5.3", "service-levels.priorities"),
    ]


def test_omitted_sections_renumber_and_own_clauses_come_last() -> None:
    contract = render(sample("SLA-2024-002"))
    assert "definitions" not in [s.id for s in contract.sections]
    assert contract.sections[1].id == "scope" and contract.sections[1].number == "2"
    levels = next(s for s in contract.sections if s.id == "service-levels")
    last = levels.clauses[-1]
    assert (last.id, last.number) == ("service-levels.backup-and-recovery", "4.4")
    assert last.title is not None and last.title.en == "Backup and Recovery Objectives"


def test_optional_section_without_its_data_is_left_out() -> None:
    agreement = sample("SLA-2024-001").model_copy(update={"fees": None})
    ids = [s.id for s in render(agreement).sections]
    assert "credits" not in ids
    assert "服务补偿" not in clause_text(render(agreement), "measurement.shortfall")


def test_meta() -> None:
    signed = render(sample("SLA-2024-001")).meta
    assert (signed.signed, signed.date, signed.template) == (True, "2024-03-15", "it-service-sla@1")
    assert signed.parties.zh == "上海澄川科技有限公司与杭州云衡信息技术有限公司"
    draft = render(sample("OLA-2025-001")).meta
    assert (draft.signed, draft.date) == (False, DRAFT_DATE)


def test_values_are_formatted_per_language() -> None:
    contract = render(sample("SLA-2024-001"))
    assert clause_text(contract, "term.renewal").startswith(
        "任何一方不同意续期的，应不迟于 2025年3月1日（即届满日前 30 日）书面通知对方。"
    )
    assert "no later than 1 March 2025 (30 days before expiry)" in clause_text(
        contract, "term.renewal", "en"
    )
    table = next(
        b for c in contract.clauses() if c.id == "service-levels.priorities"
        for b in c.blocks if isinstance(b, Table)
    )  # fmt: skip
    assert [cell.zh for cell in table.rows[0]][3:] == ["15 分钟", "4 小时"]
    assert [cell.en for cell in table.rows[2]][3:] == ["2 hours", "3 days"]
    # The amount in words names the currency (大写：人民币…), as the yuan's alone has one.
    assert "人民币 80,000.00 元（大写：人民币捌万元整）" in clause_text(contract, "credits.rates")


def test_prevailing_language_follows_the_agreement() -> None:
    zh = render(sample("SLA-2024-001"))
    assert "如有不一致，以中文文本为准" in clause_text(zh, "language.prevailing")
    english = Languages(authentic=["zh", "en"], prevails="en")
    en = render(sample("SLA-2024-001").model_copy(update={"languages": english}))
    assert "如有不一致，以英文文本为准" in clause_text(en, "language.prevailing")
    assert "the English text prevails" in clause_text(en, "language.prevailing", "en")


def test_schedule_hours_and_allowed_downtime() -> None:
    contract = render(sample("OLA-2025-001"))
    assert "周一至周五 08:30–18:00（北京时间）" in clause_text(contract, "service-hours.hours")
    assert "Monday to Friday 08:30–18:00 (Asia/Shanghai)" in clause_text(
        contract, "service-hours.hours", "en"
    )
    assert "每周服务时间 47 小时 30 分钟计，相当于每周 14 分钟 15 秒" in clause_text(
        contract, "service-levels.availability"
    )


def test_signed_agreement_uses_its_pinned_version() -> None:
    assert TemplateIndex(TEMPLATES).versions("it-service-sla") == [1, 2, 3]
    assert render(sample("SLA-2024-001")).meta.template == "it-service-sla@1"
    draft = sample("OLA-2025-001").model_copy(update={"template": "it-service-sla"})
    assert render(draft).meta.template == "it-service-sla@3"


def test_signed_agreement_must_be_pinned() -> None:
    agreement = sample("SLA-2024-001").model_copy(update={"template": "it-service-sla"})
    with pytest.raises(UserError) as error:
        render(agreement)
    assert str(error.value.message) == (
        "SLA-2024-001 is signed but names template 'it-service-sla' without a version: "
        "pin the version it was signed with, e.g. it-service-sla@1"
    )


def test_missing_template_version() -> None:
    agreement = sample("SLA-2024-001").model_copy(update={"template": "it-service-sla@9"})
    with pytest.raises(
        UserError, match=r"template it-service-sla@9 not found .*have: it-service-sla@1"
    ):
        render(agreement)


def test_only_optional_sections_can_be_omitted() -> None:
    agreement = sample("SLA-2024-001").model_copy(update={"omit_sections": ["scope"]})
    with pytest.raises(UserError, match="omit_sections: 'scope' cannot be omitted"):
        render(agreement)


def test_own_clause_at_an_unknown_section() -> None:
    agreement = sample("SLA-2024-002")
    moved = [c.model_copy(update={"at": "definitions"}) for c in agreement.clauses]
    with pytest.raises(UserError, match="clause 'backup-and-recovery' is added at 'definitions'"):
        render(agreement.model_copy(update={"clauses": moved}))


def edit_section(root: Path, section: str, old: str, new: str) -> Path:
    path = root / "it-service-sla" / "v1" / "sections" / f"{section}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_jinja_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    root = copy_templates(tmp_path)
    path = edit_section(
        root, "term", "{% if term.renewal %}\n            任何", "{% if %}\n            任何"
    )
    with pytest.raises(UserError) as error:
        render(sample("SLA-2024-001"), root)
    assert str(error.value.message).startswith(f"{path}:{line_of(path, '{% if %}')}: ")


def test_undefined_value_names_file_and_line(tmp_path: Path) -> None:
    root = copy_templates(tmp_path)
    path = edit_section(
        root, "term", "{{ term.renewal.deadline }}（", "{{ term.renewal.dead_line }}（"
    )
    with pytest.raises(UserError) as error:
        render(sample("SLA-2024-001"), root)
    line = line_of(path, "dead_line")
    assert str(error.value.message) == (
        f"{path}:{line}: UndefinedError: 'dict object' has no attribute 'dead_line'"
    )


@pytest.mark.parametrize("expression", ["status", "1", "term.renewal", "agreement.id | upper"])
def test_templates_print_only_prepared_values(tmp_path: Path, expression: str) -> None:
    root = copy_templates(tmp_path)
    path = edit_section(root, "language", "本协议以中文", "{{ " + expression + " }}本协议以中文")
    with pytest.raises(UserError, match="a template may print only prepared values") as error:
        render(sample("SLA-2024-001"), root)
    assert str(error.value.message).startswith(f"{path}:{line_of(path, expression)}: TypeError")


def test_templates_run_sandboxed(tmp_path: Path) -> None:
    root = copy_templates(tmp_path)
    edit_section(
        root, "language", "本协议以中文", "{{ agreement.id.__class__.__mro__ }}本协议以中文"
    )
    with pytest.raises(UserError, match=r"SecurityError|UndefinedError"):
        render(sample("SLA-2024-001"), root)


def test_missing_clause_file(tmp_path: Path) -> None:
    root = copy_templates(tmp_path)
    (root / "it-service-sla" / "v1" / "sections" / "review.yaml").unlink()
    with pytest.raises(
        UserError, match=r"sections/review\.yaml: cannot read the section's clauses"
    ):
        render(sample("SLA-2024-001"), root)


def test_unknown_key_in_a_clause_file(tmp_path: Path) -> None:
    root = copy_templates(tmp_path)
    path = edit_section(root, "scope", "  - id: included\n", "  - id: included\n    titel: x\n")
    with pytest.raises(UserError) as error:
        render(sample("SLA-2024-001"), root)
    assert str(error.value.message) == (
        f"{path}:{line_of(path, 'titel')}: unknown key 'titel'; "
        "expected one of blocks, id, title, when"
    )


def test_reports_and_reviews_only_when_the_agreement_has_them() -> None:
    agreement = sample("SLA-2024-001")
    quiet = agreement.model_copy(
        update={
            "measurement": agreement.measurement.model_copy(
                update={"report": None, "report_due_days": None}
            ),
            "review": None,
        }
    )
    contract = render(quiet)
    ids = [c.id for c in contract.clauses()]
    assert "measurement.report" not in ids and "review.meetings" not in ids
    assert clause_text(contract, "measurement.shortfall") == (
        "任一统计周期未达标的，服务方应以书面形式写明原因和改进措施；可用性低于目标的，"
        "服务方还应按“服务补偿”一节给予服务补偿。"
    )
    assert "服务评审" not in clause_text(contract, "review.records")
    assert "5 个工作日内提交" in clause_text(render(agreement), "measurement.report")
