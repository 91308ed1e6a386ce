"""Every sentence that states a term appears only when the agreement's data holds that term.

`TERMS` is the table: for each term a template sentence can state, how to give it, take it
away and change it, the clause that states it, and a phrase of that sentence in each
language. Each term is tried on every sample and on agreements shaped like real ones (a
cloud provider's SLA written in English only, a university's P1–P5 IT SLA, an outsourcing
contract under a master agreement): given → its clause says the phrase; taken away → the
phrase is nowhere in the contract; changed → the clause's text changes with it.

A later term is one more row of `TERMS`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sitegen.compose import compose, select_template
from sitegen.compose.contract import Contract, ItemList, Paragraph, Text
from sitegen.compose.general import general_facts
from sitegen.compose.templates import TemplateIndex
from sitegen.diff.fields import diff_terms
from sitegen.load import load_agreement
from sitegen.load.model import Agreement
from tests.helpers import REPO, SAMPLES, lint_sample, sample_text, where

TEMPLATES = TemplateIndex(REPO / "templates")
Data = dict[str, Any]
Edit = Callable[[Data], None]


def _bi(zh: str, en: str) -> Data:
    return {"zh": zh, "en": en}


def _base(agreement_id: str) -> Data:
    """A draft agreement with only what the schema requires, and no optional term."""
    return {
        "id": agreement_id,
        "version": 1,
        "status": "draft",
        "template": "it-service-sla",
        "title": _bi("服务水平协议", "Service Level Agreement"),
        "parties": {
            "customer": {
                "name": _bi("苏州明远材料有限公司", "Suzhou Mingyuan Materials Co., Ltd."),
                "uscc": "91320505MA1MXXXX0X",
            },
            "provider": {
                "name": _bi("上海云启网络科技有限公司", "Shanghai Yunqi Network Co., Ltd."),
                "uscc": "91310115MA1KXXXX1Y",
            },
        },
        "dates": {"effective": "2026-01-01"},
        "term": {"months": 12},
        "contacts": [{"party": "provider", "role": _bi("客户经理", "Account Manager")}],
        "scope": {"included": [{"id": "hosting", **_bi("云主机服务", "Cloud hosting")}]},
        "service_hours": "7x24",
        "slos": {
            "availability": {"target": "99.95"},
            "priorities": [
                {
                    "level": "P1",
                    "name": _bi("严重", "Critical"),
                    "definition": _bi("服务不可用", "The service is unavailable"),
                    "response": "15m",
                    "resolution": "4h",
                },
            ],
        },
        "measurement": {"period": "month", "sources": [_bi("监控系统", "The monitoring system")]},
        "obligations": {
            "customer": [_bi("按时付费", "Pays the fees on time")],
            "provider": [_bi("按约定提供服务", "Provides the services as agreed")],
        },
        "signatories": [{"party": "provider", "role": _bi("法定代表人", "Legal Representative")}],
    }


def _cloud() -> Data:
    """A cloud provider's SLA: English original, no reports, no reviews, arbitration."""
    data = _base("SLA-2026-101")
    data["languages"] = {"authentic": ["en"]}
    data["governing_law"] = _bi("新加坡法律", "the laws of Singapore")
    data["disputes"] = {
        "arbitration": {
            "institution": _bi(
                "新加坡国际仲裁中心", "the Singapore International Arbitration Centre"
            ),
            "seat": _bi("新加坡", "Singapore"),
            "rules": _bi("该中心届时有效的仲裁规则", "its arbitration rules then in force"),
        }
    }
    return data


