"""SG608–SG609: the priority matrix (impact × urgency → level). Every cell names a level the
agreement declares, and the grid has one row per impact and one cell per urgency, each with
its own id, so the table in the contract can be read without guessing and two versions are
compared cell by cell."""

from __future__ import annotations

from collections.abc import Iterator

from sitegen.findings import Severity
from sitegen.lint.registry import Hit, Subject, rule


@rule("SG608", Severity.ERROR, "a priority matrix cell names a level that is not declared")
def cells_name_levels(subject: Subject) -> Iterator[Hit]:
    slos = subject.agreement.slos
    if slos.matrix is None:
        return
    declared = [p.level for p in slos.priorities]
    known = ", ".join(declared) if declared else "none"
    for row, cells in enumerate(slos.matrix.levels):
        for column, level in enumerate(cells):
            if level not in declared:
                yield Hit(
                    ("slos", "matrix", "levels", row, column),
                    f"{level} is not a level of slos.priorities (declared: {known}): name a "
                    "declared level, or add it to the priorities",
                )


@rule(
    "SG609",
    Severity.ERROR,
    "the priority matrix is not one row per impact, one level per urgency, each id once",
)
def matrix_shape(subject: Subject) -> Iterator[Hit]:
    matrix = subject.agreement.slos.matrix
    if matrix is None:
        return
    for axis in ("impact", "urgency"):
        seen: set[str] = set()
        for index, item in enumerate(getattr(matrix, axis)):
            if item.id in seen:
                yield Hit(
                    ("slos", "matrix", axis, index, "id"),
                    f"{axis} {item.id!r} is given twice: give each {axis} value its own id "
                    "(versions are compared cell by cell through the ids)",
                )
            seen.add(item.id)
    rows, columns = len(matrix.impact), len(matrix.urgency)
    if len(matrix.levels) != rows:
        yield Hit(
            ("slos", "matrix", "levels"),
            f"{len(matrix.levels)} rows of levels for {rows} impact values: give one row per "
            "impact, in the order of `impact`",
            key=True,
        )
    for row, cells in enumerate(matrix.levels):
        if len(cells) != columns:
            yield Hit(
                ("slos", "matrix", "levels", row),
                f"row {row + 1} has {len(cells)} levels for {columns} urgency values: give one "
                "level per urgency, in the order of `urgency`",
            )
