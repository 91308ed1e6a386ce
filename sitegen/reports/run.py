"""`sitegen report`: read the period's data, compute each agreement's figures against the
version in force in the period, and keep them as records.

The agreements are the project's (`agreements/`); every one of them that loads says what
its rows may hold (`Expect`), so a shared export of all services reads in one go. A period
is measured against the signed (or, for a provider's published SLA, accepted) version that
had taken effect by its first day: a draft has no service to report on, and an amendment in
review does not change the terms of a past month. Nothing is written unless every input row
and every job is sound: the records are written last, each atomically.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from sitegen.errors import UserError
from sitegen.lint.validate import find_agreement_files
from sitegen.load import load_agreement
from sitegen.load.config import Settings
from sitegen.load.input_mappings import InputFiles
from sitegen.load.model import Agreement
from sitegen.reports import rows
from sitegen.reports.compute import figures, job
from sitegen.reports.expect import Expect
from sitegen.reports.figures import PeriodFigures
from sitegen.reports.mappings import mapping_named
from sitegen.reports.periods import Job, Period
from sitegen.reports.read import READERS
from sitegen.reports.record import Record
from sitegen.reports.record_store import (
    Written,
    check_write,
    input_files,
    input_name,
    reports_folder,
    sitegen_version,
    write_record,
)
from sitegen.reports.service_time import NoZone
from sitegen.versions.in_force import in_force_on, read_versions


@dataclass(frozen=True)
class Outcome:
    figures: PeriodFigures
    written: Written | None  # None when nothing was written (--dry-run)


@dataclass(frozen=True)
class Skipped:
    agreement: str
    period: str
    why: str


def _agreements(root: Path, settings: Settings) -> dict[str, tuple[Agreement, Path]]:
    """Every agreement of the project that loads, with its folder."""
    found: dict[str, tuple[Agreement, Path]] = {}
    folder = root / settings.agreements_dir
    if not folder.is_dir():
        raise UserError("no agreements folder", path=folder)
    for path in find_agreement_files([folder]):
        loaded = load_agreement(path, settings.load)
        if loaded.agreement is not None:
            found[loaded.agreement.id] = (loaded.agreement, path.parent)
    return found


def _expectations(agreements: dict[str, tuple[Agreement, Path]]) -> dict[str, Expect]:
    expect = {}
    for agreement_id, (agreement, _) in agreements.items():
        try:
            expect[agreement_id] = Expect.of(agreement)
        except NoZone:
            continue  # its rows are refused as of an unknown agreement; its jobs say why
    return expect


def _read(
    con: duckdb.DuckDBPyConnection,
    inputs: Sequence[InputFiles],
    root: Path,
    settings: Settings,
    expect: dict[str, Expect],
) -> list[Path]:
    read: list[Path] = []
    for given in inputs:
        paths = [root / name for name in given.files]
        mapping = mapping_named(given.mapping, settings) if given.mapping else None
        reader = READERS[given.rows]
        reader(con, paths, expect, default=given.agreement, mapping=mapping)
        read.extend(paths)
    for path in read:  # a breach or an event names its file as the record's inputs do
        for table in ("outages", "tickets", "pauses"):
            con.execute(
                f"UPDATE {table} SET file = ? WHERE file = ?", [input_name(path, root), str(path)]
            )
    return read


def report(
    root: Path,
    settings: Settings,
    ids: Sequence[str],
    periods: Sequence[Period],
    inputs: Sequence[InputFiles],
    *,
    supersede: str | None = None,
    write: bool = True,
) -> tuple[list[Outcome], list[Skipped]]:
    """Compute the figures of `ids` (every agreement with a version in force, when empty)
    over `periods`, from `inputs`, and write their records unless `write` is false."""
    agreements = _agreements(root, settings)
    unknown = [agreement_id for agreement_id in ids if agreement_id not in agreements]
    if unknown:
        raise UserError(
            f"no agreement {', '.join(unknown)} that loads: run `sitegen validate` to see why"
        )
    if not inputs:
        raise UserError(
            "no outage or ticket files: give --outages and --tickets, or name them in "
            "sitegen.toml under [[reports.inputs]]"
        )
    jobs: list[Job] = []
    skipped: list[Skipped] = []
    for agreement_id in ids or sorted(agreements):
        working, folder = agreements[agreement_id]
        versions = read_versions(working, folder, settings.load)
        for period in periods:
            in_force = in_force_on(working, folder, settings.load, period.first, versions)
            if in_force is None:
                why = f"no signed or accepted version had taken effect by {period.first}"
                if ids:
                    raise UserError(f"{agreement_id} {period.label}: {why}: nothing to report")
                skipped.append(Skipped(agreement_id, period.label, why))
                continue
            jobs.append(job(in_force.agreement, settings, period.label))
    with rows.connection() as con:
        read = _read(con, inputs, root, settings, _expectations(agreements))
        computed = figures(con, jobs)
    digests = input_files(read, root)
    records = [
        (reports_folder(root, settings, found.agreement), Record(found, digests, sitegen_version()))
        for found in computed
    ]
    if not write:
        return [Outcome(record.figures, None) for _, record in records], skipped
    for folder, record in records:  # every refusal before the first write
        check_write(folder, record, supersede=supersede)
    outcomes = [
        Outcome(record.figures, write_record(folder, record, supersede=supersede))
        for folder, record in records
    ]
    return outcomes, skipped
