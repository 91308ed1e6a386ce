"""Test helpers: file trees written from {path: text}, and the sample agreements."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitegen.diff.fields import Change, diff_terms
from sitegen.load import load_agreement_text
from sitegen.load.config import Settings
from sitegen.load.model import Agreement

REPO = Path(__file__).resolve().parent.parent
# Copy the samples as they were before any period was reported: their committed records
# and acceptances left out (`shutil.copytree(..., ignore=WITHOUT_REPORTS)`).
WITHOUT_REPORTS = shutil.ignore_patterns("reports")
SAMPLES = REPO / "agreements"
GUIDE_SAMPLE = SAMPLES / "SLA-2024-001" / "agreement.yaml"


def build_file_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write each {relative path: content} under root; return root."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def sample_text() -> str:
    """The guide's own agreement (SLA-2024-001), a valid file to mutate in tests."""
    return GUIDE_SAMPLE.read_text(encoding="utf-8")


def replace_once(text: str, old: str, new: str) -> str:
    """Replace text that must occur exactly once, so a test fails loudly if the sample moves."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    """1-based line number of the single line containing needle."""
    lines = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(lines) == 1, f"{needle!r} is on lines {lines}"
    return lines[0]


# A template manifest for lint tests, kept here so they do not depend on templates/ edits.
LINT_TEMPLATE = """\
name: it-service-sla
version: 1
title: {zh: IT 服务水平协议, en: IT Service Level Agreement}
sections:
  - {id: basic-information, title: {zh: 协议基本信息, en: Basic Information}}
  - {id: definitions, title: {zh: 定义, en: Definitions}, optional: true}
  - {id: scope, title: {zh: 服务范围, en: Scope of Services}}
  - {id: service-levels, title: {zh: 服务等级目标, en: Service Level Objectives}}
  - id: credits
    title: {zh: 服务补偿, en: Service Credits}
    optional: true
    needs: [credits, fees]
  - {id: signatures, title: {zh: 签署, en: Signatures}}
"""


def lint_lines(
    root: Path,
    files: dict[str, str | bytes],
    *,
    settings: Settings | None = None,
    infos: bool = True,
) -> list[str]:
    """Write a project (with LINT_TEMPLATE as it-service-sla v1), validate it, and return every
    finding as the text line a user sees, with paths relative to the project."""
    from sitegen.findings import Severity
    from sitegen.lint.validate import relative, validate
    from sitegen.output import as_text

    tree = {"templates/it-service-sla/v1/template.yaml": LINT_TEMPLATE, **files}
    build_file_tree(root, tree)
    report, _ = validate([root / "agreements"], settings or Settings(), root)
    shown = [f for f in report.sorted() if infos or f.severity is not Severity.INFO]
    return [as_text(relative(f, root)) for f in shown]


def lint_sample(root: Path, text: str, *, settings: Settings | None = None) -> list[str]:
    """Lint one agreement text as agreements/SLA-2024-001/agreement.yaml; infos left out."""
    files: dict[str, str | bytes] = {"agreements/SLA-2024-001/agreement.yaml": text}
    return lint_lines(root, files, settings=settings, infos=False)


def where(text: str, line_needle: str, word: str | None = None, *, path: str = "") -> str:
    """`path:line:column` of `word` (default: line_needle) on the single line holding
    line_needle, 1-based, as findings print it."""
    line = line_of(text, line_needle)
    column = text.splitlines()[line - 1].index(word or line_needle) + 1
    return f"{path or 'agreements/SLA-2024-001/agreement.yaml'}:{line}:{column}"


def minimal_pdf(note: str, keywords: list[str]) -> bytes:
    """A small valid PDF with `keywords` in its XMP metadata (`pdf:Keywords`), as Typst
    writes them; `note` in a comment makes the bytes differ between documents."""
    xmp = (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        f"<pdf:Keywords>{', '.join(keywords)}</pdf:Keywords>"
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="r"?>'
    ).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Metadata 3 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
        b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n%s\nendstream" % (len(xmp), xmp),
    ]
    out = b"%PDF-1.7\n% " + note.encode() + b"\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def loaded_agreement(text: str) -> Agreement:
    """An agreement from its YAML text, which must load."""
    loaded = load_agreement_text(text, Path("agreement.yaml"))
    assert loaded.agreement is not None, loaded.findings
    return loaded.agreement


TermRow = tuple[str, str, str, str, str | None]


def term_rows(old: str, new: str) -> list[TermRow]:
    """`sitegen diff`'s term changes between two agreement texts: path, English label,
    before, after (— for none) and direction."""
    found: list[Change] = diff_terms(loaded_agreement(old), loaded_agreement(new))
    return [
        (c.path, c.label.en, c.before.en if c.before else "—", c.after.en if c.after else "—",
         c.direction)
        for c in found
    ]  # fmt: skip
