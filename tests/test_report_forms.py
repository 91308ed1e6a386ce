"""The report's forms: text and Markdown with bilingual labels, JSON as the README documents
it; no value from an input file becomes a control sequence, Markdown or HTML."""

from __future__ import annotations

import dataclasses
import json
import re
from decimal import Decimal

import pytest

from sitegen.reports.figures import Breach, CreditsDue
from sitegen.reports.forms import as_json, render_report
from tests.helpers import REPO
from tests.report_factory import cloud_october, readme_example, university_october

HOSTILE = "INC-9|<script>x</script>\n[a](javascript:alert(1)) \x1b[2J\u202e::warning::x"


def test_the_json_has_the_fields_of_the_stable_interface() -> None:
    document = json.loads(as_json(university_october()))
    assert list(document) == [
        "agreement", "version", "period", "start", "end", "passed",
        "availability", "priorities", "breaches", "credits", "notes",
    ]  # fmt: skip
    tier = document["availability"][0]
    assert {k: tier[k] for k in list(tier)[:7]} == {
        "tier": "",
        "target": "99.9",
        "attained": "99.2592",  # (9,720 − 72) / 9,720 = 99.25925…, 4 places rounded down
        "downtime_minutes": 72,
        "excluded_minutes": 0,
        "service_minutes": 9720,  # 18 working days × 540 minutes
        "met": False,
    }
    p1, p2, p3 = document["priorities"]
    assert p1["response"] == {
        "target": "15m",
        "clock": "calendar",
        "required": "100",
        "tickets": 4,
        "within": 3,
        "attainment": "75.00",  # 3 of 4
        "met": False,
    }
    assert p2["resolution"] is None  # the agreement sets no resolution target for P2
    assert p3["response"]["attainment"] is None  # no tickets: met, nothing to divide
    assert document["credits"] == {
        "percent": "5",
        "amount": "1000.00",  # 5 % of 20,000.00 CNY
        "currency": "CNY",
        "claim_by": "2026-11-30",
        "capped": False,
        "tiers": [{"tier": "", "below": "99.5", "percent": "5"}],
    }
    assert document["passed"] is False


def test_the_readme_shows_the_json_as_it_is() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### The report as JSON") :]
    shown = re.search(r"```json\n(.*?)```", section, re.DOTALL)
    assert shown is not None
    assert shown.group(1) == as_json(readme_example())


def test_text_labels_both_languages() -> None:
    assert render_report(readme_example(), "text") == (
        "服务报告 Service report · SLA-2024-001 v1 · 2026-10\n"
        "  报告期 Period: 2026-10: 2026-10-01 – 2026-10-31 "
        "(UTC 2026-09-30T16:00:00Z – 2026-10-31T16:00:00Z)\n"
        "  结论 Result: 未达标 Not met\n"
        "\n"
        "可用性 Availability\n"
        "  全部 All: 实际 Attained 99.2592% · 目标 Target 99.9% · 未达标 Not met\n"
        "    停机 Downtime 72 分钟/min · 除外 Excluded 0 分钟/min · 服务时间 Service time "
        "9720 分钟/min\n"
        "\n"
        "响应与解决 Response and resolution\n"
        "  P1 (4 工单数 Tickets)\n"
        "    响应 Response 15m: 3/4 = 75.00% (要求 Required 100%) · 未达标 Not met\n"
        "    解决 Resolution 4h: 4/4 = 100.00% (要求 Required 100%) · 达标 Met\n"
        "\n"
        "未达标工单 Breaches\n"
        "  INC-2041 P1 响应 Response: 22 / 15 分钟/min\n"
        "\n"
        "服务补偿 Service credits\n"
        "  补偿比例 Credit 5% · 补偿金额 Amount 1000.00 CNY · 申请截止 Claim by 2026-11-30\n"
    )


def test_text_of_two_tiers_and_credits_without_an_amount() -> None:
    figures = cloud_october()
    assert figures.credits is not None
    credits = dataclasses.replace(figures.credits, amount=None, capped=True)
    text = render_report(dataclasses.replace(figures, credits=credits), "text")
    assert "  compute: 实际 Attained 99.9887% · 目标 Target 99.99% · 未达标 Not met\n" in text
    assert "  storage: 实际 Attained 100.0000% · 目标 Target 99.9% · 达标 Met\n" in text
    assert (
        "  补偿比例 Credit 10% · 补偿金额 Amount 未知 not known · 申请截止 Claim by 2026-12-31 "
        "· 已达上限 Capped\n"
    ) in text
    assert "响应与解决 Response and resolution\n  无 none\n" in text
    no_terms = render_report(dataclasses.replace(figures, credits=None), "text")
    assert no_terms.endswith(
        "服务补偿 Service credits\n  协议未约定服务补偿 The agreement sets no service credits\n"
    )


def hostile_figures() -> object:
    breach = Breach(HOSTILE, "P1", "resolution", 240, 300, True, "t.csv", 3)
    return dataclasses.replace(university_october(), breaches=(breach,), notes=(HOSTILE,))


def test_text_shows_untrusted_values_without_acting_on_them() -> None:
    text = render_report(hostile_figures(), "text")  # type: ignore[arg-type]
    assert "\x1b" not in text and "\u202e" not in text
    line = (
        "  INC-9|<script>x</script>\\x0a[a](javascript:alert(1)) \\x1b[2J\\u202e::warning::x "
        "P1 解决 Resolution: 300 / 240 分钟/min · 期末未关闭 Open at period end"
    )
    assert line in text.splitlines()


def test_markdown_keeps_untrusted_values_text() -> None:
    md = render_report(hostile_figures(), "md")  # type: ignore[arg-type]
    assert "<script>" not in md and "](javascript" not in md and "\x1b" not in md
    rows = [line for line in md.splitlines() if line.startswith("| INC")]
    assert rows == [
        "| INC\\-9\\|&lt;script&gt;x&lt;/script&gt;\\\\x0a"
        "\\[a\\]\\(javascript:alert\\(1\\)\\) \\\\x1b\\[2J\\\\u202e::"
        "warning::x | P1 | 解决 Resolution | 300 | 240 | 是 yes |"
    ]


def test_markdown_of_the_readme_example() -> None:
    md = render_report(readme_example(), "md")
    assert md.startswith("## 服务报告 Service report: SLA\\-2024\\-001 v1 · 2026\\-10\n")
    assert "| 全部 All | 99\\.9% | 99\\.2592% | 72 | 0 | 9720 | 未达标 Not met |\n" in md
    assert (
        "| P1 | 4 | 15m: 3/4 &#61; 75\\.00% · 未达标 Not met "
        "| 4h: 4/4 &#61; 100\\.00% · 达标 Met |\n" in md
    )


def test_json_escapes_what_a_terminal_would_act_on() -> None:
    out = as_json(hostile_figures())  # type: ignore[arg-type]
    assert "\u202e" not in out and "\x1b" not in out
    assert json.loads(out)["breaches"][0]["ticket"] == HOSTILE


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="no report format 'pdf'"):
        render_report(university_october(), "pdf")  # type: ignore[arg-type]


def test_credits_due_keep_their_digits_in_json() -> None:
    credits = CreditsDue(Decimal("7.5"), Decimal("0.10"), "USD", None)
    out = json.loads(as_json(dataclasses.replace(university_october(), credits=credits)))
    assert out["credits"] == {
        "percent": "7.5",
        "amount": "0.10",
        "currency": "USD",
        "claim_by": None,
        "capped": False,
        "tiers": [],
    }
