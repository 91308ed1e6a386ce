"""One page per agreement: summary card, contract text in three tabs, versions, history.

The summary card and the contract text (`contract_html`: both languages in one tree, three
views by tabs) are raw HTML with every value escaped by `h`; the rest is Markdown with
every value escaped by `md`. The page's own headings carry `sg-` ids, which no contract
anchor (a template's section or clause id) uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sitegen.catalogue import Row
from sitegen.compose import fmt
from sitegen.compose.contract import Contract, Lang
from sitegen.compose.vocabulary import STATUS_NAMES
from sitegen.diff import show as labels
from sitegen.load.model import Agreement
from sitegen.render.contract_html import contract_views
from sitegen.render.markdown import PageView
from sitegen.render.page_markup import front_matter, h, html_table, md, md_link, md_table, page_file
from sitegen.site.catalogue_page import agreement_stem
from sitegen.site.versions import Comparison, SignedVersion
from sitegen.site.words import label
from sitegen.versions.history import Revision

TABS: tuple[tuple[str, PageView], ...] = (
    ("tab_zh", "zh"),
    ("tab_en", "en"),
    ("tab_parallel", "parallel"),
)
# Tab labels name the language of the text they hold: 中文 and English on both pages.


@dataclass(frozen=True)
class AgreementView:
    """Everything one agreement's page shows, prepared before any text is written."""

    agreement: Agreement
    row: Row
    contract: Contract
    signed: list[SignedVersion]
    comparisons: list[Comparison]
    revisions: list[Revision]
    documents: bool  # the working version's PDF and Word file are published

    @property
    def id(self) -> str:
        return self.agreement.id


def download(agreement_id: str, name: str) -> str:
    return f"downloads/{agreement_id}/{name}"


def signed_pdf_name(agreement_id: str, version: int) -> str:
    return f"{agreement_id}-v{version}.pdf"


def scan_name(agreement_id: str, version: SignedVersion) -> str:
    assert version.scan is not None
    return f"{agreement_id}-v{version.version}-scan{version.scan.path.suffix.lower()}"


def working_name(agreement_id: str, kind: str) -> str:
    return f"{agreement_id}-working.{kind}"


def agreement_page(view: AgreementView, lang: Lang) -> str:
    title = view.row.title.get(lang)
    source = page_file(agreement_stem(view.id), lang)
    parts = [
        front_matter(f"{view.id} {title}", hide=["navigation", "toc"]),
        f"# {md(title)}",
        f"{md_link(label('back', lang), source, page_file('index', lang))}",
        _card(view, lang),
        f"## {md(label('contract', lang))} {{#sg-contract}}",
        _tabs(view.contract, lang),
        f"## {md(label('versions', lang))} {{#sg-versions}}",
        *_versions(view, lang, source),
        f"## {md(label('history', lang))} {{#sg-history}}",
        _history(view.revisions, lang),
    ]
    return "\n\n".join(parts) + "\n"


def _card(view: AgreementView, lang: Lang) -> str:
    agreement, row = view.agreement, view.row
    term = agreement.term
    renewal = (
        labels.renewal(term.auto_renew, lang) if term.auto_renew else label("no_renewal", lang)
    )
    renewal = renewal[:1].upper() + renewal[1:]
    signed = fmt.date(agreement.dates.signed, lang) if agreement.dates.signed else "—"
    state = f'<span class="sg-state sg-state-{h(row.state)}">{h(row.label("state", lang))}</span>'
    facts = [
        ("id", h(view.id)),
        ("status", state),
        ("customer", h(row.label("customer", lang))),
        ("provider", h(row.label("provider", lang))),
        ("signed_on", h(signed)),
        ("effective", h(row.label("effective", lang))),
        ("expiry", h(row.label("expiry", lang))),
        ("objection_deadline", h(row.label("objection_deadline", lang))),
        ("term", h(labels.months(term.months, lang))),
        ("renewal", h(renewal)),
        ("version", h(agreement.version)),
        ("template", h(agreement.template)),
        ("service_hours", h(labels.service_hours(agreement.service_hours, lang))),
        ("calendar", h(labels.calendar(agreement.calendar, lang))),
        ("availability", h(row.label("availability", lang))),
    ]
    items = "".join(f"<dt>{h(label(key, lang))}</dt><dd>{value}</dd>" for key, value in facts)
    return "\n".join(
        [
            '<div class="sg-card">',
            f'<dl class="sg-facts">{items}</dl>',
            _slo_table(agreement, lang),
            "</div>",
        ]
    )


