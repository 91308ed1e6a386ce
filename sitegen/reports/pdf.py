"""A period's report as a bilingual PDF: the figures as JSON into a constant Typst layout.

The contract PDF's route (`render/pdf.py`, FINDINGS.md): the constant main file
`render/typst/report_main.typ` reads the view-model (`pdf_data`) from `sys.inputs`, so no
value is ever Typst source; the compile root is a private folder holding only the layout,
no package imports, fonts only from the configured folders (a character they cannot draw is
an error, never a box), PDF/A-2b. The PDF's one date is the instant the period ended, so the
same figures give the same bytes on any day.

The trend chart reads the agreement's earlier records of the same kind of period (months or
quarters) that exist under its reports folder, the last 12 up to this one.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import typst

from sitegen.errors import ToolFailed, UserError
from sitegen.load import load_agreement
from sitegen.load.base import Bilingual
from sitegen.load.config import Settings
from sitegen.load.fonts import find_fonts
from sitegen.load.layout import AGREEMENT_FILE, RECORD_SUFFIX
from sitegen.reports.figures import PeriodFigures
from sitegen.reports.pdf_data import report_data
from sitegen.reports.periods import Period
from sitegen.reports.record_store import read_record, reports_folder
from sitegen.versions.in_force import in_force_on

__all__ = ["project_report_pdf", "recent_figures", "render_report_pdf"]

PDF_STANDARD: Final = "a-2b"
TYPST_DIR = Path(__file__).resolve().parent.parent / "render" / "typst"
LAYOUT = TYPST_DIR / "report.typ"
MAIN = TYPST_DIR / "report_main.typ"
TREND_PERIODS = 12


def render_report_pdf(
    figures: PeriodFigures,
    *,
    title: Bilingual | None = None,
    history: Sequence[PeriodFigures] = (),
    font_dirs: Sequence[Path | str] | None = None,
) -> bytes:
    """The report of one period as PDF bytes (Chinese first, English beside or below)."""
    data = json.dumps(report_data(figures, title=title, history=history), ensure_ascii=False)
    fonts = find_fonts(font_dirs)
    missing = fonts.missing(data)
    if missing:
        shown = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in missing)
        folders = ", ".join(map(str, fonts.dirs))
        raise UserError(
            f"{figures.agreement} {figures.period}: the fonts in {folders} have no glyph for "
            f"{shown}; remove the character from the input or install fonts that have it"
        )
    root = Path(tempfile.mkdtemp(prefix="sitegen-report-"))
    try:
        shutil.copyfile(LAYOUT, root / LAYOUT.name)
        compiler = typst.Compiler(
            font_paths=fonts.typst_fonts, ignore_system_fonts=True, root=str(root)
        )
        pdf = compiler.compile(
            MAIN.read_bytes(),
            format="pdf",
            root=str(root),
            sys_inputs={"report": data},
            pdf_standards=PDF_STANDARD,
            timestamp=int(figures.end.timestamp()),
        )
    except typst.TypstError as error:
        raise ToolFailed(
            tool="typst",
            message=f"failed: {error.message}",
            where=f"{figures.agreement} {figures.period}",
        ) from error
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if not isinstance(pdf, bytes):  # pragma: no cover - one PDF, never pages
        raise ToolFailed(tool="typst", message="returned no PDF")
    return pdf


def recent_figures(reports: Path, period: str, count: int = TREND_PERIODS) -> list[PeriodFigures]:
    """The figures of the last `count` records up to `period` (itself included) of the same
    kind of period, oldest first; a record that does not read is an error, never skipped."""
    current = Period.parse(period)
    found = []
    for path in reports.glob(f"*{RECORD_SUFFIX}"):
        try:
            other = Period.parse(path.name.removesuffix(RECORD_SUFFIX))
        except ValueError:
            continue  # not a record's name (acceptances, notes)
        if other.kind == current.kind and other.first <= current.first:
            found.append(other)
    chosen = sorted(found, key=lambda p: p.first)[-count:]
    return [read_record(reports, p.label)[0].figures for p in chosen]


def project_report_pdf(root: Path, settings: Settings, figures: PeriodFigures) -> bytes:
    """The PDF of `figures` of this project's agreement: its title as the version the
    figures name, and the trend from the records kept before it."""
    reports = reports_folder(root, settings, figures.agreement)
    earlier = [f for f in recent_figures(reports, figures.period) if f.period != figures.period]
    history = [*earlier[-(TREND_PERIODS - 1) :], figures]
    title = agreement_title(reports.parent, settings, figures)
    return render_report_pdf(figures, title=title, history=history)


def agreement_title(folder: Path, settings: Settings, figures: PeriodFigures) -> Bilingual | None:
    """The title of the agreement version the figures were measured against; None when
    that version is not the one in force on the period's first day (the report then states
    no title rather than another version's)."""
    path = folder / AGREEMENT_FILE
    if not path.is_file():
        raise UserError(f"no agreement {figures.agreement}: {path} does not exist")
    loaded = load_agreement(path, settings.load)
    if loaded.agreement is None:
        raise UserError(
            f"{figures.agreement} does not load: run `sitegen validate` to see why", path=path
        )
    day = Period.parse(figures.period).first
    in_force = in_force_on(loaded.agreement, folder, settings.load, day)
    if in_force is None or in_force.agreement.version != figures.version:
        return None
    return in_force.agreement.title