def _university() -> Data:
    """A university's IT SLA: P1–P5 in business hours, monthly reports, quarterly reviews."""
    data = _base("SLA-2026-102")
    data["service_hours"] = {
        "timezone": "Asia/Shanghai",
        "windows": [{"days": "mon-fri", "start": "08:30", "end": "17:30"}],
    }
    levels = [
        ("P1", "15m", "4h"),
        ("P2", "30m", "8h"),
        ("P3", "1h", "2d"),
        ("P4", "4h", "5d"),
        ("P5", "1d", "10d"),
    ]
    data["slos"]["priorities"] = [
        {
            "level": level,
            "name": _bi(f"{level} 级", f"Level {level}"),
            "definition": _bi(f"{level} 级故障", f"A level {level} incident"),
            "response": response,
            "resolution": resolution,
        }
        for level, response, resolution in levels
    ]
    data["measurement"].update({"report": "monthly", "report_due_days": 3})
    data["review"] = {"cadence": "quarterly"}
    data["languages"] = {"authentic": ["zh", "en"], "prevails": "zh"}
    data["governing_law"] = _bi("中华人民共和国法律", "the laws of the People's Republic of China")
    data["disputes"] = {
        "court": {
            "name": _bi("苏州工业园区人民法院", "the Suzhou Industrial Park People's Court"),
            "seat": _bi("苏州", "Suzhou"),
        }
    }
    return data


def _outsourcing() -> Data:
    """An outsourcing contract under a master agreement, with fees and a liability cap."""
    data = _base("SLA-2026-103")
    data["languages"] = {"authentic": ["zh", "en"]}
    data["fees"] = {"amount": "60000.00", "per": "month"}
    data["master_agreement"] = {
        "title": _bi("信息技术外包服务框架协议", "IT Outsourcing Framework Agreement"),
        "date": "2025-11-20",
        "prevails": "master",
    }
    data["liability_cap"] = {"party": "provider", "months_of_fees": 12}
    data["disputes"] = {
        "arbitration": {
            "institution": _bi("上海国际仲裁中心", "the Shanghai International Arbitration Center"),
            "seat": _bi("上海", "Shanghai"),
            "rules": _bi("该中心届时有效的仲裁规则", "its arbitration rules then in force"),
        }
    }
    return data


def _sample(name: str) -> Data:
    """A sample's data as the loader reads it (numbers as written, not floats)."""
    document = load_agreement(SAMPLES / name / "agreement.yaml").document
    assert document is not None
    return copy.deepcopy(document.data)


AGREEMENTS: dict[str, Callable[[], Data]] = {
    **{path.name: (lambda name=path.name: _sample(name)) for path in sorted(SAMPLES.iterdir())
       if (path / "agreement.yaml").is_file()},
    "cloud": _cloud,
    "university": _university,
    "outsourcing": _outsourcing,
}  # fmt: skip


@dataclass(frozen=True)
class Term:
    """One term a template sentence states."""

    name: str
    clause: str  # the clause that states it
    give: Edit  # makes the data hold the term
    remove: Edit  # takes the term out of the data
    change: Edit  # changes the term the data holds
    phrase: tuple[str, str]  # (zh, en): in the clause only while the data holds the term
    # the kinds of agreement whose contracts state it; in the others' it is stated nowhere
    kinds: tuple[str, ...] = ("negotiated", "published")


def _holders(data: Any, parents: list[str], make: bool) -> list[Data]:
    """The mappings at `parents`; a list on the way (availability in tiers) gives each item."""
    if isinstance(data, list):
        return [found for item in data for found in _holders(item, parents, make)]
    if not parents:
        return [data]
    head, rest = parents[0], parents[1:]
    child = data.setdefault(head, {}) if make else data.get(head, {})
    return _holders(child, rest, make)


def _set(path: str, value: Any) -> Edit:
    def edit(data: Data) -> None:
        *parents, last = path.split(".")
        for holder in _holders(data, parents, make=True):
            holder[last] = copy.deepcopy(value)

    return edit


def _drop(path: str) -> Edit:
    def edit(data: Data) -> None:
        *parents, last = path.split(".")
        for holder in _holders(data, parents, make=False):
            holder.pop(last, None)

    return edit


# A clause of one availability tier, and its form for several (each tier named).
_SEVERAL_TIERS = {"service-levels.excluded-causes": "service-levels.tier-excluded-causes"}


def _clause_of(term_clause: str, data: Data) -> str:
    several = isinstance(data.get("slos", {}).get("availability"), list)
    return _SEVERAL_TIERS.get(term_clause, term_clause) if several else term_clause


def _both(*edits: Edit) -> Edit:
    def edit(data: Data) -> None:
        for one in edits:
            one(data)

    return edit