def _slo_table(agreement: Agreement, lang: Lang) -> str:
    head = [h(label(key, lang)) for key in ("priority", "priority_name", "response", "resolution")]
    rows = [
        [
            h(p.level),
            h(p.name.get(lang)),
            h(fmt.duration(p.response, lang)),
            h(fmt.duration(p.resolution, lang)),
        ]
        for p in agreement.slos.priorities
    ]
    caption = f'<p class="sg-caption">{h(label("slos", lang))}</p>'
    return caption + html_table(head, rows)


def _tabs(contract: Contract, lang: Lang) -> str:
    """The contract in three views (中文, English, both side by side), one HTML tree."""
    labels: dict[PageView, str] = {view: label(key, lang) for key, view in TABS}
    return contract_views(contract, lang, labels)


def _versions(view: AgreementView, lang: Lang, source: str) -> Iterator[str]:
    yield f"### {md(label('signed_versions', lang))} {{#sg-signed-versions}}"
    if view.signed:
        head = [md(label(k, lang)) for k in ("version", "signing_date", "pdf", "sha256", "scan")]
        yield md_table(head, [_signed_row(view.id, v, lang, source) for v in view.signed])
    else:
        yield md(label("no_signed", lang))
    yield f"### {md(label('working', lang))} {{#sg-working}}"
    yield md(label("working_note", lang))
    if view.documents:
        links = [
            md_link(label(key, lang), source, download(view.id, working_name(view.id, kind)))
            for key, kind in (("working_pdf", "pdf"), ("working_docx", "docx"))
        ]
        yield "\n".join(f"- {one}" for one in links)
    yield f"### {md(label('changes', lang))} {{#sg-changes}}"
    if not view.comparisons:
        yield md(label("no_changes", lang))
        return
    yield "\n".join(f"- {_comparison_link(c, lang, source)}" for c in view.comparisons)


def _signed_row(agreement_id: str, version: SignedVersion, lang: Lang, source: str) -> list[str]:
    pdf = scan = sha = "—"
    if version.pdf is not None:
        target = download(agreement_id, signed_pdf_name(agreement_id, version.version))
        # `download` (attr_list): the link says "download", so the browser saves the
        # archived file instead of opening it in its PDF viewer
        pdf = md_link(label("download", lang), source, target) + "{: download }"
        sha = f"`{version.pdf.sha256}`"  # hex digits only, checked against the manifest
    if version.scan is not None:
        target = download(agreement_id, scan_name(agreement_id, version))
        scan = md_link(label("scan", lang), source, target)
    return [f"v{version.version}", md(fmt.date(version.date, lang)), pdf, sha, scan]


def version_word(name: str, lang: Lang) -> str:
    return label("draft_word", lang) if name == "draft" else name


def _comparison_link(comparison: Comparison, lang: Lang, source: str) -> str:
    text = label("compare", lang, old=comparison.old, new=version_word(comparison.new, lang))
    return md_link(text, source, page_file(comparison.stem, lang))


def _history(revisions: list[Revision], lang: Lang) -> str:
    """Date, author, version, status, what changed (as sitegen reads it from the files, never
    the commit's own text: a subject may name a restricted agreement) and the commit."""
    if not revisions:
        return md(label("no_history", lang))
    head = [md(label(k, lang)) for k in ("date", "author", "version", "status", "change", "commit")]
    rows = []
    for rev, before in zip(revisions, [*revisions[1:], None], strict=True):
        rows.append(
            [
                md(fmt.date(rev.date.date(), lang)),
                md(rev.author),
                md(f"v{rev.version}" if rev.version else ""),
                md(_status(rev.status, lang)),
                md(change(rev, before, lang)),
                f"`{rev.commit[:12]}`" if re.fullmatch(r"[0-9a-f]{40}", rev.commit) else "",
            ]
        )
    return md_table(head, rows)


def change(rev: Revision, before: Revision | None, lang: Lang) -> str:
    """What one revision changed, from it and the one before (None: the first)."""
    if rev.deleted:
        return label("change_deleted", lang)
    if before is None:
        return label("change_added", lang)
    if before.deleted:
        return label("change_restored", lang)
    found = []
    if rev.version != before.version and rev.version and before.version:
        found.append(label("change_version", lang, old=before.version, new=rev.version))
    if rev.status != before.status and rev.status and before.status:
        old, new = _status(before.status, lang), _status(rev.status, lang)
        found.append(label("change_status", lang, old=old, new=new))
    return "; ".join(found) or label("change_edited", lang)


def _status(status: str | None, lang: Lang) -> str:
    return STATUS_NAMES(status, lang) if status is not None and status in STATUS_NAMES else ""
