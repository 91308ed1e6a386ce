"""Period records on disk: the same bytes for the same figures, read back exactly, a hand
edit into a wrong shape named at file:line:col, and an accepted record never lost."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from decimal import Decimal
from pathlib import Path

import pytest

import sitegen.reports.record_store as store
from sitegen.errors import UserError
from sitegen.reports.acceptance import Acceptance, Acceptances, render_acceptances
from sitegen.reports.figures import Breach
from sitegen.reports.record import render_record
from sitegen.reports.record_read import parse_record
from sitegen.reports.record_store import (
    input_files,
    read_record,
    superseded_records,
    write_record,
)
from sitegen.reports.strict_yaml import Unreadable
from tests.report_factory import SAMPLE_ID, cloud_october, record_of, university_october

OCTOBER = f"agreements/{SAMPLE_ID}/reports/2026-10.yaml"


def reports_of(tmp_path: Path, agreement: str = SAMPLE_ID) -> Path:
    return tmp_path / "agreements" / agreement / "reports"


def accept_on_disk(reports: Path, data: bytes, period: str = "2026-10") -> None:
    """An acceptance of these bytes, as `sitegen report accept` writes it."""
    entry = Acceptance(
        period=period,
        sha256=hashlib.sha256(data).hexdigest(),
        role="信息中心经理（服务对接人）",
        date="2026-11-05",  # type: ignore[arg-type]  # read as the file reads it
    )
    held = Acceptances(agreement=reports.parent.name, accepted=[entry])
    (reports / "acceptances.yaml").write_bytes(render_acceptances(held))


# --- bytes -----------------------------------------------------------------------------


def test_the_same_figures_give_the_same_bytes_and_read_back_exactly(tmp_path: Path) -> None:
    reports = reports_of(tmp_path)
    record = record_of(university_october())
    first = write_record(reports, record)
    data = first.path.read_bytes()
    again = write_record(reports, record_of(university_october()))
    assert first.changed and not again.changed  # same bytes: nothing rewritten
    assert first.path.read_bytes() == data == render_record(record)
    back, _ = read_record(reports, "2026-10")
    assert back == record
    # Decimals as computed, trailing zeros kept; instants in UTC with Z; no time of the run.
    text = data.decode()
    assert "    attainment: 75.00\n" in text
    assert "  amount: 1000.00\n" in text
    assert "start: 2026-09-30T16:00:00Z\n" in text  # 1 October 00:00 in Shanghai
    assert 'sitegen: "0.1.0"\n' in text


def test_a_cloud_record_with_two_tiers_reads_back(tmp_path: Path) -> None:
    record = record_of(cloud_october())
    assert parse_record(render_record(record), tmp_path / "r.yaml") == record


def test_hostile_values_are_quoted_and_escaped_and_read_back(tmp_path: Path) -> None:
    """A ticket id from an export can hold a line break, a colon and key, a bidi control."""
    hostile = 'INC-1"\nagreement: forged\u202e\x1b[2J\u2028#x'
    figures = dataclasses.replace(
        university_october(),
        breaches=(Breach(hostile, "P1", "response", 15, 22, True, "t.csv", 1),),
        notes=("备注: {a: b}", "- [ ] *x*"),
    )
    record = record_of(figures)
    data = render_record(record)
    text = data.decode()
    assert '  - ticket: "INC-1\\"\\nagreement: forged\\u202e\\u001b[2J\\u2028#x"\n' in text
    assert not any(c in text for c in "\u202e\x1b\u2028")
    assert parse_record(data, tmp_path / "r.yaml") == record


def test_input_files_are_named_with_their_sha256(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "tickets.csv").write_bytes(b"id\n1\n")
    (tmp_path / "data" / "outages.csv").write_bytes(b"")
    found = input_files([tmp_path / "data/tickets.csv", tmp_path / "data/outages.csv"], tmp_path)
    assert [(i.name, i.sha256) for i in found] == [
        ("data/outages.csv", hashlib.sha256(b"").hexdigest()),
        ("data/tickets.csv", hashlib.sha256(b"id\n1\n").hexdigest()),
    ]


# --- hand edits ------------------------------------------------------------------------


def edited(old: str, new: str) -> tuple[bytes, int]:
    """The university record with one edit, and the 1-based line of the edit."""
    text = render_record(record_of(university_october())).decode()
    assert text.count(old) == 1, old
    line = text[: text.index(old)].count("\n") + 1
    return text.replace(old, new).encode(), line


@pytest.mark.parametrize(
    ("old", "new", "column", "message"),
    [
        (
            "    attained: 99.2592\n",
            '    attained: "99.2592"\n',
            15,
            "availability.0.attained: Value error, must be a number, written as digits "
            "(99.95), not text",
        ),
        (
            "    downtime_minutes: 72\n",
            "    downtime_minutes: true\n",
            23,
            "availability.0.downtime_minutes: Input should be a valid integer",
        ),
        (
            "start: 2026-09-30T16:00:00Z\n",
            "start: 2026-10-01T00:00:00+08:00\n",
            8,
            "start: Value error, must be an instant in UTC, as 2026-10-01T00:00:00Z",
        ),
        (
            "    windows: null\n",
            "    window: null\n",
            5,
            "availability.0.window: Extra inputs are not permitted",
        ),
        (
            '  currency: "CNY"\n',
            '  currency: "CNY"\n  rate: 1\n',
            3,
            "credits.rate: Extra inputs are not permitted",
        ),
    ],
    ids=["percent as text", "count as bool", "offset not Z", "misspelt key", "extra key"],
)
def test_a_record_edited_into_a_wrong_shape_is_named_at_its_place(
    tmp_path: Path, old: str, new: str, column: int, message: str
) -> None:
    data, line = edited(old, new)
    if "rate" in new:
        line += 1
    path = tmp_path / "2026-10.yaml"
    with pytest.raises(Unreadable) as raised:
        parse_record(data, path)
    assert str(raised.value) == f"{path}:{line}:{column}: {message}"


def test_a_missing_key_is_named_at_the_mapping_that_lacks_it(tmp_path: Path) -> None:
    data, line = edited('  - level: "P2"\n    tickets: 10\n', '  - level: "P2"\n')
    with pytest.raises(Unreadable) as raised:
        parse_record(data, tmp_path / "r.yaml")
    assert (
        str(raised.value) == f"{tmp_path / 'r.yaml'}:{line}:5: priorities.1.tickets: Field required"
    )


def test_a_duplicate_key_and_a_raw_hidden_character_are_refused(tmp_path: Path) -> None:
    data, line = edited("passed: false\n", "passed: false\npassed: true\n")
    with pytest.raises(Unreadable, match=rf":{line + 1}:1: duplicate key 'passed'"):
        parse_record(data, tmp_path / "r.yaml")
    data, line = edited('"INC-2041"', '"INC-2041\u202e"')
    with pytest.raises(Unreadable, match=rf":{line}:22: U\+202E RIGHT-TO-LEFT OVERRIDE"):
        parse_record(data, tmp_path / "r.yaml")


# --- re-running a period ---------------------------------------------------------------


def test_a_period_not_yet_accepted_is_simply_rewritten(tmp_path: Path) -> None:
    reports = reports_of(tmp_path)
    write_record(reports, record_of(university_october()))
    fixed = dataclasses.replace(university_october(), notes=("two tickets re-prioritised",))
    written = write_record(reports, record_of(fixed))
    assert written.changed and written.superseded is None
    assert read_record(reports, "2026-10")[0].figures.notes == ("two tickets re-prioritised",)
    assert not (reports / "superseded").exists()


def test_an_accepted_period_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    reports = reports_of(tmp_path)
    data = render_record(record_of(university_october()))
    write_record(reports, record_of(university_october()))
    accept_on_disk(reports, data)
    fixed = dataclasses.replace(university_october(), passed=True)
    with pytest.raises(UserError) as raised:
        write_record(reports, record_of(fixed))
    assert str(raised.value) == (
        f"{reports / '2026-10.yaml'}: the record of 2026-10 was accepted on 2026-11-05 by "
        "信息中心经理（服务对接人）: it is kept as it is; to replace it, run again with "
        '--supersede --reason "why the figures change"'
    )
    assert (reports / "2026-10.yaml").read_bytes() == data
    assert sorted(p.name for p in reports.iterdir()) == ["2026-10.yaml", "acceptances.yaml"]


def test_superseding_keeps_the_accepted_record_and_says_why(tmp_path: Path) -> None:
    reports = reports_of(tmp_path)
    old = render_record(record_of(university_october()))
    write_record(reports, record_of(university_october()))
    accept_on_disk(reports, old)
    fixed = dataclasses.replace(university_october(), passed=True)
    reason = "INC-7 was a customer-caused outage (confirmed 2026-11-10)"
    written = write_record(reports, record_of(fixed), supersede=reason)
    kept = reports / "superseded" / "2026-10.1.yaml"
    assert written.superseded == kept
    assert kept.read_bytes() == old  # byte for byte: its acceptance still matches
    new, _ = read_record(reports, "2026-10")
    assert new.figures.passed is True
    assert new.supersedes is not None
    assert (new.supersedes.file, new.supersedes.reason) == ("superseded/2026-10.1.yaml", reason)
    assert new.supersedes.sha256 == hashlib.sha256(old).hexdigest()
    # A rewrite before the new record is accepted keeps the link to what it replaced.
    again = dataclasses.replace(fixed, notes=("re-run with the corrected export",))
    write_record(reports, record_of(again))
    assert read_record(reports, "2026-10")[0].supersedes == new.supersedes
    # Accepted again, and superseded again: the second goes to .2, the first stays.
    accept_on_disk(reports, (reports / "2026-10.yaml").read_bytes())
    write_record(reports, record_of(fixed), supersede="one more correction")
    assert superseded_records(reports, "2026-10") == [kept, reports / "superseded/2026-10.2.yaml"]
    assert kept.read_bytes() == old


@pytest.mark.parametrize(
    ("accepted", "reason", "message"),
    [
        (
            False,
            "a reason",
            "the record of 2026-10 is not accepted: nothing to supersede; run "
            "again without --supersede to rewrite it",
        ),
        (True, "  ", "--supersede needs a --reason that says why the figures change"),
    ],
    ids=["nothing accepted", "blank reason"],
)
def test_superseding_is_refused_without_an_accepted_record_or_a_reason(
    tmp_path: Path, accepted: bool, reason: str, message: str
) -> None:
    reports = reports_of(tmp_path)
    data = render_record(record_of(university_october()))
    write_record(reports, record_of(university_october()))
    if accepted:
        accept_on_disk(reports, data)
    with pytest.raises(UserError) as raised:
        write_record(reports, record_of(university_october()), supersede=reason)
    assert raised.value.reason == message
    assert (reports / "2026-10.yaml").read_bytes() == data
    assert not (reports / "superseded").exists()


def test_a_record_is_kept_only_under_its_own_agreement(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="a record of CLOUD-2026-001 cannot be kept under"):
        write_record(reports_of(tmp_path), record_of(cloud_october()))
    wrong = dataclasses.replace(university_october(), period="2026-13")
    with pytest.raises(UserError, match="period '2026-13': write a month as 2026-10"):
        write_record(reports_of(tmp_path), record_of(wrong))
    assert not (tmp_path / "agreements").exists()


def test_a_period_is_never_a_path(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=re.escape("period '../../x'")):
        read_record(reports_of(tmp_path), "../../x")


def test_decimals_keep_their_digits(tmp_path: Path) -> None:
    """99.95 through a float is 99.9500000000000028…; the record keeps the Decimal's text."""
    tier = dataclasses.replace(
        university_october().availability[0], attained=Decimal("99.95"), target=Decimal("1E+2")
    )
    record = record_of(dataclasses.replace(university_october(), availability=(tier,)))
    back = parse_record(render_record(record), tmp_path / "r.yaml")
    assert str(back.figures.availability[0].attained) == "99.95"
    assert str(back.figures.availability[0].target) == "1E+2"


def test_a_failed_write_while_superseding_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The accepted record is copied under superseded/ first; if replacing it then fails
    (a full disk), both are there and the accepted one is unchanged."""
    reports = reports_of(tmp_path)
    old = render_record(record_of(university_october()))
    write_record(reports, record_of(university_october()))
    accept_on_disk(reports, old)
    real = store.write_atomic

    def full_disk(path: Path, data: bytes) -> None:
        if path.name == "2026-10.yaml":
            raise UserError("cannot write: No space left on device", path=path)
        real(path, data)

    monkeypatch.setattr(store, "write_atomic", full_disk)
    fixed = dataclasses.replace(university_october(), passed=True)
    with pytest.raises(UserError, match="No space left on device"):
        write_record(reports, record_of(fixed), supersede="a reason")
    assert (reports / "2026-10.yaml").read_bytes() == old
    assert (reports / "superseded" / "2026-10.1.yaml").read_bytes() == old
