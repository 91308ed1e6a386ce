"""The contract states each availability and credit term only when the data holds it."""

from __future__ import annotations

import pytest

from sitegen.compose import compose, select_template
from sitegen.compose.contract import Contract, ItemList, Paragraph, Table
from sitegen.compose.templates import TemplateIndex
from sitegen.render.markdown import to_markdown
from tests.helpers import REPO, sample_text
from tests.helpers import loaded_agreement as agreement
from tests.real_credit_slas import cloud_sla, outsourcing_sla, with_availability, with_credits


def render(text: str) -> Contract:
    a = agreement(text)
    return compose(a, select_template(a, TemplateIndex(REPO / "templates")))


def paragraphs(contract: Contract, clause_id: str, lang: str) -> list[str]:
    clause = next(c for c in contract.clauses() if c.id == clause_id)
    return [b.text.get(lang) for b in clause.blocks if isinstance(b, Paragraph)]  # type: ignore[arg-type]


def rows(contract: Contract, clause_id: str, lang: str) -> list[list[str]]:
    clause = next(c for c in contract.clauses() if c.id == clause_id)
    table = next(b for b in clause.blocks if isinstance(b, Table))
    return [[cell.get(lang) for cell in row] for row in table.rows]  # type: ignore[arg-type]


def items(contract: Contract, clause_id: str, lang: str) -> list[str]:
    clause = next(c for c in contract.clauses() if c.id == clause_id)
    found = next(b for b in clause.blocks if isinstance(b, ItemList))
    return [item.get(lang) for item in found.items]  # type: ignore[arg-type]


def ids(contract: Contract) -> list[str]:
    return [c.id for c in contract.clauses()]


def test_cloud_sla_states_its_tiers() -> None:
    contract = render(cloud_sla())
    assert rows(contract, "service-levels.tiers", "en") == [
        ["Region", "99.99%", "each calendar month"],
        ["Single instance", "99.5%", "each hour"],
    ]
    assert items(contract, "service-levels.tier-downtime", "en") == [
        "Region: Downtime is counted in intervals of 1 minute; an interval that is unavailable "
        "for part of its length counts as a whole interval. An interval is unavailable when: "
        "every request in the minute fails",
        "Single instance: Downtime is counted in intervals of 1 minute; an interval that is "
        "unavailable for only part of its length is not counted.",
    ]
    assert items(contract, "service-levels.tier-exclusions", "zh") == [
        "地域：客户方应用程序或配置导致的不可用"
    ]
    assert "service-levels.availability" not in ids(contract)


def test_cloud_sla_states_voucher_credits_never_in_cash() -> None:
    contract = render(cloud_sla())
    assert paragraphs(contract, "credits.rates", "en") == [
        "Where availability in a Statistics Period falls within a band of the table below, the "
        "Provider grants the Customer a service credit at the rate shown. Credit = charges for "
        "the affected service in the Statistics Period × credit rate."
    ]
    assert rows(contract, "credits.rates", "zh")[3:] == [
        ["单实例", "低于 99.5% 且不低于 95%", "10%"],
        ["单实例", "低于 95%", "30%"],
    ]
    assert paragraphs(contract, "credits.claims", "en")[0] == (
        "The Customer claims a service credit by a ticket within 2 billing cycles after the "
        "end of the period; a credit not claimed in time is waived. Credits are issued as "
        "vouchers; credits are never paid in cash."
    )
    assert paragraphs(contract, "credits.claims", "zh")[0] == (
        "客户方应在该统计周期结束之日起 2 个计费周期内通过工单申请服务补偿；逾期未申请的，"
        "视为放弃该统计周期的服务补偿。服务补偿以代金券形式发放，服务补偿在任何情况下均不以现金支付。"
    )
    assert items(contract, "credits.claims", "en") == ["Request logs that show the failed requests"]
    assert paragraphs(contract, "credits.cap", "en") == [
        "Service credits for one Statistics Period total no more than 100% of the charges for "
        "the affected service in that period."
    ]
    markdown = to_markdown(contract, "en") + to_markdown(contract, "zh")
    for never in ("paid by the Provider", "30 日内支付", "service report for the period;"):
        assert never not in markdown


