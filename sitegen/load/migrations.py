"""Old forms of fields whose shape changed: each gets one finding that names the old form
and the new one, before the schema would report an unknown key.

The table is checked on the raw YAML (the plain data with positions), so an old file gets
`agreement.yaml:93:3: SG126 credits.cap_percent is the old form: write credits.cap:
{percent: 20, of: fee}` instead of "unknown key 'cap_percent'" beside "required key missing".
Codes SG120–SG139 are kept for these entries. A pattern's `*` matches any key or list index.
Keep the table one entry a line-group, so that entries added beside each other merge.

An entry may also `upgrade` the old form: a version signed or committed before the change
can never be rewritten (its SHA-256 is in the archive), so `sitegen diff`, the archive's
rules and "same terms as signed" read it in the new form with the meaning it had. Each
upgrade stands alone: run in any order, the entries give the same data.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sitegen.findings import FieldPath, Finding, Severity
from sitegen.load.document import Document

__all__ = ["MIGRATIONS", "Migration", "old_forms", "upgraded"]


Upgrade = Callable[[dict[str, Any], str], None]


@dataclass(frozen=True, slots=True)
class Migration:
    code: str
    path: str  # dotted, `*` for any key or index: credits.cap_percent
    new_form: str  # {value} is the old value as written
    # Rewrites the mapping that holds the old key (and the key's name) into the new form,
    # with the same meaning: how versions signed or committed in the old form are read.
    upgrade: Upgrade | None = None


def _old_cap(credits: dict[str, Any], key: str) -> None:
    credits["cap"] = {"percent": credits.pop(key), "of": "fee"}
    # The old credits were deducted from the next fee and, at termination, paid within 30 days.
    credits.setdefault("form", "deduction")
    credits.setdefault("cash", True)
    credits.setdefault("cash_within", "30d")
    credits.setdefault("claim", {"within": "30d", "from": "report", "channel": "written_notice"})


def _old_claim(credits: dict[str, Any], key: str) -> None:
    days = credits.pop(key)
    credits["claim"] = {"within": f"{days}d", "from": "report", "channel": "written_notice"}


MIGRATIONS: list[Migration] = [
    Migration(
        "SG126",
        "credits.cap_percent",
        "credits.cap: {{percent: {value}, of: fee}}",
        _old_cap,
    ),
    Migration(
        "SG127",
        "credits.claim_days",
        "credits.claim: {{within: {value}d, from: report, channel: written_notice}}",
        _old_claim,
    ),
]


def upgraded(data: dict[str, Any]) -> dict[str, Any]:
    """The data of an old file in the new form, with the same meaning (a copy)."""
    data = copy.deepcopy(data)
    for migration in MIGRATIONS:
        if migration.upgrade is None:
            continue
        *parent, key = migration.path.split(".")
        for _, holder in list(_matches(data, tuple(parent))):
            if isinstance(holder, dict) and key in holder:
                migration.upgrade(holder, key)
    return data


def old_forms(document: Document) -> list[Finding]:
    """One finding for each old form found in the document, in file order."""
    found: list[Finding] = []
    for migration in MIGRATIONS:
        for path, value in _matches(document.data, tuple(migration.path.split("."))):
            line, column = document.locate(path, key=True)
            dotted = ".".join(str(part) for part in path)
            new_form = migration.new_form.format(value=_shown(value))
            found.append(
                Finding(
                    document.path,
                    line,
                    column,
                    migration.code,
                    Severity.ERROR,
                    f"{dotted} is the old form: write {new_form}",
                )
            )
    return sorted(found, key=Finding.sort_key)


def _matches(
    data: Any, pattern: tuple[str, ...], at: FieldPath = ()
) -> Iterator[tuple[FieldPath, Any]]:
    if not pattern:
        yield at, data
        return
    head, rest = pattern[0], pattern[1:]
    if isinstance(data, dict):
        keys = list(data) if head == "*" else [head] if head in data else []
        for key in keys:
            yield from _matches(data[key], rest, (*at, key))
    elif isinstance(data, list) and head == "*":
        for index, item in enumerate(data):
            yield from _matches(item, rest, (*at, index))


def _shown(value: Any) -> str:
    return str(value) if isinstance(value, str | int | float) else "…"
