"""The `sitegen` command. Thin: each command parses options and calls the package.

Exit codes: 0 ok, 1 findings or failures, 2 usage or I/O problems.

This is the one error boundary: the package raises `sitegen.errors` kinds, which know nothing
of click; each command (`sitegen.commands.boundary.Command`) turns them into click errors
carrying their exit codes, and `main` shows every error through `SafeStream`
(`sitegen.terminal`), as error messages quote paths, keys and values, which may hold control
characters. The commands still raise click's own errors for usage problems.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import IO, cast

import click

from sitegen.commands.boundary import Group
from sitegen.commands.diff import diff_command
from sitegen.commands.new import new_command
from sitegen.commands.preview import preview_command
from sitegen.commands.render import render_command
from sitegen.commands.renewals import renewals_command
from sitegen.commands.report import report_group
from sitegen.commands.review import review_group
from sitegen.commands.schema import schema_command
from sitegen.commands.sign import attach_command, sign_command
from sitegen.commands.site import build_command, generate_command
from sitegen.commands.validate import validate_command
from sitegen.commands.verify import verify_command
from sitegen.terminal import SafeStream, safe


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sitegen")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Service-level agreements as code: validate, render, sign, diff and publish them."""
    if os.environ.get("NO_COLOR"):  # no-color.org: any value but empty turns colour off
        ctx.color = False  # the commands' contexts inherit it
    _show_warnings()


class _Warnings(logging.Handler):
    """The package's warnings (a cache entry discarded, say), one line each on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"sitegen: warning: {safe(record.getMessage())}", err=True)


def _show_warnings() -> None:
    logger = logging.getLogger("sitegen")
    if not any(isinstance(handler, _Warnings) for handler in logger.handlers):
        logger.addHandler(_Warnings(logging.WARNING))


for command in (
    validate_command,
    new_command,
    render_command,
    sign_command,
    attach_command,
    verify_command,
    diff_command,
    renewals_command,
    report_group,
    review_group,
    generate_command,
    build_command,
    preview_command,
    schema_command,
):
    cli.add_command(command)


def main() -> None:
    """click's standalone handling, with errors shown through `SafeStream`."""
    try:
        code = cli.main(standalone_mode=False)
    except click.ClickException as error:
        error.show(file=cast("IO[str]", SafeStream(sys.stderr)))
        sys.exit(error.exit_code)
    except click.Abort:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:  # `sitegen diff | head`: the reader has gone; exit 1 as click does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
