"""Old forms of agreement fields: each named once, with the form that replaced it.

When a field changes shape, an agreement file still written the old way gets one finding
(SG120–SG139) at the old key, naming the old form and the new one, instead of the schema's
"unknown key" and "required key missing" pair that would not say what to write. The table is
checked on the raw YAML, before the schema.

A signed version (`signed/vN.yaml`) or a file at an old git revision is never rewritten: it is
read as it was signed, each old form carried over to its new one (`upgrade`), so a diff, a
render and the archive's own checks see it in today's shape. Each entry's `upgrade` says
what its old form meant when it was written.

One entry per old form, in code order; the table is a plain list so that changes merge
line by line.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sitegen.findings import FieldPath, Finding, Severity
from sitegen.load.document import Document

Data = dict[str, Any]


@dataclass(frozen=True)
class Migration:
    code: str
    path: FieldPath  # the old key; "*" stands for every item of a list
    message: Callable[[Any], str]  # the old value in, "X is the old form: write Y" out
    upgrade: Callable[[Data, FieldPath], None]  # rewrites one old value in place (archives)
    applies: Callable[[Data, FieldPath], bool] = lambda data, path: True  # beyond the path


def _flow(value: Any) -> str:
    """A YAML value as one would write it inline: zh, [zh, en], {a: 1}."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _languages(prevailing: Any) -> Data:
    """`prevailing_language: zh` said: both texts are authentic, and zh prevails."""
    return {"authentic": ["zh", "en"], "prevails": prevailing}


def _languages_message(old: Any) -> str:
    return f"prevailing_language is the old form: write languages: {_flow(_languages(old))}"


def _upgrade_languages(data: Data, path: FieldPath) -> None:
    prevailing = data.pop("prevailing_language")
    data.setdefault("languages", _languages(prevailing))


# Until report_due_days had no default, a report was due 5 working days after its period.
_OLD_REPORT_DUE = 5


def _report_due_message(old: Any) -> str:
    return (
        "measurement.report without report_due_days is the old form (the report was due "
        f"{_OLD_REPORT_DUE} working days after the period by default): write "
        f"report_due_days: {_OLD_REPORT_DUE}, or the days agreed"
    )


def _report_without_due(data: Data, path: FieldPath) -> bool:
    measurement = data["measurement"]
    return isinstance(measurement, dict) and "report_due_days" not in measurement


def _upgrade_report_due(data: Data, path: FieldPath) -> None:
    data["measurement"]["report_due_days"] = _OLD_REPORT_DUE


# Until they were data, the template stated these for every negotiated agreement with reviews.
_OLD_REVISION = {"volume_change": 50, "missed_periods": 2, "new_services": True,
                 "meeting_within": "15wd"}  # fmt: skip
_OLD_MINUTES, _OLD_RETENTION = "5wd", 3


def _revision_message(old: Any) -> str:
    return (
        "review without revision is the old form (the template stated that the minutes "
        f"follow within 5 working days, that revision may be proposed on "
        "50% more business volume, new services or 2 failed periods in a row, with a "
        "meeting within 15 working days, and that records are kept 3 years): write "
        f"revision: {_flow(_OLD_REVISION)}, retention_years: {_OLD_RETENTION} and "
        f"review.minutes_within: {_OLD_MINUTES}, or the terms agreed (leave out any not "
        "agreed: revision: {} when none is)"
    )


def _review_without_revision(data: Data, path: FieldPath) -> bool:
    negotiated = data.get("kind", "negotiated") == "negotiated"
    return negotiated and isinstance(data["review"], dict) and "revision" not in data


def _upgrade_revision(data: Data, path: FieldPath) -> None:
    data["revision"] = dict(_OLD_REVISION)
    data.setdefault("retention_years", _OLD_RETENTION)
    data["review"].setdefault("minutes_within", _OLD_MINUTES)


def _holder(data: Data, path: FieldPath) -> Any:
    """The mapping that holds the old key at `path`."""
    holder: Any = data
    for part in path[:-1]:
        holder = holder[part]
    return holder


def _cap_message(old: Any) -> str:
    return f"credits.cap_percent is the old form: write credits.cap: {{percent: {old}, of: fee}}"


def _upgrade_cap(data: Data, path: FieldPath) -> None:
    """The old credits were a share of the fee, deducted from the next fee and, at
    termination, paid within 30 days; claimed in writing within 30 days of the report."""
    credits = _holder(data, path)
    credits["cap"] = {"percent": credits.pop(path[-1]), "of": "fee"}
    credits.setdefault("form", "deduction")
    credits.setdefault("cash", True)
    credits.setdefault("cash_within", "30d")
    credits.setdefault("claim", {"within": "30d", "from": "report", "channel": "written_notice"})


def _claim_message(old: Any) -> str:
    return (
        "credits.claim_days is the old form: write credits.claim: "
        f"{{within: {old}d, from: report, channel: written_notice}}"
    )


def _upgrade_claim(data: Data, path: FieldPath) -> None:
    credits = _holder(data, path)
    days = credits.pop(path[-1])
    credits["claim"] = {"within": f"{days}d", "from": "report", "channel": "written_notice"}


# One entry per old form: code, old path, message, upgrade (and a condition beyond the path).
MIGRATIONS: list[Migration] = [
    Migration("SG134", ("prevailing_language",), _languages_message, _upgrade_languages),
    Migration(
        "SG135",
        ("measurement", "report"),
        _report_due_message,
        _upgrade_report_due,
        applies=_report_without_due,
    ),
    Migration(
        "SG136",
        ("review",),
        _revision_message,
        _upgrade_revision,
        applies=_review_without_revision,
    ),
    Migration("SG126", ("credits", "cap_percent"), _cap_message, _upgrade_cap),
    Migration("SG127", ("credits", "claim_days"), _claim_message, _upgrade_claim),
]


def _found(data: Any, pattern: FieldPath, done: FieldPath = ()) -> list[FieldPath]:
    """The paths in `data` that `pattern` matches."""
    if not pattern:
        return [done]
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        items = enumerate(data) if isinstance(data, list) else ()
        return [p for i, item in items for p in _found(item, rest, (*done, i))]
    if isinstance(data, dict) and head in data:
        return _found(data[head], rest, (*done, head))
    return []


def _matches(data: Data, migration: Migration) -> list[FieldPath]:
    return [path for path in _found(data, migration.path) if migration.applies(data, path)]


def _value(data: Any, path: FieldPath) -> Any:
    for part in path:
        data = data[part]
    return data


def old_forms(document: Document) -> list[Finding]:
    """One error per old form in the file, at its key: `SG134 prevailing_language is the old
    form: write …` (the message names the old path itself, so the finding carries none)."""
    found = []
    for migration in MIGRATIONS:
        for path in _matches(document.data, migration):
            line, column = document.locate(path, key=True)
            message = migration.message(_value(document.data, path))
            found.append(
                Finding(document.path, line, column, migration.code, Severity.ERROR, message)
            )
    return found


def upgraded(data: Data) -> Data:
    """The file's data with every old form in its new shape: a copy when there is one, else
    the data itself (a current file costs one look-up per entry, no copy)."""
    if not any(_matches(data, migration) for migration in MIGRATIONS):
        return data
    data = copy.deepcopy(data)
    for migration in MIGRATIONS:
        for path in reversed(_matches(data, migration)):
            migration.upgrade(data, path)
    return data
