"""`sitegen diff` on tiers and credits: credit schedules compared as step functions of
attained availability, tiers matched by id, each change with its real direction."""

from __future__ import annotations

from sitegen.diff.fields import diff_terms
from tests.helpers import SAMPLES, replace_once, sample_text
from tests.helpers import loaded_agreement as agreement
from tests.helpers import term_rows as rows
from tests.real_credit_slas import cloud_sla, with_availability

SLA_002 = (SAMPLES / "SLA-2024-002" / "agreement.yaml").read_text(encoding="utf-8")


def test_moving_a_band_up_and_adding_a_100_percent_band_is_stricter() -> None:
    # SLA-2024-002: 10% below 99.95, 25% below 99.5, 50% below 99.0. The 10% band moves to
    # 99.99 and a 100% band is added below 95: band by band this read as a removed band
    # (looser) and two added ones; as credit per level it is more credit at two levels and
    # less at none.
    new = replace_once(SLA_002, "{below: 99.95, percent: 10}", "{below: 99.99, percent: 10}")
    new = replace_once(
        new, "    - {below: 99.0, percent: 50}\n",
        "    - {below: 99.0, percent: 50}\n    - {below: 95.0, percent: 100}\n",
    )  # fmt: skip
    assert rows(SLA_002, new) == [
        ("credits.bands[99.99]", "Credit below 99.99% availability", "0%", "10%", "stricter"),
        ("credits.bands[95]", "Credit below 95% availability", "50%", "100%", "stricter"),
    ]


def test_more_credit_at_one_level_and_less_at_another_is_mixed() -> None:
    new = replace_once(SLA_002, "{below: 99.95, percent: 10}", "{below: 99.99, percent: 10}")
    new = replace_once(
        new, "    - {below: 99.0, percent: 50}\n",
        "    - {below: 99.0, percent: 40}\n    - {below: 95.0, percent: 50}\n",
    )  # fmt: skip
    found = diff_terms(agreement(SLA_002), agreement(new))
    assert [(c.path, c.before and c.before.en, c.after and c.after.en, c.direction,
             c.attention) for c in found] == [
        ("credits.bands[99]", "50%", "40%", "looser", True),
        ("credits.bands", "< 99.95%: 10%; < 99.5%: 25%; < 99%: 50%",
         "< 99.99%: 10%; < 99.5%: 25%; < 99%: 40%; < 95%: 50%", "mixed", True),
        ("credits.bands[99.99]", "0%", "10%", "stricter", False),
    ]  # fmt: skip


def test_the_band_moved_alone_is_stricter_and_nothing_else() -> None:
    new = replace_once(SLA_002, "{below: 99.95, percent: 10}", "{below: 99.99, percent: 10}")
    new = replace_once(
        new, "    - {below: 99.0, percent: 50}\n",
        "    - {below: 99.0, percent: 50}\n    - {below: 95.0, percent: 50}\n",
    )  # fmt: skip
    assert rows(SLA_002, new) == [
        ("credits.bands[99.99]", "Credit below 99.99% availability", "0%", "10%", "stricter"),
    ]


def test_a_lower_credit_at_one_level_is_looser_and_needs_attention() -> None:
    new = replace_once(SLA_002, "{below: 99.5, percent: 25}", "{below: 99.5, percent: 20}")
    found = diff_terms(agreement(SLA_002), agreement(new))
    assert [(c.path, c.direction, c.attention) for c in found] == [
        ("credits.bands[99.5]", "looser", True)
    ]


def test_a_schedule_stricter_at_some_levels_and_looser_at_others_is_mixed() -> None:
    new = replace_once(SLA_002, "{below: 99.95, percent: 10}", "{below: 99.99, percent: 10}")
    new = replace_once(new, "{below: 99.5, percent: 25}", "{below: 99.0, percent: 25}")
    new = replace_once(new, "{below: 99.0, percent: 50}", "{below: 98.0, percent: 50}")
    assert rows(SLA_002, new) == [
        ("credits.bands[99.5]", "Credit below 99.5% availability", "25%", "10%", "looser"),
        ("credits.bands[99]", "Credit below 99% availability", "50%", "25%", "looser"),
        ("credits.bands", "Credit schedule", "< 99.95%: 10%; < 99.5%: 25%; < 99%: 50%",
         "< 99.99%: 10%; < 99%: 25%; < 98%: 50%", "mixed"),
        ("credits.bands[99.99]", "Credit below 99.99% availability", "0%", "10%", "stricter"),
    ]  # fmt: skip


def test_tiers_are_matched_by_id_with_directions() -> None:
    old = cloud_sla()
    new = replace_once(old, "      target: 99.5\n", "      target: 99.0\n")
    new = replace_once(new, "    - {below: 99.5, percent: 10}", "    - {below: 99.0, percent: 10}")
    new = replace_once(
        new,
        "          - {below: 95.0, percent: 30}\n",
        "          - {below: 95.0, percent: 30}\n"
        "    - id: zone\n      scope: {zh: 可用区, en: Zone}\n      target: 99.95\n",
    )
    assert rows(old, new) == [
        ("slos.availability[instance].target", "Single instance: Availability target", "99.5%",
         "99%", "looser"),
        ("slos.availability[instance].credits.bands[99.5]",
         "Single instance: Credit below 99.5% availability", "10%", "0%", "looser"),
        ("slos.availability[zone].target", "Zone: Availability target", "—", "99.95%",
         "stricter"),
    ]  # fmt: skip


