"""The CJK fonts: found only in the configured folders, or a clear error naming the package."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.errors import UserError
from sitegen.load.fonts import DEFAULT_FONT_DIRS, SANS, SERIF, find_fonts
from sitegen.render.pdf import PdfRenderer, render_pdf
from tests.contract_factory import factory_contract, spiked_contract


def test_the_noto_cjk_families_are_found_in_debians_folder() -> None:
    fonts = find_fonts()
    assert fonts.dirs == DEFAULT_FONT_DIRS
    families = fonts.typst_fonts.families()
    assert SERIF in families and SANS in families
    # Only the configured folder: no system fonts, not even Typst's embedded ones.
    assert all(str(DEFAULT_FONT_DIRS[0]) in (f.path or "") for f in fonts.typst_fonts.fonts())


def test_the_body_font_draws_chinese_english_and_contract_punctuation() -> None:
    assert find_fonts().missing("协议编号：甲方（客户方）、乙方。99.9% ×24 Party A ¥€“”") == []


def test_characters_the_font_lacks_are_named() -> None:
    assert find_fonts().missing("好😀𠀀") == ["😀", "𠀀"]


def test_an_empty_font_folder_is_an_error_naming_the_package(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        find_fonts([tmp_path])
    assert str(caught.value) == (
        f"fonts missing from {tmp_path}: Noto Serif CJK SC Regular, Noto Serif CJK SC Bold, "
        "Noto Sans CJK SC Regular, Noto Sans CJK SC Bold; install Debian's fonts-noto-cjk"
    )


def test_render_pdf_with_an_empty_font_folder_fails_before_compiling(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="install Debian's fonts-noto-cjk"):
        render_pdf(factory_contract(), font_dirs=[tmp_path])


def test_a_folder_with_only_one_face_is_not_enough(tmp_path: Path) -> None:
    (tmp_path / "NotoSansCJK-Regular.ttc").symlink_to(
        DEFAULT_FONT_DIRS[0] / "NotoSansCJK-Regular.ttc"
    )
    with pytest.raises(UserError) as caught:
        find_fonts([tmp_path])
    assert str(caught.value) == (
        f"fonts missing from {tmp_path}: Noto Serif CJK SC Regular, Noto Serif CJK SC Bold, "
        "Noto Sans CJK SC Bold; install Debian's fonts-noto-cjk"
    )


def test_a_character_without_a_glyph_is_an_error_not_a_box() -> None:
    contract = spiked_contract(factory_contract(), "😀", sections={"basic"})
    with pytest.raises(UserError) as caught:
        PdfRenderer().render(contract)
    assert str(caught.value) == (
        f"SLA-2024-001-😀: the fonts in {DEFAULT_FONT_DIRS[0]} have no glyph for "
        "'😀' (U+1F600); remove the character or install fonts that have it"
    )
