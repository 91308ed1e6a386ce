"""The catalogue shows the first availability tier with "+N tiers"; catalogue.json and the
agreement page's card list every tier."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sitegen.catalogue import catalogue_rows, to_json
from sitegen.load import load_agreement_text
from sitegen.load.model import Agreement
from sitegen.site.agreement_page import _availability
from tests.real_credit_slas import cloud_sla

TODAY = dt.date(2025, 2, 15)


def cloud() -> Agreement:
    loaded = load_agreement_text(cloud_sla(), Path("agreement.yaml"))
    assert loaded.agreement is not None, loaded.findings
    return loaded.agreement


def test_the_catalogue_shows_the_first_tier_and_how_many_more() -> None:
    (row,) = catalogue_rows([cloud()], TODAY)
    assert row.availability is not None and f"{row.availability}" == "99.99"
    assert row.label("availability", "en") == "99.99% +1 tier"
    assert row.label("availability", "zh") == "99.99%（另 1 个范围）"


def test_catalogue_json_lists_every_tier() -> None:
    (record,) = json.loads(to_json([cloud()], TODAY))["agreements"]
    assert record["availability"] == "99.99"
    assert record["availability_tiers"] == [
        {"id": "region", "scope": {"zh": "地域", "en": "Region"}, "target": "99.99",
         "window": "calendar_month"},
        {"id": "instance", "scope": {"zh": "单实例", "en": "Single instance"}, "target": "99.5",
         "window": "hour"},
    ]  # fmt: skip


def test_the_agreement_card_lists_each_tier() -> None:
    agreement = cloud()
    (row,) = catalogue_rows([agreement], TODAY)
    assert _availability(agreement, row, "en") == (
        "Region: 99.99% per calendar month<br>Single instance: 99.5% per hour"
    )
    assert (
        _availability(agreement, row, "zh") == "地域：99.99%（每自然月）<br>单实例：99.5%（每小时）"
    )
