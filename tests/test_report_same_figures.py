"""The figures stay the same when their computation changes: every period figure of fifty
agreements over half a year of generated data, compared field by field with the figures the
computation gave before it was made faster (tests/golden/report-figures.jsonl, written by
the set-based computation of commit b1bebeb, whose figures the hand-computed tests of
tests/test_report_*.py pin down).

The agreements are shaped like real ones: the guide sample (7×24, mainland calendar, a
maintenance cap, credits on the fee), a university's P1–P5 SLA on London business hours, a
SaaS vendor's Sev1–Sev4 response SLA on New York hours, a cloud provider's published SLA
(two tiers, one of them hourly, voucher credits on the charges), an outsourcing contract
(fixed credits, a cap on the charges paid), a Shanghai help desk on business hours with
working-day limits (`1wd`, `3wd`), and the demo project's own agreements; each is used
several times under new ids. The data are generated from a fixed seed: tickets answered
and resolved late or in time, never answered, still open, paused once or twice (before
and after the response), opened before the first period; outages of
every cause, maintenance announced in time, late or never, outages across midnight and
across a month's end, on one tier or on all.

A difference names the first job and field that differ. When a change means to change a
figure, it is not a speed change: refresh with `pytest --update-golden` only then, and
review the diff.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

from sitegen.load import load_agreement_text
from sitegen.load.config import Settings
from sitegen.load.model import Agreement
from sitegen.reports import rows
from sitegen.reports.compute import figures, job
from sitegen.reports.read import Expect, read_outages, read_tickets
from tests.helpers import REPO, sample_text
from tests.real_credit_slas import cloud_sla, outsourcing_sla, with_availability
from tests.real_slas import cloud, saas, university, with_priorities

GOLDEN = Path(__file__).parent / "golden" / "report-figures.jsonl"
AGREEMENTS = 50
MONTHS = [f"2026-{month:02d}" for month in range(1, 7)]
QUARTERS = ["2026Q1", "2026Q2"]
UTC = dt.UTC

HELP_DESK_HOURS = """\
service_hours:
  timezone: Asia/Shanghai
  windows:
    - {days: mon-fri, start: '09:00', end: '18:00'}
    - {days: sat, start: '09:00', end: '12:00'}
"""
HELP_DESK_PRIORITIES = """\
  priorities:
    - level: P1
      name: {zh: 紧急, en: Critical}
      definition: {zh: 全部用户无法工作, en: No user can work}
      response: {within: 15m, clock: calendar}
      resolution: {within: 4h, attainment: 90}
    - level: P2
      name: {zh: 高, en: High}
      definition: {zh: 一个部门无法工作, en: A department cannot work}
      response: 1h
      resolution: {within: 1wd, attainment: 90}
    - level: P3
      name: {zh: 中, en: Medium}
      definition: {zh: 个别用户无法工作, en: Individual users cannot work}
      response: 4h
      resolution: {within: 3wd, clock: calendar, attainment: 85}
"""


# The guide sample's terms of maintenance, as its clause states them, and a help desk's.
SAMPLE_AVAILABILITY = """\
  availability:
    target: 99.9
    window: calendar_month
    excluded: [maintenance, customer, third_party]
    maintenance: {notice: 5wd, cap: 4h}
"""
HELP_DESK_AVAILABILITY = """\
  availability:
    target: 99.5
    window: calendar_month
    downtime: {interval: 5m, partial: counted}
    excluded: [maintenance, customer]
    maintenance: {notice: 7d, cap: 2h}
