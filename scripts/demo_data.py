"""Write the demo's monitoring, ticket and billing data: fourteen months of plausible
outages and tickets for the sample agreements in force, and the monthly bills of the cloud
service whose credits are a share of its charges, in the canonical columns of the service
reports, so that `make site` reports on them.

    .venv/bin/python scripts/demo_data.py          # rewrites service-data/*.csv

The data are made from a seed per agreement and nothing else: the same code writes the same
bytes (tests/test_demo_data.py checks that the committed files are current). They agree with
what each sample's review records say (a month failed at 99.82%, one P1 in Q3 2026
answered in 12 minutes and restored in 3 hours), and show what the reports must handle:
maintenance announced in time, announced too late and over the monthly allowance; an outage
across midnight and one across the end of a month; a customer-caused and a third-party
event; tickets paused while waiting for the customer; a few breaches; the Spring Festival on
the mainland calendar; a ticket still open at the end of the last month.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "service-data"
FIRST, LAST = (2025, 10), (2026, 11)  # the months written, inclusive
OUTAGE_COLUMNS = ["agreement", "tier", "start", "end", "kind", "notified", "ref"]
TICKET_COLUMNS = ["agreement", "id", "priority", "opened", "responded", "resolved", "pauses"]
CHARGE_COLUMNS = ["agreement", "period", "tier", "charged", "paid", "currency", "ref"]
# The published cloud SLA credits a share of the charges of the affected service: the
# month's bill for the region's instances, and for the one instance a credit is claimed on.
CHARGED = {"SLA-2025-005": {"region": (18_000, 24_000), "instance": (1_100, 1_400)}}


@dataclass(frozen=True)
class Plan:
    """What one agreement's data show, beyond the common pattern."""

    agreement: str
    zone: str
    levels: dict[str, tuple[int, int]]  # level: (response, resolution) limits in minutes
    tickets: dict[str, tuple[int, int]]  # level: fewest and most tickets a month
    breach_months: frozenset[str] = frozenset()  # months with a breached ticket
    failed_month: str | None = None  # a month whose availability fails (a long outage)
    p1: dict[str, tuple[int, int]] = field(default_factory=dict)  # month: (response, restore)
    # The causes the agreement's data excludes from downtime: only these are generated, so
    # that a month passes or fails as its review records say.
    excluded: frozenset[str] = frozenset()


PLANS = (
    Plan(
        agreement="SLA-2024-001",
        zone="Asia/Shanghai",
        levels={"P1": (15, 240), "P2": (30, 480), "P3": (120, 3 * 1440)},
        tickets={"P1": (0, 0), "P2": (1, 4), "P3": (4, 10)},
        breach_months=frozenset({"2025-11"}),
        failed_month="2025-11",
        p1={"2026-08": (12, 180)},
    ),
    Plan(
        agreement="SLA-2024-002",
        zone="Asia/Shanghai",
        levels={"P1": (10, 120), "P2": (30, 480), "P3": (120, 2 * 1440)},
        tickets={"P1": (0, 1), "P2": (2, 5), "P3": (5, 12)},
        breach_months=frozenset({"2026-03", "2026-09"}),
    ),
)


def months() -> list[tuple[int, int]]:
    found, (year, month) = [], FIRST
    while (year, month) <= LAST:
        found.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def stamp(moment: dt.datetime, zone: ZoneInfo) -> str:
    """ISO 8601 with the zone's offset, to the second."""
    return moment.astimezone(zone).replace(microsecond=0).isoformat()


def local(zone: ZoneInfo, year: int, month: int, day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=zone)


def days_in(year: int, month: int) -> int:
    after = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (after - dt.timedelta(days=1)).day


