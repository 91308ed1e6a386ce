"""Availability tiers and credit terms: real SLAs validate without findings, and SG605,
SG610-SG616 keep their intent per tier."""

from __future__ import annotations

from pathlib import Path

from sitegen.load import load_agreement_text
from tests.helpers import LINT_TEMPLATE, lint_lines, replace_once, where
from tests.real_credit_slas import CLOUD_CREDITS, cloud_sla, outsourcing_sla

FILE = "agreements/SLA-2024-001/agreement.yaml"
# The template as it is now: the credits section needs credits and their basis (the fee
# only for basis: fee).
TEMPLATE = LINT_TEMPLATE.replace("needs: [credits, fees]", "needs: [credits, credit_basis]")


def lint(root: Path, text: str) -> list[str]:
    files: dict[str, str | bytes] = {
        FILE: text,
        "templates/it-service-sla/v1/template.yaml": TEMPLATE,
    }
    return lint_lines(root, files, infos=False)


def test_a_cloud_providers_sla_validates_without_findings(tmp_path: Path) -> None:
    # No fees: credits are on the charges of the affected service, so SG614 does not apply.
    assert lint(tmp_path, cloud_sla()) == []


def test_an_outsourcing_contract_validates_without_findings(tmp_path: Path) -> None:
    assert lint(tmp_path, outsourcing_sla()) == []


def test_several_tiers_need_ids() -> None:
    text = replace_once(cloud_sla(), "    - id: instance\n      scope:", "    - scope:")
    loaded = load_agreement_text(text, Path(FILE))
    assert [(f.code, f.message) for f in loaded.findings] == [
        ("SG203", "with several availability tiers, give each an `id`")
    ]


def test_target_out_of_range_in_the_second_tier(tmp_path: Path) -> None:
    text = replace_once(cloud_sla(), "target: 99.5\n", "target: 100\n")
    assert lint(tmp_path, text) == [
        f"{where(text, 'target: 100', '100')}: SG605 slos.availability[1].target: a target "
        "of 100% cannot be measured against: give a percentage above 0 and below 100, e.g. 99.9"
    ]


def test_a_tier_band_above_its_own_target(tmp_path: Path) -> None:
    text = replace_once(cloud_sla(), "- {below: 99.5, percent: 10}", "- {below: 99.9, percent: 10}")
    assert lint(tmp_path, text) == [
        f"{where(text, 'below: 99.9, percent: 10', '99.9')}: SG611 "
        "slos.availability[1].credits.bands[0].below: credits below 99.9% would be due while "
        "the 99.5% target of tier 'instance' is met: set `below` to the target or lower"
    ]


def test_tier_bands_out_of_order(tmp_path: Path) -> None:
    text = replace_once(cloud_sla(), "- {below: 95.0, percent: 30}", "- {below: 95.0, percent: 5}")
    assert lint(tmp_path, text) == [
        f"{where(text, 'below: 95.0, percent: 5}', '5}')}: SG610 "
        "slos.availability[1].credits.bands[1].percent: 5% credit for availability below 95% "
        "is less than the 10% for below 99.5%: worse availability must earn at least the same "
        "credit"
    ]


def test_a_tier_band_above_the_cap(tmp_path: Path) -> None:
    text = replace_once(
        cloud_sla(), "cap: {percent: 100, of: charges}", "cap: {percent: 50, of: charges}"
    )
    assert lint(tmp_path, text) == [
        f"{where(text, 'below: 95.0, percent: 100', '100')}: SG613 "
        "slos.availability[0].credits.bands[2].percent: 100% is more than the cap of 50%: "
        "lower the band or raise credits.cap.percent"
    ]


def test_fee_basis_without_fees_still_warns(tmp_path: Path) -> None:
    text = replace_once(cloud_sla(), "  basis: charges\n", "")
    top = f"{FILE}:{text.splitlines().index('credits:') + 1}:1"
    assert lint(tmp_path, text) == [
        f"{top}: SG614 [warning] credits: credits are a "
        "percentage of the fee, but the agreement has no `fees`: add the fee (amount, "
        "currency, per) so the credit has a base",
        f"{top}: SG810 credits: section 'credits' of "
        "it-service-sla v1 needs credits, credit_basis, but credit_basis is missing: add "
        "fees (credits.basis is fee: a credit is a percentage of the fee), or add 'credits' "
        "to omit_sections",
    ]


def test_tier_bands_without_credit_terms(tmp_path: Path) -> None:
    text = replace_once(cloud_sla(), CLOUD_CREDITS, "") + "omit_sections: [credits]\n"
    first, second = (i for i, line in enumerate(text.splitlines(), 1) if line == "      credits:")
    assert lint(tmp_path, text) == [
        f"{FILE}:{first}:7: SG615 slos.availability[0].credits: the "
        "tier has credit bands but the agreement has no top-level `credits`: add credits with "
        "their basis, form and claim, or remove the bands",
        f"{FILE}:{second}:7: SG615 slos.availability[1].credits: the "
        "tier has credit bands but the agreement has no top-level `credits`: add credits with "
        "their basis, form and claim, or remove the bands",
    ]


def test_credits_without_any_bands(tmp_path: Path) -> None:
    text = cloud_sla()
    for bands in (
        "      credits:\n        bands:\n          - {below: 99.99, percent: 10}\n"
        "          - {below: 99.0, percent: 25}\n          - {below: 95.0, percent: 100}\n",
        "      credits:\n        bands:\n          - {below: 99.5, percent: 10}\n"
        "          - {below: 95.0, percent: 30}\n",
    ):
        text = replace_once(text, bands, "")
    top = f"{FILE}:{text.splitlines().index('credits:') + 1}:1"
    assert lint(tmp_path, text) == [
        f"{top}: SG616 credits: no credit is due at any level: "
        "give credits.bands, or bands under the availability tiers that earn credits"
    ]


def test_a_misspelt_key_in_a_tier_gets_a_suggestion() -> None:
    text = replace_once(cloud_sla(), "      target: 99.5\n", "      targt: 99.5\n")
    loaded = load_agreement_text(text, Path(FILE))
    assert [(f.code, f.message) for f in loaded.findings] == [
        ("SG201", "required key 'target' is missing"),
        ("SG202", "unknown key 'targt'; did you mean 'target'?"),
    ]


def test_a_misspelt_claim_anchor_gets_a_suggestion() -> None:
    text = replace_once(cloud_sla(), "    from: period_end\n", "    fro: period_end\n")
    loaded = load_agreement_text(text, Path(FILE))
    assert [(f.code, f.message) for f in loaded.findings] == [
        ("SG201", "required key 'from' is missing"),
        ("SG202", "unknown key 'fro'; did you mean 'from'?"),
    ]
