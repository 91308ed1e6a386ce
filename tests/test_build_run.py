"""The one build run: each agreement file read once, the plugin's typed hand-off, one
restricted filter used by every publisher, the layout names defined once."""

from __future__ import annotations

import builtins
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitegen.cli import cli
from sitegen.lint.project import InvalidProject, checked_project
from sitegen.load.config import Settings
from sitegen.site import generate
from tests.gitrepo import GitRepo
from tests.helpers import REPO
from tests.test_site_fixtures import RESTRICTED_ID, SECRETS, site_project

PACKAGE = Path(__file__).parent.parent / "sitegen"
TODAY = dt.date(2025, 2, 10)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    return site_project(tmp_path / "project", monkeypatch)


def count_opens(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Opens, in this process, of files named agreement.yaml, by agreement folder."""
    opened: Counter[str] = Counter()

    def note(path: object) -> None:
        if isinstance(path, str | Path) and Path(path).name == "agreement.yaml":
            opened[Path(path).parent.name] += 1

    def wrap(real: Callable[..., Any]) -> Callable[..., Any]:
        def counting(path: Any, *args: Any, **kwargs: Any) -> Any:
            note(path)
            return real(path, *args, **kwargs)

        return counting

    monkeypatch.setattr(os, "open", wrap(os.open))
    monkeypatch.setattr(io, "open", wrap(io.open))
    monkeypatch.setattr(builtins, "open", wrap(builtins.open))
    return opened


def test_a_build_reads_each_agreement_file_once(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Validation reads each file; its cache key, the page and document keys and the draft
    comparison take the record's digest and agreement. Cold (nothing cached) and warm."""
    ids = sorted(path.parent.name for path in repo.root.glob("agreements/*/agreement.yaml"))
    out = repo.root / "build" / "docs"
    for _ in ("cold", "warm"):
        opened = count_opens(monkeypatch)
        records = checked_project(repo.root, Settings())
        generate(repo.root, Settings(), out, today=TODAY, checked=records, render_documents=True)
        monkeypatch.undo()
        assert opened == Counter(dict.fromkeys(ids, 1))
        assert (out / "agreements" / "SLA-2024-001.md").is_file()


def test_the_records_keep_the_path_and_digest_of_what_was_read(repo: GitRepo) -> None:
    import hashlib

    for record in checked_project(repo.root, Settings()):
        assert record.path == repo.root / "agreements" / record.id / "agreement.yaml"
        assert record.sha256 == hashlib.sha256(record.path.read_bytes()).hexdigest()


def test_every_command_and_the_plugin_get_one_error_shape(repo: GitRepo) -> None:
    bad = repo.root / "agreements" / "SLA-2024-001" / "agreement.yaml"
    bad.write_text(bad.read_text("utf-8").replace("version: 2", "version: zwei", 1), "utf-8")
    with pytest.raises(InvalidProject) as raised:
        checked_project(repo.root, Settings())
    assert str(raised.value).startswith(
        "the agreements have errors (7 files checked: 1 error, 0 warnings):\n"
        f"{bad}:3:10: SG203 version: Input should be a valid integer"
    )
    for args in (["generate"], ["renewals"], ["render", "--all", "-o", "out"]):
        result = CliRunner().invoke(cli, args)
        assert (result.exit_code, result.output) == (
            1,
            "agreements/SLA-2024-001/agreement.yaml:3:10: SG203 version: Input should be a "
            "valid integer (found 'zwei')\n7 files checked: 1 error, 0 warnings\n",
        ), args


def mkdocs_project(root: Path) -> None:
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "site_overrides", root / "site_overrides")
    (root / "build" / "docs").mkdir(parents=True)  # as a clone has it (mkdocs needs it)
    text = (root / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(
        text.replace("  - sitegen:\n", "  - sitegen:\n      documents: false\n", 1), "utf-8"
    )


@pytest.mark.slow
def test_a_bare_mkdocs_build_and_sitegen_build_both_work(repo: GitRepo) -> None:
    """The plugin generates for a bare `mkdocs build`; under `sitegen build` it is handed
    what the command generated."""
    mkdocs_project(repo.root)
    assert "      documents: false" in (repo.root / "mkdocs.yml").read_text("utf-8")
    bare = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=repo.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert bare.returncode == 0, bare.stderr
    page = repo.root / "site" / "agreements" / "SLA-2024-001" / "index.html"
    assert "核心业务系统运维服务水平协议" in page.read_text("utf-8")
    assert searched(repo.root / "site") == {"zh", "en"}  # indexed once both were built
    page.unlink()
    built = subprocess.run(
        [Path(sys.executable).parent / "sitegen", "build", "--today", "2025-02-10"],
        cwd=repo.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    assert "核心业务系统运维服务水平协议" in page.read_text("utf-8")
    assert re.search(r"sitegen: built \S+/site in \d+\.\d s\n$", built.stderr)
    assert "sitegen: indexing the site for search (Pagefind)\n" in built.stderr
    assert searched(repo.root / "site") == {"zh", "en"}


def searched(site: Path) -> set[str]:
    """The languages of the site's search index that hold pages; never Material's index."""
    assert not (site / "search" / "search_index.json").exists()
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    return {lang for lang, data in entry["languages"].items() if data["page_count"]}


def test_nothing_sets_an_attribute_of_the_plugin_from_outside() -> None:
    """The plugin's one input from `sitegen build` is `hand_off(Generated(…))`: no module
    writes its attributes or its validated config."""
    assignment = re.compile(r"\bplugin\.(?:config\.)?[a-z_]+\s*=[^=]")
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text("utf-8")
        assert not assignment.search(text), path.relative_to(PACKAGE)
    assert "plugin.hand_off(Generated(" in (PACKAGE / "commands" / "site.py").read_text()


def test_only_the_side_by_side_build_drives_mkdocs_static_i18n() -> None:
    """Building each language in its own process sets mkdocs-static-i18n's state (which
    language it builds, whether it goes on to the next): that module alone does."""
    assignment = re.compile(r"\bi18n\.[a-z_]+(?:\s*,\s*i18n\.[a-z_]+)*\s*=[^=]")
    found = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if assignment.search(path.read_text("utf-8"))
    ]
    assert found == ["mkdocs/languages.py"]


def test_the_restricted_rule_is_written_once() -> None:
    """Only `sitegen.load.visibility` tests an agreement's visibility; every publisher asks it."""
    rule = re.compile(r"visibility\s*[!=]=|[!=]=\s*\"restricted\"|\"restricted\"\s*[!=]=")
    found = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if rule.search(path.read_text("utf-8"))
    ]
    assert found == ["load/visibility.py"]
    users = {
        "catalogue/rows.py": "visibility.visible(",  # pages, catalogue.json, renewals, ICS
        "site/generate.py": "may_show(record.agreement, include_restricted)",  # site, search
        "diff/compare.py": "restricted=restricted(agreement)",  # the diff comment
    }
    for module, call in users.items():
        assert call in (PACKAGE / module).read_text("utf-8"), module


