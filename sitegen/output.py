"""Findings as text for people, JSON for tools, annotations for GitHub workflows.

A finding quotes keys and values of the file, which may hold control characters: text lines
go through `terminal.safe` whole; annotations escape them the same way, then `%`, CR and LF
as GitHub documents (and `:` and `,` in properties), so one finding is one workflow command.
"""

from __future__ import annotations

import json

from sitegen.errors import Location
from sitegen.findings import Finding, Report, Severity
from sitegen.terminal import json_text, safe


def as_text(finding: Finding) -> str:
    """`path:line:col: CODE field: message` — the form editors and terminals link."""
    where = Location(finding.path, finding.line, finding.column)
    label = "" if finding.severity is Severity.ERROR else f"[{finding.severity}] "
    field = f"{finding.field_text}: " if finding.field else ""
    context = f" ({finding.context})" if finding.context else ""
    return safe(f"{where}: {finding.code} {label}{field}{finding.message}{context}")


def as_json(report: Report) -> str:
    records = [
        {
            "path": str(f.path),
            "line": f.line,
            "column": f.column,
            "code": f.code,
            "severity": str(f.severity),
            "field": f.field_text,
            "message": f.message,
            "context": f.context,
        }
        for f in report.sorted()
    ]
    return json_text(json.dumps(records, ensure_ascii=False, indent=2))


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def as_github(finding: Finding) -> str:
    """A workflow command: `::error file=…,line=…,col=…,title=…::message`."""
    properties = ",".join(
        f"{key}={_escape_property(value)}"
        for key, value in (
            ("file", str(finding.path)),
            ("line", str(finding.line)),
            ("col", str(finding.column)),
            ("title", f"{finding.code} {finding.field_text}".strip()),
        )
    )
    context = f" ({finding.context})" if finding.context else ""
    message = _escape_data(finding.message + context)
    return f"::{_GITHUB_LEVEL[finding.severity]} {properties}::{message}"


def _escape_data(text: str) -> str:
    """`%`, CR and LF as GitHub documents, then every other control character as `\\x1b`:
    the message reaches the annotation whole, and nothing ends the command early."""
    return safe(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def summary(report: Report) -> str:
    errors, warnings = report.errors, report.warnings
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    if not errors and not warnings:
        return f"{files} checked: no problems"
    parts = [
        f"{errors} error{'s' if errors != 1 else ''}",
        f"{warnings} warning{'s' if warnings != 1 else ''}",
    ]
    return f"{files} checked: {', '.join(parts)}"
