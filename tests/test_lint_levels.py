"""SG6xx: priorities, the availability target and service credits."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import lint_lines, lint_sample, replace_once, sample_text, where

FILE = "agreements/SLA-2024-001/agreement.yaml"


def test_duplicate_level(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "level: P3", "level: P2")
    third = where(sample_text(), "level: P3", "P3")
    assert lint_sample(tmp_path, text) == [
        f"{third}: SG601 slos.priorities[2].level: P2 is already defined (priorities[1]): "
        "give each level once",
        f"{third}: SG602 [warning] slos.priorities[2].level: expected P3 here, found P2: "
        "list the levels in order from P1 (most severe) without gaps",
    ]


def test_levels_with_a_gap(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "level: P3", "level: P4")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'level: P4', 'P4')}: SG602 [warning] slos.priorities[2].level: expected "
        "P3 here, found P4: list the levels in order from P1 (most severe) without gaps"
    ]


def test_response_longer_than_resolution(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "response: 2h", "response: 4d")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'response: 4d', '4d')}: SG603 slos.priorities[2].response: P3 response "
        "4d is longer than its resolution 3d: the first response comes before the fix; "
        "shorten the response or lengthen the resolution"
    ]


def test_less_severe_level_may_not_be_faster(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "response: 30m", "response: 10m")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'response: 10m', '10m')}: SG604 slos.priorities[1].response: P2 response "
        "10m is faster than P1's 15m: a less severe incident may not be handled faster; "
        "give P2 at least 15m"
    ]


def test_equal_times_for_two_levels_are_fine(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "response: 30m", "response: 15m")
    assert lint_sample(tmp_path, text) == []


def test_target_of_100_percent(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "target: 99.9", "target: 100")
    text = replace_once(text, "- {below: 99.9, percent: 5}", "- {below: 99.95, percent: 5}")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'target: 100', '100')}: SG605 slos.availability.target: a target of "
        "100% cannot be measured against: give a percentage above 0 and below 100, e.g. 99.9"
    ]


def test_low_target_is_unusual(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "target: 99.9", "target: 9.9")
    text = replace_once(text, "- {below: 99.9, percent: 5}", "- {below: 9.5, percent: 5}")
    text = replace_once(text, "- {below: 99.5, percent: 10}", "- {below: 9.0, percent: 10}")
    text = replace_once(text, "- {below: 99.0, percent: 20}", "- {below: 8.0, percent: 20}")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'target: 9.9', '9.9')}: SG606 [warning] slos.availability.target: 9.9% "
        "is unusually low (it allows 27 d 43 min 12 s of downtime in a 30-day month): "
        "check the figure, e.g. 99 rather than 9.9"
    ]


def test_allowed_downtime_note(tmp_path: Path) -> None:
    lines = lint_lines(tmp_path, {FILE: sample_text()})
    assert (
        f"{where(sample_text(), 'target: 99.9', '99.9')}: SG607 [info] slos.availability.target: "
        "downtime the target allows (99.9% allows 43 min 12 s per 30-day month, 44 min 38 s "
        "per 31-day month)"
    ) in lines


def test_bands_out_of_order(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(), "- {below: 99.5, percent: 10}", "- {below: 99.95, percent: 10}"
    )
    # 99.95 is also above the 99.9 target
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'below: 99.95', '99.95')}: SG610 credits.bands[1].below: below 99.95 "
        "follows below 99.9: list the bands from the highest threshold down, each lower than "
        "the one before",
        f"{where(text, 'below: 99.95', '99.95')}: SG611 credits.bands[1].below: credits below "
        "99.95% would be due while the 99.9% target is met: set `below` to the target or lower",
    ]


def test_credit_falling_as_availability_falls(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(), "- {below: 99.0, percent: 20}", "- {below: 99.0, percent: 8}"
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'percent: 8}', '8}')}: SG610 credits.bands[2].percent: 8% credit for "
        "availability below 99% is less than the 10% for below 99.5%: worse availability must "
        "earn at least the same credit"
    ]


def test_credits_without_a_target(tmp_path: Path) -> None:
    start = sample_text().index("  availability:\n")
    end = sample_text().index("  priorities:\n")
    text = sample_text()[:start] + sample_text()[end:]
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'credits:', 'credits')}: SG612 credits: credits depend on availability "
        "but slos.availability is missing: add an availability target or remove the credits"
    ]


def test_band_above_the_cap(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "cap: {percent: 20,", "cap: {percent: 15,")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'percent: 20}', '20}')}: SG613 credits.bands[2].percent: 20% is more "
        "than the cap of 15%: lower the band or raise credits.cap.percent"
    ]


def test_credits_without_fees(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(), "fees:\n  amount: 80000\n  currency: CNY\n  per: month\n", ""
    )
    lines = lint_sample(tmp_path, text)
    assert (
        f"{where(text, 'credits:', 'credits')}: SG614 [warning] credits: credits are a "
        "percentage of the fee, but the agreement has no `fees`: add the fee (amount, "
        "currency, per) so the credit has a base" in lines
    )
