"""What is wrong with the input files, all of it in one error.

A month's data is fixed once, not row by row: so every problem the checks find (in SQL,
over all rows at once) is gathered, sorted by file and row, and reported together, the
first `SHOWN` of them with a count of the rest. Each names a place a person can open:
`outages.csv:14: column end: …` (the 1-based data row of a CSV or Parquet file, the line
of a JSON Lines file), `probe.json: series 2: …` for a Prometheus series, or the file
alone for a problem of the whole file. Values come from untrusted files, so every value
and name is passed through `terminal.safe` before it reaches the message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sitegen.errors import UserError
from sitegen.terminal import safe

SHOWN = 20
# A value longer than this is cut in a message: a description column is not a time.
VALUE_CHARS = 60

Unit = Literal["row", "line", "series"]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem: where (file, and the row, line or series when it is one row's), the
    column as the file names it, and what is wrong (already safe text)."""

    file: str
    row: int | None
    column: str | None
    message: str
    unit: Unit = "row"

    def __str__(self) -> str:
        where = safe(self.file)
        if self.row is not None:
            where = (
                f"{where}: series {self.row}" if self.unit == "series" else f"{where}:{self.row}"
            )
        column = f"column {safe(self.column)}: " if self.column is not None else ""
        if self.unit == "series" and self.column is not None:
            column = f"label {safe(self.column)}: "
        return f"{where}: {column}{self.message}"


def shown(value: object) -> str:
    """A value from a file as a message shows it: quoted, escaped, cut when long."""
    text = str(value)
    if len(text) > VALUE_CHARS:
        text = text[: VALUE_CHARS - 1] + "…"
    return f"'{safe(text)}'"


class InputErrors(UserError):
    """The input files have problems; nothing was read into the tables."""

    def __init__(self, *, problems: Sequence[Problem], total: int | None = None) -> None:
        self.problems = tuple(problems)
        self.total = total if total is not None else len(self.problems)
        noun = "problem" if self.total == 1 else "problems"
        lines = [f"the input files have {self.total} {noun}; nothing was read:"]
        lines += [f"  {problem}" for problem in self.problems[:SHOWN]]
        more = self.total - min(len(self.problems), SHOWN)
        if more > 0:
            lines.append(f"  and {more} more")
        super().__init__("\n".join(lines))
