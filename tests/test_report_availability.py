"""Availability per tier against values computed by hand, on a real DuckDB.

The guide sample is 7x24 on the mainland calendar, so its days are Shanghai's (UTC+8) and
October 2026 has 31 × 1,440 = 44,640 service minutes, November 30 × 1,440 = 43,200.
"""

from __future__ import annotations

from decimal import Decimal

from sitegen.reports.availability import availability
from sitegen.reports.figures import TierFigures
from tests.helpers import sample_text
from tests.report_data import add_outage, agreement, business_hours, database, job

OCTOBER, NOVEMBER = 44_640, 43_200

PLAIN = """\
  availability:
    target: 99.9
    window: calendar_month
"""

MAINTENANCE = """\
  availability:
    target: 99.9
    window: calendar_month
    excluded: [maintenance]
    maintenance: {notice: 5wd, cap: 4h}
"""

CAUSES = """\
  availability:
    target: 99.9
    excluded: [customer, force_majeure]
"""


def one(found: dict[tuple[str, str], tuple[TierFigures, ...]], period: str) -> TierFigures:
    (tier,) = found[("SLA-2024-001", period)]
    return tier


def test_an_outage_across_midnight_and_the_month_end_counts_in_each_month_only_its_part() -> None:
    sla = agreement(PLAIN)
    con = database()
    add_outage(con, 1, "2026-10-15 23:50", "2026-10-16 00:20")  # 30 min across midnight
    add_outage(con, 2, "2026-10-31 23:30", "2026-11-01 01:00")  # 30 min in Oct, 60 in Nov
    found = availability(con, [job(sla, "2026-10"), job(sla, "2026-11")])
    october, november = one(found, "2026-10"), one(found, "2026-11")
    # October: 30 + 30 = 60 minutes; (44,640 − 60) / 44,640 = 99.865591…% → 99.8655.
    assert (october.downtime_minutes, october.service_minutes) == (60, OCTOBER)
    assert october.attained == Decimal("99.8655")
    assert not october.met
    # November: 00:00–01:00 of the 1st = 60 minutes; 43,140 / 43,200 = 99.861111…% → 99.8611.
    assert (november.downtime_minutes, november.service_minutes) == (60, NOVEMBER)
    assert november.attained == Decimal("99.8611")
    # The event is reported by the part inside each period.
    assert [c.minutes for c in october.counted] == [30, 30]
    assert [c.event.row for c in november.counted] == [2]
    assert november.counted[0].minutes == 60


def test_overlapping_outages_count_once() -> None:
    con = database()
    add_outage(con, 1, "2026-10-12 10:00", "2026-10-12 10:40")
    add_outage(con, 2, "2026-10-12 10:30", "2026-10-12 11:00")
    add_outage(con, 3, "2026-10-12 10:50", "2026-10-12 10:55")  # inside both
    tier = one(availability(con, [job(agreement(PLAIN), "2026-10")]), "2026-10")
    # The union is 10:00–11:00: 60 minutes, not 40 + 30 + 5 = 75.
    assert tier.downtime_minutes == 60
    assert tier.attained == Decimal("99.8655")  # as above: 44,580 / 44,640


def test_maintenance_too_late_and_over_the_cap_counts_and_in_time_is_excluded() -> None:
    con = database()
    # Late: announced Wed 30 Sep, done Fri 9 Oct: after the National Day holiday (1–7 Oct)
    # only 8 and 9 Oct are working days, 2 < 5 although 9 days passed. 30 min counted.
    add_outage(con, 1, "2026-10-09 01:00", "2026-10-09 01:30", kind="maintenance",
               notified="2026-09-30 09:00")  # fmt: skip
    # In time: announced Thu 15 Oct, done Thu 22 Oct: 16, 19, 20, 21, 22 = 5 working days.
    # 180 minutes, within the 240-minute cap (uses 180 of it).
    add_outage(con, 2, "2026-10-22 02:00", "2026-10-22 05:00", kind="maintenance",
               notified="2026-10-15 10:00")  # fmt: skip
    # An outage during that announced maintenance is maintenance: nothing more counts.
    add_outage(con, 3, "2026-10-22 03:00", "2026-10-22 03:30")
    # Late: announced Thu 22 Oct for Wed 28 Oct: 23, 26, 27, 28 = 4 working days. 120 min.
    add_outage(con, 4, "2026-10-28 01:00", "2026-10-28 03:00", kind="maintenance",
               notified="2026-10-22 18:00")  # fmt: skip
    # In time (announced 16 Oct for Sat 31 Oct), 120 minutes, but only 240 − 180 = 60 of
    # the cap are left: 60 excluded, 60 counted (over the cap).
    add_outage(con, 5, "2026-10-31 01:00", "2026-10-31 03:00", kind="maintenance",
               notified="2026-10-16 10:00")  # fmt: skip
    # In time, but the cap is used up: all 30 minutes count.
    add_outage(con, 6, "2026-10-31 10:00", "2026-10-31 10:30", kind="maintenance",
               notified="2026-10-16 10:00")  # fmt: skip
    tier = one(availability(con, [job(agreement(MAINTENANCE), "2026-10")]), "2026-10")
    # Downtime 30 + 120 + 60 + 30 = 240; excluded 180 + 60 = 240 (the outage inside is
    # covered). (44,640 − 240) / 44,640 = 99.462365…% → 99.4623. Excluded time stays in
    # the service time.
    assert (tier.downtime_minutes, tier.excluded_minutes) == (240, 240)
    assert tier.service_minutes == OCTOBER
    assert tier.attained == Decimal("99.4623")
    assert [(c.event.row, c.reason, c.minutes) for c in tier.counted] == [
        (1, "maintenance_late", 30),
        (3, "outage", 0),
        (4, "maintenance_late", 120),
        (5, "maintenance_over_cap", 60),
        (6, "maintenance_over_cap", 30),
    ]
    assert [(e.event.row, e.reason) for e in tier.exclusions] == [
        (2, "maintenance"),
        (5, "maintenance"),
    ]


