"""The agreement card's recovery objectives and breach notice (sitegen.site.recovery_facts):
the outsourcing contract SLA-2025-004 (one entry, RPO 15m, RTO 4h, breach notice within 24h
to the customer's Information Security Officer), an agreement whose entries differ, and one
without the terms, whose card gains nothing."""

from __future__ import annotations

import datetime as dt

from sitegen.catalogue import catalogue_rows
from sitegen.load.continuity import Continuity
from sitegen.load.model import Agreement
from sitegen.load.values import Duration
from sitegen.site.recovery_facts import recovery_facts
from tests.test_compose import sample

TODAY = dt.date(2026, 12, 2)


def _facts(agreement: Agreement, lang: str) -> dict[str, str]:
    row = catalogue_rows([agreement], TODAY, include_restricted=True)[0]
    return dict(recovery_facts(agreement, row, lang))  # type: ignore[arg-type]


def test_one_entry_reads_as_one_line_in_both_languages() -> None:
    agreement = sample("SLA-2025-004")
    assert _facts(agreement, "zh") == {
        "recovery_objectives": "RPO 15 分钟 · RTO 4 小时",
        "breach_notice": "24 小时内通知客户方信息安全负责人",
    }
    assert _facts(agreement, "en") == {
        "recovery_objectives": "RPO 15 minutes · RTO 4 hours",
        "breach_notice": "Within 24 hours, to the customer&#x27;s Information Security Officer",
    }


def test_entries_that_differ_are_each_named() -> None:
    # An internal OLA: its CRM recovers within 4h from hourly backups, every other service
    # (no `services`: all) within 1 day (24 hours) with no RPO.
    agreement = sample("OLA-2025-001").model_copy(
        update={
            "continuity": [
                Continuity(services=["crm"], rpo=Duration(minutes=60), rto=Duration(minutes=240)),
                Continuity(rto=Duration(minutes=1440)),
            ]
        }
    )
    lines = _facts(agreement, "zh")["recovery_objectives"].split("<br>")
    assert lines[1] == "全部服务：RTO 24 小时"
    assert lines[0].endswith("：RPO 1 小时 · RTO 4 小时") and lines[0].startswith("服务“")
    en = _facts(agreement, "en")["recovery_objectives"].split("<br>")
    assert en[1] == "All services: RTO 24 hours"


def test_an_agreement_without_the_terms_shows_neither() -> None:
    assert _facts(sample("SLA-2024-001"), "zh") == {}
    assert _facts(sample("SLA-2025-005"), "en") == {}


def test_a_hostile_role_is_escaped() -> None:
    from sitegen.load.base import Bilingual

    base = sample("SLA-2025-004")
    assert base.data is not None and base.data.breach_notice is not None
    notice = base.data.breach_notice.model_copy(
        update={"to": Bilingual(zh="<script>x</script>负责人", en="<img src=x onerror=1>")}
    )
    agreement = base.model_copy(
        update={"data": base.data.model_copy(update={"breach_notice": notice})}
    )
    zh = _facts(agreement, "zh")["breach_notice"]
    assert "<script>" not in zh and "&lt;script&gt;" in zh
    assert "<img" not in _facts(agreement, "en")["breach_notice"]
