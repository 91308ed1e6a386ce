"""Parties outside mainland China: `id: {scheme, value}` checked by python-stdnum (SG409–SG411),
`id: {scheme: none, reason}`, exactly one of `uscc` and `id`, and the identifier with its
scheme's name in the contract, on the agreement page and in a diff."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from sitegen.compose.contract import Contract, Table
from sitegen.compose.schemes import SCHEME_NAMES
from sitegen.diff.fields import diff_terms
from tests.helpers import line_of, lint_sample, replace_once, sample_text, where
from tests.test_compose import render
from tests.test_diff_fields import agreement, row

PROVIDER = (
    "    name:\n"
    "      zh: 杭州云衡信息技术有限公司\n"
    "      en: Hangzhou Yunheng Information Technology Co., Ltd.\n"
    "    uscc: 91330106MA2H3N7E0P\n"
)
REGISTER = "copy the number from the register or the invoice that shows it"


def with_provider(zh: str, en: str, identifier: str) -> str:
    """The guide's agreement with another provider: its names and identifier lines."""
    block = f"    name:\n      zh: {zh}\n      en: {en}\n{identifier}"
    return replace_once(sample_text(), PROVIDER, block)


# Real shapes: a US cloud provider, a UK managed-service company, a German GmbH, a
# Luxembourg bank known by its LEI, and a Hong Kong company without a number stdnum checks.
US_EIN = with_provider(
    "北风云服务公司",
    "Northwind Cloud Services, Inc.",
    "    id: {scheme: us.ein, value: 04-2103594}\n",
)
UK_VAT = with_provider(
    "泰晤士河谷托管服务有限公司",
    "Thames Valley Managed Services Ltd",
    "    id: {scheme: gb.vat, value: GB 980 7806 84}\n",
)
GERMAN = with_provider(
    "莱茵数据中心有限责任公司",
    "Rhein Rechenzentrum GmbH",
    "    id: {scheme: de.handelsregisternummer, value: München HRB 123456}\n",
)
LEI = with_provider(
    "卢森堡清算银行",
    "Clearing Bank Luxembourg S.A.",
    "    id: {scheme: lei, value: 529900T8BM49AURSDO55}\n",
)
NONE = with_provider(
    "维港数码服务有限公司",
    "Victoria Harbour Digital Services Limited",
    "    id:\n"
    "      scheme: none\n"
    "      reason:\n"
    "        zh: 香港公司，商业登记证号码载于供应商档案\n"
    "        en: Hong Kong company; its Business Registration number is kept in the supplier\n"
    "          file\n",
)


@pytest.mark.parametrize(
    "text", [US_EIN, UK_VAT, GERMAN, LEI, NONE], ids=["ein", "vat", "de", "lei", "none"]
)
def test_parties_outside_mainland_china_validate(tmp_path: Path, text: str) -> None:
    assert lint_sample(tmp_path, text) == []


def test_a_wrong_check_digit_names_the_scheme_and_stdnums_reason(tmp_path: Path) -> None:
    text = replace_once(UK_VAT, "GB 980 7806 84", "GB 980 7806 85")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'scheme: gb.vat', 'GB 980')}: SG411 parties.provider.id.value: "
        "'GB 980 7806 85' is not a valid UK VAT registration number (gb.vat): the number's "
        f"checksum or check digit is invalid; {REGISTER}"
    ]


def test_a_wrong_lei_check_digit(tmp_path: Path) -> None:
    text = replace_once(LEI, "529900T8BM49AURSDO55", "529900T8BM49AURSDO56")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'scheme: lei', '5299')}: SG411 parties.provider.id.value: "
        "'529900T8BM49AURSDO56' is not a valid Legal Entity Identifier (LEI) (lei): the "
        f"number's checksum or check digit is invalid; {REGISTER}"
    ]


def test_a_number_of_the_wrong_form(tmp_path: Path) -> None:
    text = replace_once(US_EIN, "04-2103594", "04-210359")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'scheme: us.ein', '04-')}: SG410 parties.provider.id.value: "
        "'04-210359' is not a valid US Employer Identification Number (EIN) (us.ein): the "
        f"number has an invalid format; {REGISTER}"
    ]


