"""`sitegen.caches.checked_cache`: results of unchanged files come back exactly, and only those."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sitegen.caches.checked_cache import FORMAT
from sitegen.lint import validate as validate_module
from sitegen.lint.validate import validate
from sitegen.load import Loaded, load_agreement_bytes
from sitegen.load.config import LintSettings, Settings
from sitegen.output import as_text
from tests.helpers import replace_once

CACHE = Path(".cache/checked.json")


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files loaded from YAML (the samples are few: checked in this process)."""
    loaded: list[Path] = []

    def counting(data: bytes, path: Path, settings: object = None) -> Loaded:
        loaded.append(path)
        return load_agreement_bytes(data, path, settings)  # type: ignore[arg-type]

    monkeypatch.setattr(validate_module, "load_agreement_bytes", counting)
    return loaded


def check(root: Path, settings: Settings | None = None, *, cached: bool = True) -> list[str]:
    report, loaded = validate(
        [root / "agreements"], settings or Settings(), root, cache=root / CACHE if cached else None
    )
    agreements = [item.agreement.model_dump_json() for item in loaded if item.agreement]
    return [as_text(f) for f in report.sorted()] + agreements


def sample(root: Path, agreement_id: str = "SLA-2024-001") -> Path:
    return root / "agreements" / agreement_id / "agreement.yaml"


def test_a_second_run_loads_nothing_and_gives_the_same(project: Path, loads: list[Path]) -> None:
    uncached = check(project, cached=False)
    first = check(project)
    loads.clear()
    assert check(project) == first == uncached
    assert loads == []


def test_findings_come_back_with_their_places(project: Path, loads: list[Path]) -> None:
    path = sample(project)
    text = replace_once(path.read_text("utf-8"), "确认故障级别，", "尽快确认故障级别，")
    path.write_text(text, "utf-8")
    first = check(project)
    assert [line for line in first if "SG301" in line and "agreement.yaml:36:" in line]
    loads.clear()
    assert check(project) == first
    assert loads == []


def test_only_a_changed_file_is_checked_again(project: Path, loads: list[Path]) -> None:
    check(project)
    path = sample(project, "SLA-2025-004")
    text = path.read_text("utf-8")
    path.write_text(text.replace("99.5", "99.6", 1), "utf-8")
    uncached = check(project, cached=False)
    loads.clear()
    assert check(project) == uncached
    assert loads == [path]
    loads.clear()
    path.write_text(text, "utf-8")  # back as it was: a new entry, the old one went out of use
    check(project)
    assert loads == [path]


def test_catalogue_rules_run_on_kept_results(project: Path, loads: list[Path]) -> None:
    shutil.copytree(project / "agreements/SLA-2024-001", project / "agreements/SLA-2024-009")
    first = check(project)
    loads.clear()
    again = check(project)
    assert again == first and loads == []
    assert any("SG801" in line and "SLA-2024-009" in line for line in again)  # id ≠ folder
    assert sum("SG803" in line for line in again) == 2  # the shared id, at each file's `id:`


def test_templates_and_settings_are_part_of_the_key(project: Path, loads: list[Path]) -> None:
    check(project)
    files = sorted(project.glob("agreements/*/agreement.yaml"))
    stricter = Settings(lint=LintSettings(ignore=["SG302"]))
    loads.clear()
    check(project, stricter)
    assert sorted(loads) == files
    manifest = next(project.glob("templates/*/v*/template.yaml"))
    manifest.write_text(manifest.read_text("utf-8") + "\n# a comment\n", "utf-8")
    loads.clear()
    check(project, stricter)
    assert sorted(loads) == files


def test_a_file_that_does_not_load_is_checked_every_time(project: Path, loads: list[Path]) -> None:
    path = sample(project)
    text = replace_once(path.read_text("utf-8"), "response: 15m", "response: 15M")
    path.write_text(text, "utf-8")
    first = check(project)
    assert any("SG203" in line for line in first)
    loads.clear()
    assert check(project) == first
    assert loads == [path]


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: "{not json",
        lambda text: text.replace(f'"format": "{FORMAT}"', '"format": "other"'),
        lambda text: text.replace('"data": {', '"data": {"stray": 1, ', 1),  # schema refuses
        lambda text: text.replace('"findings": [', '"findings": [7, ', 1),
    ],
    ids=["not JSON", "another format", "data the schema refuses", "a broken finding"],
)
def test_a_damaged_cache_only_means_checking(project: Path, loads: list[Path], damage) -> None:  # type: ignore[no-untyped-def]
    first = check(project)
    cache = project / CACHE
    cache.write_text(damage(cache.read_text("utf-8")), "utf-8")
    loads.clear()
    assert check(project) == first
    assert loads  # at least the damaged entry was checked again
    loads.clear()
    assert check(project) == first  # and the file was mended
    assert loads == []


def test_the_cache_holds_this_runs_entries_only(project: Path) -> None:
    check(project)
    entries = json.loads((project / CACHE).read_bytes())["entries"]
    assert len(entries) == len(list(project.glob("agreements/*/agreement.yaml")))
    shutil.rmtree(project / "agreements/SLA-2025-004")
    check(project)
    assert len(json.loads((project / CACHE).read_bytes())["entries"]) == len(entries) - 1
