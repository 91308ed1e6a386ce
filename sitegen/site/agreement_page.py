"""One page per agreement: summary card, service reports (`service_section`), contract text in
three tabs, versions, history.

The card describes the version in force (its terms, dates and deadlines; the working
version's while nothing is signed) and names both versions; the contract text is the working
version's, with its draft notice unless the archive holds it as signed.

The summary card and the contract text (`contract_html`: both languages in one tree, three
views by tabs) are raw HTML with every value escaped by `h`; the rest is Markdown with
every value escaped by `md`. The page's own headings carry `sg-` ids, which no contract
anchor (a template's section or clause id) uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sitegen.catalogue import Row
from sitegen.compose import fmt, schemes, targets
from sitegen.compose.contract import Contract, Lang
from sitegen.compose.general import general_facts
from sitegen.compose.vocabulary import NONE, SIGNED_VERSION_NAMES
from sitegen.diff import show as labels
from sitegen.load import terms
from sitegen.load.model import TARGETS, Agreement
from sitegen.render.contract_html import contract_views
from sitegen.render.markdown import PageView
from sitegen.render.page_markup import front_matter, h, html_table, md, md_link, md_table, page_file
from sitegen.site.catalogue_page import agreement_stem
from sitegen.site.downloads import (
    download,
    scan_name,
    signed_copies,
    signed_pdf_name,
    working_name,
)
from sitegen.site.history_table import history_table
from sitegen.site.live_dates import Past, dated, state_span, words_script
from sitegen.site.recovery_facts import recovery_facts
from sitegen.site.report_page import ReportView
from sitegen.site.service_section import service_section
from sitegen.site.versions import Comparison, SignedVersion
from sitegen.site.words import label
from sitegen.versions.history import Revision
from sitegen.versions.in_force import Versions

TABS: tuple[tuple[str, PageView], ...] = (
    ("tab_zh", "zh"),
    ("tab_en", "en"),
    ("tab_parallel", "parallel"),
)
# Tab labels name the language of the text they hold: 中文 and English on both pages.


@dataclass(frozen=True)
class AgreementView:
    """Everything one agreement's page shows, prepared before any text is written."""

    versions: Versions  # the working version and the version in force
    row: Row
    contract: Contract  # the working version's
    signed: list[SignedVersion]
    comparisons: list[Comparison]
    revisions: list[Revision]
    documents: bool  # the working version's PDF and Word file are published
    reports: tuple[ReportView, ...] = ()  # its service reports, oldest first
    commit_url: str | None = None  # a commit's address on the git host (`Settings`)

    @property
    def agreement(self) -> Agreement:
        """The working version."""
        return self.versions.working

    @property
    def id(self) -> str:
        return self.agreement.id


def agreement_page(view: AgreementView, lang: Lang) -> str:
    title = view.row.title.get(lang)
    source = page_file(agreement_stem(view.id), lang)
    parts = [
        front_matter(f"{view.id} {title}", hide=["navigation", "toc"]),
        f"# {md(title)}",
        f"{md_link(label('back', lang), source, page_file('index', lang))}",
        search_meta(view, title, lang),
        _card(view, lang),
        *_signed_downloads(view, lang, source),
        *service_section(view.reports, lang, source),
        f"## {md(label('contract', lang))} {{#sg-contract}}",
        _tabs(view.contract, lang),
        f"## {md(label('versions', lang))} {{#sg-versions}}",
        *_versions(view, lang, source),
        f"## {md(label('history', lang))} {{#sg-history}}",
        history_table(
            view.revisions,
            view.comparisons,
            lang,
            source,
            archived=frozenset(v.version for v in view.signed),
            commit_url=view.commit_url,
        ),
    ]
    return "\n\n".join(parts) + "\n"


def search_meta(view: AgreementView, title: str, lang: Lang) -> str:
    """What a search result shows of the page (Pagefind's `data-pagefind-meta`): its number,
    title and versions, the version in force first (`Row.versions`), and whether a version
    is in force, by which the site's search puts the version in force first among an
    agreement's pages. Hidden: the card shows the same. Each value is text (`h`)."""
    meta = {
        "id": view.id,
        "title": title,
        "version": view.row.versions(lang),
        "in_force": "yes" if view.row.in_force is not None else "no",
    }
    spans = "".join(
        f'<span data-pagefind-meta="{key}">{h(value)}</span>' for key, value in meta.items()
    )
    return f'<div class="sg-search-meta" hidden>{spans}</div>'