_ARBITRATION = {
    "institution": _bi("中国国际经济贸易仲裁委员会",
                       "the China International Economic and Trade Arbitration Commission"),
    "seat": _bi("北京", "Beijing"),
    "rules": _bi("该会届时有效的仲裁规则", "its arbitration rules then in force"),
}  # fmt: skip
_COURT = {
    "name": _bi("北京市海淀区人民法院", "the Haidian District People's Court"),
    "seat": _bi("北京", "Beijing"),
}
_MASTER = {
    "title": _bi("云服务主协议", "Cloud Services Master Agreement"),
    "date": "2025-06-30",
    "prevails": "this",
}

TERMS = [
    Term(
        "causes excluded from downtime",
        "service-levels.excluded-causes",
        _set("slos.availability.excluded", ["customer", "force_majeure"]),
        _drop("slos.availability.excluded"),
        _set("slos.availability.excluded", ["customer"]),
        ("客户方原因、不可抗力", "causes attributable to the Customer and force majeure"),
    ),
    Term(
        "the notice of excluded maintenance",
        "service-levels.excluded-causes",
        _both(
            _set("slos.availability.excluded", ["maintenance"]),
            _set("slos.availability.maintenance", {"notice": "5wd"}),
        ),
        _set("slos.availability.excluded", ["maintenance"]),
        _both(
            _set("slos.availability.excluded", ["maintenance"]),
            _set("slos.availability.maintenance", {"notice": "48h"}),
        ),
        ("须至少提前 5 个工作日通知", "notified at least 5 working days ahead"),
    ),
    Term(
        "the monthly cap of excluded maintenance",
        "service-levels.excluded-causes",
        _both(
            _set("slos.availability.excluded", ["maintenance"]),
            _set("slos.availability.maintenance", {"cap": "4h"}),
        ),
        _set("slos.availability.excluded", ["maintenance"]),
        _both(
            _set("slos.availability.excluded", ["maintenance"]),
            _set("slos.availability.maintenance", {"cap": "8h"}),
        ),
        ("每个自然月累计不超过 4 小时", "at most 4 hours in each calendar month"),
    ),
    Term(
        "the prevailing text",
        "language.prevailing",
        _set("languages", {"authentic": ["zh", "en"], "prevails": "zh"}),
        _set("languages", {"authentic": ["zh", "en"]}),
        _set("languages", {"authentic": ["zh", "en"], "prevails": "en"}),
        ("如有不一致，以中文文本为准", "the Chinese text prevails"),
    ),
    Term(
        "both texts equally authentic",
        "language.prevailing",
        _set("languages", {"authentic": ["zh", "en"]}),
        _drop("languages"),
        _set("languages", {"authentic": ["en"]}),
        ("两种文本具有同等效力", "Both texts are equally authentic"),
    ),
    Term(
        "the original in one language, the other a translation",
        "language.prevailing",
        _set("languages", {"authentic": ["en"]}),
        _set("languages", {"authentic": ["zh", "en"]}),
        _set("languages", {"authentic": ["zh"]}),
        ("中文文本为译文，仅供参考", "The Chinese text is a translation for reference only"),
    ),
    Term(
        "the service report and its deadline",
        "measurement.report",
        _both(_set("measurement.report", "monthly"), _set("measurement.report_due_days", 5)),
        _both(_drop("measurement.report"), _drop("measurement.report_due_days")),
        _both(_set("measurement.report", "monthly"), _set("measurement.report_due_days", 7)),
        ("于每个报告期结束后 5 个工作日内提交", "within 5 working days after the end"),
    ),
    Term(
        "service reviews",
        "review.meetings",
        _set("review", {"cadence": "quarterly"}),
        _drop("review"),
        _set("review", {"cadence": "half_yearly"}),
        ("服务评审会议", "service review meeting"),
        kinds=("negotiated",),  # a provider's published text holds no review meetings
    ),
    Term(
        "the review minutes' deadline",
        "review.meetings",
        _set("review", {"cadence": "quarterly", "minutes_within": "5wd"}),
        _set("review", {"cadence": "quarterly"}),
        _set("review", {"cadence": "quarterly", "minutes_within": "3wd"}),
        ("会议记录由服务方在会后 5 个工作日内整理", "prepares the minutes within 5 Working Days"),
        kinds=("negotiated",),  # the review section is a negotiated agreement's
    ),
    Term(
        "revision on growth of business volume",
        "review.revision",
        _set("revision", {"volume_change": 50}),
        _drop("revision"),
        _set("revision", {"volume_change": 30}),
        ("业务量较本协议生效时增长 50% 以上", "has grown by 50% or more"),
        kinds=("negotiated",),  # the review section is a negotiated agreement's
    ),
    Term(
        "revision on failed periods",
        "review.revision",
        _set("revision", {"missed_periods": 2}),
        _set("revision", {"new_services": True}),
        _set("revision", {"missed_periods": 3}),
        ("连续 2 个统计周期未达标", "not been met in 2 consecutive Statistics Periods"),
        kinds=("negotiated",),  # the review section is a negotiated agreement's
    ),
    Term(
        "revision for new services",
        "review.revision",
        _set("revision", {"new_services": True}),
        _set("revision", {"new_services": False, "missed_periods": 2}),
        _set("revision", {"new_services": True, "missed_periods": 2}),
        ("客户方需要增加服务模块或服务内容", "needs additional service modules or services"),
        kinds=("negotiated",),  # the review section is a negotiated agreement's
    ),
    Term(
        "the revision meeting's deadline",
        "review.revision",
        _set("revision", {"new_services": True, "meeting_within": "15wd"}),
        _set("revision", {"new_services": True}),
        _set("revision", {"new_services": True, "meeting_within": "10wd"}),
        ("提议送达之日起 15 个工作日内召开评审会议", "within 15 Working Days after the proposal"),
        kinds=("negotiated",),  # the review section is a negotiated agreement's
    ),
    Term(
        "how long records are kept",
        "review.records",
        _set("retention_years", 3),
        _drop("retention_years"),
        _set("retention_years", 5),
        ("保存期限至本协议终止后满 3 年", "until 3 years after this agreement ends"),
        kinds=("negotiated",),  # the review section is a negotiated agreement's
    ),
    Term(
        "precedence over a master agreement",
        "general.master-agreement",
        _set("master_agreement", _MASTER),
        _drop("master_agreement"),
        _set("master_agreement", {**_MASTER, "prevails": "master"}),
        ("《云服务主协议》", "Cloud Services Master Agreement dated 30 June 2025"),
    ),
    Term(
        "a liability cap",
        "general.liability-cap",
        _set("liability_cap", {"party": "each", "amount": "500000.00", "currency": "CNY"}),
        _drop("liability_cap"),
        _set("liability_cap", {"party": "provider", "amount": "500000.00", "currency": "CNY"}),
        ("任何一方在本协议项下的赔偿责任总额不超过", "Each party's total liability"),
    ),
    Term(
        "governing law",
        "general.governing-law",
        _set(
            "governing_law", _bi("中华人民共和国法律", "the laws of the People's Republic of China")
        ),
        _drop("governing_law"),
        _set("governing_law", _bi("香港特别行政区法律", "the laws of the Hong Kong SAR")),
        ("本协议适用中华人民共和国法律", "governed by the laws of the People's Republic of China"),
    ),
    Term(
        "arbitration",
        "general.disputes",
        _set("disputes", {"arbitration": _ARBITRATION}),
        _drop("disputes"),
        _set("disputes", {"court": _COURT}),
        ("提交中国国际经济贸易仲裁委员会", "for arbitration in Beijing"),
    ),
    Term(
        "a court",
        "general.disputes",
        _set("disputes", {"court": _COURT}),
        _drop("disputes"),
        _set("disputes", {"court": {**_COURT, "seat": _bi("北京市海淀区", "Haidian, Beijing")}}),
        ("由位于北京的北京市海淀区人民法院管辖", "the Haidian District People's Court in Beijing"),
    ),
]


