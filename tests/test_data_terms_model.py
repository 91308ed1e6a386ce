"""Continuity, data and liability terms as data: an outsourcing contract's and an internal
OLA's load into typed values, every agreement and signed version written before them loads
unchanged, and wrong terms are refused at their line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from sitegen.load import load_agreement_text
from sitegen.load.model import Agreement
from sitegen.load.values import Duration
from sitegen.output import as_text
from tests.helpers import SAMPLES, replace_once, sample_text, where
from tests.real_data_terms import (
    OLA_TERMS,
    OUTSOURCING_CONTINUITY,
    OUTSOURCING_DATA,
    OUTSOURCING_LIABILITY,
    outsourcing_terms,
    with_terms,
)

PATH = "agreements/SLA-2024-001/agreement.yaml"


def loaded(text: str) -> Agreement:
    result = load_agreement_text(text, Path(PATH))
    assert result.agreement is not None, [as_text(f) for f in result.findings]
    return result.agreement


def errors(text: str) -> list[str]:
    result = load_agreement_text(text, Path(PATH))
    assert result.agreement is None
    return [as_text(f) for f in result.findings]


def test_an_outsourcing_contract_s_terms_load_as_values() -> None:
    agreement = loaded(outsourcing_terms())
    [entry] = agreement.continuity or []
    assert entry.services == ["monitoring", "incident-handling"]
    assert (entry.rpo, entry.rto) == (Duration(15), Duration(4 * 60))
    assert entry.backup is not None and entry.backup.retained == Duration(30 * 24 * 60)
    assert entry.drill is not None and entry.drill.cadence == "half_yearly"
    assert entry.key == "incident-handling,monitoring"  # sorted: the order is not a change
    data = agreement.data
    assert data is not None
    assert (data.stored_in, data.processed_in, data.cross_border) == (["CN"], ["CN"], "not_allowed")
    assert data.breach_notice is not None and data.breach_notice.within == Duration(24 * 60)
    assert data.breach_notice.to.en == "The customer's Information Security Officer"
    assert (data.return_within, data.deletion_within) == (Duration(43200), Duration(43200))
    assert (data.confidential, data.confidentiality_years) == (True, 3)
    cap = agreement.liability_cap
    assert cap is not None and cap.exclusions == ["data_breach", "confidentiality"]
    assert cap.months_of_fees == 12 and cap.amount is None
    remedies = agreement.remedies
    assert remedies is not None and remedies.credits_sole_remedy is True
    assert remedies.sole_remedy_except == ["data_breach"]
    assert remedies.termination is not None
    assert (remedies.termination.failed, remedies.termination.within) == (3, 6)
    assert remedies.termination.notice_days == 30


def test_an_internal_ola_s_smaller_terms_cover_every_service() -> None:
    agreement = loaded(with_terms(OLA_TERMS))
    [entry] = agreement.continuity or []
    assert entry.services is None and entry.tier is None and entry.key == ""
    assert agreement.data is not None and agreement.data.processed_in is None
    assert agreement.remedies is None and agreement.liability_cap is None


def test_agreements_and_signed_versions_without_the_terms_load_as_before() -> None:
    files = sorted(SAMPLES.glob("*/signed/v*.yaml"))
    assert len(files) >= 7
    for path in files:
        result = load_agreement_text(path.read_text(encoding="utf-8"), path, archived=True)
        assert result.agreement is not None, path
        assert result.agreement.continuity is None and result.agreement.data is None
        assert result.agreement.remedies is None
    cap = loaded(sample_text()).liability_cap
    assert cap is None or cap.exclusions is None


def test_two_samples_carry_the_terms() -> None:
    carrying = []
    for path in sorted(SAMPLES.glob("*/agreement.yaml")):
        found = load_agreement_text(path.read_text(encoding="utf-8"), path).agreement
        assert found is not None, path
        if found.continuity and found.data and found.data.breach_notice:
            carrying.append(found.id)
    assert carrying == ["OLA-2025-001", "SLA-2025-004"]
    outsourcing = loaded((SAMPLES / "SLA-2025-004" / "agreement.yaml").read_text("utf-8"))
    assert outsourcing.remedies is not None and outsourcing.remedies.termination is not None
    assert outsourcing.liability_cap is not None
    assert outsourcing.liability_cap.exclusions == ["data_breach", "confidentiality"]


def test_an_unknown_service_is_refused_at_its_id() -> None:
    text = with_terms(
        replace_once(
            OUTSOURCING_CONTINUITY, "[monitoring, incident-handling]", "[monitoring, backups]"
        )
    )
    assert errors(text) == [
        f"{where(text, '- services:', 'backups')}: SG203 continuity[0].services[1]: continuity "
        "names the service 'backups', which scope.included does not list: use one of "
        "monitoring, incident-handling, inspection, monthly-report"
    ]


def test_a_tier_needs_an_availability_tier_of_that_id() -> None:
    text = with_terms("continuity:\n  - tier: region\n    rto: 1h\n")
    assert errors(text) == [
        f"{where(text, 'tier: region', 'region')}: SG203 continuity[0].tier: continuity names "
        "the tier 'region', which slos.availability does not have: slos.availability has no "
        "tier ids"
    ]


def test_two_entries_for_the_same_services_are_refused() -> None:
    text = with_terms(
        "continuity:\n  - services: [monitoring]\n    rto: 1h\n"
        "  - services: [monitoring]\n    rpo: 5m\n"
    )
    [message] = errors(text)
    assert message.endswith(
        "SG203 continuity[1]: continuity[0] already covers monitoring: give each service or "
        "tier's terms in one entry"
    )


@pytest.mark.parametrize(
    ("block", "needle", "message"),
    [
        (
            "continuity:\n  - rpo: 1wd\n",
            "rpo: 1wd",
            "give the RPO as time, e.g. 15m or 4h, not in working days",
        ),
        (
            "continuity:\n  - backup: {every: 1wd, retained: 30d}\n",
            "backup:",
            "give the backup interval as time, e.g. 1d or 4h, not in working days",
        ),
        (
            "continuity:\n  - {services: [monitoring], tier: region, rto: 1h}\n",
            "services:",
            "name the services or the tier an entry covers, not both",
        ),
        (
            "continuity:\n  - services: [monitoring]\n",
            "services:",
            "a continuity entry needs a term",
        ),
        (
            "remedies:\n  termination: {failed: 4, within: 3}\n",
            "termination:",
            "failed 4 is more than within 3",
        ),
        (
            "remedies:\n  credits_sole_remedy: false\n  sole_remedy_except: [data_breach]\n",
            "credits_sole_remedy:",
            "`sole_remedy_except` lists exceptions to credits_sole_remedy: true",
        ),
        ("data:\n  stored_in: [cn]\n", "stored_in:", "write the region code in capitals: CN"),
        ("data:\n  stored_in: [XX]\n", "stored_in:", "'XX' is not a region code"),
        ("data:\n  processed_in: [ZZ]\n", "processed_in:", "'ZZ' is not a region code"),
        (
            "data:\n  confidentiality_years: 3\n",
            "confidentiality_years:",
            "`confidentiality_years` needs confidential: true",
        ),
        (
            "data:\n  cross_border: maybe\n",
            "cross_border:",
            "Input should be 'allowed', 'with_consent' or 'not_allowed'",
        ),
    ],
)
def test_terms_that_do_not_hold_together_are_refused(block: str, needle: str, message: str) -> None:
    text = with_terms(block)
    [found] = errors(text)
    start = len(sample_text().splitlines())  # the block's first line is the next one
    assert int(found.split(":")[1]) == start + 1 + block.count("\n", 0, block.index(needle))
    assert ": SG203 " in found and message in found, found


def test_a_cap_names_each_exclusion_once() -> None:
    text = with_terms(
        replace_once(OUTSOURCING_LIABILITY, "[data_breach, confidentiality]", "[fraud, fraud]")
    )
    [found] = errors(text)
    assert "`exclusions` names fraud more than once" in found


def test_an_exclusion_outside_the_closed_list_is_refused() -> None:
    text = with_terms(replace_once(OUTSOURCING_LIABILITY, "confidentiality]", "negligence]"))
    [found] = errors(text)
    assert "liability_cap.exclusions[1]" in found and "'gross_negligence'" in found


def test_data_terms_are_all_optional() -> None:
    data = loaded(with_terms(OUTSOURCING_DATA.split("  processed_in")[0])).data
    assert data is not None and data.stored_in == ["CN"] and data.breach_notice is None
    assert loaded(with_terms("data:\n  confidential: true\n")).data == type(data)(confidential=True)
    assert Decimal(12) == 12  # months_of_fees stays a count beside the new exclusions
