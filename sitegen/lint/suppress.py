"""The one place findings are left out: `[lint] ignore` in `sitegen.toml`, and suppressions
written in the agreement (`# sitegen: ignore[SG301]`, `sitegen.load.suppressions`).

Every command that reports or acts on findings goes through `validate` (`sitegen
validate`, `--history`, `build`, `generate`, `render`, `renewals`, the pull-request review)
or, for signing, through `unsuppressed` itself, so a suppression counts the same everywhere.

Only the reviewer's rules (the registered `RULES`) can be silenced by a comment. What
reading the file, the schema and the signed archive find (SG1xx, SG2xx, SG9xx) cannot: a
hidden character or a tampered archive must never be waved through by a line in the very
file under review, and a file the schema refuses has no agreement to build on.

With `unused`, what a suppression names in vain is reported: a code it silenced nothing of
(SG305), and a code that is no rule's or that a comment cannot silence (SG306), each at the
place of the code in the comment. `sitegen validate --strict` asks for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from sitegen.findings import Finding, Severity
from sitegen.lint.registry import RULES
from sitegen.load.config import Settings
from sitegen.load.suppressions import Suppression

UNUSED = "SG305"
UNKNOWN = "SG306"
_NOT_RULES = re.compile(r"SG[129][0-9]{2}")


def unsuppressed(
    findings: Sequence[Finding],
    suppressions: Mapping[Path, Sequence[Suppression]],
    settings: Settings,
    *,
    unused: bool = False,
) -> list[Finding]:
    """The findings neither the settings nor a suppression in their file leave out; with
    `unused`, followed by the findings about suppressions that silenced nothing."""
    ignored = set(settings.lint.ignore)
    silenceable = {r.code for r in RULES}
    used: set[tuple[Path, int, str]] = set()
    left: list[Finding] = []
    for finding in findings:
        if finding.code in ignored:
            continue
        by = _silenced_by(finding, suppressions.get(finding.path, ()), silenceable)
        if by is None:
            left.append(finding)
        else:
            used.add((finding.path, by.line, finding.code))
    if unused:
        for path, found in suppressions.items():
            for suppression in found:
                vain = _vain(path, suppression, used, silenceable, ignored)
                left.extend(f for f in vain if f.code not in ignored)
    return left


def _silenced_by(
    finding: Finding, found: Sequence[Suppression], silenceable: set[str]
) -> Suppression | None:
    if finding.code not in silenceable:
        return None
    return next((s for s in found if s.covers(finding.code, finding.line)), None)


def _vain(
    path: Path,
    suppression: Suppression,
    used: set[tuple[Path, int, str]],
    silenceable: set[str],
    ignored: set[str],
) -> Iterator[Finding]:
    def finding(code: str, column: int, message: str) -> Finding:
        return Finding(path, suppression.line, column, code, Severity.WARNING, message)

    if not suppression.codes:
        yield finding(
            UNKNOWN,
            suppression.column,
            "the suppression names no code: write the codes it silences, e.g. "
            "`# sitegen: ignore[SG301]`",
        )
    for code, column in suppression.codes:
        if code not in silenceable:
            yield finding(UNKNOWN, column, _not_silenceable(code))
        elif suppression.first == 0:
            yield finding(UNUSED, column, f"{code} is suppressed where no text follows: remove it")
        elif (path, suppression.line, code) not in used:
            why = " (sitegen.toml ignores it everywhere)" if code in ignored else ""
            yield finding(
                UNUSED,
                column,
                f"{code} is suppressed here but not found on this text{why}: remove it from "
                "the suppression",
            )


def _not_silenceable(code: str) -> str:
    if _NOT_RULES.fullmatch(code):
        return (
            f"{code} comes from reading the file, the schema or the signed archive and cannot "
            "be suppressed: correct what it finds"
        )
    return f"{code} is not the code of a rule: see the codes in the README"
