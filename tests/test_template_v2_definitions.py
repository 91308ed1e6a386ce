"""Template v2's definitions of Downtime and Availability, made from the agreement's tiers:
its service hours (7×24, or a weekly schedule), each tier's window, and what each tier
excludes (its listed exclusions, its excluded causes, or nothing). v1 stated one fixed text
for every agreement; it stays as it was, for the contracts signed on it.

The agreements are shaped like real ones (tests/real_slas.py, tests/real_credit_slas.py):
a university's P1–P5 SLA on business hours, a cloud provider's two-tier SLA round the
clock, an outsourcing contract; and the guide sample with excluded causes.
"""

from __future__ import annotations

from pathlib import Path

from sitegen.compose import compose
from sitegen.compose.contract import ItemList, Text
from sitegen.compose.templates import TemplateIndex
from sitegen.load import load_agreement_text
from tests.helpers import REPO, replace_once, sample_text
from tests.real_credit_slas import cloud_sla, outsourcing_sla
from tests.real_slas import university

TEMPLATES = TemplateIndex(REPO / "templates")


def definitions(text: str, version: int = 2) -> list[Text]:
    loaded = load_agreement_text(text, Path("agreement.yaml"))
    assert loaded.agreement is not None, loaded.findings
    template = TEMPLATES.get("it-service-sla", version)
    assert template is not None
    clause = next(c for c in compose(loaded.agreement, template).clauses()
                  if c.id == "definitions.terms")  # fmt: skip
    items = [b for b in clause.blocks if isinstance(b, ItemList)]
    return list(items[0].items)


def term(text: str, name: str, version: int = 2) -> Text:
    """The definition whose Chinese text starts with `name`."""
    found = [item for item in definitions(text, version) if item.zh.startswith(f"{name}：")]
    assert len(found) == 1, [i.zh for i in definitions(text, version)]
    return found[0]


def test_a_business_hours_tier_counts_downtime_inside_its_service_hours() -> None:
    # The university: Monday to Friday 08:30–17:30 London time, one tier of 99.9% per
    # calendar month, the sample's two listed exclusions, no excluded causes.
    downtime = term(university(), "不可用时间")
    assert downtime.zh == (
        "不可用时间：指服务时间（周一至周五 08:30–17:30（Europe/London 时间））内服务无法使用的"
        "累计时长，按每个自然月累计；“不计入不可用时间的情形”一条所列情形不计入。"
    )
    assert downtime.en == (
        '"Downtime" means the total time within Service Hours (Monday to Friday 08:30–17:30 '
        "(Europe/London)) during which the services cannot be used, totalled in each calendar "
        'month; the cases listed under "Exclusions from Downtime" do not count.'
    )
    assert term(university(), "可用性").en == (
        '"Availability" means the share of the Service Hours in each calendar month during '
        "which the services can be used: (Service Hours − Downtime) ÷ Service Hours × 100%."
    )


def test_each_tier_of_a_cloud_sla_has_its_window_and_its_exclusions() -> None:
    # Round the clock; the region per calendar month with one listed exclusion, the single
    # instance per clock hour with none (so every cause counts); both define their interval.
    downtime = term(cloud_sla(), "不可用时间")
    assert downtime.zh == (
        "不可用时间：指任何时间（服务时间为 7×24 小时）某一范围无法使用的累计时长，各范围分别计算："
        "地域按每个自然月累计，以“不可用时间的计算”一条约定的单位计算，“不计入不可用时间的情形”"
        "一条就该范围所列情形不计入；单实例按每个小时累计，以“不可用时间的计算”一条约定的单位"
        "计算，不论原因，均计入。"
    )
    assert downtime.en == (
        '"Downtime" means the total time, at any hour of any day (the Service Hours are '
        "7×24), during which a scope cannot be used, counted for each scope on its own: "
        "Region, totalled in each calendar month and counted in the intervals set out under "
        '"Counting Downtime", not counting the cases listed for it under "Exclusions from '
        'Downtime"; Single instance, totalled in each hour and counted in the intervals set '
        'out under "Counting Downtime", whatever the cause.'
    )
    # each tier's own window, not the Statistics Period (a month) for every tier
    assert "Statistics Period" not in term(cloud_sla(), "可用性").en
    assert term(cloud_sla(), "可用性").en.startswith(
        '"Availability" of a scope means the share of the Service Hours in each of its windows'
    )


def test_excluded_causes_are_named_with_the_clause_that_holds_their_terms() -> None:
    # The sample (7×24, one tier) with planned maintenance (5 working days' notice, 4 hours
    # a month) and force majeure excluded, and downtime counted in 5-minute intervals.
    text = replace_once(
        sample_text(),
        "    window: calendar_month\n",
        "    window: calendar_month\n"
        "    excluded: [maintenance, force_majeure]\n"
        "    maintenance: {notice: 5wd, cap: 4h}\n"
        "    downtime: {interval: 5m, partial: counted}\n",
    )
    downtime = term(text, "不可用时间")
    assert downtime.zh == (
        "不可用时间：指任何时间（服务时间为 7×24 小时）服务无法使用的累计时长，按每个自然月累计，"
        "以“不可用时间的计算”一条约定的单位计算；“不计入不可用时间的情形”一条所列情形以及计划维护、"
        "不可抗力（按“不计入不可用时间的原因”一条的约定）不计入。"
    )
    assert downtime.en.endswith(
        'the cases listed under "Exclusions from Downtime" and interruptions from planned '
        'maintenance and force majeure (on the terms under "Causes Excluded from Downtime") '
        "do not count."
    )


def test_a_tier_that_excludes_nothing_counts_every_cause() -> None:
    # The outsourcing contract with the sample's exclusions taken out: nothing is excluded,
    # so the definition must not point at exclusions the contract does not hold.
    text = outsourcing_sla()
    start = text.index("    exclusions:\n")
    text = text[:start] + text[text.index("  priorities:\n") :]
    downtime = term(text, "不可用时间")
    assert downtime.zh.endswith("按每个自然月累计；不论原因，均计入。")
    assert downtime.en.endswith("totalled in each calendar month; it counts whatever its cause.")


def test_no_availability_no_definition_of_downtime() -> None:
    # A support-only agreement (the university's priorities, no availability tier, so no
    # credits on it): v1 defined Downtime and Availability all the same; v2 defines what
    # the contract uses.
    text = university()
    text = text[: text.index("  availability:\n")] + text[text.index("  priorities:\n") :]
    text = text[: text.index("\ncredits:\n")] + text[text.index("\nobligations:\n") :]
    names = [item.zh.partition("：")[0] for item in definitions(text)]
    assert names == ["服务时间", "统计周期", "响应时间", "解决时间", "工作日"]
    old = [item.zh.partition("：")[0] for item in definitions(text, version=1)]
    assert "不可用时间" in old and "可用性" in old


def test_v1_keeps_its_fixed_definition() -> None:
    assert term(university(), "不可用时间", version=1).zh == (
        "不可用时间：指服务时间内服务无法使用的累计时长，自监控系统记录故障或客户方报告故障之时"
        "（以较早者为准）起算，至服务恢复之时止；“服务等级目标”一节所列除外情形不计入。"
    )