def test_maintenance_is_downtime_when_the_agreement_does_not_exclude_it() -> None:
    con = database()
    add_outage(con, 1, "2026-10-22 02:00", "2026-10-22 05:00", kind="maintenance",
               notified="2026-10-01 10:00")  # fmt: skip
    tier = one(availability(con, [job(agreement(PLAIN), "2026-10")]), "2026-10")
    # No `excluded`: a term not given is not excluded. 180 minutes of downtime.
    assert (tier.downtime_minutes, tier.excluded_minutes) == (180, 0)
    assert tier.counted[0].reason == "not_excluded"


def test_customer_and_force_majeure_are_excluded_a_third_party_is_not() -> None:
    con = database()
    add_outage(con, 1, "2026-10-12 10:00", "2026-10-12 11:00", kind="customer")
    add_outage(con, 2, "2026-10-13 10:00", "2026-10-13 10:30", kind="force_majeure")
    add_outage(con, 3, "2026-10-14 10:00", "2026-10-14 10:20", kind="third_party")
    tier = one(availability(con, [job(agreement(CAUSES), "2026-10")]), "2026-10")
    # Downtime 20 (third party, not listed); excluded 60 + 30 = 90.
    # (44,640 − 20) / 44,640 = 99.955197…% → 99.9551: met (≥ 99.9).
    assert (tier.downtime_minutes, tier.excluded_minutes) == (20, 90)
    assert tier.attained == Decimal("99.9551")
    assert tier.met
    assert [(e.event.row, e.reason) for e in tier.exclusions] == [
        (1, "customer"),
        (2, "force_majeure"),
    ]
    assert [(c.event.row, c.reason) for c in tier.counted] == [(3, "not_excluded")]


def test_business_hours_count_only_downtime_inside_them() -> None:
    sla = agreement(PLAIN, text=business_hours(sample_text()))
    london = "Europe/London"
    con = database()
    # Fri 9 Oct 17:00 to Mon 12 Oct 09:00: 17:00–17:30 Friday and 08:30–09:00 Monday count.
    add_outage(con, 1, "2026-10-09 17:00", "2026-10-12 09:00", zone=london)
    # All of Saturday 10 Oct: outside the service hours.
    add_outage(con, 2, "2026-10-10 00:00", "2026-10-11 00:00", zone=london)
    tier = one(availability(con, [job(sla, "2026-10")]), "2026-10")
    # October 2026 has 22 weekdays (Thu 1 to Fri 30), no English bank holiday: 22 × 9 h
    # = 11,880 minutes (the clocks going back on Sun 25 Oct change no working hour).
    # (11,880 − 60) / 11,880 = 99.494949…% → 99.4949.
    assert (tier.service_minutes, tier.downtime_minutes) == (11_880, 60)
    assert tier.attained == Decimal("99.4949")
    assert [(e.event.row, e.reason, e.event.minutes) for e in tier.exclusions] == [
        (2, "outside_service_hours", 0)
    ]


HOURLY = """\
  availability:
    - id: instance
      target: 99.5
      window: hour
      downtime: {interval: 1m, partial: not_counted}
"""


def test_an_hourly_window_counts_the_hours_that_missed() -> None:
    con = database()
    # 10:00:30–10:02:00: only the minute 10:01–10:02 is wholly down → 1 minute.
    add_outage(con, 1, "2026-10-05 10:00:30", "2026-10-05 10:02:00", tier="instance")
    # 10:59:30–11:00:30: two half minutes, neither wholly down → 0.
    add_outage(con, 2, "2026-10-06 10:59:30", "2026-10-06 11:00:30", tier="instance")
    tier = one(availability(con, [job(agreement(HOURLY), "2026-10")]), "2026-10")
    # 31 × 24 = 744 hours; 5 Oct 10:00 had 59 of 60 minutes: 98.3333% < 99.5, missed.
    assert (tier.windows, tier.windows_missed) == (744, 1)
    assert tier.lowest == Decimal("98.3333")
    # Over the month: (44,640 − 1) / 44,640 = 99.997759…% → 99.9977; not met (an hour missed).
    assert (tier.downtime_minutes, tier.attained, tier.met) == (1, Decimal("99.9977"), False)


