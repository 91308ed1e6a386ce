"""Where `sitegen report` and `report show` put one period's report: the terminal, or -o.

The text forms print (or go to -o FILE); the PDF is bytes for the customer and never goes
to a terminal, so `--format pdf` needs -o. Every file is written atomically: a failed
render leaves what was there before.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import click

from sitegen.files import write_atomic
from sitegen.load.config import Settings
from sitegen.reports.figures import PeriodFigures
from sitegen.reports.forms import FORMATS, Format, render_report
from sitegen.terminal import safe

SHOWN: tuple[str, ...] = (*FORMATS, "pdf")


def output_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "-o",
        "--output",
        "target",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="FILE",
        help="Write the report to FILE (needed for --format pdf).",
    )(command)


def needs_output(fmt: str, target: Path | None) -> None:
    if fmt == "pdf" and target is None:
        raise click.UsageError("--format pdf writes a file: give -o FILE")


def emit(
    root: Path, settings: Settings, figures: PeriodFigures, fmt: str, target: Path | None
) -> None:
    """The report of `figures` in `fmt`, printed or written to `target`."""
    if fmt == "pdf":
        from sitegen.reports.pdf import project_report_pdf

        data = project_report_pdf(root, settings, figures)
    else:
        text = render_report(figures, cast(Format, fmt))
        if target is None:
            click.echo(text, nl=False)
            return
        data = text.encode("utf-8")
    assert target is not None
    write_atomic(target, data)
    click.echo(safe(f"wrote {target}"), err=True)