def test_outsourcing_contract_states_basis_rounding_minimum_and_refund() -> None:
    contract = render(outsourcing_sla())
    assert paragraphs(contract, "credits.rates", "en") == [
        "Where availability in a Statistics Period falls within a band of the table below, the "
        "Provider grants the Customer a service credit at the rate shown. Credit = RMB "
        "50,000.00 × credit rate.",
        "Credit amounts are rounded down to the whole unit of the currency. No credit of less "
        "than RMB 100.00 is granted.",
    ]
    assert rows(contract, "credits.rates", "en")[0] == [
        "below 99.9%, at least 99.5%",
        "5%",
        "RMB 2,500.00",
    ]
    assert paragraphs(contract, "credits.cap", "zh") == [
        "每个统计周期的服务补偿合计不超过客户方当期实际支付的费用的 20%。"
    ]
    assert paragraphs(contract, "credits.claims", "en") == [
        "The Customer claims a service credit in writing within 15 days after receiving the "
        "service report for the period; a credit not claimed in time is waived. Credits are "
        "refunded."
    ]


def test_without_settlement_or_claim_terms_the_contract_states_none() -> None:
    credits = "credits:\n  bands:\n    - {below: 99.9, percent: 5}\n"
    contract = render(with_credits(sample_text(), credits))
    assert "credits.claims" not in ids(contract)
    assert "credits.cap" not in ids(contract)
    credits = [c for c in contract.clauses() if c.id.startswith("credits.")]
    text = " ".join(
        p for c in credits for lang in ("zh", "en") for p in paragraphs(contract, c.id, lang)
    )
    assert text.startswith("统计周期内的可用性低于下表所列标准的")
    for never in ("cash", "现金", "deducted", "抵扣", "paid by the Provider", "claims a service"):
        assert never not in text


@pytest.mark.parametrize(
    ("cash", "en"),
    [
        ("  cash: false\n", "Credits are deducted from the next service fee; credits are never "
         "paid in cash."),
        ("  cash: true\n", "Credits are deducted from the next service fee; credits not yet "
         "deducted when this agreement ends are paid by the Provider in cash when it ends."),
        ("", "Credits are deducted from the next service fee."),
    ],
)  # fmt: skip
def test_cash_is_stated_only_as_the_data_says(cash: str, en: str) -> None:
    credits = "credits:\n  bands:\n    - {below: 99.9, percent: 5}\n  form: deduction\n" + cash
    contract = render(with_credits(sample_text(), credits))
    assert paragraphs(contract, "credits.claims", "en") == [en]


def test_an_hourly_tier_states_the_downtime_of_an_hour() -> None:
    availability = (
        "  availability:\n    target: 99.5\n    window: hour\n"
        "    downtime: {interval: 1m, partial: not_counted}\n"
    )
    contract = render(with_availability(sample_text(), availability))
    assert paragraphs(contract, "service-levels.availability", "en") == [
        "The Provider guarantees availability of at least 99.5% in each hour. Total Downtime "
        "in an hour must therefore not exceed 18 seconds."
    ]
    assert paragraphs(contract, "service-levels.downtime", "zh") == [
        "不可用时间以 1 分钟为单位计算；不足一个单位的不可用不计入。"
    ]


def test_the_samples_credit_clauses_read_as_before() -> None:
    contract = render(sample_text())
    assert paragraphs(contract, "credits.claims", "en") == [
        "The Customer claims a service credit in writing within 30 days after receiving the "
        "service report for the period; a credit not claimed in time is waived. Credits are "
        "deducted from the next service fee; credits not yet deducted when this agreement "
        "ends are paid by the Provider within 30 days after it ends."
    ]


def test_the_report_states_availability_for_tiers_too() -> None:
    contract = render(cloud_sla())
    assert items(contract, "measurement.report", "en")[0] == (
        "availability in the period, and the start, end and cause of each Downtime"
    )


def test_a_single_tier_names_its_scope_when_it_has_one() -> None:
    availability = (
        "  availability:\n    scope: {zh: 核心系统, en: the core systems}\n    target: 99.9\n"
    )
    contract = render(with_availability(sample_text(), availability))
    assert paragraphs(contract, "service-levels.availability", "en")[0].startswith(
        "The Provider guarantees availability of the core systems of at least 99.9% in each "
        "calendar month."
    )
    assert paragraphs(contract, "service-levels.availability", "zh")[0].startswith(
        "服务方保证核心系统每个自然月的可用性不低于 99.9%。"
    )