def outages(plan: Plan, rng: random.Random) -> list[list[str]]:
    zone = ZoneInfo(plan.zone)
    rows: list[list[str]] = []

    def add(
        kind: str, start: dt.datetime, minutes: int, ref: str, notified: dt.datetime | None
    ) -> None:
        end = start + dt.timedelta(minutes=minutes)
        told = stamp(notified, zone) if notified else ""
        rows.append([plan.agreement, "", stamp(start, zone), stamp(end, zone), kind, told, ref])

    for number, (year, month) in enumerate(months(), start=1):
        label = f"{year}-{month:02d}"
        code = f"{plan.agreement[-3:]}-{year % 100:02d}{month:02d}"
        # Maintenance on the second Saturday night, announced a week ahead (90 minutes); in
        # March 2026 announced two days ahead (too late: its 20 minutes count); in June 2026
        # a second window, 250 minutes in all against a 4-hour allowance (10 minutes over).
        saturday = next(d for d in range(8, 15) if dt.date(year, month, d).weekday() == 5)
        start = local(zone, year, month, saturday, 2, 0)
        late = label == "2026-03"
        ahead, minutes = (2, 20) if late else (7, 90)
        if "maintenance" in plan.excluded:
            add("maintenance", start, minutes, f"MW-{code}-1", start - dt.timedelta(days=ahead))
        if label == "2026-06" and "maintenance" in plan.excluded:
            second = local(zone, year, month, saturday + 14, 1, 0)
            add("maintenance", second, 160, f"MW-{code}-2", second - dt.timedelta(days=10))
        # Short outages: at most 15 minutes in a month, inside a 99.9% target even with the
        # minutes above (none in the month that fails: its figure is the review's).
        budget = 15
        for index in range(0 if label == plan.failed_month else rng.randint(0, 2)):
            minutes = rng.randint(3, 9)
            budget -= minutes
            if budget < 0:
                break
            day = rng.randint(1, days_in(year, month))
            start = local(zone, year, month, day, rng.randint(0, 23), rng.randint(0, 59))
            add("outage", start, minutes, f"INC-{code}-{index + 1}", None)
        if label == plan.failed_month:
            # 62 minutes across midnight and 15 more: 77 of the month's 43,200 minutes,
            # 99.8217% attained.
            add("outage", local(zone, year, month, 18, 23, 31), 62, f"INC-{code}-9", None)
            add("outage", local(zone, year, month, 25, 10, 5), 15, f"INC-{code}-10", None)
        if label == "2026-01":
            # Across the end of January: 10 minutes in January, 20 in February.
            add("outage", local(zone, 2026, 1, 31, 23, 50), 30, f"INC-{code}-8", None)
        if number % 5 == 0 and "customer" in plan.excluded:
            day = rng.randint(1, 28)
            start = local(zone, year, month, day, 14, 0)
            add("customer", start, 40, f"CUS-{code}", None)
        if label == "2026-07":
            add("third_party", local(zone, year, month, 9, 9, 12), 25, f"TP-{code}", None)
    return sorted(rows, key=lambda row: row[2])