def _contract(data: Data) -> Contract:
    agreement = Agreement.model_validate(data)
    return compose(agreement, select_template(agreement, TEMPLATES))


def _clause_text(contract: Contract, clause_id: str) -> tuple[str, str] | None:
    for clause in contract.clauses():
        if clause.id == clause_id:
            texts = [
                text
                for block in clause.blocks
                for text in (
                    [block.text] if isinstance(block, Paragraph)
                    else block.items if isinstance(block, ItemList)
                    else []
                )
            ]  # fmt: skip
            return " ".join(t.zh for t in texts), " ".join(t.en for t in texts)
    return None


def _everything(contract: Contract) -> tuple[str, str]:
    """Every paragraph of the contract, per language."""
    found = [_clause_text(contract, c.id) for c in contract.clauses()]
    texts = [t for t in found if t is not None]
    return " ".join(t[0] for t in texts), " ".join(t[1] for t in texts)


def _edited(name: str, edit: Edit) -> Data:
    data = AGREEMENTS[name]()
    edit(data)
    return data


@pytest.mark.parametrize("agreement", list(AGREEMENTS))
@pytest.mark.parametrize("term", TERMS, ids=[t.name for t in TERMS])
def test_a_sentence_appears_only_when_the_data_holds_its_term(term: Term, agreement: str) -> None:
    data = _edited(agreement, term.give)
    if data.get("kind", "negotiated") not in term.kinds:
        everything = _everything(_contract(data))
        for lang, phrase, text in zip(("zh", "en"), term.phrase, everything, strict=True):
            assert phrase not in text, f"{lang}: {phrase!r} stated in a {data['kind']} agreement"
        return
    clause = _clause_of(term.clause, data)
    given = _clause_text(_contract(data), clause)
    assert given is not None, f"{clause} is missing although the data holds {term.name}"
    for lang, phrase, text in zip(("zh", "en"), term.phrase, given, strict=True):
        assert phrase in text, f"{lang}: {phrase!r} not in {text!r}"

    removed = _contract(_edited(agreement, term.remove))
    for lang, phrase, text in zip(("zh", "en"), term.phrase, _everything(removed), strict=True):
        assert phrase not in text, f"{lang}: {phrase!r} stated without {term.name} in the data"

    changed = _clause_text(_contract(_edited(agreement, term.change)), clause)
    assert changed != given, f"{clause} did not change with {term.name}"


