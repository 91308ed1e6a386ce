"""An agreement replaces a template clause by its id with its own bilingual text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.compose import compose, select_template
from sitegen.compose.contract import Contract, Paragraph, Text
from sitegen.compose.templates import TemplateIndex
from sitegen.diff.fields import diff_terms
from sitegen.diff.redline import redline
from sitegen.errors import UserError
from sitegen.findings import Severity
from sitegen.lint.validate import relative, validate
from sitegen.load import load_agreement_text
from sitegen.load.config import Settings
from sitegen.load.model import Agreement
from sitegen.output import as_text
from sitegen.render.contract_html import contract_html
from sitegen.render.markdown import to_markdown
from tests.helpers import REPO, build_file_tree, sample_text, where

FILE = "agreements/SLA-2024-001/agreement.yaml"
CLAIMS = """\
clauses:
  - replace: {target}
    zh: 客户方应在每月结束后 60 日内通过工单提出补偿申请，补偿仅以代金券形式发放，不兑换现金。
    en: >-
      The Customer claims a credit by ticket within 60 days after the end of the month;
      credits are given as vouchers only and are never paid in cash.
"""


def _agreement(text: str) -> Agreement:
    loaded = load_agreement_text(text, Path(FILE))
    assert loaded.agreement is not None, loaded.findings
    return loaded.agreement


def _contract(text: str) -> Contract:
    agreement = _agreement(text)
    return compose(agreement, select_template(agreement, TemplateIndex(REPO / "templates")))


def _findings(root: Path, text: str) -> list[str]:
    """Validate one agreement against the real templates; infos left out."""
    shutil.copytree(REPO / "templates", root / "templates")
    build_file_tree(root, {FILE: text})
    report, _ = validate([root / "agreements"], Settings(), root)
    shown = [f for f in report.sorted() if f.severity is not Severity.INFO]
    return [as_text(relative(f, root)) for f in shown]


def _lines_of(text: str, line: str) -> list[int]:
    return [number for number, one in enumerate(text.splitlines(), 1) if one == line]


def test_a_replaced_clause_keeps_its_place_and_title_and_says_the_agreements_words() -> None:
    before = _contract(sample_text())
    after = _contract(sample_text() + CLAIMS.format(target="credits.claims"))
    old = next(c for c in before.clauses() if c.id == "credits.claims")
    new = next(c for c in after.clauses() if c.id == "credits.claims")
    assert (new.number, new.title, new.replaced) == (old.number, old.title, True)
    assert new.blocks == (
        Paragraph(
            Text(
                zh="客户方应在每月结束后 60 日内通过工单提出补偿申请，"
                "补偿仅以代金券形式发放，不兑换现金。",
                en="The Customer claims a credit by ticket within 60 days after the end of the "
                "month; credits are given as vouchers only and are never paid in cash.",
            )
        ),
    )
    everything = " ".join(
        b.text.en for c in after.clauses() for b in c.blocks if isinstance(b, Paragraph)
    )
    assert "paid by the Provider within 30 days" not in everything
    assert [c.id for c in after.clauses()] == [c.id for c in before.clauses()]


def test_a_replacement_may_give_its_own_title() -> None:
    text = sample_text() + CLAIMS.format(target="credits.claims").replace(
        "    zh: 客户方", "    title: {zh: 补偿的申请, en: Claims}\n    zh: 客户方", 1
    )
    clause = next(c for c in _contract(text).clauses() if c.id == "credits.claims")
    assert clause.title is not None and (clause.title.zh, clause.title.en) == (
        "补偿的申请",
        "Claims",
    )


def test_the_page_marks_a_replaced_clause_as_the_agreements_own_text() -> None:
    contract = _contract(sample_text() + CLAIMS.format(target="credits.claims"))
    html = "\n".join(contract_html(contract, ("en",)))
    assert (
        '<h4 id="credits.claims">' in html
        and "This clause is the agreement&#x27;s own text, in place of the template&#x27;s." in html
    )
    assert html.count('class="sg-own"') == 1
    markdown = to_markdown(contract, "zh")
    assert "*本条为本协议自行约定的文本，替代模板条款。*" in markdown


def test_the_diff_lists_a_replacement_as_a_change_of_that_clause() -> None:
    old = _agreement(sample_text())
    new = _agreement(sample_text() + CLAIMS.format(target="credits.claims"))
    changes = [c for c in diff_terms(old, new) if c.path.startswith("clauses")]
    assert [(c.path, c.kind, c.label.en) for c in changes] == [
        ("clauses[replace=credits.claims]", "added",
         "Clause in place of the template's “credits.claims”"),
    ]  # fmt: skip


def test_an_unknown_clause_id_names_the_known_ones(tmp_path: Path) -> None:
    text = sample_text() + CLAIMS.format(target="credits.claim")
    found = _findings(tmp_path, text)
    assert len(found) == 1
    assert found[0].startswith(
        f"{where(text, 'replace: credits.claim', 'credits.claim')}: SG812 clauses[0].replace: "
        "it-service-sla v1 has no clause 'credits.claim': replace one of "
        "basic-information.number, basic-information.parties, "
    )
    assert "credits.claims, " in found[0] and "general.disputes" in found[0]


def test_a_clause_of_an_omitted_section_cannot_be_replaced(tmp_path: Path) -> None:
    text = sample_text() + "omit_sections: [credits]\n" + CLAIMS.format(target="credits.claims")
    expected = (
        f"{where(text, 'replace: credits.claims', 'credits.claims')}: SG812 clauses[0].replace: "
        "section 'credits' is in omit_sections, so its clause 'credits.claims' would not be "
        "printed: keep the section or remove this replacement"
    )
    assert expected in _findings(tmp_path, text)


def test_a_clause_replaced_twice(tmp_path: Path) -> None:
    twice = CLAIMS.format(target="credits.claims")
    twice += "\n".join(twice.splitlines()[1:]) + "\n"
    text = sample_text() + twice
    found = [f for f in _findings(tmp_path, text) if "SG813" in f]
    assert found == [
        f"{FILE}:{_lines_of(text, '  - replace: credits.claims')[1]}:14: SG813 "
        "clauses[1].replace: clause 'credits.claims' is already replaced by clauses[0]: keep "
        "one replacement"
    ]


def test_a_replaced_clause_passes_every_text_rule(tmp_path: Path) -> None:
    vague = CLAIMS.format(target="credits.claims").replace("60 日内", "尽快", 1)
    text = sample_text() + vague
    found = _findings(tmp_path, text)
    assert sorted(f.split(": ")[1].split(" ")[0] for f in found) == ["SG301", "SG705"]
    vague_word = [f for f in found if " SG301 " in f]
    assert vague_word[0].startswith(f"{where(text, '尽快', '尽快')}: SG301 clauses[0].zh: ")


def test_composing_with_an_unknown_clause_id_is_a_clear_error() -> None:
    agreement = _agreement(sample_text() + CLAIMS.format(target="credits.claim"))
    with pytest.raises(UserError, match=r"'credits.claim' is not a clause of this contract"):
        compose(agreement, select_template(agreement, TemplateIndex(REPO / "templates")))


def test_the_redline_names_a_replaced_clause_as_the_agreements_own_text() -> None:
    before = _contract(sample_text())
    after = _contract(sample_text() + CLAIMS.format(target="credits.claims"))
    added = [(r.clause_id, r.title) for r in redline(before, after, "en")]
    assert added == [("credits.claims", "Claims and Settlement (the agreement's own text)")]
    removed = [(r.clause_id, r.title) for r in redline(after, before, "zh")]
    assert removed == [("credits.claims", "补偿的申请与结算（原为本协议自行约定的文本）")]
