"""The catalogue home page (one table row per agreement) and the page of deadlines and
obligations (at renewals/, its first address).

The catalogue table is our own raw HTML: each row carries data attributes (`data-state`,
`data-parties`, `data-text`) and each cell a `data-sort` value, which the small script in
`site_overrides/assets/sitegen/catalogue.js` filters and sorts, keeping the filter in the
address. Every value goes through `h` (HTML text and attribute escaping).

A page of rows at a time, the others inert in a `<template>`: `catalogue_paging` says why,
with the figures.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterator, Mapping, Sequence

from sitegen.catalogue import STATES, Due, Row
from sitegen.catalogue.copies import SignedCopies
from sitegen.catalogue.due import KEPT_WHEN_OVERDUE
from sitegen.catalogue.service import Credit, Service
from sitegen.compose import fmt
from sitegen.compose.contract import Lang, Text
from sitegen.compose.vocabulary import REPORT_WORDS, STATE_NAMES
from sitegen.load.model import Target
from sitegen.render.markup import one_line
from sitegen.render.page_markup import (
    front_matter,
    h,
    html_table,
    md,
    md_link,
    page_file,
    served_link,
    url,
)
from sitegen.site.catalogue_paging import PAGE_ROWS, other_pages
from sitegen.site.live_dates import Past, countdown, dated, state_span, words_script
from sitegen.site.words import label

COLUMNS = (
    "id", "title", "customer", "provider", "status", "signed_pdf", "effective", "expiry",
    "objection_deadline", "availability", "p1_response",
)  # fmt: skip
SERVICE_COLUMNS = ("last_report",)  # from the reports: `_service_cell`
HEADS = {"signed_pdf": "signed_pdf_column"}  # a column's head, where not its own key
JSON_FILE, ICS_FILE = "catalogue.json", "renewals.ics"


def agreement_stem(agreement_id: str) -> str:
    return f"agreements/{agreement_id}"


def _sort_key(row: Row, column: str, lang: Lang) -> str:
    """What a column sorts by: ISO dates, plain numbers, minutes; "" sorts last."""
    if column == "status":
        return f"{STATES.index(row.state):02d}" if row.state in STATES else ""
    value = getattr(row, column)
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Target):
        return str(value.within.shortest_minutes)
    if isinstance(value, Text):
        return value.get(lang)
    return str(value)


# the columns with a countdown, and what a day past them is
DATED: dict[str, Past] = {"expiry": "ago", "objection_deadline": "overdue"}


def _head(column: str, lang: Lang) -> str:
    return label(HEADS.get(column, column), lang)


def _td(column: str, lang: Lang, sort: str, content: str) -> str:
    """A cell: its column as a class and its head as `data-label`, which a phone shows
    before the value (the table's cells become lines of a card there: `sitegen.css`)."""
    return (
        f'<td role="cell" class="sg-col-{column}" data-label="{h(_head(column, lang))}" '
        f'data-sort="{h(sort)}">{content}</td>'
    )


def _cell(
    row: Row,
    column: str,
    lang: Lang,
    inline: str = "",
    copies: SignedCopies | None = None,
    today: dt.date | None = None,
) -> str:
    if column == "signed_pdf":
        sort = copies.signed.isoformat() if copies and copies.pdf else ""
        return _td(column, lang, sort, _signed(row, copies, lang))
    sort = _sort_key(row, column, lang)
    if column in ("id", "title"):
        href = url(f"{agreement_stem(row.id)}/")
        shown = row.id if column == "id" else row.title.get(lang)
        return _td(column, lang, sort, f'<a href="{href}">{h(shown)}</a>')
    if column == "status":  # the state, and which version is in force and which is worked on
        state = state_span(row.state, lang, row.state_changes, row.zone)
        versions = f'<span class="sg-versions">{h(row.versions(lang))}</span>'
        return _td(column, lang, sort, f"{state}{versions}{inline}")
    day = getattr(row, column) if column in DATED else None
    if isinstance(day, dt.date) and row.state in ("upcoming", "active", "in_renewal_window"):
        shown = dated(h(row.label(column, lang)), day, today, lang, zone=row.zone,
                      past=DATED[column])  # fmt: skip
        return _td(column, lang, sort, f"<span>{shown}</span>")
    return _td(column, lang, sort, f"<span>{h(row.label(column, lang))}</span>")


def _signed(row: Row, copies: SignedCopies | None, lang: Lang) -> str:
    """The signed PDF of the version in force and the scan of the executed copy, each a
    download link named with the agreement, version and day; else, in words, why there is
    none: nothing signed yet, a version the archive does not hold, a provider's text."""
    if copies is None:
        if row.kind == "published":
            why = "signed_none_published"
        elif row.in_force is None:
            why = "signed_none_unsigned" if row.state == "unsigned" else "signed_none_draft"
        else:
            why = "signed_no_pdf"
        return f'<span class="sg-none">{h(label(why, lang))}</span>'
    source = _source(lang)
    date = fmt.date(copies.signed, lang)
    named = dict(id=row.id, version=copies.version)
    links = []
    if copies.pdf is None:
        links.append(f'<span class="sg-none">{h(label("signed_no_pdf", lang))}</span>')
    else:
        says = h(label("signed_pdf_named", lang, date=date, **named))
        links.append(
            f'<a class="sg-signed-pdf" href="{served_link(source, copies.pdf)}" download '
            f'title="{says}" aria-label="{says}">'
            f"{h(label('signed_pdf_link', lang, version=copies.version))}</a>"
        )
    if copies.scan is not None:
        says = h(label("scan_named", lang, **named))
        links.append(
            f'<a class="sg-signed-scan" href="{served_link(source, copies.scan)}" download '
            f'title="{says}" aria-label="{says}">{h(label("scan", lang))}</a>'
        )
    return "".join(links)


def _source(lang: Lang) -> str:
    return page_file("index", lang)


def _service(service: Service, row_id: str, lang: Lang) -> tuple[str, str]:
    """The last report's verdict and period (✓ 2026-11, linking to its page; the verdict
    and acceptance in words as its title and accessible name), and under it the credits
    due this year and those awaiting the customer's acceptance, one currency a line; "—"
    for what there is not. As one narrow cell of
    its own column, and the same as lines of the status cell: the table already scrolls
    sideways on a phone (issue 14), so there (`sitegen.css`) the column is hidden and the
    status cell shows them, and the table is no wider than before."""
    last = service.last
    if last is None:
        report = "—"
    else:
        mark = "✓" if last.passed else "✗"
        verdict = REPORT_WORDS("passed" if last.passed else "failed", lang)
        accepted = (
            label("not_accepted", lang)
            if last.accepted is None
            else label("accepted_day", lang, date=fmt.date(last.accepted, lang))
        )
        says = h(label("last_report_says", lang, period=last.period, verdict=verdict,
                       accepted=accepted))  # fmt: skip
        href = url(f"{agreement_stem(row_id)}/reports/{last.period}/")
        state = "met" if last.passed else "missed"
        report = (
            f'<a href="{href}" title="{says}" aria-label="{says}">'
            f'<span class="sg-verdict sg-verdict-{state}">{mark}&nbsp;{h(last.period)}</span></a>'
        )
    due = _credits("credits_this_year", service.credits_this_year, lang)
    due += _credits("credits_pending", service.credits_pending, lang)
    sort = h(last.period) if last else ""
    cell = f'<td role="cell" class="sg-col-service" data-sort="{sort}">{report}{due}</td>'
    inline = f'<span class="sg-service-inline">{report}{due}</span>' if last or due else ""
    return cell, inline


def _credits(name: str, credits: Sequence[Credit], lang: Lang) -> str:
    """Credits of one kind (due; awaiting the customer's acceptance), a line per currency."""
    if not credits:
        return ""
    named = h(label(name, lang))
    lines = "<br>".join(h(f"{fmt.amount(c.amount, c.currency)} {c.currency}") for c in credits)
    return f'<span class="sg-versions" title="{named}">{named}: {lines}</span>'


def _row(
    row: Row,
    lang: Lang,
    service: Service | None = None,
    copies: SignedCopies | None = None,
    today: dt.date | None = None,
) -> str:
    names = [one_line(party.get(lang)) for party in (row.customer, row.provider)]
    parties = html.escape(json.dumps(names, ensure_ascii=False), quote=True)
    words = [
        row.id,
        *(t.get(one) for t in (row.title, row.customer, row.provider) for one in ("zh", "en")),
    ]
    text = " ".join(words).lower()
    cell, inline = _service(service or Service(), row.id, lang)
    cells = "".join(_cell(row, column, lang, inline, copies, today) for column in COLUMNS)
    cells += cell
    recovery = " data-recovery" if row.rpo is not None or row.rto is not None else ""
    return (
        f'<tr role="row" data-state="{h(row.state)}" data-parties="{parties}" '
        f'data-text="{h(text)}"{recovery}>{cells}</tr>'
    )


def _filters(rows: list[Row], lang: Lang) -> Iterator[str]:
    """The filter form: hidden until the script runs (it has nothing to do without it)."""
    states = [s for s in STATES if any(r.state == s for r in rows)]
    parties = sorted({p.get(lang) for r in rows for p in (r.customer, r.provider)})
    everything = f'<option value="">{h(label("filter_all", lang))}</option>'
    yield '<form class="sg-filters" data-sg-filters hidden>'
    yield f'<label>{h(label("filter_status", lang))} <select name="status">{everything}'
    yield "".join(f'<option value="{h(s)}">{h(STATE_NAMES(s, lang))}</option>' for s in states)
    yield "</select></label>"
    yield f'<label>{h(label("filter_party", lang))} <select name="party">{everything}'
    yield "".join(f'<option value="{h(p)}">{h(p)}</option>' for p in parties)
    yield "</select></label>"
    yield f'<label>{h(label("filter_text", lang))} <input type="search" name="text"></label>'
    # rows with a recovery objective carry `data-recovery` (`_row`)
    recovery = h(label("filter_recovery", lang))
    yield f'<label><input type="checkbox" name="recovery"> {recovery}</label>'
    yield f'<button type="reset">{h(label("filter_reset", lang))}</button>'
    template = h(label("shown", lang, shown="{shown}", total="{total}"))
    yield f'<output class="sg-count" data-template="{template}"></output>'
    yield "</form>"


def catalogue_table(
    rows: list[Row],
    lang: Lang,
    services: Mapping[str, Service] | None = None,
    *,
    copies: Mapping[str, SignedCopies] | None = None,
    today: dt.date | None = None,
) -> str:
    """The whole table as one raw HTML block (no blank line inside it); `copies`: each
    agreement's signed copies on the site, by id; `today`: the day its countdowns count
    from (none without it)."""
    head = "".join(
        f'<th role="columnheader" data-column="{column}" aria-sort="none">'
        f"{h(_head(column, lang))}</th>"
        for column in COLUMNS
    )
    head += "".join(
        f'<th role="columnheader" class="sg-col-service" data-column="{column}" '
        'aria-sort="none">'
        f"{h(label(column, lang))}</th>"
        for column in SERVICE_COLUMNS
    )
    found, files = services or {}, copies or {}
    lines = [
        f'<div class="sg-catalogue" data-sg-catalogue data-sg-page-size="{PAGE_ROWS}">',
        *_filters(rows, lang),
        '<div class="sg-table-wrap sg-cards"><table role="table">',
        f'<thead role="rowgroup"><tr role="row">{head}</tr></thead>',
    ]
    body = [_row(row, lang, found.get(row.id), files.get(row.id), today) for row in rows]
    lines += ['<tbody role="rowgroup">', *body[:PAGE_ROWS], "</tbody></table></div>"]
    lines += [*other_pages(body, lang, served_link(_source(lang), JSON_FILE)), words_script(lang)]
    lines.append("</div>")
    return "\n".join(lines)


def catalogue_page(
    rows: list[Row],
    lang: Lang,
    services: Mapping[str, Service] | None = None,
    *,
    copies: Mapping[str, SignedCopies] | None = None,
    today: dt.date | None = None,
) -> str:
    source = _source(lang)
    parts = [
        front_matter(label("catalogue", lang), hide=["navigation", "toc"]),
        f"# {md(label('catalogue', lang))}",
        md(label("catalogue_intro", lang)),
        catalogue_table(rows, lang, services, copies=copies, today=today)
        if rows
        else md(label("no_agreements", lang)),
        f"## {md(label('downloads', lang))}",
        f"- {md_link(label('json_link', lang), source, JSON_FILE)}\n"
        f"- {md_link(label('ics_link', lang), source, ICS_FILE)}",
    ]
    return "\n\n".join(parts) + "\n"


def _when(due: Due, today: dt.date, lang: Lang, zones: Mapping[str, str | None]) -> str:
    """How far off it is, as of the build's day and again in the visitor's browser (a
    `<time>`, every value escaped by `h`)."""
    past: Past = "overdue" if due.kind in KEPT_WHEN_OVERDUE else "ago"  # an expiry is not a duty
    return countdown(due.date, today, lang, zone=zones.get(due.agreement_id), past=past)


def _what(due: Due, lang: Lang) -> str:
    """The kind, and for an obligation what it is about (a period, an action) below it."""
    kind = h(due.kind_label(lang))
    return f"{kind}<br>{h(due.subject.get(lang))}" if due.subject else kind


def _due_cells(due: Due, today: dt.date, lang: Lang, zones: Mapping[str, str | None]) -> list[str]:
    """One item's cells, each one element: a card's line lays out as one."""
    href = url(f"../{agreement_stem(due.agreement_id)}/")
    cells = [
        h(fmt.date(due.date, lang)),
        _what(due, lang),
        f'<a href="{href}">{h(due.agreement_id)}</a>',
        h(due.title.get(lang)),
        _when(due, today, lang, zones),
    ]
    return [f"<span>{cell}</span>" for cell in cells]


def renewals_page(
    items: list[Due],
    today: dt.date,
    within_days: int,
    lang: Lang,
    zones: Mapping[str, str | None] | None = None,
) -> str:
    """The page "deadlines and obligations" (期限与义务). It keeps the file name and address
    of the renewals page it grew from, so links and bookmarks to it keep working.

    The table is raw HTML, every value through `h`, each cell labelled with its column's
    head: on a phone each item is a card (`sitegen.css`), its "when" no longer off-screen
    to the right. Its links are relative to the page's address (`renewals/`, `en/renewals/`),
    as the catalogue's are. `zones`: the time zone of each agreement's days, by id, for the
    countdowns."""
    source = page_file("renewals", lang)
    rows = [_due_cells(due, today, lang, zones or {}) for due in items]
    head = [label(key, lang) for key in ("date", "kind", "id", "agreement", "when")]
    table = html_table([h(word) for word in head], rows, labels=head)
    ics = md_link(ICS_FILE, source, ICS_FILE)
    parts = [
        front_matter(label("renewals", lang), hide=["navigation", "toc"]),
        f"# {md(label('renewals', lang))}",
        md(label("renewals_intro", lang, today=fmt.date(today, lang), days=within_days)),
        f'<div class="sg-cards sg-renewals">{table}</div>'
        if rows
        else md(label("renewals_none", lang)),
        label("subscribe", lang, link=ics),
        words_script(lang),
    ]
    return "\n\n".join(parts) + "\n"