def _five_minutes(partial: str) -> str:
    return f"""\
  availability:
    target: 99.9
    downtime: {{interval: 5m, partial: {partial}}}
"""


def test_a_five_minute_interval_with_partial_intervals_counted_or_not() -> None:
    rows = [("2026-10-12 10:02", "2026-10-12 10:13"), ("2026-10-12 10:14", "2026-10-12 10:16")]
    found = {}
    for partial in ("counted", "not_counted"):
        con = database()
        for number, (start, end) in enumerate(rows, 1):
            add_outage(con, number, start, end)
        found[partial] = one(
            availability(con, [job(agreement(_five_minutes(partial)), "2026-10")]), "2026-10"
        )
    # Steps from local midnight: 10:02–10:13 touches 10:00, 10:05, 10:10; 10:14–10:16
    # touches 10:10 (already counted) and 10:15: 4 steps × 5 = 20 minutes.
    assert found["counted"].downtime_minutes == 20
    # Wholly down: only 10:05–10:10: 5 minutes.
    assert found["not_counted"].downtime_minutes == 5


def test_seconds_round_up_to_a_started_minute_without_a_definition() -> None:
    con = database()
    add_outage(con, 1, "2026-10-12 10:00:10", "2026-10-12 10:01:00")  # 50 s
    add_outage(con, 2, "2026-10-13 10:00:00", "2026-10-13 10:00:20")  # 20 s
    tier = one(availability(con, [job(agreement(PLAIN), "2026-10")]), "2026-10")
    # 70 seconds in the month: a started minute counts → 2 minutes.
    assert tier.downtime_minutes == 2


def test_every_job_is_answered_and_a_quiet_month_is_met() -> None:
    sla = agreement(PLAIN)
    found = availability(database(), [job(sla, "2026-10"), job(sla, "2026Q4")])
    assert one(found, "2026-10").attained == Decimal("100.0000")
    # Q4: 92 days × 1,440.
    assert one(found, "2026Q4").service_minutes == 92 * 1440
    assert one(found, "2026Q4").met


TWO_TIERS = """\
  availability:
    - {id: region, target: 99.99}
    - {id: storage, target: 99.9}
"""


def test_one_call_answers_every_agreement_and_tier_from_its_own_rows() -> None:
    london = business_hours(sample_text()).replace("id: SLA-2024-001", "id: SLA-2024-009", 1)
    office = agreement(PLAIN, text=london)
    cloud = agreement(TWO_TIERS)
    con = database()
    add_outage(con, 1, "2026-10-12 10:00", "2026-10-12 10:30", tier="region")
    add_outage(con, 2, "2026-10-13 10:00", "2026-10-13 10:10", tier="storage")
    add_outage(con, 3, "2026-10-14 10:00", "2026-10-14 10:05")  # no tier: every tier
    # The same local hours in London: Monday 12 October 10:00-10:45, inside 08:30-17:30.
    add_outage(con, 4, "2026-10-12 10:00", "2026-10-12 10:45", agreement_id="SLA-2024-009",
               zone="Europe/London")  # fmt: skip
    found = availability(con, [job(cloud, "2026-10"), job(office, "2026-10")])
    region, storage = found[("SLA-2024-001", "2026-10")]
    # region: 30 + 5 = 35 minutes; storage: 10 + 5 = 15.
    assert (region.tier, region.downtime_minutes) == ("region", 35)
    assert (storage.tier, storage.downtime_minutes) == ("storage", 15)
    # (44,640 − 35) / 44,640 = 99.921594…% → 99.9215 < 99.99; storage 99.966397… → 99.9663.
    assert (region.attained, region.met) == (Decimal("99.9215"), False)
    assert (storage.attained, storage.met) == (Decimal("99.9663"), True)
    (london_tier,) = found[("SLA-2024-009", "2026-10")]
    # 11,880 service minutes as above; 45 down: 11,835 / 11,880 = 99.621212…% → 99.6212.
    assert (london_tier.downtime_minutes, london_tier.attained) == (45, Decimal("99.6212"))


def test_in_a_quarter_each_calendar_month_has_its_own_maintenance_cap() -> None:
    capped = "  availability:\n    target: 99.9\n    excluded: [maintenance]\n" \
             "    maintenance: {cap: 1h}\n"  # fmt: skip
    con = database()
    add_outage(con, 1, "2026-10-12 01:00", "2026-10-12 01:50", kind="maintenance")
    add_outage(con, 2, "2026-11-12 01:00", "2026-11-12 01:50", kind="maintenance")
    add_outage(con, 3, "2026-12-12 01:00", "2026-12-12 02:30", kind="maintenance")
    tier = one(availability(con, [job(agreement(capped), "2026Q4")]), "2026Q4")
    # No notice is required. October 50 and November 50, each under its month's 60;
    # December 90: 60 excluded, 30 over the cap. Downtime 30, excluded 50 + 50 + 60 = 160.
    assert (tier.downtime_minutes, tier.excluded_minutes) == (30, 160)
    # 92 days × 1,440 = 132,480; 132,450 / 132,480 = 99.977355…% → 99.9773.
    assert tier.attained == Decimal("99.9773")
