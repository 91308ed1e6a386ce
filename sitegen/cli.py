"""The `sitegen` command. Thin: each command parses options and calls the package.

Exit codes: 0 ok, 1 findings or failures, 2 usage or I/O problems.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sitegen import output
from sitegen.config import Settings
from sitegen.errors import UserError, ValidationFailed
from sitegen.findings import Severity
from sitegen.validate import relative, validate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sitegen")
def cli() -> None:
    """Service-level agreements as code: validate, render, sign, diff and publish them."""


@cli.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="text for people, json for tools, github for workflow annotations.",
)
@click.option("-v", "--verbose", is_flag=True, help="Also print notes (such as allowed downtime).")
def validate_command(paths: tuple[Path, ...], strict: bool, fmt: str, verbose: bool) -> None:
    """Check agreement files (default: the agreements/ folder) and print every finding."""
    settings, root = Settings.find(Path.cwd())
    targets = list(paths) or [root / settings.agreements_dir]
    report, _ = validate(targets, settings, root)
    report.findings = [relative(f, Path.cwd()) for f in report.findings]
    shown = [f for f in report.sorted() if verbose or f.severity is not Severity.INFO]
    if fmt == "json":
        click.echo(output.as_json(report))
    else:
        render = output.as_github if fmt == "github" else output.as_text
        for finding in shown:
            click.echo(render(finding))
    click.echo(output.summary(report), err=True)
    failing = report.errors + (report.warnings if strict else 0)
    if failing:
        raise ValidationFailed(errors=failing, files=report.files)


@cli.command("schema")
@click.option(
    "-o", "--output", "target", type=click.Path(path_type=Path), help="Write to FILE."
)
def schema_command(target: Path | None) -> None:
    """Print the JSON Schema of agreement files (draft-07, for editors)."""
    from sitegen.schema import schema_text

    text = schema_text()
    if target is None:
        click.echo(text, nl=False)
        return
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UserError(f"cannot write: {error.strerror}", path=target) from None


@cli.command("new")
@click.argument("agreement_id")
@click.option("--template", "template", default="it-service-sla", show_default=True)
def new_command(agreement_id: str, template: str) -> None:
    """Write agreements/ID/agreement.yaml: a complete skeleton that validates."""
    from sitegen.skeleton import write_skeleton

    settings, root = Settings.find(Path.cwd())
    path = write_skeleton(root, settings, agreement_id, template)
    click.echo(f"wrote {path}: fill in the parts marked 待填写 / to be completed")


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