"""


def _help_desk() -> str:
    text = with_priorities(HELP_DESK_PRIORITIES, HELP_DESK_HOURS)
    text = with_availability(text, HELP_DESK_AVAILABILITY)
    start, end = text.index("  pass_criteria:\n"), text.index("fees:\n")
    return text[:start] + text[end:]


def _shapes() -> list[str]:
    demo = [
        path.read_text(encoding="utf-8")
        for path in sorted((REPO / "agreements").glob("*/agreement.yaml"))
    ]
    sample = with_availability(sample_text(), SAMPLE_AVAILABILITY)
    made = [sample, university(), saas(), cloud(), cloud_sla(), outsourcing_sla()]
    return [*made, _help_desk(), *demo, sample_text()]


def _agreements() -> list[Agreement]:
    shapes = _shapes()
    found = []
    for number in range(AGREEMENTS):
        text = shapes[number % len(shapes)]
        new = f"SLA-2030-{number:03d}"
        text = re.sub(r"^id: \S+$", f"id: {new}", text, count=1, flags=re.M)
        loaded = load_agreement_text(text, Path(f"agreements/{new}/agreement.yaml"))
        assert loaded.agreement is not None, [f.message for f in loaded.findings]
        found.append(loaded.agreement)
    return found


def _at(rng: random.Random, first: dt.datetime, days: int) -> dt.datetime:
    return first + dt.timedelta(minutes=rng.randrange(days * 24 * 60))


def _iso(value: dt.datetime | None) -> str:
    return "" if value is None else value.isoformat()


def _ticket(rng: random.Random, a: Agreement, n: int) -> list[str]:
    levels = [p.level for p in a.slos.priorities]
    opened = _at(rng, dt.datetime(2025, 12, 20, tzinfo=UTC), 200)
    responded: dt.datetime | None = opened + dt.timedelta(minutes=rng.choice([1, 5, 14, 15, 16]))
    if rng.random() < 0.3:
        responded = opened + dt.timedelta(minutes=rng.randrange(10, 3000))
    resolved: dt.datetime | None = opened + dt.timedelta(minutes=rng.randrange(20, 6000))
    if rng.random() < 0.1:
        responded = None  # answered by its resolution
    if rng.random() < 0.08:
        resolved = None  # still open
    pauses = []
    if rng.random() < 0.2:
        end = opened
        for _ in range(rng.choice([1, 2])):
            start = end + dt.timedelta(minutes=rng.randrange(0, 600))
            end = start + dt.timedelta(minutes=rng.randrange(1, 900))
            if resolved is not None and end > resolved:
                break  # a pause lies within the ticket's open time
            pauses.append(f"{_iso(start)}/{_iso(end)}")
    level = rng.choice(levels) if levels else "P1"
    return [a.id, f"T{n}", level, _iso(opened), _iso(responded), _iso(resolved), ";".join(pauses)]


def _outage(rng: random.Random, a: Agreement, n: int) -> list[str]:
    tiers = [t.id for t in a.slos.tiers if t.id is not None]
    start = _at(rng, dt.datetime(2025, 12, 25, tzinfo=UTC), 190)
    if rng.random() < 0.1:  # across a month's end, Shanghai or UTC
        start = dt.datetime(2026, rng.randrange(1, 7), 1, tzinfo=UTC) - dt.timedelta(hours=9)
    end = start + dt.timedelta(minutes=rng.choice([1, 3, 7, 45, 130, 300]))
    kind = rng.choice(["outage"] * 5 + ["maintenance"] * 3 + ["customer", "third_party", ""])
    notified = None
    if kind == "maintenance" and rng.random() < 0.8:
        notified = start - dt.timedelta(days=rng.choice([1, 3, 6, 8, 12]))
    tier = rng.choice(tiers if len(tiers) > 1 else ["", *tiers])
    return [a.id, tier, _iso(start), _iso(end), kind, _iso(notified), f"INC-{n}"]


def _write(folder: Path, agreements: list[Agreement]) -> tuple[Path, Path]:
    rng = random.Random(20261201)
    tickets, outages = folder / "tickets.csv", folder / "outages.csv"
    with tickets.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(
            ["agreement", "id", "priority", "opened", "responded", "resolved", "pauses"]
        )
        for a in agreements:
            if a.slos.priorities:
                writer.writerows(_ticket(rng, a, n) for n in range(rng.randrange(40, 120)))
    with outages.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["agreement", "tier", "start", "end", "kind", "notified", "ref"])
        for a in agreements:
            writer.writerows(_outage(rng, a, n) for n in range(rng.randrange(5, 25)))
    return tickets, outages


def _plain(value: Any) -> Any:
    """A figure as JSON: Decimals and instants as their text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def _computed() -> list[dict[str, Any]]:
    agreements = _agreements()
    tickets, outages = _write(Path(), agreements)  # relative: the records name them so
    expect = {a.id: Expect.of(a) for a in agreements}
    settings = Settings()
    with rows.connection() as con:
        read_outages(con, [outages], expect)
        read_tickets(con, [tickets], expect)
        jobs = [
            job(a, settings, period)
            for a in agreements
            for period in (MONTHS if a.measurement.period == "month" else QUARTERS)
        ]
        return [_plain(found) for found in figures(con, jobs)]


