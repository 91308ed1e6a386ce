"""SG7xx: both languages present, each in its language, with the same numbers."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sitegen.lint.bilingual import numbers
from tests.helpers import lint_sample, replace_once, sample_text, where

DUTY_ZH = "zh: 受理并处理故障工单"
DUTY_EN = "en: Receives and handles incident tickets"


def duty(zh: str, en: str) -> str:
    text = replace_once(sample_text(), DUTY_ZH, f"zh: {zh}")
    return replace_once(text, DUTY_EN, f"en: {en}")


def test_numbers_are_read_after_nfkc_with_dates_and_separators() -> None:
    assert numbers("１５ 分钟，99.9%，7×24，2024年3月15日，8万元") == {
        Decimal(n) for n in ("15", "99.9", "7", "24", "2024", "3", "80000")
    }
    assert numbers("15 minutes, 99.90%, 7×24, 15 March 2024, CNY 80,000") == numbers(
        "15 分钟，99.9%，7×24，2024年3月15日，80000 元"
    )
    assert numbers("March 15, 2024") == {Decimal(15), Decimal(3), Decimal(2024)}
    assert numbers("The provider may act; marching orders") == set()


def test_empty_text(tmp_path: Path) -> None:
    text = duty("受理并处理故障工单", '"  "')
    place = where(text, 'en: "  "', '"')
    assert lint_sample(tmp_path, text) == [
        f"{place}: SG701 contacts[2].duty.en: the en text is empty: "
        "translate the zh text ('受理并处理故障工单')"
    ]


def test_zh_in_english(tmp_path: Path) -> None:
    text = duty("Receives and handles incident tickets", "Receives and handles tickets")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'zh: Receives', 'Receives')}: SG702 [warning] contacts[2].duty.zh: the zh "
        "text has no Chinese characters: write it in Chinese (English goes under en)"
    ]


def test_zh_with_product_names_only_is_fine(tmp_path: Path) -> None:
    text = duty("SAP ERP 7×24", "SAP ERP, 7×24")
    assert lint_sample(tmp_path, text) == []


def test_en_with_chinese(tmp_path: Path) -> None:
    text = duty("受理并处理故障工单", "Receives and handles 故障 tickets")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'handles 故障', '故')}: SG703 [warning] contacts[2].duty.en: the en text "
        "has Chinese characters: translate them (a registered name can follow in parentheses "
        "only if the party insists)"
    ]


def test_identical_texts_are_untranslated(tmp_path: Path) -> None:
    text = duty("受理并处理故障工单", "受理并处理故障工单")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'en: 受理并处理故障工单', '受')}: SG704 [warning] contacts[2].duty.en: "
        "the en text is the same as the zh text: translate it"
    ]


def test_identical_names_are_fine(tmp_path: Path) -> None:
    text = duty("SAP ERP", "SAP ERP")
    assert lint_sample(tmp_path, text) == []


def test_numbers_differ(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(),
        "en: Escalates a P1 incident not restored within 30 minutes",
        "en: Escalates a P1 incident not restored within 45 minutes",
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'within 45', 'Escalates')}: SG705 obligations.provider[1].en: the "
        "numbers differ (30 only in zh; 45 only in en): make both languages say the same, "
        "in digits"
    ]


def test_same_numbers_in_other_forms_are_fine(tmp_path: Path) -> None:
    text = duty(
        "2024年3月15日起 １５ 分钟内受理", "From 15 March 2024, takes tickets within 15 minutes"
    )
    assert lint_sample(tmp_path, text) == []


def test_number_missing_in_zh_is_reported_on_zh(tmp_path: Path) -> None:
    text = duty("受理故障工单", "Takes incident tickets within 15 minutes")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'zh: 受理故障工单', '受')}: SG705 contacts[2].duty.zh: the numbers differ "
        "(15 only in en): make both languages say the same, in digits"
    ]


def test_chinese_numeral_with_unit(tmp_path: Path) -> None:
    text = duty("五个工作日内受理故障工单", "Takes incident tickets within five working days")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'zh: 五个', '五')}: SG706 [warning] contacts[2].duty.zh: '五个工作日' is "
        "written in Chinese numerals: use digits (e.g. 30 日, 5 个工作日) so the number can be "
        "checked against the English"
    ]


def test_ordinal_and_words_with_numerals_are_fine(tmp_path: Path) -> None:
    text = duty("第一次受理时统一登记故障工单", "Registers every ticket when first taken")
    assert lint_sample(tmp_path, text) == []