@pytest.mark.parametrize("agreement", ["cloud", "university", "outsourcing"])
def test_real_shaped_agreements_state_only_their_own_terms(agreement: str) -> None:
    data = AGREEMENTS[agreement]()
    contract = _contract(data)
    ids = {clause.id for clause in contract.clauses()}
    expected = {
        "general.master-agreement": "master_agreement" in data,
        "general.liability-cap": "liability_cap" in data,
        "general.governing-law": "governing_law" in data,
        "general.disputes": "disputes" in data,
        "measurement.report": "report" in data["measurement"],
        "review.meetings": "review" in data,
        "language.prevailing": "languages" in data,
    }
    assert {clause: clause in ids for clause in expected} == expected


def test_the_general_section_is_left_out_when_the_agreement_holds_none_of_its_terms() -> None:
    contract = _contract(_base("SLA-2026-104"))
    assert "general" not in [section.id for section in contract.sections]
    assert "general" in [section.id for section in _contract(_outsourcing()).sections]


def test_a_cap_in_months_of_fees_names_the_amount() -> None:
    text = _clause_text(_contract(_outsourcing()), "general.liability-cap")
    assert text == (
        "服务方在本协议项下的赔偿责任总额不超过 12 个月的服务费，即人民币 720,000.00 元"
        "（大写：人民币柒拾贰万元整）。",
        "The Provider's total liability under this agreement does not exceed the service fees "
        "for 12 months, that is, RMB 720,000.00.",
    )


def test_arbitration_names_institution_seat_and_rules() -> None:
    text = _clause_text(_contract(_cloud()), "general.disputes")
    assert text == (
        "因本协议引起的或与本协议有关的争议，提交新加坡国际仲裁中心，按照该中心届时有效的仲裁规则"
        "在新加坡仲裁。",
        "A dispute arising out of or in connection with this agreement is referred to the "
        "Singapore International Arbitration Centre for arbitration in Singapore under its "
        "arbitration rules then in force.",
    )


