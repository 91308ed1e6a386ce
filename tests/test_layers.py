"""The stage packages import only downward, only `sitegen.mkdocs` and the commands know
mkdocs, and only the commands and the CLI know click: import-linter checks the contracts in
pyproject.toml (also `make lint`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

from tests.helpers import REPO

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_stages_import_only_downward() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "sitegen's stages import only downward KEPT" in lines
    assert "Below sitegen.mkdocs nothing knows mkdocs KEPT" in lines
    assert "Below sitegen.commands nothing knows click KEPT" in lines
    assert "Contracts: 3 kept, 0 broken." in lines


def test_an_upward_import_a_loose_module_and_mkdocs_or_click_below_their_packages_are_caught(
    tmp_path: Path,
) -> None:
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    shutil.copytree(REPO / "sitegen", tmp_path / "sitegen", ignore=shutil.ignore_patterns("*.pyc"))
    package = tmp_path / "sitegen"
    (package / "render" / "upward.py").write_text("from sitegen.site import generate\n")
    (package / "site" / "engine.py").write_text("import mkdocs\n")
    (package / "loose.py").write_text('"""A module in no stage."""\n')
    (package / "lint" / "prompt.py").write_text("import click\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "Contracts: 0 kept, 3 broken." in lines
    assert "sitegen.render is not allowed to import sitegen.site:" in lines
    assert "- sitegen.render.upward -> sitegen.site.generate (l.1)" in lines
    assert "- sitegen.loose" in lines
    assert "sitegen.site is not allowed to import mkdocs:" in lines
    assert "-   sitegen.site.engine -> mkdocs (l.1)" in lines
    assert "sitegen.lint is not allowed to import click:" in lines
    assert "-   sitegen.lint.prompt -> click (l.1)" in lines


def test_the_plugin_entry_point_is_in_sitegen_mkdocs_and_imports_the_real_mkdocs() -> None:
    from sitegen.mkdocs import plugin

    (point,) = entry_points(group="mkdocs.plugins", name="sitegen")
    assert point.value == "sitegen.mkdocs.plugin:SitegenPlugin"
    assert point.load() is plugin.SitegenPlugin
    assert plugin.BasePlugin.__module__ == "mkdocs.plugins"
    real = Path(sys.modules["mkdocs"].__file__ or "")
    assert real.name == "__init__.py" and not real.is_relative_to(REPO / "sitegen")
