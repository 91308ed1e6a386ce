"""SG40x: USCCs, distinct parties, and personal data where roles belong."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.lint.identity import check_character
from tests.helpers import lint_sample, replace_once, sample_text, where

CUSTOMER = "91310115MA1K4XQ20X"
LICENCE = "copy the code from the business licence"


def with_customer_code(code: str) -> str:
    return replace_once(sample_text(), f"uscc: {CUSTOMER}", f"uscc: {code}")


@pytest.mark.parametrize("code", ["A1110000MA1K4XQ20J", "Y1310115MA1K4XQ208", "N2110000000000001"])
def test_letter_authorities_of_gb_32100_are_accepted(tmp_path: Path, code: str) -> None:
    # stdnum's validate() would refuse these (it wants 8 leading digits).
    code = code if len(code) == 18 else code + check_character(code + "0")
    assert lint_sample(tmp_path, with_customer_code(code)) == []


def test_character_outside_the_code_set_is_named_with_its_position(tmp_path: Path) -> None:
    text = with_customer_code("91310115MA1K4XQ2OX")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'uscc: 91310115MA1K4XQ2OX', 'OX')}: SG401 parties.customer.uscc: "
        "character 'O' at position 17 is not in the USCC code set, which leaves out I, O, S, "
        f"V and Z (did you mean '0'?): {LICENCE}"
    ]


def test_wrong_check_character_says_which_was_expected(tmp_path: Path) -> None:
    text = with_customer_code("91310115MA1K4XQ20Y")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'uscc: 91310115MA1K4XQ20Y', 'Y')}: SG403 parties.customer.uscc: check "
        "character is 'Y' but the first 17 characters give 'X': one of them is mistyped; "
        f"{LICENCE}"
    ]


def test_unknown_registration_authority(tmp_path: Path) -> None:
    code = "B1310115MA1K4XQ20" + check_character("B1310115MA1K4XQ20")
    text = with_customer_code(code)
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'uscc: ' + code, code)}: SG402 parties.customer.uscc: position 1 "
        "(registration authority) is 'B', which GB 32100 does not define: it is one of 1-9, "
        f"A, N or Y; {LICENCE}"
    ]


def test_organisation_type_must_fit_the_authority(tmp_path: Path) -> None:
    code = "94310115MA1K4XQ20" + check_character("94310115MA1K4XQ20")
    text = with_customer_code(code)
    column = where(text, "uscc: " + code, code[1:])
    assert lint_sample(tmp_path, text) == [
        f"{column}: SG402 parties.customer.uscc: position 2 (organisation type) is '4', but "
        f"authority '9' issues only types 1, 2, 3: {LICENCE}"
    ]


def test_division_code_must_be_digits(tmp_path: Path) -> None:
    code = "913101A5MA1K4XQ20" + check_character("913101A5MA1K4XQ20")
    text = with_customer_code(code)
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'uscc: ' + code, 'A5MA')}: SG402 parties.customer.uscc: positions 3-8 "
        "are the administrative division code and must be digits, but position 7 is 'A': "
        f"{LICENCE}"
    ]


def test_customer_and_provider_must_differ(tmp_path: Path) -> None:
    provider = where(sample_text(), "uscc: 91330106MA2H3N7E0P", "9133")
    text = replace_once(sample_text(), "uscc: 91330106MA2H3N7E0P", f"uscc: {CUSTOMER}")
    assert lint_sample(tmp_path, text) == [
        f"{provider}: SG404 parties.provider.uscc: the provider has the customer's USCC "
        f"{CUSTOMER} and neither names a unit: an agreement needs two parties; for one "
        "between parts of one organisation give each its `unit`"
    ]


def test_units_of_one_organisation_may_agree(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "uscc: 91330106MA2H3N7E0P", f"uscc: {CUSTOMER}")
    text = replace_once(
        text,
        f"uscc: {CUSTOMER}\n  provider:",
        f"uscc: {CUSTOMER}\n    unit: {{zh: 销售部, en: Sales}}\n  provider:",
    )
    assert lint_sample(tmp_path, text) == []


# --- personal data -------------------------------------------------------------------------

ROLE_FIX = "write the role instead (e.g. 客户服务经理 / Customer Service Manager)"


@pytest.mark.parametrize(
    "number",
    [
        "13812345678",
        "+86 138 1234 5678",
        "0086-138-1234-5678",
        "021-62345678",
        "(0571) 8765432",
        "400-820-8820",
        "800 123 4567",
    ],
)
def test_phone_numbers_are_errors(tmp_path: Path, number: str) -> None:
    text = replace_once(
        sample_text(), "zh: 受理并处理故障工单", f"zh: 受理并处理故障工单，电话 {number}"
    )
    text = replace_once(
        text,
        "en: Receives and handles incident tickets",
        f"en: Receives and handles incident tickets, phone {number}",
    )
    message = (
        f"phone number {number!r}: an agreement names roles, not ways to reach a person; "
        "keep numbers in the contact list outside the agreement"
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, '电话', number)}: SG405 contacts[2].duty.zh: {message}",
        f"{where(text, 'phone', number)}: SG405 contacts[2].duty.en: {message}",
    ]


def test_numbers_that_are_not_phones(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(),
        "zh: 客户反馈记录\n",
        "zh: 客户反馈记录（2024-03-15 起，编号 20240315001）\n",
    )
    text = replace_once(
        text,
        "en: Customer feedback records\n",
        "en: Customer feedback records (from 2024-03-15, number 20240315001)\n",
    )
    assert lint_sample(tmp_path, text) == []


def test_email_address_is_an_error(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(),
        "en: Customer Service Manager",
        "en: Customer Service Manager (service@yunheng.example.cn)",
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, '(service@', 'service@')}: SG406 contacts[1].role.en: e-mail address "
        "'service@yunheng.example.cn': an agreement names roles, not mailboxes; keep "
        "addresses in the contact list outside the agreement"
    ]


def test_resident_id_number_is_an_error(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "zh: 双方法务专员", "zh: 双方法务专员 11010519491231002X")
    text = replace_once(
        text,
        "en: Legal officers of both parties",
        "en: Legal officers of both parties 11010519491231002X",
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'zh: 双方法务专员', '1101')}: SG407 review.participants[2].zh: resident "
        "ID number 110105…: personal ID numbers must not be in an agreement; remove it and "
        "name the role",
        f"{where(text, 'en: Legal officers', '1101')}: SG407 review.participants[2].en: "
        "resident ID number 110105…: personal ID numbers must not be in an agreement; remove "
        "it and name the role",
    ]


def test_eighteen_digits_that_are_no_id_are_not_reported(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "zh: 双方法务专员", "zh: 双方法务专员 110105194912310029")
    text = replace_once(
        text,
        "en: Legal officers of both parties",
        "en: Legal officers of both parties 110105194912310029",
    )
    assert lint_sample(tmp_path, text) == []


def test_surname_and_title_is_a_name(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "zh: 客户服务经理", "zh: 王经理")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'zh: 王经理', '王经理')}: SG408 [warning] contacts[1].role.zh: "
        f"'王经理' looks like a person (surname and title): {ROLE_FIX}"
    ]


def test_role_without_a_role_word_is_a_name(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "zh: 客户服务经理", "zh: 张伟")
    text = replace_once(text, "en: Customer Service Manager", "en: Ms. Zhang Wei")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'zh: 张伟', '张伟')}: SG408 [warning] contacts[1].role.zh: '张伟' names "
        f"no role (经理, 工程师, 负责人, 中心, …): {ROLE_FIX}",
        f"{where(text, 'en: Ms. Zhang Wei', 'Ms.')}: SG408 [warning] contacts[1].role.en: "
        f"'Ms.' addresses a person: {ROLE_FIX}",
    ]


def test_english_role_without_a_role_word(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(), "en: Authorised representative (General Manager)", "en: Zhou Min"
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'en: Zhou Min', 'Zhou')}: SG408 [warning] signatories[1].role.en: "
        f"'Zhou Min' names no role (manager, engineer, representative, …): {ROLE_FIX}"
    ]


def test_role_words_inside_a_longer_role_are_fine(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "zh: 客户服务经理", "zh: 兼任服务主管的客户方技术负责人")
    assert lint_sample(tmp_path, text) == []
