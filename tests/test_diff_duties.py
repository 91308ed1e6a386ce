"""Reworded duties and pass criteria: paired with their old selves and judged from their text."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.diff.fields import Change, diff_terms
from sitegen.diff.pairing import THRESHOLD, similarity
from sitegen.load import load_agreement
from sitegen.load.model import Agreement, Bilingual
from tests.helpers import replace_once, sample_text
from tests.real_slas import university

ESCALATION = (
    "    - zh: P1 故障 30 分钟内未恢复的，升级至服务方技术总监\n"
    "      en: Escalates a P1 incident not restored within 30 minutes to the provider's "
    "Technical Director\n"
)
INSPECTION = (
    "    - zh: 每月对核心业务系统进行 1 次巡检并提交巡检记录\n"
    "      en: Inspects the core business systems 1 time per month and submits the "
    "inspection record\n"
)
CONTACT = (
    "    - zh: 指定业务联系人，并在联系人变更后 2 个工作日内书面通知服务方\n"
    "      en: Names a business contact and notifies the provider in writing within 2 working "
    "days of any change\n"
)
CRITERIA = (
    "    zh: 当月可用性及各级故障的响应与解决时间均达到本协议目标，视为达标\n"
    "    en: A month passes when availability and the response and resolution times of every "
    "priority meet the targets of this agreement\n"
)


def agreement(path: Path, text: str) -> Agreement:
    path.write_text(text, encoding="utf-8")
    loaded = load_agreement(path)
    assert loaded.agreement is not None, loaded.findings
    return loaded.agreement


def changes(tmp_path: Path, *edits: tuple[str, str], base: str | None = None) -> list[Change]:
    old = sample_text() if base is None else base
    new = old
    for before, after in edits:
        new = replace_once(new, before, after)
    return diff_terms(agreement(tmp_path / "old.yaml", old), agreement(tmp_path / "new.yaml", new))


def rows(found: list[Change]) -> list[tuple[str, str, str, str | None]]:
    """(path, kind, the English before → after, direction)."""
    return [
        (c.path, c.kind, f"{c.before.en if c.before else '—'} → {c.after.en if c.after else '—'}",
         c.direction)
        for c in found
    ]  # fmt: skip


def test_a_weakened_escalation_is_one_duty_changed_and_looser(tmp_path: Path) -> None:
    """30 → 60 minutes (more time for the provider) and "on written request" (a condition
    added): both looser on the provider, in both languages; one change, not a removal and
    an addition, and it is flagged for attention."""
    weakened = (
        "    - zh: 经客户方书面要求，P1 故障 60 分钟内未恢复的，升级至服务方技术总监\n"
        "      en: On the customer's written request, escalates a P1 incident not restored "
        "within 60 minutes to the provider's Technical Director\n"
    )
    found = changes(tmp_path, (ESCALATION, weakened))
    assert rows(found) == [
        ("obligations.provider", "changed",
         "Escalates a P1 incident not restored within 30 minutes to the provider's Technical "
         "Director → On the customer's written request, escalates a P1 incident not restored "
         "within 60 minutes to the provider's Technical Director", "looser"),
    ]  # fmt: skip
    assert found[0].attention and found[0].label.en == "Provider duty"


@pytest.mark.parametrize(
    ("old", "new", "direction"),
    [
        # a shorter limit binds the provider more: 30 → 15 minutes
        ("30 分钟", "15 分钟", "stricter"),
        # 30 minutes → 1 hour: minutes and hours compare (60 > 30)
        ("30 分钟", "1 小时", "looser"),
    ],
)
def test_a_time_limit_in_a_provider_duty(
    tmp_path: Path, old: str, new: str, direction: str
) -> None:
    en = {"15 分钟": "15 minutes", "1 小时": "1 hour"}[new]
    edited = ESCALATION.replace(old, new).replace("30 minutes", en)
    [change] = changes(tmp_path, (ESCALATION, edited))
    assert (change.kind, change.direction) == ("changed", direction)


def test_inspections_a_quarter_instead_of_a_month_are_looser(tmp_path: Path) -> None:
    """ "per month" → "a quarter": once in 3 months instead of 1; the count (1) is unchanged."""
    quarterly = INSPECTION.replace("每月", "每季度").replace("per month", "a quarter")
    [change] = changes(tmp_path, (INSPECTION, quarterly))
    assert (change.kind, change.direction) == ("changed", "looser")
    twice = INSPECTION.replace("1 次", "2 次").replace("1 time", "twice")
    [change] = changes(tmp_path, (INSPECTION, twice))  # 2 inspections a month: stricter
    assert (change.kind, change.direction) == ("changed", "stricter")


def test_a_customer_duty_with_more_time_is_stricter_on_the_provider(tmp_path: Path) -> None:
    """The customer notifies a change of contact in 5 working days instead of 2: its duty is
    looser, so the agreement is stricter on the provider (better for the customer)."""
    [change] = changes(tmp_path, (CONTACT, CONTACT.replace("2 ", "5 ")))
    assert (change.path, change.kind, change.direction) == (
        "obligations.customer", "changed", "stricter"
    )  # fmt: skip
    assert not change.attention


def test_a_change_no_rule_can_read_has_no_direction(tmp_path: Path) -> None:
    """The escalation goes to another person: paired, material, and left to the reader."""
    edited = ESCALATION.replace("技术总监", "服务经理").replace(
        "Technical Director", "Service Manager"
    )
    [change] = changes(tmp_path, (ESCALATION, edited))
    assert (change.kind, change.material, change.direction) == ("changed", True, None)


def test_signals_that_disagree_give_no_direction(tmp_path: Path) -> None:
    """15 minutes (stricter) but only on written request (looser): a person judges it."""
    edited = ESCALATION.replace("P1 故障 30", "经客户方书面要求，P1 故障 15").replace(
        "Escalates a P1 incident not restored within 30",
        "On written request, escalates a P1 incident not restored within 15",
    )
    [change] = changes(tmp_path, (ESCALATION, edited))
    assert (change.kind, change.direction) == ("changed", None)


def test_a_duty_replaced_by_an_unrelated_one_is_removed_and_added(tmp_path: Path) -> None:
    other = (
        "    - zh: 客户数据存放于中国大陆境内\n"
        "      en: Keeps the customer's data in mainland China\n"
    )
    found = changes(tmp_path, (ESCALATION, other))
    assert [(c.kind, c.direction) for c in found] == [("removed", "looser"), ("added", "stricter")]


def test_the_threshold_separates_rewordings_from_other_duties() -> None:
    """Measured figures of the module docstring: other duties of one agreement score at
    most 0.2, a duty reworded at least 0.44."""
    duty = Bilingual(
        zh="每月第 5 个工作日前提交上月服务报告",
        en="Submits the service report for the previous month by the 5th working day of each month",
    )
    shorter = Bilingual(zh="提交月度服务报告", en="Submits the monthly service report")
    inspection = Bilingual(
        zh="每月对核心业务系统进行 1 次巡检并提交巡检记录",
        en="Inspects the core business systems 1 time per month and submits the inspection record",
    )
    assert similarity(duty, inspection) < 0.25 < THRESHOLD < similarity(duty, shorter)


def test_dropping_a_priority_from_the_pass_criteria_is_looser(tmp_path: Path) -> None:
    """Every priority (P1, P2, P3) → P1 and P2: P3 no longer counts."""
    narrower = (
        "    zh: 当月可用性及 P1、P2 故障的响应与解决时间均达到本协议目标，视为达标\n"
        "    en: A month passes when availability and the response and resolution times of P1 "
        "and P2 incidents meet the targets of this agreement\n"
    )
    [change] = changes(tmp_path, (CRITERIA, narrower))
    assert (change.path, change.direction, change.attention) == (
        "measurement.pass_criteria", "looser", True
    )  # fmt: skip
    narrow = replace_once(sample_text(), CRITERIA, narrower)
    [change] = changes(tmp_path, (narrower, CRITERIA), base=narrow)
    assert change.direction == "stricter"  # and back: P3 counts again


def test_a_range_of_priorities_in_a_university_sla(tmp_path: Path) -> None:
    """P1 至 P5 / P1 to P5 → P1 至 P4 / P1 to P4 in a P1–P5 agreement: P5 dropped, looser;
    a reworded criterion naming the same levels has no direction."""
    base = university().replace(
        "measurement:\n",
        "measurement:\n  pass_criteria:\n"
        "    zh: P1 至 P5 工单按时响应率不低于 90%，视为达标\n"
        "    en: A month passes when at least 90% of tickets from P1 to P5 are responded to "
        "on time\n",
        1,
    )
    [change] = changes(tmp_path, ("P1 至 P5", "P1 至 P4"), ("P1 to P5", "P1 to P4"), base=base)
    assert change.direction == "looser"
    [change] = changes(tmp_path, ("on time", "within the target"), base=base)
    assert change.direction is None