def test_renewals_and_the_diff_comment_leave_a_restricted_agreement_out(repo: GitRepo) -> None:
    """The site build's own test greps every built file (catalogue.json and renewals.ics
    among them); here the commands that publish elsewhere. SLA-2024-002, in force, is made
    restricted too: it has deadlines to list."""
    in_force = repo.root / "agreements" / "SLA-2024-002" / "agreement.yaml"
    text = in_force.read_text("utf-8")
    in_force.write_text(text.replace("visibility: internal", "visibility: restricted", 1))
    needles = ("SLA-2024-002", "云主机与托管数据库服务水平协议", RESTRICTED_ID, *SECRETS)
    args = ["renewals", "--today", "2025-02-10", "--within", "36500", "--format", "json"]
    hidden = CliRunner().invoke(cli, [*args, "--ics", "renewals.ics"])
    assert hidden.exit_code == 0, hidden.output
    calendar = (repo.root / "renewals.ics").read_text("utf-8")
    for needle in needles:
        assert needle not in hidden.stdout and needle not in calendar, needle
    shown = CliRunner().invoke(cli, [*args, "--include-restricted", "--ics", "all.ics"])
    assert "SLA-2024-002" in shown.stdout  # the needle is found when it may be
    assert "SLA-2024-002" in (repo.root / "all.ics").read_text("utf-8")

    comment = CliRunner().invoke(cli, ["diff", "--base", "HEAD~1", "--format", "md"])
    assert comment.exit_code == 0, comment.output
    assert f"#### {RESTRICTED_ID} (changed, restricted)" in comment.stdout  # its ID only
    assert comment.stdout.count(RESTRICTED_ID) == 1  # its heading, nowhere else
    for needle in (needles[1], *SECRETS):
        assert needle not in comment.stdout, needle


def test_the_layout_names_are_defined_once() -> None:
    definitions = re.compile(
        r"^\w+ = \"(?:agreement\.yaml|signed|manifest\.yaml|reports)\"$", re.MULTILINE
    )
    found = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if definitions.search(path.read_text("utf-8"))
    ]
    assert found == ["load/layout.py"]
    rebuilt = re.compile(r"/ \"(?:agreement\.yaml|signed|manifest\.yaml)\"")
    assert not [p for p in PACKAGE.rglob("*.py") if rebuilt.search(p.read_text("utf-8"))]
