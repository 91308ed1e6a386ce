"""An edited template is what the next build uses: in the same process (as `mkdocs serve`
runs generation again), in the worker processes it forks, and in a fresh process reading
what the earlier one kept in `.cache/`.

The process caches of templates and clause files were once keyed by the folder's path: a
second `generate()` computed the new page key from the edited files, built the page from
the old template held in memory and stored it under the new key, and every later build
served the old text until `.cache/` was deleted."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from sitegen.caches.store import Store
from sitegen.lint import validate as validate_module
from sitegen.lint.validate import validate
from sitegen.load.config import Settings
from sitegen.site import documents as documents_module
from sitegen.site import generate
from tests.gitrepo import GitRepo
from tests.helpers import line_of, replace_once
from tests.test_site_fixtures import site_project

TODAY = dt.date(2025, 2, 10)
CLAUSES = "templates/it-service-sla/v1/sections/language.yaml"
MANIFEST = "templates/it-service-sla/v1/template.yaml"
PAGE = "agreements/SLA-2024-001.en.md"
OLD_CLAUSE = "This agreement is made in two counterparts"
NEW_CLAUSE = "This agreement is made in three counterparts"
OLD_TITLE = "title: {zh: 文本与效力, en: Languages}"
OLD_HEADING = '11 <span class="sg-en" lang="en">Languages</span>'
NEW_HEADING = '11 <span class="sg-en" lang="en">Languages and Copies</span>'
NEW_TITLE = "title: {zh: 文本与效力, en: Languages and Copies}"
OMITTING = "agreements/SLA-2024-002/agreement.yaml"
WHY = (
    "section 'definitions' is required by it-service-sla v1 and cannot be omitted: remove "
    "it from omit_sections"
)
REQUIRED = f"SG806 omit_sections.0: {WHY}"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    return site_project(tmp_path / "project", monkeypatch)


def run(repo: GitRepo) -> str:
    """Generate the docs folder in this process; the English page of SLA-2024-001."""
    out = repo.root / "build" / "docs"
    generate(repo.root, Settings(), out, today=TODAY, render_documents=False)
    return (out / PAGE).read_text(encoding="utf-8")


def edit(repo: GitRepo, name: str, old: str, new: str) -> None:
    path = repo.root / name
    path.write_text(replace_once(path.read_text(encoding="utf-8"), old, new), encoding="utf-8")


def edit_template(repo: GitRepo) -> None:
    edit(repo, CLAUSES, OLD_CLAUSE, NEW_CLAUSE)
    edit(repo, MANIFEST, OLD_TITLE, NEW_TITLE)


def generate_in_a_fresh_process(repo: GitRepo) -> str:
    out = repo.root / "fresh"
    script = (
        "import datetime, pathlib, sys\n"
        "from sitegen.load.config import Settings\n"
        "from sitegen.site import generate\n"
        "generate(pathlib.Path('.'), Settings(), pathlib.Path(sys.argv[1]),\n"
        "         today=datetime.date(2025, 2, 10), render_documents=False)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(out)], cwd=repo.root, check=True)
    return (out / PAGE).read_text(encoding="utf-8")


def test_an_edited_template_is_used_by_the_next_generation_in_the_same_process(
    repo: GitRepo,
) -> None:
    before = run(repo)
    assert OLD_CLAUSE in before and OLD_HEADING in before
    edit_template(repo)
    after = run(repo)
    assert NEW_CLAUSE in after and OLD_CLAUSE not in after
    assert NEW_HEADING in after
    # what the run kept under the new key is the new text: a fresh process serves it too
    assert generate_in_a_fresh_process(repo) == after


def forked_pool(workers: int, **_: object) -> ProcessPoolExecutor:
    """Workers forked from this process, holding a copy of what it holds in memory (the
    tests load typst, for which sitegen would start workers from a fork server instead)."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))


def test_workers_forked_after_an_edit_use_the_edited_template(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(repo)  # fills this process's caches with the template as it was
    edit_template(repo)
    monkeypatch.setattr(documents_module, "PARALLEL_FROM", 1)  # pages made by forked workers
    monkeypatch.setattr(documents_module, "cores", lambda: 2)
    monkeypatch.setattr(documents_module, "process_pool", forked_pool)
    after = run(repo)
    assert NEW_CLAUSE in after and NEW_HEADING in after


def make_definitions_required(repo: GitRepo) -> None:
    edit(
        repo, MANIFEST,
        "title: {zh: 定义, en: Definitions}\n    optional: true\n",
        "title: {zh: 定义, en: Definitions}\n",
    )  # fmt: skip


def findings(repo: GitRepo, *, cache: bool = True) -> list[str]:
    report, _ = validate(
        [repo.root / "agreements"], Settings(), repo.root,
        cache=Store.of(repo.root).checked_file if cache else None,
    )  # fmt: skip
    return [f"{f.code} {'.'.join(map(str, f.field))}: {f.message}" for f in report.sorted()]


def test_validation_after_a_template_edit_in_the_same_process(repo: GitRepo) -> None:
    assert REQUIRED not in findings(repo)
    make_definitions_required(repo)
    assert REQUIRED in findings(repo)
    fresh = subprocess.run(
        [str(Path(sys.executable).parent / "sitegen"), "validate", "agreements"],
        cwd=repo.root, capture_output=True, text=True,
    )  # fmt: skip
    line = line_of((repo.root / OMITTING).read_text(encoding="utf-8"), "omit_sections:")
    assert (fresh.returncode, fresh.stdout, fresh.stderr) == (
        1,
        f"{OMITTING}:{line}:17: SG806 omit_sections[0]: {WHY}\n",
        "7 files checked: 1 error, 0 warnings\n",
    )


def test_validation_workers_forked_after_a_template_edit(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert REQUIRED not in findings(repo, cache=False)
    make_definitions_required(repo)
    monkeypatch.setattr(validate_module, "PARALLEL_FROM", 1)  # checked by forked workers
    monkeypatch.setattr(validate_module, "cores", lambda: 2)
    monkeypatch.setattr(validate_module, "process_pool", forked_pool)
    assert REQUIRED in findings(repo, cache=False)
