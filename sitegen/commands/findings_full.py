"""Findings as a person at a terminal reads them, as ruff and rustc print theirs: the
severity and code, the message, the place, the source line with a caret under the column,
and at the end a count per code.

    error[SG203]: slos.availability.target: write a decimal point, not a comma: 99.9
       --> agreements/SLA-2026-001/agreement.yaml:134:13
        |
    134 |     target: 99,9
        |             ^^^^

The source line is the file's own text, untrusted: it goes through `terminal.safe` like
every value. Chinese characters take two columns, so the caret is placed by display width.
Colour comes from click and goes where click strips it (not a terminal, or NO_COLOR set).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import click

from sitegen.findings import Finding, Severity
from sitegen.render.layout import display_width
from sitegen.terminal import safe

_COLOUR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_SOURCE_MAX_BYTES = 4 << 20
_QUOTED = re.compile(r"'([^'\n]+)'")
_WORD = re.compile(r"[^\s,;:\"')\]}]*")


def _underline(line: str, column: int, message: str) -> str:
    """Spaces to the column's display position, then carets under what the finding is
    about: the word it quotes when the line has it there ('尽快'), else a Latin word or one
    Chinese character."""
    before, rest = line[: column - 1], line[column - 1 :]
    quoted = _QUOTED.search(message)
    if quoted and rest.startswith(quoted.group(1)):
        word = quoted.group(1)
    elif rest and display_width(rest[0]) == 2:
        word = rest[0]
    else:
        match = _WORD.match(rest)
        word = match.group() if match else ""
    return " " * display_width(before) + "^" * max(1, display_width(word))


class Sources:
    """The lines of the files findings point into, each file read once."""

    def __init__(self) -> None:
        self._lines: dict[Path, list[str] | None] = {}

    def line(self, path: Path, number: int) -> str | None:
        if path not in self._lines:
            try:
                with path.open("rb") as handle:
                    data = handle.read(_SOURCE_MAX_BYTES)
                self._lines[path] = data.decode("utf-8", errors="replace").splitlines()
            except OSError:
                self._lines[path] = None
        lines = self._lines[path]
        return lines[number - 1] if lines and 0 < number <= len(lines) else None


def as_full(finding: Finding, sources: Sources) -> str:
    """One finding as a block of lines (see the module's docstring)."""
    label = click.style(
        f"{finding.severity}[{finding.code}]", fg=_COLOUR[finding.severity], bold=True
    )
    field = f"{finding.field_text}: " if finding.field else ""
    context = f" ({finding.context})" if finding.context else ""
    head = f"{label}: {safe(field + finding.message + context)}"
    gutter = len(str(finding.line))
    place = click.style("-->", fg="blue", bold=True)
    lines = [
        head,
        f"{' ' * gutter} {place} {safe(str(finding.path))}:{finding.line}:{finding.column}",
    ]
    source = sources.line(finding.path, finding.line)
    if source is not None:
        shown = safe(source)
        bar = click.style("|", fg="blue", bold=True)
        caret = click.style(
            _underline(source, finding.column, finding.message), fg=_COLOUR[finding.severity]
        )
        lines += [
            f"{' ' * gutter} {bar}",
            f"{click.style(str(finding.line), fg='blue', bold=True)} {bar} {shown}",
            f"{' ' * gutter} {bar} {caret}",
        ]
    return "\n".join(lines) + "\n"


def counts(findings: Iterable[Finding]) -> str:
    """A line per code, most frequent first: `   42  SG302  warning`."""
    found = Counter((f.code, f.severity) for f in findings)
    rows = sorted(found.items(), key=lambda item: (-item[1], item[0][0]))
    return "\n".join(f"{count:5d}  {code}  {severity}" for (code, severity), count in rows)
