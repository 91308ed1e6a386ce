"""Contract → PDF with a warm typst.Compiler.

`PdfRenderer` holds what is costly to set up (fonts, the compiler, the root folder) and
reuses it for every document; `render_pdf` uses one shared renderer per process. Each
compile gets `root=` a private temporary folder holding only the layout library, no
package imports, fonts only from the configured folders, PDF/A-2b, and the document date
from `Meta.date` as the timestamp, so identical input gives identical bytes.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import weakref
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Final

import typst

from sitegen.compose.contract import Contract
from sitegen.errors import ToolFailed, UserError
from sitegen.load.fonts import CjkFonts, find_fonts
from sitegen.render.layout import Edition
from sitegen.render.pdf_model import contract_json

__all__ = ["PdfRenderer", "render_pdf", "shared_renderer"]

PDF_STANDARD: Final = "a-2b"
TYPST_DIR = Path(__file__).resolve().parent / "typst"
LIBRARY = TYPST_DIR / "contract.typ"  # the layout; copied into the compile root
MAIN = TYPST_DIR / "main.typ"  # the constant source of every PDF: reads the JSON input


class PdfRenderer:
    """Renders many contracts with one set of fonts and one warm compiler.

    Typst gets the contract as JSON data (`pdf_model`) and a constant main file, so no
    value is ever Typst source. (A route through pandoc's Typst writer cost 160-210 ms of
    CPU per PDF against 116-129 ms for this one and left the product; the benchmark keeps
    the recorded figure, `tests/bench/pdf.py`.)
    """

    def __init__(self, font_dirs: Sequence[Path | str] | None = None) -> None:
        self.fonts: CjkFonts = find_fonts(font_dirs)
        self.root = Path(tempfile.mkdtemp(prefix="sitegen-typst-"))
        self._cleanup = weakref.finalize(self, shutil.rmtree, self.root, ignore_errors=True)
        shutil.copyfile(LIBRARY, self.root / LIBRARY.name)
        self._main = MAIN.read_bytes()
        self._compiler = typst.Compiler(
            font_paths=self.fonts.typst_fonts, ignore_system_fonts=True, root=str(self.root)
        )
        self._lock = threading.Lock()  # one compile at a time per compiler

    def close(self) -> None:
        self._cleanup()

    def __enter__(self) -> PdfRenderer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def render(self, contract: Contract, lang: Edition = "bilingual") -> bytes:
        return self.render_many([(contract, lang)])[0]

    def render_many(self, items: Sequence[tuple[Contract, Edition]]) -> list[bytes]:
        """PDFs of several contracts, in order."""
        datas = [contract_json(contract, view) for contract, view in items]
        for (contract, _), data in zip(items, datas, strict=True):
            self.check_glyphs(contract, data)
        return [
            self.compile(contract, data=d) for d, (contract, _) in zip(datas, items, strict=True)
        ]

    def check_glyphs(self, contract: Contract, data: str) -> None:
        """A character the fonts cannot draw is an error, never a box in the PDF."""
        missing = self.fonts.missing(data)
        if missing:
            shown = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in missing)
            folders = ", ".join(map(str, self.fonts.dirs))
            raise UserError(
                f"{contract.meta.agreement_id}: the fonts in {folders} have no glyph for "
                f"{shown}; remove the character or install fonts that have it"
            )

    def compile(self, contract: Contract, *, data: str) -> bytes:
        """One PDF: the constant main file with `data` as JSON."""
        stamp = _timestamp(contract.meta.date, contract.meta.agreement_id)
        with self._lock:
            try:
                pdf = self._compiler.compile(
                    self._main,
                    format="pdf",
                    root=str(self.root),
                    sys_inputs={"contract": data},
                    pdf_standards=PDF_STANDARD,
                    timestamp=stamp,
                )
            except typst.TypstError as error:
                raise ToolFailed(
                    tool="typst",
                    message=f"failed: {error.message}",
                    where=contract.meta.agreement_id,
                ) from error
        if not isinstance(pdf, bytes):  # pragma: no cover - one PDF, never pages
            raise ToolFailed(tool="typst", message="returned no PDF")
        return pdf


def _timestamp(value: str, agreement_id: str) -> int:
    """The document date (ISO) as UNIX seconds at midnight UTC: the PDF's only date."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise UserError(f"{agreement_id}: document date {value!r} is not an ISO date") from None
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


_shared: dict[tuple[str, ...] | None, PdfRenderer] = {}
_shared_lock = threading.Lock()


def shared_renderer(font_dirs: Sequence[Path | str] | None = None) -> PdfRenderer:
    """The process's renderer for these font folders, created on first use."""
    key = None if font_dirs is None else tuple(str(d) for d in font_dirs)
    with _shared_lock:
        if key not in _shared:
            _shared[key] = PdfRenderer(font_dirs)
        return _shared[key]


def render_pdf(
    contract: Contract,
    lang: Edition = "bilingual",
    *,
    font_dirs: Sequence[Path | str] | None = None,
) -> bytes:
    """The contract as PDF bytes (bilingual: each clause in Chinese, then in English)."""
    return shared_renderer(font_dirs).render(contract, lang)