def provider_mapping(text: str) -> str:
    """Where the provider's mapping starts: its first key, `name:`."""
    return f"agreements/SLA-2024-001/agreement.yaml:{line_of(text, 'zh: 杭州云衡') - 1}:5"


def test_both_uscc_and_id(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(),
        "    uscc: 91330106MA2H3N7E0P\n",
        "    uscc: 91330106MA2H3N7E0P\n    id: {scheme: gb.vat, value: GB 980 7806 84}\n",
    )
    assert lint_sample(tmp_path, text) == [
        f"{provider_mapping(text)}: SG203 parties.provider: a party has `uscc` (a "
        "mainland-China organisation) or `id` (any other), not both"
    ]


def test_neither_uscc_nor_id(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "    uscc: 91330106MA2H3N7E0P\n", "")
    assert lint_sample(tmp_path, text) == [
        f"{provider_mapping(text)}: SG203 parties.provider: a party needs its "
        "identifier: `uscc` for a mainland-China organisation, `id: {scheme, value}` for any "
        "other, or `id: {scheme: none, reason}`"
    ]


def test_scheme_none_needs_a_reason_and_no_value(tmp_path: Path) -> None:
    text = with_provider("某公司", "Some Company Ltd", "    id: {scheme: none, value: '123'}\n")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'scheme: none', '{')}: SG203 parties.provider.id: scheme none has "
        "no `value`: give the `reason` {zh, en} only"
    ]
    text = with_provider("某公司", "Some Company Ltd", "    id: {scheme: none}\n")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'scheme: none', '{')}: SG203 parties.provider.id: scheme none "
        "needs a `reason` {zh, en}: why the party has no registered number"
    ]


def test_a_misspelt_scheme_gets_a_suggestion(tmp_path: Path) -> None:
    text = replace_once(UK_VAT, "scheme: gb.vat", "scheme: gb.vatt")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'scheme: gb.vatt', 'gb.vatt')}: SG409 parties.provider.id.scheme: "
        "sitegen knows no scheme 'gb.vatt' as an organisation's identifier: did you mean "
        "'gb.vat'? name the scheme as python-stdnum names its module (lei, gb.vat, us.ein, "
        "de.handelsregisternummer, …; the README lists them), or write `scheme: none` with a "
        "`reason`"
    ]


def test_a_persons_number_is_not_a_partys_identifier(tmp_path: Path) -> None:
    text = with_provider(
        "某公司", "Some Company Ltd", "    id: {scheme: cn.ric, value: 11010519491231002X}\n"
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'scheme: cn.ric', 'cn.ric')}: SG409 parties.provider.id.scheme: "
        "'cn.ric' (RIC No. (Chinese Resident Identity Card Number)) is not an organisation's "
        "identifier: name the scheme as python-stdnum names its module (lei, gb.vat, us.ein, "
        "de.handelsregisternummer, …; the README lists them), or write `scheme: none` with a "
        "`reason`"
    ]


def test_a_uscc_is_written_as_uscc(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(),
        "    uscc: 91330106MA2H3N7E0P\n",
        "    id: {scheme: cn.uscc, value: 91330106MA2H3N7E0P}\n",
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'scheme: cn.uscc', 'cn.uscc')}: SG409 parties.provider.id.scheme: a "
        "mainland-China organisation carries `uscc: <code>` instead of `id`"
    ]


def test_the_same_number_written_twice_is_one_organisation(tmp_path: Path) -> None:
    text = replace_once(
        UK_VAT,
        "    uscc: 91310115MA1K4XQ20X\n",
        "    id: {scheme: gb.vat, value: '980780684'}\n",
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'value: GB 980', '{')}: SG404 parties.provider.id: the provider has "
        "the customer's number 980780684 (gb.vat) and neither names a unit: an agreement "
        "needs two parties; for one between parts of one organisation give each its `unit`"
    ]


