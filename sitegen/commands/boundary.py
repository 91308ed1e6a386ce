"""Where the package's errors meet click: every command is a `Command`, whose `invoke` turns
a `sitegen.errors` kind into a click error with the kind's message and exit code, and a git
command that failed into one line naming the folder (`GitFailed`).

Here, not in `sitegen.errors`, so the stages never import click (pyproject's import-linter
contract); in the command, not only in the group, so a command run on its own (`CliRunner`
in the tests) shows the same one line. `sitegen.cli.main` then shows every click error
through `SafeStream`: one line, no traceback, exit 2 (1 for `ValidationFailed`, whose
findings are on the terminal already).
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

import click
from git.exc import GitCommandError

from sitegen.errors import SitegenError
from sitegen.versions.history import git_failed


class Shown(click.ClickException):
    """A `SitegenError` as click shows an error: `Error: …` on one line, the error's exit code;
    nothing more when its findings are on the terminal already."""

    def __init__(self, error: SitegenError) -> None:
        super().__init__(str(error))
        self.exit_code = error.exit_code  # type: ignore[misc]  # click declares a ClassVar
        self.reported = error.reported

    def show(self, file: IO[Any] | None = None) -> None:
        if not self.reported:
            super().show(file)


class Group(click.Group):
    """A group whose list of commands gives each command's whole first sentence, wrapped
    under its name, where click cuts it at 45 characters mid-bracket ("Archive SCAN, the
    executed paper copy of signed VERSION (v1,...")."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [
            (name, command.get_short_help_str(limit=1_000))
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) is not None and not command.hidden
        ]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


class Command(click.Command):
    """A command whose errors become click errors, in this one place."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SitegenError as error:
            raise Shown(error) from error
        except GitCommandError as error:  # a stage did not check what git needs: still one line
            raise Shown(git_failed(error, Path.cwd())) from error
