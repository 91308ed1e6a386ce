"""The contract's continuity, data-protection and liability clauses (template v3): each
sentence follows from a field and is left out without it; an agreement holding none of the
terms reads in v3 exactly as in v2. Agreements shaped like real ones: the outsourcing
contract SLA-2025-004, a university's 8x5 SLA (SLA-2025-007), a cloud provider's published
SLA with availability tiers (SLA-2025-005)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitegen.compose.resilience_view import every
from sitegen.load.continuity import Continuity
from sitegen.load.model import Agreement
from sitegen.load.values import Duration
from sitegen.render.markdown import to_markdown
from sitegen.render.pdf_model import contract_json
from tests.test_compose import clause_text, render, sample

V3 = "it-service-sla@3"
GOLDEN = Path(__file__).parent / "golden"


def _with(agreement: Agreement, **update: Any) -> Agreement:
    return agreement.model_copy(update=update)


def _data(agreement: Agreement, **update: Any) -> Agreement:
    assert agreement.data is not None
    return _with(agreement, data=agreement.data.model_copy(update=update))


def _remedies(agreement: Agreement, **update: Any) -> Agreement:
    assert agreement.remedies is not None
    return _with(agreement, remedies=agreement.remedies.model_copy(update=update))


def _texts(agreement: Agreement) -> tuple[str, str]:
    contract = render(agreement)
    return to_markdown(contract, "zh"), to_markdown(contract, "en")


@pytest.mark.parametrize("name", ["SLA-2024-001", "SLA-2025-005", "SLA-2025-006", "SLA-2025-007"])
def test_an_agreement_without_the_terms_reads_in_v3_as_in_v2(name: str) -> None:
    agreement = sample(name)
    assert agreement.continuity is None and agreement.data is None
    assert agreement.remedies is None
    v2 = render(_with(agreement, template="it-service-sla@2"))
    v3 = render(_with(agreement, template=V3))
    assert (v2.meta.template, v3.meta.template) == ("it-service-sla@2", V3)
    for view in ("zh", "en", "parallel"):
        assert to_markdown(v3, view) == to_markdown(v2, view)  # type: ignore[arg-type]


def test_the_outsourcing_contract_states_each_term_in_both_languages() -> None:
    contract = render(sample("SLA-2025-004"))
    assert contract.meta.template == V3
    sections = [s.id for s in contract.sections]
    # continuity and data before the credits, remedies after them
    assert sections.index("measurement") < sections.index("continuity")
    assert sections.index("data-protection") < sections.index("credits")
    assert sections.index("credits") + 1 == sections.index("liability")
    zh, en = _texts(sample("SLA-2025-004"))
    for text in (
        "恢复点目标为 15 分钟，恢复时间目标为 4 小时；每 15 分钟备份一次数据，每份备份保留 30 日，"
        "备份存放于客户方同城灾备机房；每半年进行一次灾难恢复演练（演练场景：主数据中心整体失效",
        "客户方数据存储于中国大陆并在该地处理。服务方不得将客户方数据传输至中国大陆以外。",
        "服务方应在知悉后 24 小时内通知客户方信息安全负责人。",
        "本协议终止后 30 日内，服务方向客户方返还客户方数据。",
        "该义务在本协议终止后继续有效 3 年。",
        "服务补偿是客户方就服务方未达到服务等级目标可获得的唯一救济，但数据泄露的情形除外。",
        "任意连续 6 个统计周期中有 3 个未达标的，客户方有权提前 30 日书面通知服务方终止本协议。",
        "因数据泄露、违反保密义务产生的赔偿责任不受上述限额限制。",
    ):
        assert text.replace(".", "\\.") in zh, text
    plain_en = en.replace("\\", "").replace("&#39;", "'")
    for text in (
        "an RPO of 15 minutes and an RTO of 4 hours; a backup of the data every 15 minutes, each "
        "backup kept for 30 days at the customer's secondary data centre in the same city; a "
        "disaster-recovery drill every six months (scenario: Loss of the primary data centre",
        "The Customer's data is stored and processed in mainland China. The Provider does not "
        "transfer the Customer's data outside mainland China.",
        "The Provider notifies the customer's Information Security Officer of any breach of the "
        "Customer's data within 24 hours after becoming aware of it.",
        "during this agreement and for 3 years after it ends.",
        "Service credits are the Customer's sole and exclusive remedy for service levels not "
        "met, except in the case of data breach.",
        "Where 3 of any 6 consecutive Statistics Periods fail, the Customer may terminate this "
        "agreement by giving the Provider 30 days' written notice.",
        "This limit does not apply to liability for data breach or breach of confidentiality.",
    ):
        assert text in plain_en, text


# (what is dropped, a sentence that then goes, one that stays) of SLA-2025-004
DROPPED = [
    (
        "return_within",
        lambda a: _data(a, return_within=None),
        "服务方向客户方返还客户方数据",
        "服务方删除其持有的客户方数据的全部副本",
    ),
    (
        "deletion_within",
        lambda a: _data(a, deletion_within=None),
        "删除其持有的客户方数据",
        "服务方向客户方返还客户方数据",
    ),
    (
        "confidentiality_years",
        lambda a: _data(a, confidentiality_years=None),
        "该义务在本协议终止后继续有效",
        "双方对在履行本协议过程中知悉的对方保密信息负有保密义务。",
    ),
    ("categories", lambda a: _data(a, categories=None), "下列类别的客户方数据", "24 小时内通知"),
    (
        "cross_border",
        lambda a: _data(a, cross_border=None),
        "不得将客户方数据传输",
        "客户方数据存储于中国大陆",
    ),
    ("breach_notice", lambda a: _data(a, breach_notice=None), "数据泄露通知", "数据类别"),
    (
        "sole_remedy_except",
        lambda a: _remedies(a, sole_remedy_except=None),
        "但数据泄露的情形除外",
        "服务补偿是客户方就服务方未达到服务等级目标可获得的唯一救济。",
    ),
    (
        "termination",
        lambda a: _remedies(a, termination=None),
        "个未达标的，客户方有权",
        "唯一救济",
    ),
    ("data", lambda a: _with(a, data=None), "数据安全与保密", "业务连续性与数据备份"),
    ("continuity", lambda a: _with(a, continuity=None), "业务连续性与数据备份", "数据安全与保密"),
    ("remedies", lambda a: _with(a, remedies=None), "违约责任", "不受上述限额限制"),
]


@pytest.mark.parametrize(("what", "drop", "gone", "kept"), DROPPED, ids=[d[0] for d in DROPPED])
def test_a_sentence_appears_only_when_its_field_is_present(
    what: str, drop: Any, gone: str, kept: str
) -> None:
    full, _ = _texts(sample("SLA-2025-004"))
    zh, _ = _texts(drop(sample("SLA-2025-004")))
    assert gone in full
    assert gone not in zh, what
    assert kept in zh, what


def test_an_entry_states_only_the_terms_it_gives() -> None:
    # A university's 8x5 SLA with one entry for all services: an RTO alone.
    agreement = _with(
        sample("SLA-2025-007"), template=V3, continuity=[Continuity(rto=Duration(minutes=480))]
    )
    contract = render(agreement)
    zh = clause_text(contract, "continuity.recovery")
    en = clause_text(contract, "continuity.recovery", "en")
    assert "恢复点目标（RPO）" not in zh and "The recovery point objective" not in en
    assert "恢复时间目标（RTO）指" in zh and "The recovery time objective (RTO) is" in en
    md_zh, md_en = _texts(agreement)
    assert "- 全部服务：恢复时间目标为 8 小时。" in md_zh
    assert "- All services: an RTO of 8 hours\\." in md_en
    assert "备份" not in zh and "演练" not in zh


def test_a_tier_entry_names_the_tier_and_regions_are_named_in_both_languages() -> None:
    # A cloud provider's published SLA (tiers region and instance), data kept in Singapore
    # and the EU, moved abroad only with consent; credits not the sole remedy.
    from sitegen.load.data_terms import DataTerms
    from sitegen.load.remedies import Remedies, Termination

    published = sample("SLA-2025-005")
    tier = published.slos.tiers[0]
    assert tier.id is not None and tier.scope is not None
    agreement = _with(
        published,
        template=V3,
        continuity=[Continuity(tier=tier.id, rpo=Duration(minutes=5 * 24 * 60))],
        data=DataTerms(stored_in=["SG", "EU"], cross_border="with_consent"),
        remedies=Remedies(
            credits_sole_remedy=False, termination=Termination(failed=2, within=3, notice_days=0)
        ),
    )
    zh, en = _texts(agreement)
    en = en.replace("\\", "").replace("&#39;", "'").replace("&quot;", '"')
    assert f"可用性等级“{tier.scope.zh}”：恢复点目标为 5 日。" in zh
    assert f'The availability tier "{tier.scope.en}": an RPO of 5 days.' in en
    assert (
        "客户方数据存储于新加坡、欧盟。未经客户方事先书面同意，服务方不得将客户方数据传输至新加坡、欧盟以外。"
        in zh
    )
    assert (
        "The Customer's data is stored in Singapore and the European Union. The Provider does "
        "not transfer the Customer's data outside Singapore and the European Union without the "
        "Customer's prior written consent." in en
    )
    assert "服务补偿不影响客户方就服务方未达到服务等级目标依据本协议或法律享有的其他救济。" in zh
    assert "任意连续 3 个统计周期中有 2 个未达标的，客户方有权书面通知服务方立即终止本协议。" in zh
    assert (
        "Where 2 of any 3 consecutive Statistics Periods fail, the Customer may terminate this "
        "agreement with immediate effect by written notice to the Provider." in en
    )


def test_agreement_text_in_the_new_clauses_stays_text() -> None:
    # A hostile breach-notice role: Markdown and HTML stay literal.
    from sitegen.load.base import Bilingual

    base = sample("SLA-2025-004")
    assert base.data is not None and base.data.breach_notice is not None
    notice = base.data.breach_notice.model_copy(
        update={"to": Bilingual(zh="<b>安全</b>*负责人*", en="[x](javascript:1) <i>officer</i>")}
    )
    zh, en = _texts(_data(base, breach_notice=notice))
    assert "<b>" not in zh and "<i>" not in en and "](javascript" not in en
    assert "&lt;b&gt;安全&lt;/b&gt;\\*负责人\\*" in zh


@pytest.mark.parametrize("name", ["SLA-2025-004", "OLA-2025-001"])
def test_the_pdf_data_of_the_two_samples_matches_golden(name: str, update_golden: bool) -> None:
    """What the Typst layout places (`contract_json`, bilingual), section by section: the
    continuity, data-protection and liability clauses as the PDF prints them."""
    data = json.loads(contract_json(render(sample(name)), "bilingual"))
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    golden = GOLDEN / f"{name}.typst.json"
    if update_golden:
        golden.write_text(text, "utf-8")
        return
    assert text == golden.read_text("utf-8"), f"{golden.name} differs"


@pytest.mark.parametrize(
    ("written", "zh", "en"),
    [
        ("1h", "每小时", "every hour"),  # one unit: the unit alone, never "every 1 hour"
        ("15m", "每 15 分钟", "every 15 minutes"),
        ("2h", "每 2 小时", "every 2 hours"),
        ("1d", "每 24 小时", "every 24 hours"),  # up to three days in hours, as `period`
        ("7d", "每 7 日", "every 7 days"),
    ],
)
def test_a_backup_interval_reads_as_one_says_it(written: str, zh: str, en: str) -> None:
    interval = Duration.parse(written)
    assert (every(interval, "zh"), every(interval, "en")) == (zh, en)