def tickets(plan: Plan, rng: random.Random) -> list[list[str]]:
    zone = ZoneInfo(plan.zone)
    rows: list[list[str]] = []
    for year, month in months():
        label = f"{year}-{month:02d}"
        counts = {level: rng.randint(*span) for level, span in plan.tickets.items()}
        breach = label in plan.breach_months
        for level, (response, resolution) in plan.levels.items():
            for index in range(counts[level] + (1 if label in plan.p1 and level == "P1" else 0)):
                number = len(rows) + 1
                day = rng.randint(1, days_in(year, month))
                opened = local(zone, year, month, day, rng.randint(0, 23), rng.randint(0, 59))
                answer = rng.randint(response // 5 + 1, response * 4 // 5)
                fixed = rng.randint(resolution // 5 + 1, resolution * 4 // 5)
                if level == "P1" and label in plan.p1:
                    answer, fixed = plan.p1[label]
                pauses = ""
                if level == "P3" and index % 4 == 1:
                    # Waiting for the customer: the pause does not count.
                    begin = opened + dt.timedelta(minutes=answer + 30)
                    hold = rng.randint(60, 240)
                    until = begin + dt.timedelta(minutes=hold)
                    pauses = f"{stamp(begin, zone)}/{stamp(until, zone)}"
                    fixed += hold
                if breach and index == 0 and level == "P2":
                    fixed = resolution + rng.randint(20, 90)
                    breach = False
                resolved = opened + dt.timedelta(minutes=fixed)
                still_open = (year, month) == LAST and level == "P3" and index == 0
                if still_open:
                    opened = local(zone, year, month, 30, 16, 40)
                rows.append(
                    [
                        plan.agreement,
                        f"{plan.agreement[-3:]}-{number:05d}",
                        level,
                        stamp(opened, zone),
                        stamp(opened + dt.timedelta(minutes=answer), zone),
                        "" if still_open else stamp(resolved, zone),
                        pauses,
                    ]
                )
    return rows


@dataclass(frozen=True)
class HoursPlan:
    """An agreement measured on its service hours: tickets are opened inside them and
    answered after a number of service minutes, so the data read as the service does."""

    agreement: str
    first: tuple[int, int]  # the first month of data (the version in force from then)
    levels: dict[str, tuple[int, int]]  # level: (response, resolution) in service minutes
    tickets: dict[str, tuple[int, int]]  # level: fewest and most tickets a month
    # (month, day, "HH:MM", minutes, tier): outages placed by hand, local time
    outages: tuple[tuple[str, int, str, int, str], ...] = ()
    # month: (level, response, resolution) in service minutes, a ticket placed by hand
    placed: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    # (month, day, "HH:MM", level, resolution): a ticket opened at a given local time
    timed: tuple[tuple[str, int, str, str, int], ...] = ()


HOURS_PLANS = (
    HoursPlan(  # the provider's published SLA: outages per tier, no tickets
        agreement="SLA-2025-005",
        first=(2025, 10),
        levels={},
        tickets={},
        outages=(
            ("2025-12", 9, "03:12", 2, "region"),
            ("2026-02", 20, "14:40", 45, "instance"),
            ("2026-05", 6, "10:03", 7, "region"),  # 7 of 44,640 minutes: below 99.99%
            ("2026-08", 13, "22:15", 250, "instance"),  # below 99.5%: the 10% band
            ("2026-10", 2, "08:30", 35, "instance"),
        ),
    ),
    HoursPlan(  # the London office: Mon–Fri 09:00–17:30 on England's working days
        agreement="SLA-2025-006",
        first=(2025, 10),
        levels={"P1": (30, 240), "P2": (45, 480), "P3": (240, 3 * 510), "P4": (510, 5 * 510)},
        tickets={"P1": (0, 0), "P2": (1, 3), "P3": (3, 7), "P4": (4, 9)},
        outages=(
            ("2025-11", 12, "13:05", 6, ""),
            # 19 of January's 10,710 service minutes (21 working days × 8.5 hours): 99.82%,
            # the month the third quarterly review found failed
            ("2026-01", 14, "10:21", 19, ""),
            ("2026-01", 17, "02:00", 240, ""),  # a Saturday night: outside the service hours
            ("2026-09", 8, "16:50", 5, ""),
        ),
    ),
    HoursPlan(  # the university's 8×5 IT SLA on the mainland working-day calendar
        agreement="SLA-2025-007",
        first=(2025, 10),
        levels={"P1": (30, 240), "P2": (60, 510), "P3": (240, 2 * 510), "P4": (510, 3 * 510)},
        tickets={"P1": (0, 0), "P2": (1, 4), "P3": (4, 9), "P4": (5, 12)},
        outages=(
            ("2025-10", 1, "10:00", 180, ""),  # National Day: no service hours, no downtime
            ("2025-12", 3, "09:40", 25, ""),
            ("2026-04", 21, "15:10", 12, ""),
        ),
        # course registration in December: the P1 restored in 5 service hours (4h, 85%)
        placed={"2025-12": ("P1", 20, 300)},
        # the Friday before the Spring Festival: resolved after the holiday, within 2 working
        # days (the make-up Saturday, 14 February 2026, is the first of them)
        timed=(("2026-02", 13, "16:00", "P3", 660),),
    ),
)


def service_after(
    start: dt.datetime, minutes: int, spans: list[tuple[dt.datetime, dt.datetime]]
) -> dt.datetime:
    """The instant `minutes` of service time after `start` (which lies in the service hours)."""
    left = dt.timedelta(minutes=minutes)
    for begin, end in spans:
        if end <= start:
            continue
        begin = max(begin, start)
        if end - begin >= left:
            return begin + left
        left -= end - begin
    raise ValueError("the service hours end before the time is up")


def hours_rows(plan: HoursPlan, rng: random.Random) -> tuple[list[list[str]], list[list[str]]]:
    """The outage and ticket rows of an agreement measured on its service hours."""
    from sitegen.load import load_agreement
    from sitegen.load.config import Settings
    from sitegen.load.workdays import agreement_calendar
    from sitegen.reports.service_time import agreement_zone, segments
    from sitegen.versions.in_force import in_force_on

    folder = ROOT / "agreements" / plan.agreement
    working = load_agreement(folder / "agreement.yaml").agreement
    assert working is not None, plan.agreement
    # the service hours of the version in force when the data begin
    in_force = in_force_on(working, folder, Settings().load, dt.date(*plan.first, 1))
    agreement = in_force.agreement if in_force is not None else working
    zone = agreement_zone(agreement)
    calendar = agreement_calendar(agreement, Settings())
    spans = segments(
        agreement.service_hours, calendar, zone, dt.date(*plan.first, 1), dt.date(2026, 12, 31)
    )
    outages = []
    for month, day, clock, minutes, tier in plan.outages:
        year, number = (int(part) for part in month.split("-"))
        hour, minute = (int(part) for part in clock.split(":"))
        start = local(zone, year, number, day, hour, minute)
        end = start + dt.timedelta(minutes=minutes)
        ref = f"INC-{plan.agreement[-3:]}-{len(outages) + 1:03d}"
        outages.append(
            [plan.agreement, tier, stamp(start, zone), stamp(end, zone), "outage", "", ref]
        )
    tickets: list[list[str]] = []

    def add(level: str, opened: dt.datetime, answer: int, fixed: int, still_open: bool) -> None:
        number = len(tickets) + 1
        responded = service_after(opened, answer, spans)
        resolved = "" if still_open else stamp(service_after(opened, fixed, spans), zone)
        tickets.append(
            [
                plan.agreement,
                f"{plan.agreement[-3:]}-{number:05d}",
                level,
                stamp(opened, zone),
                stamp(responded, zone),
                resolved,
                "",
            ]
        )

    for year, month in months():
        if (year, month) < plan.first:
            continue
        label = f"{year}-{month:02d}"
        inside = [span for span in spans if span[0].astimezone(zone).strftime("%Y-%m") == label]
        for level, (response, resolution) in plan.levels.items():
            for index in range(rng.randint(*plan.tickets[level])):
                begin, end = inside[rng.randrange(len(inside))]
                opened = begin + (end - begin) * rng.random() * 0.8
                opened = opened.replace(second=0, microsecond=0)
                answer = rng.randint(response // 5 + 1, response * 3 // 5)
                fixed = rng.randint(resolution // 5 + 1, resolution * 3 // 5)
                still_open = (year, month) == LAST and level == "P4" and index == 0
                if still_open:  # opened in the last service hours of the data: limit running
                    opened = inside[-1][0]
                add(level, opened, answer, fixed, still_open)
        if label in plan.placed:
            level, answer, fixed = plan.placed[label]
            begin, _ = inside[2]
            add(level, begin + dt.timedelta(minutes=30), answer, fixed, False)
        for timed_month, day, clock, level, fixed in plan.timed:
            if timed_month == label:
                hour, minute = (int(part) for part in clock.split(":"))
                add(level, local(zone, year, month, day, hour, minute), 20, fixed, False)
    return outages, tickets


def charges(rng: random.Random) -> list[list[str]]:
    """A bill a month per tier of each agreement credited on its charges, paid in full."""
    rows = []
    for agreement, tiers in CHARGED.items():
        for year, month in months():
            for tier, (low, high) in tiers.items():
                amount = f"{rng.randint(low * 100, high * 100) / 100:.2f}"
                ref = f"INV-{year}{month:02d}-{tier.upper()}"
                rows.append([agreement, f"{year}-{month:02d}", tier, amount, amount, "CNY", ref])
    return rows


def table(columns: list[str], rows: list[list[str]]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return text.getvalue().encode()


def files() -> dict[str, bytes]:
    """The files' names and bytes."""
    outage_rows: list[list[str]] = []
    ticket_rows: list[list[str]] = []
    for plan in PLANS:
        outage_rows += outages(plan, random.Random(f"outages {plan.agreement}"))
        ticket_rows += tickets(plan, random.Random(f"tickets {plan.agreement}"))
    for hours in HOURS_PLANS:
        more_outages, more_tickets = hours_rows(hours, random.Random(f"hours {hours.agreement}"))
        outage_rows += more_outages
        ticket_rows += more_tickets
    return {
        "outages.csv": table(OUTAGE_COLUMNS, outage_rows),
        "tickets.csv": table(TICKET_COLUMNS, ticket_rows),
        "charges.csv": table(CHARGE_COLUMNS, charges(random.Random("charges"))),
    }


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for name, data in files().items():
        (OUT / name).write_bytes(data)
        rows = data.count(b"\n") - 1
        print(f"wrote {(OUT / name).relative_to(ROOT)} ({rows} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
