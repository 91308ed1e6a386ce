"""Suppressions in YAML comments: `# sitegen: ignore[SG301]` silences a code on one text."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from sitegen.cli import cli
from sitegen.findings import Severity
from sitegen.load.config import LintSettings, Settings
from sitegen.load.suppressions import read_suppressions
from sitegen.load.yamltree import Limits, parse_tree
from tests.helpers import lint_sample, replace_once, sample_text, where

GUIDE = "agreements/SLA-2024-001/agreement.yaml"

DUTY_ZH = "zh: 受理并处理故障工单"
DUTY_EN = "en: Receives and handles incident tickets"
VAGUE = (
    "state a concrete time, quantity or condition (e.g. 'within 30 minutes', '30 分钟内') instead"
)


def duty(zh: str, en: str) -> str:
    text = replace_once(sample_text(), DUTY_ZH, zh)
    return replace_once(text, DUTY_EN, en)


def test_a_suppression_at_the_end_of_the_line_silences_that_code_there_only(
    tmp_path: Path,
) -> None:
    text = duty(
        "zh: 及时受理并处理故障工单  # sitegen: ignore[SG301]",
        "en: Receives and handles incident tickets promptly",
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'handles incident tickets promptly', 'promptly')}: SG301 "
        f"contacts[2].duty.en: vague wording 'promptly': {VAGUE}"
    ]


def test_a_suppression_alone_on_the_line_before_the_text(tmp_path: Path) -> None:
    text = duty(
        "zh: 及时受理并处理故障工单",
        "# the customer's wording, agreed in the 2024 review\n"
        "      # sitegen: ignore[SG301, SG303]\n"
        "\n"
        "      en: Receives and handles incident tickets promptly, at a reasonable hour",
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, '及时受理', '及时')}: SG301 contacts[2].duty.zh: vague wording '及时': "
        + VAGUE
    ]


def test_a_text_spanning_lines_is_named_on_its_first_line(tmp_path: Path) -> None:
    text = duty(
        "zh: 受理并处理故障工单",
        "en: >-  # sitegen: ignore[SG301]\n"
        "        Receives and handles incident tickets,\n"
        "        each one promptly",
    )
    assert lint_sample(tmp_path, text) == []


def test_a_hash_inside_a_text_is_no_comment(tmp_path: Path) -> None:
    text = duty(
        "zh: 受理并处理故障工单",
        'en: "Receives tickets promptly # sitegen: ignore[SG301]"',
    )
    found = lint_sample(tmp_path, text)
    assert any(": SG301 contacts[2].duty.en: vague wording 'promptly'" in f for f in found)


def test_strict_reports_unused_and_unknown_codes(project: Path) -> None:
    text = duty(
        "zh: 及时受理并处理故障工单  # sitegen: ignore[SG301, SG705, SG3O1, SG109]",
        "en: Receives and handles incident tickets  # sitegen: ignore",
    )
    (project / GUIDE).write_text(text, encoding="utf-8")
    plain = CliRunner().invoke(cli, ["validate", GUIDE])
    assert (plain.exit_code, plain.stdout) == (0, "")
    strict = CliRunner().invoke(cli, ["validate", "--strict", GUIDE])
    assert strict.exit_code == 1
    assert strict.stdout.splitlines() == [
        f"{where(text, '及时受理', 'SG705')}: SG305 [warning] SG705 is suppressed here but "
        "not found on this text: remove it from the suppression",
        f"{where(text, '及时受理', 'SG3O1')}: SG306 [warning] SG3O1 is not the code of a "
        "rule: see the codes in the README",
        f"{where(text, '及时受理', 'SG109')}: SG306 [warning] SG109 comes from reading the "
        "file, the schema or the signed archive and cannot be suppressed: correct what it "
        "finds",
        f"{where(text, 'tickets  # sitegen', 'sitegen')}: SG306 [warning] the suppression "
        "names no code: write the codes it silences, e.g. `# sitegen: ignore[SG301]`",
    ]


def test_settings_ignore_and_suppressions_are_one_filter(tmp_path: Path) -> None:
    text = duty(
        "zh: 及时受理并处理故障工单  # sitegen: ignore[SG301]",
        "en: Receives and handles incident tickets promptly",
    )
    settings = Settings(lint=LintSettings(ignore=["SG301"]))
    assert lint_sample(tmp_path, text, settings=settings) == []


def test_loading_errors_cannot_be_suppressed(tmp_path: Path) -> None:
    text = duty(
        "zh: 受理并处理故障工单",
        "en: Receives and handles incident tickets\n      extra: 1  # sitegen: ignore[SG202]",
    )
    [finding] = lint_sample(tmp_path, text)
    assert ": SG202 " in finding


def test_suppressions_are_read_from_comments_only() -> None:
    text = (
        "a: 'x # sitegen: ignore[SG301]'  # sitegen: ignore[SG303]\n"
        "b: |\n"
        "  # sitegen: ignore[SG304]\n"
        "  text\n"
        "# sitegen: ignore[SG705]\n"
        "\n"
        "c: [1, 2]\n"
        "d:#sitegen: ignore[SG301]\n"
    )
    tree = parse_tree(text, Limits())
    found = [(s.line, [c for c, _ in s.codes], s.first, s.last) for s in tree.suppressions]
    assert found == [(1, ["SG303"], 1, 1), (5, ["SG705"], 7, 7)]
    assert read_suppressions("a: b\n", []) == []


def test_files_without_a_suppression_pay_nothing() -> None:
    from sitegen.load.yamltree import _Builder

    schema = "# yaml-language-server: $schema=../../sitegen/schema/agreement.schema.json\n"
    assert _Builder(Limits(), schema + "a: b  # a comment\n").spans is None
    assert _Builder(Limits(), "a: b  # sitegen: ignore[SG301]\n").spans == []


def test_suppressions_hold_when_results_come_from_the_cache_and_for_build(
    project: Path,
) -> None:
    from sitegen.lint.project import checked_project
    from sitegen.lint.validate import validate

    path = project / GUIDE
    text = duty("zh: 及时受理并处理故障工单  # sitegen: ignore[SG301]", DUTY_EN)
    path.write_text(text, encoding="utf-8")
    cache = project / ".cache" / "checked.json"
    for _ in range(2):  # checked, then taken from the cache
        report, _ = validate([project / "agreements"], Settings(), project, cache=cache)
        assert report.errors == 0
    assert cache.is_file()
    assert len(checked_project(project, Settings())) == len(
        list(project.glob("agreements/*/agreement.yaml"))
    )


def test_a_catalogue_finding_is_silenced_on_its_line(project: Path) -> None:
    """The catalogue rules run after the files were checked (in workers, or from the
    cache): the suppressions travel with each file's slim record."""
    from sitegen.lint.validate import validate

    copy = project / "agreements" / "SLA-2099-001" / "agreement.yaml"
    copy.parent.mkdir()
    copy.write_text(
        replace_once(
            sample_text(), "id: SLA-2024-001", "id: SLA-2024-001  # sitegen: ignore[SG801, SG803]"
        ),
        encoding="utf-8",
    )
    report, _ = validate([project / "agreements"], Settings(), project)
    shown = [f for f in report.findings if f.severity is not Severity.INFO]
    assert [(f.path.parent.name, f.code) for f in shown] == [("SLA-2024-001", "SG803")]


