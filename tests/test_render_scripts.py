"""Whatever validates renders: texts in every script and sign the documents' fonts draw go
through `sitegen validate` clean and then into PDF (typst) and Word (pandoc)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sitegen.cli import cli
from sitegen.compose import compose, select_template
from sitegen.compose.templates import TemplateIndex
from sitegen.findings import Severity
from sitegen.lint import LintContext, lint_agreement
from sitegen.load import load_agreement_text
from sitegen.load.config import Settings
from sitegen.render.docx import render_docx
from sitegen.render.pdf import render_pdf
from tests.helpers import REPO, replace_once, sample_text

GUIDE = "agreements/SLA-2024-001/agreement.yaml"
# Scripts and signs the fonts cover (Noto Serif / Sans CJK SC), and characters that mean
# something to Markdown, Typst, HTML or a shell.
ZH = (
    "核心系统 繁體字 日本語 かなカナ ｱｲｳ 한국어 Ελληνικη ΕΛΛΑΔΑ Русский Français Ærø ß ǎěǐǒǔ "
    "¥€£$§¶©®™°±×÷‰ ①②③ ㎡ ℃ №「」『』【】〔〕《》〈〉（），。；：？！、…—–·• "
    "＃％＆＊ ０１２ ＡＢＣ ¼½¾ ² → ≤ ≥ ≠ ≈ ∞ √ ‘’“” «» ¿¡　"
    "#set text(red) $x$ *b* _i_ `c` <b>x</b> [a](b) {=typst} \\ | ~ ^ @ref"
)
EN = ZH.replace("核心系统 繁體字 日本語 ", "Core systems in every script: ")
SCOPE_ZH = "      zh: 核心业务系统（ERP、CRM）的日常运维"


@pytest.fixture
def every_script(project: Path) -> Path:
    text = replace_once(sample_text(), "  zh: 核心业务系统运维服务水平协议", f"  zh: '{ZH}'")
    text = replace_once(
        text,
        "  en: Service Level Agreement for the Operation of Core Business Systems",
        f"  en: '{EN}'",
    )
    (project / GUIDE).write_text(text, encoding="utf-8")
    return project


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


def test_a_text_in_every_script_validates(every_script: Path) -> None:
    code, out, err = run("validate", GUIDE)
    assert out == ""
    assert code == 0, err


@pytest.mark.parametrize("form", ["pdf", "docx"])
def test_what_validates_renders(every_script: Path, form: str) -> None:
    code, _, err = run("render", "SLA-2024-001", "--format", form, "-o", f"out.{form}")
    assert code == 0, err
    data = (every_script / f"out.{form}").read_bytes()
    if form == "pdf":
        assert data.startswith(b"%PDF-")
    else:
        with zipfile.ZipFile(every_script / "out.docx") as docx:
            body = docx.read("word/document.xml").decode("utf-8")
        assert "한국어" in body and "Ελληνικη" in body and "&lt;b&gt;x&lt;/b&gt;" in body


TITLE = "  zh: 核心业务系统运维服务水平协议"
CONTEXT = LintContext(Settings(), REPO, TemplateIndex(REPO / "templates"))
DRAWN = st.sampled_from(sorted(set(ZH)))
ANY = st.one_of(st.characters(blacklist_categories=("Cs",)), DRAWN, DRAWN)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(ANY, min_size=1, max_size=8))
def test_any_title_that_validates_renders(piece: str) -> None:
    """Random characters (any of Unicode, or the drawable ones above) in a title: either
    validation finds an error, or the PDF and the Word file are written."""
    text = replace_once(
        sample_text(), TITLE, "  zh: " + json.dumps("核心" + piece, ensure_ascii=False)
    )
    loaded = load_agreement_text(text, REPO / "agreements/SLA-2024-001/agreement.yaml")
    findings = loaded.findings + lint_agreement(loaded, CONTEXT)
    errors = sorted({f.code for f in findings if f.severity is Severity.ERROR})
    event(f"refused: {', '.join(errors)}" if errors else "validated and rendered")
    if loaded.agreement is None or errors:
        return
    contract = compose(loaded.agreement, select_template(loaded.agreement, CONTEXT.templates))
    assert render_pdf(contract).startswith(b"%PDF-")
    assert render_docx(contract).startswith(b"PK")
