"""The mappings that turn real exports into canonical rows, by name.

sitegen ships three, as data in `sitegen/data/mappings/NAME.toml` (read them as examples):

    jira-service-management  a JSM issue CSV export (Issue key, Priority, Created,
                             Resolved; the response from "Date of First Response")
    servicenow               a ServiceNow incident CSV export (number, priority
                             "1 - Critical", opened_at, resolved_at)
    prometheus-probe         a Prometheus query_range JSON of probe_success

A project adds its own, or replaces one of these, as `[reports.mappings.NAME]` in
`sitegen.toml` with the same keys (`sitegen.load.input_mappings.InputMapping`): an export
whose priorities are named differently (Sev1, 紧急) gets a mapping of its own.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from sitegen.errors import UserError
from sitegen.load.config import Settings
from sitegen.load.input_mappings import InputMapping

MAPPINGS_DIR = Path(__file__).parent.parent / "data" / "mappings"


@cache
def shipped() -> dict[str, InputMapping]:
    """The mappings sitegen ships, by name (the file's stem)."""
    return {
        path.stem: InputMapping.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
        for path in sorted(MAPPINGS_DIR.glob("*.toml"))
    }


def mappings(settings: Settings | None = None) -> dict[str, InputMapping]:
    """Every mapping a project can name: the shipped ones, and its own over them."""
    found = dict(shipped())
    if settings is not None:
        found.update(settings.reports.mappings)
    return found


def mapping_named(name: str, settings: Settings | None = None) -> InputMapping:
    """The mapping called `name`; a UserError naming the known ones otherwise."""
    known = mappings(settings)
    if name not in known:
        raise UserError(
            f"no mapping named '{name}': sitegen ships {', '.join(sorted(shipped()))}; "
            "define others in sitegen.toml as [reports.mappings.NAME]"
        )
    return known[name]