def _card(view: AgreementView, lang: Lang) -> str:
    agreement, row = view.versions.current, view.row
    state = state_span(row.state, lang, row.state_changes, row.zone)
    facts = [
        ("id", h(view.id)),
        ("status", state),
        ("customer", h(row.label("customer", lang))),
        ("customer_id", h(schemes.identifier(agreement.parties.customer, lang))),
        ("provider", h(row.label("provider", lang))),
        ("provider_id", h(schemes.identifier(agreement.parties.provider, lang))),
        *(_published_facts(agreement, row, lang) if agreement.term is None else
          _negotiated_facts(agreement, row, lang)),
        ("versions", h(row.versions(lang))),
        ("template", h(agreement.template)),
        ("service_hours", h(labels.service_hours(agreement.service_hours, lang))),
        ("calendar", h(labels.calendar(agreement.calendar, lang))),
        ("availability", _availability(agreement, row, lang)),
        *recovery_facts(agreement, row, lang),
        ("fee", h(fmt.fee_text(agreement.fees, lang) if agreement.fees else NONE.get(lang))),
        *((key, h(text)) for key, text in general_facts(agreement, lang)),
    ]  # fmt: skip
    # A space between the terms and their values: Pagefind, unlike a browser, runs the
    # words of neighbouring `dt` and `dd` together ("ProviderHangzhou") without one.
    items = " ".join(f"<dt>{h(label(key, lang))}</dt> <dd>{value}</dd>" for key, value in facts)
    return "\n".join(
        [
            '<div class="sg-card" data-pagefind-body>',  # searched: `site.search_index`
            f'<dl class="sg-facts">{items}</dl>',
            slo_tables(agreement, lang),
            words_script(lang),
            "</div>",
        ]
    )


def _signed_downloads(view: AgreementView, lang: Lang, source: str) -> Iterator[str]:
    """Right under the card, the signed PDF of the version in force (and the scan of the
    executed copy when attached), so it is found without scrolling past the contract."""
    copies = signed_copies(view.versions, view.signed)
    if copies is None or copies.pdf is None:
        return
    when = fmt.date(copies.signed, lang)
    text = label("signed_pdf", lang, version=copies.version, date=when)
    links = [md_link(text, source, copies.pdf)]
    if copies.scan is not None:
        links.append(md_link(label("scan", lang), source, copies.scan))
    yield " · ".join(links)


def _negotiated_facts(agreement: Agreement, row: Row, lang: Lang) -> list[tuple[str, str]]:
    """Signing, term and renewal of an agreement both parties signed."""
    term = agreement.term
    assert term is not None
    renewal = (
        labels.renewal(term.auto_renew, lang) if term.auto_renew else label("no_renewal", lang)
    )
    renewal = renewal[:1].upper() + renewal[1:]
    signed = fmt.date(row.signed, lang) if row.signed else "—"  # as the archive records it
    # The current term's end (renewed terms counted), and the first term's, as clause 1.4
    # states it, once the term has renewed: each labelled, so they never seem to disagree.
    first = terms.expiry_date(agreement.dates.effective, term.months)
    renewed = row.expiry is not None and row.expiry != first
    ends = [("current_term_end" if renewed else "expiry", _dated(row, "expiry", "ago", lang))]
    if renewed:
        ends.append(("first_term_end", h(fmt.date(first, lang))))
    return [
        ("signed_on", h(signed)),
        ("effective", h(row.label("effective", lang))),
        *ends,
        ("objection_deadline", _dated(row, "objection_deadline", "overdue", lang)),
        ("term", h(labels.months(term.months, lang))),
        ("renewal", h(renewal)),
    ]


def _published_facts(agreement: Agreement, row: Row, lang: Lang) -> list[tuple[str, str]]:
    """The source of a provider's published agreement, and when to look for amendments:
    no signing, term or objection deadline. The address is shown as text, never a link."""
    source = agreement.source
    assert source is not None
    notice = agreement.amendment_notice_days
    return [
        ("agreement_kind", h(row.label("kind", lang))),
        ("source", h(source.title)),
        ("source_url", f"<code>{h(source.url)}</code>"),
        ("source_updated", h(fmt.date(source.updated, lang))),
        ("effective", h(row.label("effective", lang))),
        ("amendment_notice", h(labels.days(notice, lang) if notice else "—")),
        ("amendment_watch", _dated(row, "amendment_watch", "overdue", lang)),
    ]


def _dated(row: Row, field: str, past: Past, lang: Lang) -> str:
    """A deadline of the card, and the place of its countdown while the agreement is in
    force: the script fills it from the visitor's day; the page itself states none, so it
    stays cached from one day to the next (`site.live_dates`)."""
    text, day = h(row.label(field, lang)), getattr(row, field)
    if not isinstance(day, dt.date) or row.state not in ("upcoming", "active", "in_renewal_window"):
        return text
    return dated(text, day, None, lang, zone=row.zone, past=past)


def _availability(agreement: Agreement, row: Row, lang: Lang) -> str:
    """The target, or with several tiers each tier's scope, target and window, one a line."""
    tiers = agreement.slos.tiers
    if len(tiers) <= 1:
        return h(row.label("availability", lang))
    lines = []
    for tier in tiers:
        scope = tier.scope.get(lang) if tier.scope else tier.id or ""
        target = fmt.percent(tier.target, lang)
        window = fmt.term_word(tier.window, lang)
        text = (
            f"{scope}：{target}（每{window}）"
            if lang == "zh"
            else f"{scope}: {target} per {window}"
        )
        lines.append(h(text))
    return "<br>".join(lines)


