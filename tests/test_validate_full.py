"""`sitegen validate --format full`: each finding as ruff and rustc print theirs, with its
source line and a caret under the word, and a count per code at the end."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.cli import cli
from tests.helpers import GUIDE_SAMPLE, replace_once, sample_text


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    text = replace_once(sample_text(), "target: 99.9", "target: 99,9")
    text = replace_once(text, "zh: 受理并处理故障工单", "zh: 尽快受理并处理故障工单")
    folder = tmp_path / "agreements" / GUIDE_SAMPLE.parent.name
    folder.mkdir(parents=True)
    (folder / "agreement.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def test_full_findings_show_the_source_with_a_caret_under_the_word(project: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", "--format", "full"])
    assert result.exit_code == 1
    text = result.stdout
    line = next(
        number
        for number, source in enumerate(sample_text().splitlines(), 1)
        if "受理并处理故障工单" in source
    )
    # The caret goes under 尽快, two Chinese characters: four columns, after the key.
    assert (
        "error[SG301]: contacts[2].duty.zh: vague wording '尽快': state a concrete time, "
        "quantity or condition (e.g. 'within 30 minutes', '30 分钟内') instead\n"
        f"   --> agreements/SLA-2024-001/agreement.yaml:{line}:11\n"
        "   |\n"
        f"{line} |       zh: 尽快受理并处理故障工单\n"
        "   |           ^^^^\n"
    ) in text
    assert "error[SG203]: slos.availability.target: write a decimal point, not a comma: 99.9" in (
        text
    )
    assert "|             ^^^^\n" in text  # under 99,9
    assert "\x1b[" not in text  # no colour where the output is not a terminal
    assert result.stderr.splitlines()[-3:] == [
        "    1  SG203  error",
        "    1  SG301  error",
        "1 file checked: 2 errors, 0 warnings",
    ]


def test_elsewhere_the_default_is_one_line_each(project: Path) -> None:
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert all(": SG" in line for line in result.stdout.splitlines())
    assert len(result.stdout.splitlines()) == 2


def test_no_color_turns_the_colour_off_even_on_a_terminal(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    coloured = CliRunner().invoke(cli, ["validate", "--format", "full"], color=True)
    assert "\x1b[31m" in coloured.stdout  # a terminal gets colour
    monkeypatch.setenv("NO_COLOR", "1")
    plain = CliRunner().invoke(cli, ["validate", "--format", "full"], color=True)
    assert "\x1b[" not in plain.stdout and "error[SG301]" in plain.stdout
