"""The `sitegen` command. Thin: each command parses options and calls the package.

Exit codes: 0 ok, 1 findings or failures, 2 usage or I/O problems.
"""

from __future__ import annotations

import logging
import sys

import click

from sitegen.commands.diff import diff_command
from sitegen.commands.new import new_command
from sitegen.commands.render import render_command
from sitegen.commands.renewals import renewals_command
from sitegen.commands.schema import schema_command
from sitegen.commands.sign import attach_command, sign_command
from sitegen.commands.site import build_command, generate_command
from sitegen.commands.validate import validate_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sitegen")
def cli() -> None:
    """Service-level agreements as code: validate, render, sign, diff and publish them."""
    _show_warnings()


class _Warnings(logging.Handler):
    """The package's warnings (a cache entry discarded, say), one line each on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"sitegen: warning: {record.getMessage()}", err=True)


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
    diff_command,
    renewals_command,
    generate_command,
    build_command,
    schema_command,
):
    cli.add_command(command)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