def slo_tables(agreement: Agreement, lang: Lang) -> str:
    """The priorities and their targets as the contract states them (a share such as 90%
    and the clock in the cell where the contract names them), then the priority matrix
    as a grid; nothing when the agreement has no priorities."""
    rows = targets.rows(agreement, lang)
    if not rows:
        return ""
    view = targets.targets_view(agreement, lang)
    keys = ["priority", "priority_name"]
    keys += [key for key in TARGETS if view[key]]
    head = [h(label(key, lang)) for key in keys]
    body = [
        [h(row["level"]), h(row["name"]), *(h(row[key]) for key in TARGETS if view[key])]
        for row in rows
    ]
    caption = f'<p class="sg-caption">{h(label("slos", lang))}</p>'
    return caption + html_table(head, body) + _matrix_table(agreement, lang)


def _matrix_table(agreement: Agreement, lang: Lang) -> str:
    matrix = agreement.slos.matrix
    if matrix is None:
        return ""
    corner = f"{label('impact', lang)} / {label('urgency', lang)}"
    head = [h(corner), *(h(u.text.get(lang)) for u in matrix.urgency)]
    body = [
        [h(impact.text.get(lang)), *(h(level) for level in cells)]
        for impact, cells in zip(matrix.impact, matrix.levels, strict=False)
    ]
    caption = f'<p class="sg-caption">{h(label("matrix", lang))}</p>'
    return caption + html_table(head, body)


def _tabs(contract: Contract, lang: Lang) -> str:
    """The contract in three views (中文, English, both side by side), one HTML tree."""
    labels: dict[PageView, str] = {view: label(key, lang) for key, view in TABS}
    return contract_views(contract, lang, labels)


def _versions(view: AgreementView, lang: Lang, source: str) -> Iterator[str]:
    yield md(view.row.versions(lang))
    if view.versions.current.kind == "published":
        yield from _provider_versions(view, lang, source)
    else:
        yield f"### {md(label('signed_versions', lang))} {{#sg-signed-versions}}"
        if view.signed:
            keys = ("version", "signing_date", "pdf", "sha256", "scan", "standing")
            head = [md(label(k, lang)) for k in (*keys, "digital_signature")]
            rows = [[*_signed_row(view, v, lang, source), _digital(v, lang)] for v in view.signed]
            yield md_table(head, rows)
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


def _standing(view: AgreementView, version: SignedVersion, lang: Lang) -> str:
    """In force, expired or terminated for the last signed version; superseded by the next
    one for the others."""
    later = [v.version for v in view.signed if v.version > version.version]
    if later:
        return SIGNED_VERSION_NAMES("superseded", lang, version=min(later))
    state = view.row.state
    return SIGNED_VERSION_NAMES(state if state in ("expired", "terminated") else "in_force", lang)


def _provider_versions(view: AgreementView, lang: Lang, source: str) -> Iterator[str]:
    """A published agreement's archived versions: each dated by the provider's "last
    updated", with the SHA-256 of the provider's saved page (archived, never published:
    it is the provider's HTML or PDF, not ours to serve)."""
    yield f"### {md(label('provider_versions', lang))} {{#sg-signed-versions}}"
    if not view.signed:
        yield md(label("no_provider_versions", lang))
        return
    keys = ("version", "source_updated", "pdf", "sha256", "source_sha256", "standing")
    rows = []
    for version in view.signed:
        row = _signed_row(view, version, lang, source)
        saved = version.source
        row[4] = f"`{saved.name}` `{saved.sha256}`" if saved else "—"  # checked names, hex
        rows.append(row)
    yield md_table([md(label(k, lang)) for k in keys], rows)


def _signed_row(view: AgreementView, version: SignedVersion, lang: Lang, source: str) -> list[str]:
    agreement_id = view.id
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
    standing = md(_standing(view, version, lang))
    return [f"v{version.version}", md(fmt.date(version.date, lang)), pdf, sha, scan, standing]


def _digital(version: SignedVersion, lang: Lang) -> str:
    """Whether the archived PDF carries the organisation's digital signature, and whether it
    verifies (`sitegen verify` says the same, with the certificate's whole subject)."""
    if not version.digital:
        return md(label("not_digitally_signed", lang))
    said = []
    for signature in version.digital:
        when = signature.signed_at.date() if signature.signed_at else version.date
        values = {"subject": signature.subject, "date": fmt.date(when, lang)}
        key = "digitally_signed" if signature.ok else "digital_signature_broken"
        said.append(md(label(key, lang, **values)))
    return "<br>".join(said)


def version_word(name: str, lang: Lang) -> str:
    return label("draft_word", lang) if name == "draft" else name


def _comparison_link(comparison: Comparison, lang: Lang, source: str) -> str:
    text = label("compare", lang, old=comparison.old, new=version_word(comparison.new, lang))
    return md_link(text, source, page_file(comparison.stem, lang))
