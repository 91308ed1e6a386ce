"""The README documents every command, every option and every finding code."""

from __future__ import annotations

import re

import click
import pytest

from sitegen.cli import cli
from tests.helpers import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def commands() -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in sorted(cli.commands.items()):
        if isinstance(command, click.Group):
            found += [(f"{name} {sub}", c) for sub, c in sorted(command.commands.items())]
        else:
            found.append((name, command))
    return found


@pytest.mark.parametrize(("name", "command"), commands(), ids=[n for n, _ in commands()])
def test_command_and_its_options_are_documented(name: str, command: click.Command) -> None:
    assert f"`sitegen {name}" in README, f"README has no row for `sitegen {name}`"
    row = next(line for line in README.splitlines() if f"`sitegen {name}" in line)
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            longest = max(param.opts, key=len)
            assert longest in row, f"`sitegen {name}`: option {longest} is not in its README row"


def test_every_finding_code_is_documented() -> None:
    used = {
        code
        for path in (REPO / "sitegen").rglob("*.py")
        for code in re.findall(r"[\"']((?:SG)[0-9]{3})[\"']", path.read_text(encoding="utf-8"))
    }
    documented = set(re.findall(r"\bSG[0-9]{3}\b", README))
    assert used, "no finding codes found in the package"
    assert not sorted(used - documented), f"README does not document {sorted(used - documented)}"