def test_figures_of_fifty_agreements_are_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    monkeypatch.chdir(tmp_path)
    found = _computed()
    lines = [json.dumps(item, ensure_ascii=False, sort_keys=True) for item in found]
    if update_golden:
        GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    assert len(found) == len(expected)
    for new, old in zip(found, expected, strict=True):
        where = f"{old['agreement']} {old['period']}"
        for name in old:
            assert new[name] == old[name], f"{where}: {name} differs"


def test_a_period_is_measured_alike_alone_or_among_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One query answers for every job, so a job's figures must not depend on the jobs
    beside it: months beside the quarter that holds them (an agreement whose new version
    measures by quarter; its periods overlap) give each job the figures it gets alone."""
    monkeypatch.chdir(tmp_path)
    agreements = _agreements()
    tickets, outages = _write(Path(), agreements)
    chosen = agreements[:8]
    text = re.sub(r"^  period: month$", "  period: quarter", sample_text(), count=1, flags=re.M)
    text = re.sub(r"^id: \S+$", f"id: {chosen[0].id}", text, count=1, flags=re.M)
    loaded = load_agreement_text(text, Path(f"agreements/{chosen[0].id}/agreement.yaml"))
    assert loaded.agreement is not None, [f.message for f in loaded.findings]
    settings = Settings()
    jobs = [
        job(a, settings, period)
        for a in chosen
        for period in (MONTHS[:3] if a.measurement.period == "month" else QUARTERS[:1])
    ]
    jobs.append(job(loaded.agreement, settings, "2026Q1"))
    with rows.connection() as con:
        expect = {a.id: Expect.of(a) for a in agreements}
        read_outages(con, [outages], expect)
        read_tickets(con, [tickets], expect)
        together = [_plain(found) for found in figures(con, jobs)]
        alone = [_plain(figures(con, [item])[0]) for item in jobs]
    assert together == alone


def test_the_data_reach_every_rule() -> None:
    """The golden figures hold breaches of both targets, open tickets, exclusions of every
    reason that occurs, maintenance over the cap and credits: a change to any of those rules
    would show."""
    text = GOLDEN.read_text(encoding="utf-8")
    items = [json.loads(line) for line in text.splitlines()]
    breaches = [b for item in items for b in item["breaches"]]
    assert {b["target"] for b in breaches} == {"response", "resolution"}
    assert any(b["open"] for b in breaches) and not all(b["open"] for b in breaches)
    reasons = {
        e["reason"] for item in items for tier in item["availability"] for e in tier["exclusions"]
    }
    assert {"maintenance", "customer", "outside_service_hours"} <= reasons
    counted = {
        c["reason"] for item in items for tier in item["availability"] for c in tier["counted"]
    }
    assert {"outage", "maintenance_late"} <= counted
    assert any(item["credits"] and item["credits"]["amount"] for item in items)
    assert any(not item["passed"] for item in items) and any(item["passed"] for item in items)
    assert any(tier["windows"] for item in items for tier in item["availability"])
