"""Template v2's execution block: each party's signatory role and, once signed, the signing
date, in every writer (Markdown, the site's HTML, Word, PDF) and in the PDF `sitegen sign`
archives. v1 is frozen: it keeps the blank date line even for a signed agreement.

The sample SLA-2024-001 is signed on 2024-03-15: 2024年3月15日 in Chinese, 15 March 2024 in
English (`compose.fmt.date`). Its signatories are the customer's "授权代表（信息中心总监）" /
"Authorised representative (Director of the IT Centre)" and the provider's
"授权代表（总经理）" / "Authorised representative (General Manager)".
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from sitegen.compose import compose
from sitegen.compose.contract import Contract, Signatures, Text
from sitegen.compose.templates import TemplateIndex
from sitegen.load import load_agreement
from sitegen.load.config import Settings
from sitegen.load.model import Agreement
from sitegen.render.contract_html import contract_html
from sitegen.render.markdown import to_markdown
from sitegen.versions.archive import parse_manifest
from sitegen.versions.sign import sign
from tests.gitrepo import SAMPLE_ID, SAMPLE_PATH, sample_repository
from tests.helpers import REPO, SAMPLES

TEMPLATES = TemplateIndex(REPO / "templates")
SIGNED_ON = Text("签署日期：2024年3月15日", "Signed on: 15 March 2024")
CUSTOMER_ROLE = Text(
    "授权代表（信息中心总监）签字：",
    "Authorised representative (Director of the IT Centre), signature:",
)
PROVIDER_ROLE = Text(
    "授权代表（总经理）签字：", "Authorised representative (General Manager), signature:"
)


def sample(name: str, **update: object) -> Agreement:
    loaded = load_agreement(SAMPLES / name / "agreement.yaml")
    assert loaded.agreement is not None, loaded.findings
    return loaded.agreement.model_copy(update=update)


def on(agreement: Agreement, version: int) -> Contract:
    template = TEMPLATES.get("it-service-sla", version)
    assert template is not None
    return compose(agreement, template)


def block(contract: Contract) -> Signatures:
    clause = next(c for c in contract.clauses() if c.id == "signatures.execution")
    found = [b for b in clause.blocks if isinstance(b, Signatures)]
    assert len(found) == 1
    return found[0]


def test_a_signed_agreement_on_v2_states_the_signing_date_and_both_roles() -> None:
    parties = block(on(sample("SLA-2024-001"), 2)).parties
    assert [p.role for p in parties] == [CUSTOMER_ROLE, PROVIDER_ROLE]
    assert [p.signed for p in parties] == [SIGNED_ON, SIGNED_ON]
    # the lines for ink stay: a printed copy is signed and sealed by hand
    assert {p.seal for p in parties} == {Text("盖章：", "Seal:")}
    assert [p.dated for p in parties] == [SIGNED_ON, SIGNED_ON]


def test_a_terminated_agreement_still_states_when_it_was_signed() -> None:
    agreement = sample("SLA-2024-001", status="terminated")
    assert [p.signed for p in block(on(agreement, 2)).parties] == [SIGNED_ON, SIGNED_ON]


@pytest.mark.parametrize("status", ["draft", "in_review"])
def test_an_unsigned_agreement_on_v2_keeps_the_blank_date_line(status: str) -> None:
    # A draft with a planned signing date (lint SG505 warns of it) is still unsigned: the
    # contract states no date the parties have not signed on.
    agreement = sample("SLA-2024-001", status=status)
    parties = block(on(agreement, 2)).parties
    assert [p.signed for p in parties] == [None, None]
    assert [p.dated for p in parties] == [Text("日期：", "Date:")] * 2
    assert [p.role for p in parties] == [CUSTOMER_ROLE, PROVIDER_ROLE]


def test_v1_is_frozen_and_keeps_the_blank_date_line_of_what_was_signed() -> None:
    parties = block(on(sample("SLA-2024-001"), 1)).parties
    assert [p.signed for p in parties] == [None, None]
    assert [p.dated for p in parties] == [Text("日期：", "Date:")] * 2


def test_the_site_pages_show_the_date_in_the_date_row() -> None:
    contract = on(sample("SLA-2024-001"), 2)
    markdown = to_markdown(contract, "zh")
    assert "| 签署日期：2024年3月15日 | 签署日期：2024年3月15日 |" in markdown
    assert "| 日期： |" not in markdown
    html = "".join(contract_html(contract, ("en",)))
    assert html.count("<td>Signed on: 15 March 2024</td>") == 2
    assert "Date:" not in html
    unsigned = "".join(contract_html(on(sample("SLA-2024-001", status="draft"), 2), ("en",)))
    assert unsigned.count("<td>Date:</td>") == 2 and "Signed on" not in unsigned


@pytest.mark.slow
def test_the_word_document_fills_the_date_line() -> None:
    from sitegen.render.docx import render_docx

    docx = render_docx(on(sample("SLA-2024-001"), 2), "en")
    text = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode("utf-8")
    assert text.count("Signed on: 15 March 2024") == 2
    assert "Date:" not in text
    draft = render_docx(on(sample("SLA-2024-001", status="draft"), 2), "en")
    blank = zipfile.ZipFile(io.BytesIO(draft)).read("word/document.xml").decode("utf-8")
    assert blank.count("Date:") == 2 and "Signed on" not in blank


def pdf_text(pdf: Path) -> str:
    """The PDF's text without whitespace: pdftotext breaks lines where the layout did."""
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return flat(done.stdout)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.slow
def test_sign_archives_a_pdf_that_states_the_date_and_both_roles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The sample before signing: in review, no signing date, template unpinned, so signing
    # pins the newest version, 3, and renders the PDF from the agreement marked signed.
    repo = sample_repository(tmp_path / "repo", monkeypatch)
    assert "signed:" not in repo.read(SAMPLE_PATH).split("effective:")[0].split("dates:")[1]
    sign(repo.root, Settings(), SAMPLE_ID, dt.date(2024, 3, 15))
    folder = repo.root / "agreements" / SAMPLE_ID / "signed"
    manifest = parse_manifest((folder / "manifest.yaml").read_bytes())
    assert manifest.signed[0].template == "it-service-sla@3"
    text = pdf_text(folder / "v1.pdf")
    for words in (SIGNED_ON, CUSTOMER_ROLE, PROVIDER_ROLE):
        assert text.count(flat(words.zh)) == (2 if words == SIGNED_ON else 1)
        assert text.count(flat(words.en)) == (2 if words == SIGNED_ON else 1)
