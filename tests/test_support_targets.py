"""Support targets as real SLAs write them: levels named by the agreement, optional
priorities, response or resolution or both, clocks, attainment percentages and a priority
matrix, through load, lint, the contract, the catalogue, the agreement page and the diff."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
from ruamel.yaml import YAML

from sitegen.catalogue import catalogue_rows
from sitegen.compose import compose, select_template
from sitegen.compose.contract import Contract, Paragraph, Table
from sitegen.compose.templates import TemplateIndex
from sitegen.diff.fields import Change, diff_terms
from sitegen.load import load_agreement_text
from sitegen.load.model import Agreement
from sitegen.load.schema import schema_text
from sitegen.output import as_text
from sitegen.site.agreement_page import slo_tables
from tests import real_slas
from tests.helpers import REPO, line_of, lint_sample, replace_once, sample_text, where

FILE = "agreements/SLA-2024-001/agreement.yaml"


def load(text: str) -> Agreement:
    loaded = load_agreement_text(text, Path(FILE))
    assert loaded.agreement is not None, [f.message for f in loaded.findings]
    return loaded.agreement


def schema_errors(text: str) -> list[str]:
    loaded = load_agreement_text(text, Path("F"))
    return [as_text(f) for f in loaded.findings]


def contract(text: str) -> Contract:
    agreement = load(text)
    return compose(agreement, select_template(agreement, TemplateIndex(REPO / "templates")))


def clause(found: Contract, clause_id: str, lang: str = "zh") -> str:
    one = next(c for c in found.clauses() if c.id == clause_id)
    return " ".join(b.text.get(lang) for b in one.blocks if isinstance(b, Paragraph))  # type: ignore[arg-type]


def table(found: Contract, clause_id: str, lang: str = "zh") -> list[list[str]]:
    one = next(c for c in found.clauses() if c.id == clause_id)
    tables = [b for b in one.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    return [[cell.get(lang) for cell in tables[0].header]] + [  # type: ignore[arg-type]
        [cell.get(lang) for cell in row]  # type: ignore[arg-type]
        for row in tables[0].rows
    ]


def ids(found: Contract) -> list[str]:
    return [c.id for c in found.clauses()]


# The three agreements validate without findings.


def test_real_support_slas_validate_clean(tmp_path: Path) -> None:
    for text in (real_slas.university(), real_slas.saas(), real_slas.cloud()):
        assert lint_sample(tmp_path, text) == []


def test_short_and_long_forms_load_to_the_same_target() -> None:
    short = load(sample_text()).slos.priorities[0].response
    long = (
        load(replace_once(sample_text(), "response: 15m", "response: {within: 15m}"))
        .slos.priorities[0]
        .response
    )
    assert short == long
    assert short is not None and (short.clock, short.attainment, short.every) == (
        "service_hours",
        None,
        True,
    )


# University: P1–P5, business hours, percentages, a matrix.


def test_university_table_names_percentages_and_the_clock_where_they_differ() -> None:
    found = contract(real_slas.university())
    rows = table(found, "service-levels.priorities")
    assert rows[0] == ["级别", "名称", "定义", "响应时限", "解决时限"]
    assert rows[1][3:] == ["30 分钟（90%，服务时间）", "4 小时（80%，自然时间）"]
    assert table(found, "service-levels.priorities", "en")[2][3:] == [
        "1 hour (90%, Service Hours)",
        "8 hours (80%, Service Hours)",
    ]


def test_university_sentences_follow_the_percentages_and_clocks() -> None:
    found = contract(real_slas.university())
    zh, en = (
        clause(found, "service-levels.priorities"),
        clause(found, "service-levels.priorities", "en"),
    )
    assert (
        "每个统计周期内，各级别故障中达到下表某一时限的故障所占比例，不得低于该时限后括号内注明的百分比。"
        in zh
    )
    assert "每一故障" not in zh and "every incident" not in en
    assert "按“故障级别矩阵”一条由影响度和紧急度确定" in zh
    counting = clause(found, "service-hours.counting", "en")
    assert counting.startswith(
        'Of the limits under "Service Level Objectives", those marked "calendar time" run '
        "continuously"
    )
    assert "which total 45 hours a week" in counting
    criteria = clause(found, "measurement.criteria", "en")
    assert "every incident" not in criteria


def test_university_matrix_is_a_table() -> None:
    rows = table(contract(real_slas.university()), "service-levels.matrix", "en")
    assert rows[:3] == [
        ["Impact", "Urgency", "Priority"],
        ["University-wide", "High", "P1"],
        ["University-wide", "Medium", "P2"],
    ]
    assert len(rows) == 1 + 9


def test_university_page_shows_the_matrix_as_a_grid() -> None:
    html = slo_tables(load(real_slas.university()), "en")
    assert "<th>Impact / Urgency</th><th>High</th><th>Medium</th><th>Low</th>" in html
    assert "<tr><td>Individual</td><td>P3</td><td>P4</td><td>P5</td></tr>" in html
    assert "<td>30 minutes (90%, Service Hours)</td>" in html


def test_university_catalogue_shows_the_first_level_with_its_share() -> None:
    row = catalogue_rows([load(real_slas.university())], dt.date(2025, 2, 15))[0]
    assert (row.label("p1_response", "zh"), row.label("p1_response", "en")) == (
        "30 分钟（90%）",
        "30 minutes (90%)",
    )


# SaaS: Sev1–Sev4, response targets only, Sev1 round the clock.


def test_saas_contract_speaks_of_response_times_only() -> None:
    found = contract(real_slas.saas())
    rows = table(found, "service-levels.priorities", "en")
    assert rows[0] == ["Priority", "Name", "Definition", "Response within"]
    assert [r[0] for r in rows[1:]] == ["Sev1", "Sev2", "Sev3", "Sev4"]
    assert [r[3] for r in rows[1:3]] == ["1 hour (calendar time)", "4 hours (Service Hours)"]
    assert "For every incident, the Response Time must not exceed the limits in the table." in (
        clause(found, "service-levels.priorities", "en")
    )
    terms = clause(found, "definitions.terms")
    everything = " ".join(
        item.zh
        for c in found.clauses()
        if c.id == "definitions.terms"
        for b in c.blocks
        if not isinstance(b, Paragraph | Table)
        for item in b.items  # type: ignore[attr-defined]
    )
    assert "响应时间：" in everything and "解决时间：" not in everything, terms
    assert "解决时间" not in clause(found, "measurement.criteria")


def test_saas_catalogue_takes_sev1_as_the_first_level() -> None:
    row = catalogue_rows([load(real_slas.saas())], dt.date(2025, 2, 15))[0]
    assert row.label("p1_response", "en") == "1 hour"


# Cloud: availability only.


def test_cloud_contract_has_no_priorities_and_no_response_times() -> None:
    found = contract(real_slas.cloud())
    assert "service-levels.priorities" not in ids(found)
    assert "service-hours.counting" not in ids(found)
    every = " ".join(text for c in found.clauses() for b in c.blocks for text in _texts(b))
    for word in ("响应时间", "解决时间", "Response Time", "Resolution Time", "处理时限"):
        assert word not in every, word
    assert clause(found, "measurement.criteria", "en") == (
        'A Statistics Period passes when availability meets the targets under "Service '
        'Level Objectives".'
    )
    assert clause(found, "measurement.criteria") == (
        "统计周期内可用性达到“服务等级目标”一节规定的，该统计周期视为达标。"
    )


def _texts(block: object) -> list[str]:
    found: list[str] = []
    for name in ("text", "items", "heads"):
        value = getattr(block, name, None)
        values = value if isinstance(value, list | tuple) else [value]
        found += [v.zh + " " + v.en for v in values if hasattr(v, "zh")]
    for row in getattr(block, "rows", ()):
        found += [cell.zh + " " + cell.en for cell in row]
    return found


def test_cloud_catalogue_and_page_show_no_priority() -> None:
    agreement = load(real_slas.cloud())
    row = catalogue_rows([agreement], dt.date(2025, 2, 15))[0]
    assert (row.p1_response, row.label("p1_response", "zh")) == (None, "—")
    assert slo_tables(agreement, "zh") == ""


# Lint: levels as the agreement names them.


def test_sev_levels_with_a_gap(tmp_path: Path) -> None:
    text = replace_once(real_slas.saas(), "level: Sev3", "level: Sev5")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'level: Sev5', 'Sev5')}: SG602 [warning] slos.priorities[2].level: "
        "expected Sev3 here, found Sev5: list the levels in order from Sev1 (most severe) "
        "without gaps"
    ]


def test_levels_from_p0_and_named_levels_need_no_numbers(tmp_path: Path) -> None:
    text = sample_text()
    for old, new in (("P1", "P0"), ("P2", "P1"), ("P3", "P2")):
        text = replace_once(text, f"level: {old}", f"level: {new}")
    assert lint_sample(tmp_path, text) == []
    named = sample_text()
    for old, new in (("P1", "紧急"), ("P2", "高"), ("P3", "中")):
        named = replace_once(named, f"level: {old}", f"level: {new}")
    assert lint_sample(tmp_path, named) == []


def test_a_later_level_may_not_be_faster_on_the_same_clock(tmp_path: Path) -> None:
    text = replace_once(real_slas.saas(), "response: 8h", "response: 2h")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'response: 2h', '2h')}: SG604 slos.priorities[2].response: Sev3 "
        "response 2h is faster than Sev2's 4h: a less severe incident may not be handled "
        "faster; give Sev3 at least 4h"
    ]


def test_targets_on_different_clocks_are_not_compared(tmp_path: Path) -> None:
    # Sev1 answers within 1 hour of calendar time, Sev2 within 4 service hours: no order.
    text = replace_once(
        real_slas.saas(), "{within: 1h, clock: calendar}", "{within: 6h, clock: calendar}"
    )
    assert lint_sample(tmp_path, text) == []


def test_matrix_names_undeclared_levels_and_has_the_wrong_shape(tmp_path: Path) -> None:
    text = replace_once(real_slas.university(), "      - [P3, P4, P5]\n", "      - [P3, P6]\n")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, '- [P3, P6]', '[')}: SG609 slos.matrix.levels[2]: row 3 has 2 levels "
        "for 3 urgency values: give one level per urgency, in the order of `urgency`",
        f"{where(text, '- [P3, P6]', 'P6')}: SG608 slos.matrix.levels[2][1]: P6 is not a level "
        "of slos.priorities (declared: P1, P2, P3, P4, P5): name a declared level, or add it "
        "to the priorities",
    ]


def test_a_priority_without_any_target() -> None:
    text = replace_once(sample_text(), "      response: 15m\n      resolution: 4h\n", "")
    assert schema_errors(text) == [
        f"F:{line_of(text, 'level: P1')}:7: SG203 slos.priorities[0]: P1 has no target: give a "
        "response target, a resolution target or both"
    ]


def test_a_level_is_a_short_code_without_markup() -> None:
    text = replace_once(sample_text(), "level: P1", "level: '<b>P1'")
    assert schema_errors(text) == [
        f"F:{line_of(text, '<b>P1')}:14: SG203 slos.priorities[0].level: String should match "
        "pattern '^[0-9A-Za-z\\u3400-\\u9fff][0-9A-Za-z\\u3400-\\u9fff._-]{0,15}$' "
        "(found '<b>P1')"
    ]


def test_an_attainment_must_be_a_percentage() -> None:
    text = replace_once(sample_text(), "response: 15m", "response: {within: 15m, attainment: 0}")
    assert schema_errors(text) == [
        f"F:{line_of(text, 'attainment: 0')}:43: SG203 slos.priorities[0].response.attainment: "
        "Input should be greater than 0"
    ]


# Diff: direction of each part of a target.


def changes(old: str, new: str) -> list[tuple[str, str, str, str | None]]:
    found: list[Change] = diff_terms(load(old), load(new))
    return [
        (c.path, c.before.en if c.before else "—", c.after.en if c.after else "—", c.direction)
        for c in found
    ]


def test_lower_attainment_is_looser() -> None:
    old = real_slas.university()
    new = replace_once(
        old, "response: {within: 30m, attainment: 90}", "response: {within: 30m, attainment: 85}"
    )
    assert changes(old, new) == [
        ("slos.priorities[P1].response.attainment", "90%", "85%", "looser")
    ]


def test_every_incident_to_a_share_is_looser() -> None:
    new = replace_once(sample_text(), "response: 15m", "response: {within: 15m, attainment: 95}")
    assert changes(sample_text(), new) == [
        ("slos.priorities[P1].response.attainment", "100%", "95%", "looser")
    ]


def test_calendar_clock_to_service_hours_is_looser() -> None:
    old = real_slas.saas()
    new = replace_once(old, "{within: 1h, clock: calendar}", "{within: 1h}")
    assert changes(old, new) == [
        ("slos.priorities[Sev1].response.clock", "calendar time", "Service Hours", "looser")
    ]
    assert changes(new, old)[0][3] == "stricter"


def test_a_longer_limit_in_long_form_is_looser() -> None:
    old = real_slas.university()
    new = replace_once(
        old, "resolution: {within: 8h, attainment: 80}", "resolution: {within: 16h, attainment: 80}"
    )
    assert changes(old, new) == [
        ("slos.priorities[P2].resolution", "8 hours", "16 hours", "looser")
    ]


def test_a_resolution_target_added_is_stricter_and_removed_is_looser() -> None:
    old = real_slas.saas()
    new = replace_once(old, "      response: 20h\n", "      response: 20h\n      resolution: 5d\n")
    assert changes(old, new) == [("slos.priorities[Sev4].resolution", "—", "5 days", "stricter")]
    assert changes(new, old)[0][3] == "looser"


def test_matrix_cell_moved_to_a_less_severe_level_is_looser() -> None:
    old = real_slas.university()
    new = replace_once(old, "      - [P1, P2, P3]\n", "      - [P2, P2, P3]\n")
    assert changes(old, new) == [("slos.matrix[university][high]", "P1", "P2", "looser")]


def test_priorities_removed_from_an_availability_sla_are_looser() -> None:
    found = changes(sample_text(), real_slas.cloud())
    assert ("slos.priorities[P1]", "P1 Critical: response 15 minutes, resolution 4 hours", "—",
            "looser") in found  # fmt: skip


def test_a_level_without_one_of_the_targets_shows_a_dash_and_says_so() -> None:
    text = replace_once(
        sample_text(), "      response: 2h\n      resolution: 3d\n", "      response: 2h\n"
    )
    found = contract(text)
    assert table(found, "service-levels.priorities", "en")[3][3:] == ["2 hours", "—"]
    assert "Where the table shows “—”, no such limit applies to that priority." in clause(
        found, "service-levels.priorities", "en"
    )
    assert "表中以“—”表示的，该级别不设相应时限。" in clause(found, "service-levels.priorities")
    assert "—" not in clause(contract(sample_text()), "service-levels.priorities", "en")


def test_neither_availability_nor_priorities_keeps_the_criteria_a_sentence() -> None:
    text = real_slas.cloud()
    start, end = text.index("  availability:\n"), text.index("measurement:\n")
    text = text[:start] + "  priorities: []\n" + text[end:]
    start, end = text.index("credits:\n"), text.index("obligations:\n")
    found = contract(text[:start] + text[end:])
    assert clause(found, "measurement.criteria", "en") == (
        'A Statistics Period passes when the service levels meet the targets under "Service '
        'Level Objectives".'
    )
    assert clause(found, "measurement.criteria") == (
        "统计周期内各项服务等级均达到“服务等级目标”一节规定的，该统计周期视为达标。"
    )


def test_real_support_slas_match_the_published_schema() -> None:
    schema = json.loads(schema_text())
    for text in (real_slas.university(), real_slas.saas(), real_slas.cloud()):
        data = json.loads(json.dumps(YAML(typ="safe").load(text), default=str))
        jsonschema.Draft7Validator(schema).validate(data)
    named = YAML(typ="safe").load(replace_once(sample_text(), "level: P1", "level: 紧急"))
    assert jsonschema.Draft7Validator(schema).is_valid(json.loads(json.dumps(named, default=str)))
    marked = YAML(typ="safe").load(replace_once(sample_text(), "level: P1", "level: '<b>'"))
    assert not jsonschema.Draft7Validator(schema).is_valid(
        json.loads(json.dumps(marked, default=str))
    )


def test_levels_reordered_is_a_material_change_without_direction() -> None:
    old = real_slas.saas()
    start = old.index("    - level: Sev3\n")
    end = old.index("    - level: Sev4\n")
    sev3 = old[start:end]
    new = old[:start] + old[end:]
    new = replace_once(new, "      response: 20h\n", "      response: 20h\n" + sev3)
    found = diff_terms(load(old), load(new))
    assert [
        (c.path, c.before.en if c.before else "", c.after.en if c.after else "") for c in found
    ] == [("slos.priorities.order", "Sev1, Sev2, Sev3, Sev4", "Sev1, Sev2, Sev4, Sev3")]
    assert found[0].material and found[0].direction is None
    assert found[0].label.en == "Order of priorities (most severe first)"


def test_matrix_ids_are_given_once(tmp_path: Path) -> None:
    text = replace_once(
        real_slas.university(),
        "{id: medium, zh: 中, en: Medium}",
        "{id: high, zh: 中, en: Medium}",
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, '{id: high, zh: 中', 'high')}: SG609 slos.matrix.urgency[1].id: urgency "
        "'high' is given twice: give each urgency value its own id (versions are compared "
        "cell by cell through the ids)"
    ]


def test_on_service_hours_a_limit_of_days_and_hours_is_written_in_hours() -> None:
    rows = table(contract(real_slas.university()), "service-levels.priorities", "en")
    assert [r[4] for r in rows[3:]] == [
        "1 day (85%, Service Hours)",  # whole days stay days: the agreement says how they count
        "40 hours (85%, Service Hours)",
        "80 hours (85%, Service Hours)",
    ]
    calendar = contract(replace_once(sample_text(), "resolution: 3d", "resolution: 1d16h"))
    assert table(calendar, "service-levels.priorities", "en")[3][4] == "1 day 16 hours"