def _read(text: str) -> list[tuple[int, list[str], int, int]]:
    tree = parse_tree(text, Limits())
    return [(s.line, [c for c, _ in s.codes], s.first, s.last) for s in tree.suppressions]


def test_suppressions_in_flow_mappings_blocks_and_crlf() -> None:
    assert _read("- {zh: 及时, en: promptly}  # sitegen: ignore[SG301]\n") == [(1, ["SG301"], 1, 1)]
    block = "a: |\n  text\n  more\n# sitegen: ignore[SG301]\nb: c\n"
    assert _read(block) == [(4, ["SG301"], 5, 5)]
    listed = "- >-  # sitegen: ignore[sg303 ,SG304]\n  one\n  two\n- x\n"
    assert _read(listed) == [(1, ["SG303", "SG304"], 1, 3)]
    assert _read("a: b  # sitegen: ignore[SG301]\r\nc: d\r\n") == [(1, ["SG301"], 1, 1)]
    assert _read("# sitegen: ignore[SG301]\r\n\r\nc: d\r\n") == [(1, ["SG301"], 3, 3)]
    assert _read("a: b\n# sitegen: ignore[SG301]\n") == [(2, ["SG301"], 0, 0)]


def test_the_settings_can_leave_out_the_suppression_findings(tmp_path: Path) -> None:
    from sitegen.lint.validate import validate
    from tests.helpers import build_file_tree

    text = duty("zh: 受理并处理故障工单  # sitegen: ignore[SG301, SG3O1]", DUTY_EN)
    build_file_tree(tmp_path, {GUIDE: text})
    vain = {"SG305", "SG306"}
    report, _ = validate([tmp_path / "agreements"], Settings(), tmp_path, unused=True)
    assert vain <= {f.code for f in report.findings}
    settings = Settings(lint=LintSettings(ignore=sorted(vain)))
    report, _ = validate([tmp_path / "agreements"], settings, tmp_path, unused=True)
    assert not vain & {f.code for f in report.findings}
