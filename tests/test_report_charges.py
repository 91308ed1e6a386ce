"""Billing data in: what each tier's service cost in a period, the basis of credits on
charges (a cloud provider's published SLA credits a share of the affected service's bill).

Read like outages and tickets (CSV, JSON Lines, Parquet, through a mapping), every problem
named by file, row and column, nothing read when there is one; then `sitegen report` on the
published cloud SLA of the samples gives the credit its amount."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb
import pytest
from click.testing import CliRunner

from sitegen.cli import cli
from sitegen.reports import rows
from sitegen.reports.billing import charges_of
from sitegen.reports.credits import Charges
from sitegen.reports.inputerrors import InputErrors
from sitegen.reports.read import Expect, read_charges
from tests.helpers import REPO, WITHOUT_REPORTS

SHANGHAI = ZoneInfo("Asia/Shanghai")
EXPECT = {
    # A published cloud SLA: two tiers, monthly, no fees of its own (any one currency).
    "SLA-CLOUD": Expect(SHANGHAI, frozenset({"region", "instance"}), (), "month", None),
    # An outsourcing contract: one tier without an id, quarterly, fees in CNY.
    "SLA-OUT": Expect(SHANGHAI, frozenset(), ("P1",), "quarter", "CNY"),
}
HEADER = "agreement,period,tier,charged,paid,currency,ref\n"


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    rows.create_tables(connection)
    return connection


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_charges_by_agreement_and_period_with_paid_summed(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    bills = write(
        tmp_path / "bills.csv",
        HEADER + "SLA-CLOUD,2026-05,region,12000.00,,USD,INV-1\n"
        "SLA-CLOUD,2026-05,instance, 800.5 ,800.50,USD,INV-2\n"
        "SLA-OUT,2026Q2,,30000,29000.25,CNY,\n",
    )
    assert read_charges(con, [bills], EXPECT).rows == 3
    assert charges_of(con) == {
        # Paid: the instance's 800.50, the region gave none (not zero: unknown).
        ("SLA-CLOUD", "2026-05"): Charges(
            "USD", {"region": Decimal("12000"), "instance": Decimal("800.5")}, Decimal("800.5")
        ),
        ("SLA-OUT", "2026Q2"): Charges("CNY", {"": Decimal("30000")}, Decimal("29000.25")),
    }


def test_every_bad_value_is_named_by_row_and_column_and_nothing_is_read(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    bills = write(
        tmp_path / "bills.csv",
        HEADER + 'SLA-CLOUD,2026-05,region,"12,000.00",,USD,\n'  # 1: a separator
        "SLA-CLOUD,2026-5,instance,800,,USD,\n"  # 2: not a period
        "SLA-OUT,2026-05,,800,,CNY,\n"  # 3: a month of a quarterly agreement
        "SLA-OUT,2026Q2,,800,,USD,\n"  # 4: not the currency of its fees
        "SLA-CLOUD,2026-06,,800,,usd,\n"  # 5: two tiers, none named; not a code
        "SLA-CLOUD,2026-07,region,1,,USD,\n"
        "SLA-CLOUD,2026-07,region,2,,USD,\n"  # 7: the same tier's bill twice
        "SLA-CLOUD,2026-07,instance,3,-1,EUR,\n"  # 8: another currency; a negative paid
        "SLA-NONE,2026-07,,3,,EUR,\n"  # 9: not an agreement reported on
        ",2026-07,region,,,,\n",  # 10: no agreement (no default)
    )
    with pytest.raises(InputErrors) as raised:
        read_charges(con, [bills], EXPECT)
    name = str(bills)
    assert [line.strip() for line in str(raised.value).splitlines()[1:]] == [
        f"{name}:1: column charged: '12,000.00' is not an amount: write digits and a point "
        "(12400.50)",
        f"{name}:2: column period: '2026-5' is not a period: write a month (2026-10) or a quarter "
        "(2026Q3)",
        f"{name}:3: column period: '2026-05' is not the agreement's measurement period: "
        "SLA-OUT measures by quarter",
        f"{name}:4: column currency: 'USD' is not the currency of the fees: SLA-OUT's fees are "
        "in CNY",
        f"{name}:5: column tier: empty: SLA-CLOUD has several tiers (instance, region); name one",
        f"{name}:5: column currency: 'usd' is not an ISO 4217 currency code (CNY, USD, EUR)",
        f"{name}:7: column tier: the charges of '2026-07 region' are also at {name}:6",
        f"{name}:8: column paid: '-1' is not an amount: write digits and a point (12400.50)",
        f"{name}:8: column currency: 'EUR': this period's charges are in USD at {name}:6",
        f"{name}:9: column agreement: 'SLA-NONE' is not an agreement being reported on",
        f"{name}:10: column agreement: empty: every row needs it",
    ]
    assert con.execute("SELECT count(*) FROM charges").fetchone() == (0,)


def test_a_bill_read_before_counts_when_the_next_file_repeats_it(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    first = write(tmp_path / "october.csv", HEADER + "SLA-OUT,2026Q3,,900,,CNY,\n")
    read_charges(con, [first], EXPECT)
    again = write(tmp_path / "again.jsonl", '{"agreement": "SLA-OUT", "period": "2026Q3", '
                  '"charged": "950", "currency": "CNY"}\n')  # fmt: skip
    with pytest.raises(InputErrors) as raised:
        read_charges(con, [again], EXPECT)
    assert f"{again}:1: column tier: the charges of '2026Q3' are also at {first}:1" in str(
        raised.value
    )


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The samples (the published cloud SLA signed v1 and v2, its archive beside it), their
    templates and the demo data."""
    for name in ("agreements", "templates", "service-data"):
        shutil.copytree(REPO / name, tmp_path / name, ignore=WITHOUT_REPORTS)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def report_json(*extra: str) -> str:
    result = CliRunner().invoke(
        cli,
        ["report", "SLA-2025-005", "--period", "2026-05", "--format", "json", "--dry-run",
         "--outages", "service-data/outages.csv", *extra],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_cloud_credit_is_a_share_of_the_affected_services_bill(project: Path) -> None:
    without = json.loads(report_json())["credits"]
    # Without the bill the percent is known but not the amount.
    assert without["amount"] is None
    found = json.loads(report_json("--charges", "service-data/charges.csv"))
    region = next(t for t in found["availability"] if t["tier"] == "region")
    assert region["met"] is False
    credits = found["credits"]
    assert credits["currency"] == "CNY"
    # 60 days after the period's end, 31 May: 30 days of June, then 30 of July.
    assert credits["claim_by"] == "2026-07-30"
    # The region was down 7 of May's 44,640 minutes: (44,640 - 7) / 44,640 = 99.9843%,
    # under 99.99%, the 10% band; the instance met its 99.5%. May's bill for the region
    # (charges.csv) is CNY 18,170.14: 10% is 1,817.014, half up to the fen 1,817.01.
    assert region["attained"] == "99.9843"  # decimals as text, never a float
    assert credits["percent"] == "10"
    assert credits["amount"] == "1817.01"
