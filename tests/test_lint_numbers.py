"""SG705 reads number words and passes over declared names; SG706 passes lexicalised words.

The sentences are those of real SLAs: a university's IT service SLA (P1–P5, business days,
"twice a year"), a cloud provider's published SLA (single instances, monthly reports), and
Azure operated in mainland China by 21Vianet (世纪互联), whose name holds digits in English
only.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from sitegen.lint.numerals import word_numbers
from sitegen.load.config import Settings
from tests.helpers import lint_sample, replace_once, sample_text, where

DUTY_ZH = "zh: 受理并处理故障工单"
DUTY_EN = "en: Receives and handles incident tickets"
FIELD = "contacts[2].duty"


def duty(zh: str, en: str, text: str | None = None) -> str:
    text = replace_once(text or sample_text(), DUTY_ZH, f"zh: {zh}")
    return replace_once(text, DUTY_EN, f"en: {en}")


def codes(root: Path, text: str, settings: Settings | None = None) -> list[str]:
    return [line.split(": ", 2)[1] for line in lint_sample(root, text, settings=settings)]


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("重大故障在 5 个工作日内解决", "Major incidents are resolved within five working days"),
        ("每月第 1 个工作日提交服务报告", "Delivers the service report on the first business day"),
        ("每年进行 2 次灾难恢复演练", "Runs a disaster recovery exercise twice a year"),
        ("每月召开 1 次服务评审会议", "Holds a service review meeting once a month"),
        ("单个实例的月度可用性不低于 99.5%", "A single instance is available 99.5% of a month"),
        ("P1 故障 2 小时内解决", "Resolves P1 incidents within two hours"),
        ("两小时内响应 P2 故障", "Responds to P2 incidents within 2 hours"),
        ("每季度第一个月提交 1 份报告", "Submits one report in the first month of each quarter"),
        ("超过 1 次未达标即可终止", "May terminate after more than once missing the target"),
    ],
)
def test_numbers_written_as_words_match_digits(tmp_path: Path, zh: str, en: str) -> None:
    assert [c for c in codes(tmp_path, duty(zh, en)) if "SG705" in c] == []


def test_a_word_does_not_hide_a_different_number(tmp_path: Path) -> None:
    text = duty(
        "重大故障在 5 个工作日内解决", "Major incidents are resolved within three working days"
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'resolved within three', 'Major')}: SG705 {FIELD}.en: the numbers "
        "differ (5 only in zh): make both languages say the same, in digits"
    ]


def test_once_as_a_conjunction_is_no_number(tmp_path: Path) -> None:
    text = duty("工单关闭后 1 日内提交报告", "Once the ticket is closed, submits the report")
    assert codes(tmp_path, text) == [f"SG705 {FIELD}.en"]


def test_word_numbers() -> None:
    assert word_numbers("within five business days, twice a year, the twelfth month") == {
        Decimal(5),
        Decimal(2),
        Decimal(12),
    }
    assert word_numbers("once per quarter") == {Decimal(1)}
    assert word_numbers("once the incident is resolved; someone; a one-off fee") == set()
    assert word_numbers("两个工作日内，每月一次，第十二个月，十一小时") == {
        Decimal(2),
        Decimal(1),
        Decimal(12),
        Decimal(11),
    }
    assert word_numbers("一次性支付，一般故障，统一登记，一年中，一旦发生，三十日") == set()


def test_digits_in_a_party_name_are_not_counted(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(),
        "en: Hangzhou Yunheng Information Technology Co., Ltd.",
        "en: Shanghai Blue Cloud Technology Co., Ltd. (21Vianet)",
    )
    text = duty("世纪互联在中国大陆运营 Azure", "21Vianet operates Azure in mainland China", text)
    assert lint_sample(tmp_path, text) == []


def test_digits_in_a_scope_item_name_are_not_counted(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(),
        "en: Receiving and resolving incident reports",
        "en: Receiving and resolving incident reports for Azure operated by 21Vianet",
    )
    text = replace_once(
        text, "zh: 故障报修受理与处理", "zh: 世纪互联运营的 Azure 故障报修受理与处理"
    )
    text = duty("向世纪互联报告 Azure 故障", "Reports Azure incidents to 21Vianet", text)
    assert lint_sample(tmp_path, text) == []


def test_names_in_the_settings(tmp_path: Path) -> None:
    text = duty("管理微软邮箱服务的账号", "Manages the accounts of the Office 365 mail service")
    assert codes(tmp_path, text) == [f"SG705 {FIELD}.zh"]
    settings = Settings(names=["Office 365"])
    assert lint_sample(tmp_path / "named", text, settings=settings) == []


def test_a_name_hides_only_its_own_digits(tmp_path: Path) -> None:
    text = duty(
        "世纪互联 4 小时内响应",
        "21Vianet responds within 2 hours",
        replace_once(
            sample_text(),
            "en: Hangzhou Yunheng Information Technology Co., Ltd.",
            "en: 21Vianet Blue Cloud Technology Co., Ltd.",
        ),
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'en: 21Vianet responds', '21Vianet')}: SG705 {FIELD}.en: the numbers "
        "differ (4 only in zh; 2 only in en): make both languages say the same, in digits"
    ]


@pytest.mark.parametrize(
    "zh",
    [
        "服务费一次性支付",
        "一般故障在下一工作日处理",
        "统一年度服务报告",
        "一年中可用性不低于 99.9%",
        "一旦发生故障立即响应",
        "第十一次评审",
        "一周年时评审",
    ],
)
def test_lexicalised_words_are_no_numerals(tmp_path: Path, zh: str) -> None:
    assert [c for c in codes(tmp_path, duty(zh, "Handles incidents")) if "SG706" in c] == []


def test_numerals_with_units_still_ask_for_digits(tmp_path: Path) -> None:
    text = duty(
        "服务费一次性支付，三十日内开具发票", "Pays the fee at once and invoices in 30 days"
    )
    assert codes(tmp_path, text) == [f"SG705 {FIELD}.zh", f"SG706 [warning] {FIELD}.zh"]


def test_the_samples_give_no_new_finding_even_strictly(project: Path) -> None:
    """The seven samples: nothing but notes, with unused suppressions reported too."""
    from sitegen.findings import Severity
    from sitegen.lint.validate import validate

    report, loaded = validate([project / "agreements"], Settings(), project, unused=True)
    assert len(loaded) == 7
    assert [f for f in report.findings if f.severity is not Severity.INFO] == []


def test_quantities_and_labels_in_a_scope_item_are_no_names(tmp_path: Path) -> None:
    """ "24h" or "P1" in a scope item still count as numbers in the other texts."""
    text = replace_once(
        sample_text(),
        "en: Receiving and resolving incident reports",
        "en: Receiving and resolving P1 incident reports, 24h",
    )
    text = replace_once(text, "zh: 故障报修受理与处理", "zh: P1 故障报修受理与处理，24 小时")
    text = duty("8 小时内解决一级故障", "Resolves P1 incidents within 24h", text)
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'en: Resolves P1', 'Resolves')}: SG705 {FIELD}.en: the numbers differ (8 "
        "only in zh; "
        "1, 24 only in en): make both languages say the same, in digits"
    ]