def test_claim_and_settlement_changes() -> None:
    old = cloud_sla()
    new = replace_once(old, "    cycles: 2\n", "    cycles: 1\n")
    new = replace_once(new, "  cash: false\n", "")
    new = replace_once(new, "  form: voucher\n", "  form: bill_credit\n")
    assert rows(old, new) == [
        ("credits.claim", "Credit claim period",
         "within 2 billing cycles after the end of the period",
         "within 1 billing cycle after the end of the period", "looser"),
        ("credits.form", "Form of credits", "vouchers", "credit on a future bill", None),
        ("credits.cash", "Credits paid in cash", "never paid in cash", "—", None),
    ]  # fmt: skip


def test_the_claim_channel_and_evidence_are_changes_of_their_own() -> None:
    """A provider asking for request logs as well, and claims by written notice instead of
    a ticket: before, both read as a claim period "within 2 billing cycles → within 2
    billing cycles", no direction."""
    old = cloud_sla()
    new = replace_once(old, "    channel: ticket\n", "    channel: written_notice\n")
    new = replace_once(
        new,
        "        en: Request logs that show the failed requests\n",
        "        en: Request logs that show the failed requests\n"
        "      - zh: 受影响实例的 ID\n"
        "        en: The IDs of the affected instances\n",
    )
    assert rows(old, new) == [
        ("credits.claim.evidence", "Credit claim evidence", "—",
         "The IDs of the affected instances", "looser"),
        ("credits.claim.channel", "Credit claim channel", "by ticket", "by written notice",
         None),
    ]  # fmt: skip
    assert rows(new, old) == [
        ("credits.claim.channel", "Credit claim channel", "by written notice", "by ticket",
         None),
        ("credits.claim.evidence", "Credit claim evidence",
         "The IDs of the affected instances", "—", "stricter"),
    ]  # fmt: skip


def test_a_single_tier_grown_into_a_list_is_matched_with_its_first_tier() -> None:
    old = sample_text()
    new = with_availability(
        old,
        "  availability:\n"
        "    - {id: core, scope: {zh: 核心系统, en: Core systems}, target: 99.9}\n"
        "    - {id: reporting, scope: {zh: 报表系统, en: Reporting}, target: 99.5}\n",
    )
    assert rows(old, new) == [
        ("slos.availability[core].scope", "Core systems: Availability scope", "—", "Core systems",
         None),
        ("slos.availability[core].exclusions", "Core systems: Availability exclusion",
         "Planned maintenance notified in writing 5 working days ahead, at most 4 hours per "
         "month in total", "—", "stricter"),
        ("slos.availability[core].exclusions", "Core systems: Availability exclusion",
         "Interruptions caused by the customer or by force majeure", "—", "stricter"),
        ("slos.availability[reporting].target", "Reporting: Availability target", "—", "99.5%",
         "stricter"),
    ]  # fmt: skip


def _causes(excluded: str, maintenance: str = "") -> str:
    availability = f"  availability:\n    target: 99.9\n    excluded: {excluded}\n"
    if maintenance:
        availability += f"    maintenance: {maintenance}\n"
    return with_availability(sample_text(), availability)


def test_excluded_causes_and_maintenance_terms_have_their_directions() -> None:
    # A cause excluded takes time out of downtime: looser; one no longer excluded: stricter.
    assert rows(_causes("[customer]"), _causes("[customer, force_majeure]")) == [
        ("slos.availability.excluded", "Cause excluded from downtime", "—", "force majeure",
         "looser"),
    ]  # fmt: skip
    assert rows(_causes("[customer]"), _causes("[]"))[0][4] == "stricter"
    # A longer notice makes the provider plan further ahead: stricter; a higher cap
    # excludes more maintenance: looser; a cap where there was none: stricter.
    old = _causes("[maintenance]", "{notice: 5wd, cap: 4h}")
    new = _causes("[maintenance]", "{notice: 10wd, cap: 8h}")
    assert rows(old, new) == [  # looser changes first: they need the customer's attention
        ("slos.availability.maintenance.cap", "Monthly cap on planned maintenance",
         "4 hours", "8 hours", "looser"),
        ("slos.availability.maintenance.notice", "Notice of planned maintenance",
         "5 working days", "10 working days", "stricter"),
    ]  # fmt: skip
    no_cap = _causes("[maintenance]", "{notice: 5wd}")
    assert [r[4] for r in rows(no_cap, old)] == ["stricter"]
    assert [r[4] for r in rows(old, no_cap)] == ["looser"]
    # Notice in working days against one in hours: no order holds for every start day.
    in_hours = _causes("[maintenance]", "{notice: 200h, cap: 4h}")
    assert [r[4] for r in rows(old, in_hours)] == [None]
