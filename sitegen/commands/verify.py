"""`sitegen verify`: the checks of a signed PDF, one line each; exit 1 when one fails."""

from __future__ import annotations

from pathlib import Path

import click

from sitegen.commands.boundary import Command
from sitegen.load.config import Settings
from sitegen.terminal import safe


@click.command("verify", cls=Command)
@click.argument("target", metavar="ID@vN|FILE")
@click.option(
    "--trust",
    multiple=True,
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    metavar="CERT",
    help="A certificate (PEM or DER) to trust as a root, besides [signing] trust; repeatable.",
)
def verify_command(target: str, trust: tuple[Path, ...]) -> None:
    """Check a signed version (ID@vN: its files against the manifest, then its PDF's
    digital signature) or a PDF FILE (its digital signature). Exit 0 when every check
    passes, 1 when one fails."""
    from sitegen.versions.verify import verify

    settings, root = Settings.find(Path.cwd())
    verdict = verify(target, root, settings, trust)
    for check in verdict.files:
        if check.ok:
            click.echo(f"ok      {safe(check.name)}: SHA-256 as signed ({check.expected[:12]})")
        elif check.found is None:
            click.echo(f"FAILED  {safe(check.name)}: missing from the archive")
        else:
            click.echo(
                f"FAILED  {safe(check.name)}: SHA-256 {check.found[:12]}, the manifest "
                f"recorded {check.expected[:12]}: changed since signing"
            )
    if not verdict.signatures:
        click.echo("        not digitally signed")
    for signature in verdict.signatures:
        when = signature.signed_at.isoformat() if signature.signed_at else "an unstated time"
        who = f"digitally signed by {safe(signature.subject)} at {when}"
        if not signature.intact or not signature.valid:
            click.echo(f"FAILED  {who}: the signed bytes have changed")
        elif not signature.whole_file:
            click.echo(f"FAILED  {who}: content was added after the signature")
        elif signature.trusted is False:
            click.echo(f"FAILED  {who}: intact, but not under a trusted root")
        elif signature.trusted:
            click.echo(f"ok      {who}: valid, under a trusted root")
        else:
            click.echo(f"ok      {who}: valid (no trusted root given: --trust CERT)")
    if not verdict.ok:
        raise SystemExit(1)