def test_an_english_original_says_the_chinese_text_is_a_translation() -> None:
    text = _clause_text(_contract(_cloud()), "language.prevailing")
    assert text == (
        "本协议以英文书就，仅英文文本具有效力；中文文本为译文，仅供参考。",
        "This agreement is made in English; only the English text is authentic. The Chinese "
        "text is a translation for reference only.",
    )


def test_without_reports_or_reviews_a_shortfall_is_stated_in_writing() -> None:
    text = _clause_text(_contract(_cloud()), "measurement.shortfall")
    assert text == (
        "任一统计周期未达标的，服务方应以书面形式写明原因和改进措施。",
        "For every Statistics Period that fails, the Provider states the causes and the "
        "corrective actions in writing.",
    )


def test_samples_hold_the_terms_they_had(tmp_path: Path) -> None:
    """The samples, migrated, state the language and report terms they stated before."""
    contract = _contract(_sample("SLA-2025-004"))
    text = _clause_text(contract, "language.prevailing")
    assert text is not None and "the English text prevails" in text[1]
    report = _clause_text(contract, "measurement.report")
    assert report is not None and "2 个工作日" in report[0]


def test_the_page_card_shows_the_general_terms_the_agreement_holds() -> None:
    outsourcing = Agreement.model_validate(_outsourcing())
    assert general_facts(outsourcing, "en") == [
        ("languages", "Chinese and English, equally authentic"),
        ("master_agreement",
         "IT Outsourcing Framework Agreement (20 November 2025); the master agreement prevails"),
        ("liability_cap", "Provider: the service fees for 12 months, that is, RMB 720,000.00"),
        ("disputes", "Arbitration: the Shanghai International Arbitration Center, Shanghai"),
    ]  # fmt: skip
    cloud = Agreement.model_validate(_cloud())
    assert general_facts(cloud, "zh") == [
        ("languages", "仅英文文本作准，中文文本为译文"),
        ("governing_law", "新加坡法律"),
        ("disputes", "仲裁: 新加坡国际仲裁中心, 新加坡"),
    ]
    assert general_facts(Agreement.model_validate(_base("SLA-2026-104")), "en") == []


def _without(text: str, key: str) -> str:
    """The agreement text without one top-level key and its block."""
    lines, kept, skipping = text.splitlines(keepends=True), [], False
    for line in lines:
        if line.startswith(f"{key}:"):
            skipping = True
            continue
        if skipping and line[:1] not in (" ", "#", "\n"):
            skipping = False
        if not skipping:
            kept.append(line)
    return "".join(kept)


def test_a_cap_in_months_of_fees_needs_fees(tmp_path: Path) -> None:
    text = _without(_without(sample_text(), "fees"), "credits")
    text += "omit_sections: [credits]\nliability_cap: {party: each, months_of_fees: 6}\n"
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'months_of_fees: 6', '6')}: SG814 liability_cap.months_of_fees: the cap "
        "is the fees for a number of months, but the agreement has no fees: add fees, or give "
        "the cap as an amount with its currency"
    ]


def test_a_diff_shows_a_changed_general_term() -> None:
    old = Agreement.model_validate(_outsourcing())
    data = _outsourcing()
    data["disputes"] = {"court": _COURT}
    data.pop("master_agreement")
    new = Agreement.model_validate(data)
    changes = [(c.path, c.kind, c.before, c.after) for c in diff_terms(old, new)]
    assert changes == [
        ("master_agreement", "removed",
         Text("信息技术外包服务框架协议 (2025年11月20日); 不一致时以主协议为准",
              "IT Outsourcing Framework Agreement (20 November 2025); the master agreement "
              "prevails"),
         None),
        ("disputes", "changed",
         Text("仲裁: 上海国际仲裁中心, 上海",
              "Arbitration: the Shanghai International Arbitration Center, Shanghai"),
         Text("诉讼: 北京市海淀区人民法院, 北京",
              "Court: the Haidian District People's Court, Beijing")),
    ]  # fmt: skip
