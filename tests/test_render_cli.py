"""`sitegen render`: checked first, then written; usage errors exit 2."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from sitegen.cli import cli
from tests.helpers import REPO, replace_once, sample_text

GOLDEN = REPO / "tests" / "golden"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_markdown_to_the_terminal_is_the_golden_file(project: Path) -> None:
    code, out, _ = run("render", "SLA-2024-001", "--lang", "zh")
    assert code == 0
    assert out == (GOLDEN / "SLA-2024-001.zh.md").read_text(encoding="utf-8")


def test_bilingual_markdown_is_the_parallel_view(project: Path) -> None:
    code, _, err = run("render", "SLA-2024-001", "-o", "out.md")
    assert code == 0 and err == "wrote out.md\n"
    expected = (GOLDEN / "SLA-2024-001.parallel.md").read_text(encoding="utf-8")
    assert (project / "out.md").read_text(encoding="utf-8") == expected


def test_an_invalid_agreement_is_not_rendered(project: Path) -> None:
    path = project / "agreements/SLA-2024-001/agreement.yaml"
    path.write_text(replace_once(sample_text(), "response: 15m", "response: 15M"), "utf-8")
    code, out, err = run("render", "SLA-2024-001", "-o", "out.md")
    assert code == 1 and out == ""
    assert "SG203 slos.priorities[0].response" in err
    assert not (project / "out.md").exists()


def test_unknown_agreement(project: Path) -> None:
    code, _, err = run("render", "SLA-1999-999")
    assert code == 2
    assert err == (
        "Error: no agreement 'SLA-1999-999': "
        f"{project / 'agreements/SLA-1999-999/agreement.yaml'} does not exist\n"
    )


def test_all_needs_a_folder(project: Path) -> None:
    code, _, err = run("render", "--all")
    assert code == 2 and "--all needs -o DIR" in err


def test_id_and_all_together_is_a_usage_error(project: Path) -> None:
    code, _, err = run("render", "SLA-2024-001", "--all", "-o", "x")
    assert code == 2 and "give one agreement ID, or --all with -o DIR" in err


def test_all_markdown(project: Path) -> None:
    code, _, err = run("render", "--all", "--format", "md", "--lang", "en", "-o", "out")
    ids = sorted(p.name for p in (project / "agreements").iterdir())
    assert code == 0, err
    assert sorted(p.name for p in (project / "out").iterdir()) == [f"{i}.en.md" for i in ids]
