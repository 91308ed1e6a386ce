"""The causes an availability tier excludes from downtime, with the notice and monthly cap
of planned maintenance: as data, in the contract's sentence, and refused when they do not
hold together."""

from __future__ import annotations

from pathlib import Path

from sitegen.compose import compose, select_template
from sitegen.compose.contract import Contract, Paragraph
from sitegen.compose.templates import TemplateIndex
from sitegen.load import load_agreement_text
from sitegen.output import as_text
from tests.helpers import REPO, sample_text
from tests.real_credit_slas import with_availability
from tests.report_data import agreement

TEMPLATES = TemplateIndex(REPO / "templates")


def contract(availability: str) -> Contract:
    found = agreement(availability)
    return compose(found, select_template(found, TEMPLATES))


def texts(found: Contract, clause_id: str) -> list[tuple[str, str]]:
    clause = next(c for c in found.clauses() if c.id == clause_id)
    out: list[tuple[str, str]] = []
    for block in clause.blocks:
        if isinstance(block, Paragraph):
            out.append((block.text.zh, block.text.en))
        else:
            out.extend((item.zh, item.en) for item in getattr(block, "items", []))
    return out


def test_one_tier_states_its_causes_in_one_sentence() -> None:
    found = contract(
        "  availability:\n    target: 99.9\n"
        "    excluded: [maintenance, customer, force_majeure]\n"
        "    maintenance: {notice: 5wd, cap: 4h}\n"
    )
    assert texts(found, "service-levels.excluded-causes") == [(
        "下列原因造成的服务中断不计入不可用时间：计划维护（须至少提前 5 个工作日通知；每个自然月"
        "累计不超过 4 小时，超出部分计入不可用时间）；客户方原因、不可抗力。",
        "Interruptions from the following causes do not count as Downtime: planned maintenance "
        "(notified at least 5 working days ahead; at most 4 hours in each calendar month, any "
        "excess counting as Downtime); causes attributable to the Customer and force majeure.",
    )]  # fmt: skip


def test_several_tiers_name_each_tier_s_causes() -> None:
    found = contract(
        "  availability:\n"
        "    - {id: region, scope: {zh: 地域, en: Region}, target: 99.99,\n"
        "       excluded: [maintenance], maintenance: {cap: 4h}}\n"
        "    - {id: instance, scope: {zh: 单实例, en: Single instance}, target: 99.5,\n"
        "       excluded: [third_party]}\n"
        "    - {id: storage, scope: {zh: 存储, en: Storage}, target: 99.9}\n"
    )
    assert texts(found, "service-levels.tier-excluded-causes") == [
        ("下列原因造成的服务中断不计入相应范围的不可用时间：",
         "Interruptions from the following causes do not count as Downtime of the scope named:"),
        ("地域：计划维护（每个自然月累计不超过 4 小时，超出部分计入不可用时间）。",
         "Region: planned maintenance (at most 4 hours in each calendar month, any excess "
         "counting as Downtime)."),
        ("单实例：第三方原因。", "Single instance: causes attributable to third parties."),
    ]  # fmt: skip


def test_no_cause_given_no_sentence() -> None:
    ids = [c.id for c in contract("  availability:\n    target: 99.9\n").clauses()]
    assert not [i for i in ids if "causes" in i]


def _errors(availability: str) -> list[str]:
    text = with_availability(sample_text(), availability)
    loaded = load_agreement_text(text, Path("agreement.yaml"))
    return [as_text(f) for f in loaded.findings]


def test_maintenance_terms_need_maintenance_excluded_and_a_cap_in_time() -> None:
    assert _errors(
        "  availability:\n    target: 99.9\n    excluded: [customer]\n"
        "    maintenance: {notice: 5wd}\n"
    ) == [
        "agreement.yaml:76:5: SG203 slos.availability: `maintenance` terms need maintenance "
        "in `excluded`"
    ]
    assert _errors(
        "  availability:\n    target: 99.9\n    excluded: [maintenance]\n"
        "    maintenance: {cap: 2wd}\n"
    ) == [
        "agreement.yaml:78:18: SG203 slos.availability.maintenance: give the maintenance cap "
        "as time, e.g. 4h, not in working days"
    ]
