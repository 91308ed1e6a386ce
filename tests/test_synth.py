"""The synthetic catalogue (tests/bench/synth.py) is valid, varied and reproducible."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from sitegen.findings import Severity
from sitegen.lint.validate import validate
from sitegen.load.config import Settings
from sitegen.output import as_text
from tests.bench import synth


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(root).parts
    }


def problems(root: Path) -> list[str]:
    report, loaded = validate([root / "agreements"], Settings(), root)
    assert len(loaded) == report.files
    return [as_text(f) for f in report.sorted() if f.severity is not Severity.INFO]


def test_five_agreements_validate_with_no_finding(tmp_path: Path) -> None:
    paths = synth.write_catalogue(tmp_path, 5)
    assert [p.parent.name for p in paths] == [f"SLA-2030-000{i}" for i in range(1, 6)]
    assert (tmp_path / "templates" / "it-service-sla" / "v1" / "template.yaml").is_file()
    assert problems(tmp_path) == []


def test_two_runs_write_the_same_bytes(tmp_path: Path) -> None:
    synth.write_catalogue(tmp_path / "a", 5, jobs=2)
    synth.write_catalogue(tmp_path / "b", 5, jobs=1)
    first, second = tree_bytes(tmp_path / "a"), tree_bytes(tmp_path / "b")
    assert sum(name.endswith("/agreement.yaml") for name in first) == 5
    assert first == second


def test_an_agreement_does_not_depend_on_the_catalogue_size(tmp_path: Path) -> None:
    assert synth.agreement_revisions(0, 3, 2) == synth.agreement_revisions(0, 3, 2)
    assert synth.build_agreement(0, 3) != synth.build_agreement(1, 3)


def test_agreements_are_varied_and_of_realistic_size() -> None:
    specs = [synth.build_agreement(0, i) for i in range(1, 41)]
    sizes = [len(synth.render(s).encode()) for s in specs]
    assert 4_000 < sum(sizes) / len(sizes) < 8_000
    assert len({s["parties"]["provider"]["uscc"] for s in specs}) == 40
    assert {len(s["slos"]["priorities"]) for s in specs} == {2, 3, 4}
    assert len({s["slos"].get("availability", {}).get("target") for s in specs}) > 4


def test_sections_rendered_apart_equal_one_dump() -> None:
    for index in range(1, 11):
        spec = synth.build_agreement(0, index)
        assert synth.render(spec) == synth.dump(spec)


@pytest.mark.slow
def test_versions_make_one_commit_per_revision_and_stay_valid(tmp_path: Path) -> None:
    synth.write_catalogue(tmp_path, 4, versions=3)
    log = subprocess.run(
        ["git", "log", "--format=%s"], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout
    assert log.splitlines() == [f"synth: revision {r} of 4 agreements" for r in (3, 2, 1)]
    assert problems(tmp_path) == []
    text = (tmp_path / "agreements" / "SLA-2030-0001" / "agreement.yaml").read_text("utf-8")
    assert "\nversion: 3\n" in text
    again = tmp_path / "again"
    synth.write_catalogue(again, 4, versions=3)
    head = ["git", "rev-parse", "HEAD"]
    assert (
        subprocess.run(head, cwd=tmp_path, capture_output=True).stdout
        == subprocess.run(head, cwd=again, capture_output=True).stdout
    )


def test_signed_versions_need_a_hook(tmp_path: Path) -> None:
    with pytest.raises(NotImplementedError, match="sign hook"):
        synth.write_catalogue(tmp_path, 1, versions=2, signed=1)
