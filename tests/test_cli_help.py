"""`sitegen --help` lists each command with its whole first sentence, wrapped under its
name, never cut mid-bracket with "..." (click's default cuts at 45 characters)."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from sitegen.cli import cli


def groups() -> list[tuple[str, click.Group]]:
    found: list[tuple[str, click.Group]] = [("", cli)]
    found += [(name, c) for name, c in sorted(cli.commands.items()) if isinstance(c, click.Group)]
    return found


@pytest.mark.parametrize(("name", "group"), groups(), ids=[n or "sitegen" for n, _ in groups()])
def test_every_summary_is_whole(name: str, group: click.Group) -> None:
    args = [name, "--help"] if name else ["--help"]
    result = CliRunner().invoke(cli, args, terminal_width=80)
    assert result.exit_code == 0, result.output
    listing = result.output.split("Commands:\n", 1)[1]
    assert "..." not in listing
    assert max(len(line) for line in listing.splitlines()) <= 80
    flat = " ".join(listing.split())
    for sub, command in group.commands.items():
        first = command.get_short_help_str(limit=1_000)
        assert first.endswith("."), (sub, first)
        assert f"{sub} {' '.join(first.split())}" in flat
