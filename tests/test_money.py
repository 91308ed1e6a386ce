"""Money in any ISO 4217 currency: the fee and the credits of a Japanese and a UK provider
through the contract (site page, PDF text, Word), catalogue.json and a diff; the amount in
words for the yuan only; each currency's minor unit."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from sitegen.compose.contract import Contract, Table
from sitegen.diff.fields import diff_terms
from sitegen.load.config import Settings
from sitegen.render.docx import render_docx
from sitegen.render.pdf import render_pdf
from sitegen.site import generate
from tests.gitrepo import GitRepo, isolate_git, templates_tree, unsigned_sample
from tests.helpers import lint_sample, replace_once, sample_text, where
from tests.test_compose import clause_text, render
from tests.test_diff_fields import agreement, row

FEES = "fees:\n  amount: 80000\n  currency: CNY\n  per: month\n"
PROVIDER = (
    "    name:\n"
    "      zh: 杭州云衡信息技术有限公司\n"
    "      en: Hangzhou Yunheng Information Technology Co., Ltd.\n"
    "    uscc: 91330106MA2H3N7E0P\n"
)


def foreign(base: str, agreement_id: str, provider: tuple[str, str, str], fees: str) -> str:
    zh, en, identifier = provider
    text = replace_once(base, "id: SLA-2024-001", f"id: {agreement_id}")
    text = replace_once(text, PROVIDER, f"    name:\n      zh: {zh}\n      en: {en}\n{identifier}")
    return replace_once(text, FEES, fees)


# A Tokyo data-centre operator billing in yen (no minor unit), and a UK managed-service
# company billing each quarter in pounds for a monthly measurement period.
TOKYO = (
    "樱花数据中心株式会社",
    "Sakura Datacenter K.K.",
    "    id: {scheme: jp.cn, value: 5-8356-7825-6246}\n",
)
JPY_FEES = "fees:\n  amount: 1200000\n  currency: JPY\n  per: month\n"
LONDON = (
    "泰晤士河谷托管服务有限公司",
    "Thames Valley Managed Services Ltd",
    "    id: {scheme: gb.vat, value: GB 980 7806 84}\n",
)
GBP_FEES = "fees:\n  amount: 37500.50\n  currency: GBP\n  per: quarter\n"


def jpy(base: str = "", agreement_id: str = "SLA-2025-101") -> str:
    return foreign(base or sample_text(), agreement_id, TOKYO, JPY_FEES)


def gbp(base: str = "", agreement_id: str = "SLA-2025-102") -> str:
    return foreign(base or sample_text(), agreement_id, LONDON, GBP_FEES)


@pytest.fixture(scope="module")
def yen_contract(tmp_path_factory: pytest.TempPathFactory) -> Contract:
    return render(agreement(tmp_path_factory.mktemp("jpy"), jpy()))


@pytest.fixture(scope="module")
def pound_contract(tmp_path_factory: pytest.TempPathFactory) -> Contract:
    return render(agreement(tmp_path_factory.mktemp("gbp"), gbp()))


def credit_cells(contract: Contract, lang: str) -> list[str]:
    clause = next(c for c in contract.clauses() if c.id == "credits.rates")
    table = next(b for b in clause.blocks if isinstance(b, Table))
    return [cells[2].get(lang) for cells in table.rows]  # type: ignore[arg-type]


# --- validation ---------------------------------------------------------------------------


def test_foreign_fees_validate(tmp_path: Path) -> None:
    for text in (jpy(agreement_id="SLA-2024-001"), gbp(agreement_id="SLA-2024-001")):
        assert lint_sample(tmp_path, text) == []


def test_yen_have_no_minor_unit(tmp_path: Path) -> None:
    text = replace_once(sample_text(), FEES, JPY_FEES.replace("1200000", "1200000.5"))
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'amount: 1200000.5', '1200000.5')}: SG203 fees.amount: JPY has no minor "
        "unit: write a whole amount (found 1200000.5)"
    ]


def test_a_currency_in_small_letters_is_named_in_capitals(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "currency: CNY", "currency: gbp")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'currency: gbp', 'gbp')}: SG203 fees.currency: write the currency code in "
        "capitals: GBP (found 'gbp')"
    ]


def test_a_currency_no_longer_in_use_is_refused(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "currency: CNY", "currency: DEM")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'currency: DEM', 'DEM')}: SG203 fees.currency: 'DEM' is not the ISO 4217 "
        "code of a currency in use: write its three capital letters, e.g. CNY, USD, EUR, GBP "
        "or JPY"
    ]


def test_three_decimals_where_the_currency_has_them(tmp_path: Path) -> None:
    kwd = replace_once(
        sample_text(), FEES, "fees:\n  amount: 2500.125\n  currency: KWD\n  per: month\n"
    )
    assert lint_sample(tmp_path, kwd) == []


# --- the contract -------------------------------------------------------------------------


def test_the_yen_fee_names_its_currency_without_decimals_or_words(yen_contract: Contract) -> None:
    zh = clause_text(yen_contract, "credits.rates")
    assert "本协议的服务费为每月日元 1,200,000。" in zh
    assert "大写" not in zh and "元 " not in zh.split("日元")[1]
    assert "The service fee under this agreement is JPY 1,200,000 per month." in (
        clause_text(yen_contract, "credits.rates", "en")
    )
    assert credit_cells(yen_contract, "zh") == ["日元 60,000", "日元 120,000", "日元 240,000"]
    assert credit_cells(yen_contract, "en") == ["JPY 60,000", "JPY 120,000", "JPY 240,000"]
    assert "即不超过日元 240,000。" in clause_text(yen_contract, "credits.cap")


def test_the_pound_fee_and_its_monthly_share(pound_contract: Contract) -> None:
    zh = clause_text(pound_contract, "credits.rates")
    assert "本协议的服务费为每季度英镑 37,500.50，每个统计周期的服务费为英镑 12,500.17。" in zh
    assert "大写" not in zh
    en = clause_text(pound_contract, "credits.rates", "en")
    assert "is GBP 37,500.50 per quarter; the fee for one Statistics Period is GBP 12,500.17." in en
    assert credit_cells(pound_contract, "en") == ["GBP 625.01", "GBP 1,250.02", "GBP 2,500.03"]


def test_a_liability_cap_in_pounds_has_no_amount_in_words(tmp_path: Path) -> None:
    """The cap in months of fees: 12 months of GBP 37,500.50 a quarter is 4 quarters,
    GBP 150,002.00; a fixed cap of GBP 250,000 is written as given. Capital numerals
    (伍万…元整) are for the yuan alone: after 英镑 they would name the yuan as a second unit."""
    months = gbp() + "liability_cap:\n  party: each\n  months_of_fees: 12\n"
    zh = clause_text(render(agreement(tmp_path, months)), "general.liability-cap")
    assert zh == "任何一方在本协议项下的赔偿责任总额不超过 12 个月的服务费，即英镑 150,002.00。"
    fixed = gbp() + "liability_cap:\n  party: provider\n  amount: 250000\n  currency: GBP\n"
    zh = clause_text(render(agreement(tmp_path, fixed)), "general.liability-cap")
    assert zh == "服务方在本协议项下的赔偿责任总额不超过英镑 250,000.00。"


def test_the_yuan_keeps_its_amount_in_words(tmp_path: Path) -> None:
    contract = render(agreement(tmp_path, sample_text()))
    assert "每月人民币 80,000.00 元（大写：人民币捌万元整）" in clause_text(
        contract, "credits.rates"
    )
    assert credit_cells(contract, "zh")[0] == "人民币 4,000.00 元"


def pdf_text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def docx_text(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def test_the_pdf_and_word_file_carry_the_foreign_amounts(
    yen_contract: Contract, pound_contract: Contract
) -> None:
    for text in (pdf_text(render_pdf(yen_contract)), docx_text(render_docx(yen_contract))):
        assert "日元 1,200,000" in text and "JPY 1,200,000 per month" in text
        assert "JPY 240,000" in text and "大写" not in text
    for text in (pdf_text(render_pdf(pound_contract)), docx_text(render_docx(pound_contract))):
        assert "英镑 37,500.50" in text and "GBP 12,500.17" in text and "GBP 625.01" in text
        assert "大写" not in text


# --- the site and catalogue.json ----------------------------------------------------------


def test_the_site_page_and_catalogue_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate_git(monkeypatch)
    files: dict[str, str | bytes] = {
        **templates_tree(),
        "agreements/SLA-2025-101/agreement.yaml": jpy(unsigned_sample()),
        "agreements/SLA-2025-102/agreement.yaml": gbp(unsigned_sample()),
    }
    repo = GitRepo.create(tmp_path / "project", files, "Add two agreements")
    monkeypatch.chdir(repo.root)
    out = repo.root / "build" / "docs"
    generate(repo.root, Settings(), out, today=dt.date(2025, 2, 10), render_documents=False)
    page = (out / "agreements/SLA-2025-101.md").read_text(encoding="utf-8")
    assert "<dt>服务费</dt> <dd>日元 1,200,000 每月</dd>" in page
    assert "<dt>服务方登记号码</dt> <dd>日本法人番号：5-8356-7825-6246</dd>" in page
    english = (out / "agreements/SLA-2025-102.en.md").read_text(encoding="utf-8")
    assert "<dt>Service fee</dt> <dd>GBP 37,500.50 per quarter</dd>" in english
    assert (
        "<dt>Provider&#x27;s number</dt>"
        " <dd>UK VAT registration number: GB 980 7806 84</dd>" in english
    )
    assert "GBP 12,500.17" in english  # the contract, in the page
    records = json.loads((out / "catalogue.json").read_text(encoding="utf-8"))["agreements"]
    assert [r["fee"] for r in records] == [
        {
            "amount": "1200000",
            "currency": "JPY",
            "per": "month",
            "text": {"zh": "日元 1,200,000 每月", "en": "JPY 1,200,000 per month"},
        },
        {
            "amount": "37500.50",
            "currency": "GBP",
            "per": "quarter",
            "text": {"zh": "英镑 37,500.50 每季度", "en": "GBP 37,500.50 per quarter"},
        },
    ]


# --- the diff -----------------------------------------------------------------------------


def test_a_fee_in_another_currency_has_no_direction(tmp_path: Path) -> None:
    old = agreement(tmp_path, sample_text(), "old.yaml")
    new = agreement(tmp_path, replace_once(sample_text(), FEES, GBP_FEES), "new.yaml")
    assert [row(c) for c in diff_terms(old, new) if c.path == "fees"] == [
        (
            "fees",
            "Service fee",
            "人民币 80,000.00 元 每月 / RMB 80,000.00 per month",
            "英镑 37,500.50 每季度 / GBP 37,500.50 per quarter",
            "changed",
            True,
            None,
        )
    ]


def test_a_fee_is_compared_by_the_year(tmp_path: Path) -> None:
    # 80,000 a month is 960,000 a year: 900,000 a year is less, whatever the larger figure.
    old = agreement(tmp_path, sample_text(), "old.yaml")
    yearly = FEES.replace("80000", "900000").replace("per: month", "per: year")
    new = agreement(tmp_path, replace_once(sample_text(), FEES, yearly), "new.yaml")
    (fee,) = [c for c in diff_terms(old, new) if c.path == "fees"]
    assert fee.direction == "stricter"
