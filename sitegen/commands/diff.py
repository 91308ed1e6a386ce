"""`sitegen diff`: what changes between versions, for renewal and pull-request review."""

from __future__ import annotations

from pathlib import Path

import click

from sitegen.commands.boundary import Command
from sitegen.diff.comment import as_markdown
from sitegen.diff.compare import diff_renewal, diff_since, diff_specs
from sitegen.diff.model import AgreementDiff
from sitegen.diff.report import as_json, as_text
from sitegen.load.config import Settings
from sitegen.terminal import safe
from sitegen.versions import signing_tag


@click.command("diff", cls=Command)
@click.argument("versions", nargs=-1, metavar="[A [B]]")
@click.option(
    "--base",
    metavar="REV",
    help="Compare every agreement with this revision (default: the merge base "
    "with the main branch).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "md", "json"]),
    default="text",
    show_default=True,
    help="md is ready to post as a pull-request comment.",
)
@click.option("--exit-code", is_flag=True, help="Exit with 1 when anything differs.")  # fmt: skip
@click.option("--include-restricted", is_flag=True,
              help="md: show restricted agreements in full (default: their ID and the kinds "
              "of change only).")  # fmt: skip
def diff_command(
    versions: tuple[str, ...], base: str | None, fmt: str, exit_code: bool, include_restricted: bool
) -> None:
    """Compare versions: A and B (ID, ID@REV, ID@vN); ID alone against its last signed
    version; or, with no version, every agreement against --base."""
    settings, root = Settings.find(Path.cwd())
    if len(versions) > 2:
        raise click.UsageError("give at most two versions")
    if versions and base:
        raise click.UsageError("--base compares every agreement: leave out the versions")
    diffs = _diffs(versions, base, root, settings)
    for line in filter(None, (signing_tag(spec, root) for spec in versions)):
        click.echo(safe(line), err=True)
    if fmt == "md":
        click.echo(as_markdown(diffs, include_restricted=include_restricted), nl=False)
    else:
        click.echo({"text": as_text, "json": as_json}[fmt](diffs), nl=fmt == "json")
    if exit_code and any(d.differs for d in diffs):
        raise SystemExit(1)


def _diffs(
    versions: tuple[str, ...], base: str | None, root: Path, settings: Settings
) -> list[AgreementDiff]:
    if len(versions) == 2:
        return [diff_specs(versions[0], versions[1], root, settings)]
    if len(versions) == 1:
        spec = versions[0]
        if "@" in spec:
            return [diff_specs(spec, spec.partition("@")[0], root, settings)]
        return [diff_renewal(spec, root, settings)]
    return diff_since(base, root, settings)