def test_every_scheme_is_a_stdnum_module_that_validates() -> None:
    for scheme in SCHEME_NAMES.table:
        module = importlib.import_module(f"stdnum.{scheme}")
        assert callable(module.validate) and callable(module.compact), scheme
        assert "cn." not in scheme  # the USCC is `uscc`, checked by SG401–SG403


# --- the contract, the page, the diff -----------------------------------------------------


def parties_table(contract: Contract) -> Table:
    clause = next(c for c in contract.clauses() if c.id == "basic-information.parties")
    return next(b for b in clause.blocks if isinstance(b, Table))


def test_the_contract_names_each_identifier_with_its_scheme(tmp_path: Path) -> None:
    table = parties_table(render(agreement(tmp_path, LEI)))
    assert [h.zh for h in table.header] == ["当事方", "名称", "登记号码"]
    assert [h.en for h in table.header] == ["Party", "Name", "Registered number"]
    numbers = [(cells[2].zh, cells[2].en) for cells in table.rows]
    assert numbers == [
        ("统一社会信用代码：91310115MA1K4XQ20X", "Unified Social Credit Code: 91310115MA1K4XQ20X"),
        (
            "法人机构识别编码（LEI）：529900T8BM49AURSDO55",
            "Legal Entity Identifier (LEI): 529900T8BM49AURSDO55",
        ),
    ]


def test_a_party_without_a_number_shows_its_reason(tmp_path: Path) -> None:
    table = parties_table(render(agreement(tmp_path, NONE)))
    assert (table.rows[1][2].zh, table.rows[1][2].en) == (
        "无登记号码（香港公司，商业登记证号码载于供应商档案）",
        "No registered number (Hong Kong company; its Business Registration number is kept in "
        "the supplier file)",
    )


def test_two_usccs_keep_todays_column(tmp_path: Path) -> None:
    table = parties_table(render(agreement(tmp_path, sample_text())))
    assert (table.header[2].zh, table.header[2].en) == (
        "统一社会信用代码",
        "Unified Social Credit Code",
    )
    assert [cells[2].zh for cells in table.rows] == ["91310115MA1K4XQ20X", "91330106MA2H3N7E0P"]


def test_a_diff_shows_the_new_identifier(tmp_path: Path) -> None:
    old = agreement(tmp_path, UK_VAT, "old.yaml")
    new = agreement(tmp_path, replace_once(UK_VAT, "GB 980 7806 84", "GB 123 4567 82"), "new.yaml")
    found = [row(c) for c in diff_terms(old, new)]
    assert found == [
        (
            "parties.provider.id",
            "Provider's registered number",
            "英国增值税登记号：GB 980 7806 84 / UK VAT registration number: GB 980 7806 84",
            "英国增值税登记号：GB 123 4567 82 / UK VAT registration number: GB 123 4567 82",
            "changed",
            True,
            None,
        )
    ]


def test_a_scheme_in_capitals_is_named_as_stdnum_names_it(tmp_path: Path) -> None:
    text = replace_once(UK_VAT, "scheme: gb.vat", "scheme: GB.VAT")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'scheme: GB.VAT', 'GB.VAT')}: SG203 parties.provider.id.scheme: write "
        "the scheme as python-stdnum names its module, in small letters with dots (gb.vat): "
        "lei, gb.vat, us.ein, …, or none (found 'GB.VAT')"
    ]


def test_a_number_in_digits_is_written_in_quotes(tmp_path: Path) -> None:
    # Unquoted, 042103594 is the YAML number 42103594: the EIN would lose its leading zero.
    text = replace_once(US_EIN, "value: 04-2103594", "value: 042103594")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'value: 042103594', '042103594')}: SG203 parties.provider.id.value: "
        "write the number in quotes, as registered (value: '…'): unquoted, YAML reads it as a "
        "number, which drops leading zeros (found 42103594)"
    ]
    quoted = replace_once(US_EIN, "value: 04-2103594", "value: '042103594'")
    assert lint_sample(tmp_path, quoted) == []
