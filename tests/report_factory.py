"""Period figures built by hand, as the computation would give them, for the tests of records,
acceptance and report forms (they never wait for the computation).

`university_october` is a university's P1–P5 IT SLA on business hours in Shanghai, one
tier at 99.9 %; the numbers are worked out in its comments. `cloud_october` is a cloud
provider's published SLA with two tiers, credit bands in US dollars and a claim window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from sitegen.reports.figures import (
    Breach,
    Counted,
    CreditsDue,
    Event,
    Exclusion,
    PeriodFigures,
    PriorityFigures,
    TargetFigures,
    TierCredit,
    TierFigures,
)
from sitegen.reports.record import InputFile, Record

UTC = dt.UTC
SAMPLE_ID = "SLA-2024-001"
# October 2026 in Shanghai (UTC+8): 2026-10-01 00:00 local is 2026-09-30T16:00Z.
OCT_START = dt.datetime(2026, 9, 30, 16, tzinfo=UTC)
OCT_END = dt.datetime(2026, 10, 31, 16, tzinfo=UTC)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).astimezone(UTC)


def target(
    written: str, tickets: int, within: int, *, required: str = "100", clock: str = "calendar"
) -> TargetFigures:
    """A target's figures: attainment is within / tickets, 2 places, rounded down."""
    attainment = None
    if tickets:
        attainment = (Decimal(within) * 100 / Decimal(tickets)).quantize(
            Decimal("0.01"), rounding="ROUND_DOWN"
        )
    met = attainment is None or attainment >= Decimal(required)
    return TargetFigures(written, clock, Decimal(required), tickets, within, attainment, met)  # type: ignore[arg-type]


def university_october() -> PeriodFigures:
    """October 2026 of a university IT SLA, service hours Mon–Fri 08:30–17:30 (9 h).

    Service minutes: October 2026 has 16 working days in Shanghai (1–7 October is the
    National Day holiday; 10 October, a Saturday, is a make-up working day): weekdays 8–9,
    12–16, 19–23, 26–30 are 2 + 5 + 5 + 5 = 17, plus Saturday 10 October = 18 days;
    18 × 540 = 9,720 minutes.
    Downtime: one outage 09:00–10:12 on 2026-10-13 = 72 minutes; a maintenance announced
    48 h ahead 2026-10-17 (a Saturday, outside service hours) excluded: 0 minutes inside.
    Attained: (9,720 − 72) / 9,720 = 99.2592…% → 99.2592 rounded down; target 99.9: missed.
    P1: 4 tickets, 3 answered within 15m (75.00 %, all required: missed); resolution 4h
    clock service_hours, 4 of 4 within. P2: 10 tickets, 9 within 30m → 90.00 % against the
    required 90: met. P3 has no tickets: met, attainment None.
    Credits: 99.2592 is below the 99.5 band (5 %) and above the 99.0 band: 5 % of the
    monthly fee 20,000.00 CNY = 1,000.00 CNY, claim by 2026-11-30.
    """
    outage = Event(
        "INC-7",
        "outage",
        at("2026-10-13T09:00+08:00"),
        at("2026-10-13T10:12+08:00"),
        72,
        "outages.csv",
        2,
    )
    maintenance = Event(
        "CHG-3",
        "maintenance",
        at("2026-10-17T02:00+08:00"),
        at("2026-10-17T04:00+08:00"),
        0,
        "outages.csv",
        3,
    )
    tier = TierFigures(
        tier="",
        target=Decimal("99.9"),
        attained=Decimal("99.2592"),
        downtime_minutes=72,
        excluded_minutes=0,
        service_minutes=9720,
        met=False,
        counted=(Counted(outage, "outage", 72),),
        exclusions=(Exclusion(maintenance, "outside_service_hours"),),
    )
    priorities = (
        PriorityFigures("P1", 4, target("15m", 4, 3), target("4h", 4, 4, clock="service_hours")),
        PriorityFigures("P2", 10, target("30m", 10, 9, required="90"), None),
        PriorityFigures("P3", 0, target("2h", 0, 0), target("2wd", 0, 0, clock="service_hours")),
    )
    breaches = (
        Breach("INC-2041", "P1", "response", 15, 22, False, "tickets.csv", 5),
        Breach("INC-2077", "P2", "response", 30, 41, False, "tickets.csv", 12),
    )
    credits = CreditsDue(
        percent=Decimal("5"),
        amount=Decimal("1000.00"),
        currency="CNY",
        claim_by=dt.date(2026, 11, 30),
        tiers=(TierCredit("", Decimal("99.5"), Decimal("5")),),
    )
    return PeriodFigures(
        agreement=SAMPLE_ID,
        version=1,
        period="2026-10",
        start=OCT_START,
        end=OCT_END,
        availability=(tier,),
        priorities=priorities,
        breaches=breaches,
        credits=credits,
        passed=False,
    )


def cloud_october() -> PeriodFigures:
    """A cloud provider's published SLA in UTC, two tiers, October 2026 (44,640 minutes).

    compute: 99.99 target, 5 minutes down → (44,640 − 5) / 44,640 = 99.98879…% → 99.9887,
    missed; its credit band "below 99.99" is 10 %. storage: 99.9 target, no downtime,
    100.0000 met, no band. Credits: 10 % of 1234.56 USD = 123.456 → 123.45 (rounded down
    to the cent), claim by the end of the second month after: 2026-12-31.
    """
    start = dt.datetime(2026, 10, 1, tzinfo=UTC)
    end = dt.datetime(2026, 11, 1, tzinfo=UTC)
    down = Event(
        None, "outage", at("2026-10-31T23:58Z"), at("2026-11-01T00:03Z"), 2, "probe.json", 1
    )
    tiers = (
        TierFigures(
            "compute",
            Decimal("99.99"),
            Decimal("99.9887"),
            5,
            0,
            44640,
            False,
            counted=(Counted(down, "outage", 5),),
        ),
        TierFigures("storage", Decimal("99.9"), Decimal("100.0000"), 0, 0, 44640, True),
    )
    credits = CreditsDue(
        percent=Decimal("10"),
        amount=Decimal("123.45"),
        currency="USD",
        claim_by=dt.date(2026, 12, 31),
        tiers=(
            TierCredit("compute", Decimal("99.99"), Decimal("10")),
            TierCredit("storage", None, Decimal("0")),
        ),
    )
    return PeriodFigures("CLOUD-2026-001", 3, "2026-10", start, end, tiers, (), (), credits, False)


def record_of(figures: PeriodFigures, **changes: object) -> Record:
    inputs = (
        InputFile("data/outages.csv", "a" * 64),
        InputFile("data/tickets.csv", "b" * 64),
    )
    return replace(Record(figures, inputs, "0.1.0"), **changes)  # type: ignore[arg-type]


def readme_example() -> PeriodFigures:
    """The README's example of `--format json`: October of the university SLA, its P1 only,
    its events left out (tests/test_report_forms.py keeps the README's text equal to it)."""
    figures = university_october()
    tier = replace(figures.availability[0], counted=(), exclusions=())
    return replace(
        figures,
        availability=(tier,),
        priorities=figures.priorities[:1],
        breaches=figures.breaches[:1],
    )
