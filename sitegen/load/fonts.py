"""The CJK fonts the PDFs embed: Noto Serif/Sans CJK SC from Debian's `fonts-noto-cjk`.

Fonts come only from the configured folders (no system fonts, not even Typst's own), so a
PDF does not depend on what else the machine has. A missing font is an error naming the
package, and so is a character the fonts cannot draw: Typst would silently draw a box.
"""

from __future__ import annotations

import struct
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO

import typst

from sitegen.errors import UserError

DEFAULT_FONT_DIRS: tuple[Path, ...] = (Path("/usr/share/fonts/opentype/noto"),)
SERIF = "Noto Serif CJK SC"
SANS = "Noto Sans CJK SC"
# The Word files name the faces every Chinese Windows PC has instead: SimSun (宋体), a Song
# face like Noto Serif CJK, and Microsoft YaHei (微软雅黑), a sans like Noto Sans CJK.
WORD_SERIF = "SimSun"
WORD_SANS = "Microsoft YaHei"
# (family, weight) pairs the Typst layout uses: body text, headings, bold labels.
REQUIRED: tuple[tuple[str, int], ...] = ((SERIF, 400), (SERIF, 700), (SANS, 400), (SANS, 700))
PACKAGE_HINT = "install Debian's fonts-noto-cjk"
_WEIGHTS = {400: "Regular", 700: "Bold"}
_NOT_DRAWN = frozenset({"Cc", "Cf", "Zl", "Zp"})


@dataclass(frozen=True)
class CjkFonts:
    """The fonts found in the configured folders, ready for a typst.Compiler."""

    dirs: tuple[Path, ...]
    typst_fonts: typst.Fonts
    coverage: tuple[tuple[int, ...], tuple[int, ...]]  # sorted range starts and ends

    def missing(self, chars: Iterable[str]) -> list[str]:
        """The characters among `chars` that the body font has no glyph for."""
        starts, ends = self.coverage
        out = []
        for char in sorted(set(chars)):
            if char.isspace() or unicodedata.category(char) in _NOT_DRAWN:
                continue
            code = ord(char)
            i = bisect_right(starts, code) - 1
            if i < 0 or code > ends[i]:
                out.append(char)
        return out


def find_fonts(dirs: Sequence[Path | str] | None = None) -> CjkFonts:
    """The Noto CJK fonts in `dirs` (default: Debian's folder), or a UserError."""
    folders = tuple(Path(d) for d in (DEFAULT_FONT_DIRS if dirs is None else dirs))
    return _find_fonts(folders)


@cache
def _find_fonts(folders: tuple[Path, ...]) -> CjkFonts:
    existing = [str(f) for f in folders if f.is_dir()]
    fonts = typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=existing
    )
    found = {(info.family, info.weight): info for info in fonts.fonts()}
    absent = [f"{family} {_WEIGHTS[w]}" for family, w in REQUIRED if (family, w) not in found]
    if absent:
        where = ", ".join(str(f) for f in folders) or "no folder"
        raise UserError(f"fonts missing from {where}: {', '.join(absent)}; {PACKAGE_HINT}")
    body = found[(SERIF, 400)]
    if body.path is None:  # pragma: no cover - fonts from folders always have a path
        raise UserError(f"{SERIF} has no file: {PACKAGE_HINT}")
    return CjkFonts(folders, fonts, _coverage(Path(body.path), body.index))


def _coverage(path: Path, index: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Code point ranges of the font's Unicode cmap (format 12, else format 4)."""
    try:
        with path.open("rb") as file:
            ranges = _cmap_ranges(file, _face_offset(file, index))
    except (OSError, struct.error, ValueError) as error:
        raise UserError(f"cannot read the font's character map: {error}", path=path) from None
    ranges.sort()
    return tuple(r[0] for r in ranges), tuple(r[1] for r in ranges)


def _read(file: BinaryIO, offset: int, fmt: str) -> tuple[int, ...]:
    file.seek(offset)
    return struct.unpack(fmt, file.read(struct.calcsize(fmt)))


def _face_offset(file: BinaryIO, index: int) -> int:
    if file.read(4) != b"ttcf":
        return 0
    (count,) = _read(file, 8, ">I")
    if index >= count:
        raise ValueError(f"face {index} of {count}")
    return _read(file, 12 + 4 * index, ">I")[0]


def _cmap_ranges(file: BinaryIO, face: int) -> list[tuple[int, int]]:
    (tables,) = _read(file, face + 4, ">H")
    cmap = next((off for tag, _, off, _ in _records(file, face, tables) if tag == b"cmap"), None)
    if cmap is None:
        raise ValueError("no cmap table")
    _, count = _read(file, cmap, ">HH")
    subtables = {}
    for i in range(count):
        platform, encoding, offset = _read(file, cmap + 4 + 8 * i, ">HHI")
        subtables[(platform, encoding)] = cmap + offset
    for key, reader in (((3, 10), _format12), ((0, 4), _format12), ((3, 1), _format4)):
        if key in subtables:
            return reader(file, subtables[key])
    raise ValueError("no Unicode cmap subtable")


def _records(file: BinaryIO, face: int, tables: int) -> list[tuple[bytes, int, int, int]]:
    file.seek(face + 12)
    data = file.read(16 * tables)
    return [struct.unpack_from(">4sIII", data, 16 * i) for i in range(tables)]


def _format12(file: BinaryIO, offset: int) -> list[tuple[int, int]]:
    fmt, _, _, _, groups = _read(file, offset, ">HHIII")
    if fmt != 12:
        raise ValueError(f"cmap format {fmt}, expected 12")
    data = file.read(12 * groups)
    return [struct.unpack_from(">II", data, 12 * i) for i in range(groups)]


def _format4(file: BinaryIO, offset: int) -> list[tuple[int, int]]:
    fmt, length, _, seg_x2 = _read(file, offset, ">HHHH")
    if fmt != 4:
        raise ValueError(f"cmap format {fmt}, expected 4")
    file.seek(offset)
    data = file.read(length)
    segs = seg_x2 // 2
    ends = struct.unpack_from(f">{segs}H", data, 14)
    starts = struct.unpack_from(f">{segs}H", data, 16 + seg_x2)
    # Coarse: a segment counts as covered as a whole (Noto CJK ships format 12 anyway).
    return [(s, e) for s, e in zip(starts, ends, strict=True) if s != 0xFFFF]
