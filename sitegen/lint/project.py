"""The checked project: the one way every command and the mkdocs plugin get agreements.

Before, `sitegen build`, `generate`, `render`, `renewals` and the plugin's own generation
each validated through a helper of their own, with two error shapes (findings printed then
"N errors in M files", or one message with the first 20 findings). Now they all call
`checked_project`, which returns the `Checked` records (agreement, path, document, digest)
or raises `InvalidProject` holding the whole report; the terminal and the plugin only
choose how to show it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sitegen import output
from sitegen.caches.store import Store
from sitegen.errors import SitegenError
from sitegen.findings import Report, Severity
from sitegen.lint.validate import validate
from sitegen.load.checked import Checked
from sitegen.load.config import Settings

SHOWN = 20  # findings named in the one-line form of the error


class InvalidProject(SitegenError):
    """Validation found errors: the report holds every finding, with its place."""

    def __init__(self, report: Report) -> None:
        self.report = report
        errors = [f for f in report.sorted() if f.severity is Severity.ERROR]
        shown = "\n".join(output.as_text(f) for f in errors[:SHOWN])
        more = f"\n… and {len(errors) - SHOWN} more" if len(errors) > SHOWN else ""
        super().__init__(f"the agreements have errors ({output.summary(report)}):\n{shown}{more}")


def checked_project(
    root: Path,
    settings: Settings,
    paths: Sequence[Path] | None = None,
    *,
    cached: bool = True,
) -> list[Checked]:
    """The agreements under `paths` (default: the project's agreements folder), each as it
    was read and checked, in the order found; `InvalidProject` when any has an error. With
    `cached`, unchanged files' results come from `.cache/checked.json`."""
    folders = list(paths) if paths is not None else [root / settings.agreements_dir]
    report, loaded = validate(
        folders, settings, root, cache=Store.of(root).checked_file if cached else None
    )
    if report.errors:
        raise InvalidProject(report)
    records = [item.checked() for item in loaded]
    return [record for record in records if record is not None]
