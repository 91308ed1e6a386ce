"""The validate command: exit codes, formats, every finding at once."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sitegen.cli import cli
from tests.helpers import line_of, replace_once, sample_text

GUIDE = "agreements/SLA-2024-001/agreement.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def break_sample(project: Path) -> str:
    """Two errors in the guide sample: a wrong status and a capital-M duration."""
    text = replace_once(sample_text(), "status: signed", "status: signd")
    text = replace_once(text, "response: 15m", "response: 15M")
    (project / GUIDE).write_text(text, encoding="utf-8")
    return text


def test_samples_validate(project: Path) -> None:
    code, out, err = run("validate")
    assert code == 0, out
    assert out == ""
    count = len(list(project.glob("agreements/*/agreement.yaml")))
    assert err.startswith(f"{count} file{'s' if count > 1 else ''} checked:")


def test_every_error_is_printed_and_exit_is_1(project: Path) -> None:
    text = break_sample(project)
    code, out, err = run("validate", GUIDE)
    assert code == 1
    assert out.splitlines() == [
        f"{GUIDE}:{line_of(text, 'signd')}:9: SG203 status: Input should be 'draft', "
        "'in_review', 'signed', 'accepted' or 'terminated' (found 'signd')",
        f"{GUIDE}:{line_of(text, 'response: 15M')}:17: SG203 slos.priorities[0].response: "
        "'15M' uses capital M, which some SLO formats read as months and others as minutes: "
        "write minutes as lower-case m (15m); periods of months belong in `term.months`",
    ]
    assert err == "1 file checked: 2 errors, 0 warnings\n"


def test_json_format(project: Path) -> None:
    break_sample(project)
    code, out, _ = run("validate", "--format", "json", GUIDE)
    assert code == 1
    records = json.loads(out)
    assert [(r["code"], r["field"], r["severity"]) for r in records] == [
        ("SG203", "status", "error"),
        ("SG203", "slos.priorities[0].response", "error"),
    ]
    assert records[0]["path"] == GUIDE and records[0]["column"] == 9


def test_github_format_escapes_properties(project: Path) -> None:
    text = break_sample(project)
    code, out, _ = run("validate", "--format", "github", GUIDE)
    assert code == 1
    assert out.splitlines()[0] == (
        f"::error file={GUIDE},line={line_of(text, 'signd')},col=9,title=SG203 status::"
        "Input should be 'draft', 'in_review', 'signed', 'accepted' or 'terminated' "
        "(found 'signd')"
    )


def test_missing_path_is_a_usage_error(project: Path) -> None:
    code, _, err = run("validate", "nowhere")
    assert code == 2
    assert err == "Error: nowhere: no such file or folder\n"


def test_unknown_option_is_a_usage_error(project: Path) -> None:
    code, _, _ = run("validate", "--no-such-option")
    assert code == 2


def test_bad_settings_file_is_a_usage_error(project: Path) -> None:
    (project / "sitegen.toml").write_text("id_prefixes = 3\n", encoding="utf-8")
    code, _, err = run("validate")
    assert code == 2
    assert err == (
        f"Error: {project / 'sitegen.toml'}:1:1: id_prefixes: Input should be a valid list\n"
    )


def test_schema_command_prints_draft07(project: Path) -> None:
    code, out, _ = run("schema")
    assert code == 0
    assert json.loads(out)["$schema"] == "http://json-schema.org/draft-07/schema#"
