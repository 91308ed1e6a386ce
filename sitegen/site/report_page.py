"""One page per service report: an agreement's period record in one language.

`agreements/<ID>/reports/<period>.md` (Chinese) and `.en.md`: the summary card (met or
not, the credit due with its currency and claim deadline, who accepted the record and
when), availability per tier, the support table per priority, the breached tickets, the
excluded and counted events with their reasons, and the PDF's three charts as inline SVG
(`svg_charts`, from the PDF's own chart data). The words are the report's (`pdf_cells.word`,
from `compose.vocabulary`), one language of each pair; numbers are the record's text, never
rounded again (`pdf_cells.percent`).

Report pages are left out of the search index: a year of monthly reports is 24 pages of
figures per agreement, which buried the contracts a search is for (the agreement pages
fell off the first page of results for "availability"), and 1,000 agreements would add
24,000 pages to an index the browser loads whole (FINDINGS: 32.6 MB for 911 agreements
already). The agreement page's service section stays searchable.

The card and the tables are raw HTML, every value through `h`; links are Markdown
(`md_link`), which mkdocs checks and rewrites. The PDF is linked only for an accepted
record: the customer received that one; for any other the card says why there is none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sitegen.compose import fmt
from sitegen.compose.contract import Lang, Text
from sitegen.load.base import Bilingual
from sitegen.render.page_markup import front_matter, h, html_table, md, md_link, page_file
from sitegen.reports.acceptance import role_as_named
from sitegen.reports.figures import Breach, Event, PeriodFigures, TierFigures
from sitegen.reports.held import HeldReport
from sitegen.reports.pdf_cells import DASH, percent, word
from sitegen.reports.pdf_charts import attainment_bar, budget_chart, trend_chart
from sitegen.reports.periods import Period
from sitegen.reports.record import instant_text
from sitegen.site.catalogue_page import agreement_stem
from sitegen.site.live_dates import dated, words_script
from sitegen.site.svg_charts import pick, svg_chart
from sitegen.site.words import label


@dataclass(frozen=True)
class ReportView:
    """One period's report as its page shows it."""

    agreement_id: str
    title: Text  # the agreement's, as the catalogue row names it
    held: HeldReport
    history: tuple[PeriodFigures, ...]  # the trend: up to 12 of its kind, oldest first, itself last
    pdf: str | None  # the docs path of its PDF, None when not published
    documents: bool  # the build publishes documents (PDFs) at all
    roles: tuple[Bilingual, ...] = ()  # the customer contacts' roles, to name the acceptor
    zone: str | None = None  # the time zone of the agreement's days (`site.live_dates`)

    def accepted_by(self, lang: Lang) -> str:
        """Who accepted the record, named in `lang` as the agreement names the role."""
        accepted = self.held.accepted
        return role_as_named(accepted.role, self.roles, lang) if accepted else ""

    @property
    def figures(self) -> PeriodFigures:
        return self.held.record.figures

    @property
    def stem(self) -> str:
        return report_stem(self.agreement_id, self.held.period)


def report_stem(agreement_id: str, period: str) -> str:
    return f"{agreement_stem(agreement_id)}/reports/{period}"


def report_pdf_name(agreement_id: str, period: str) -> str:
    return f"{agreement_id}-report-{period}.pdf"


def w(key: str, lang: Lang) -> str:
    """A word of the report in one language."""
    return pick(word(key), lang)


def tier_label(tier: str, lang: Lang) -> str:
    """A tier's id, or the word for all of the service when it has one tier without one."""
    return tier or w("all", lang)


def verdict(met: bool, lang: Lang) -> str:
    state = "met" if met else "missed"
    mark = "✓" if met else "✗"
    text = h(w("passed" if met else "failed", lang))
    return f'<span class="sg-verdict sg-verdict-{state}">{mark} {text}</span>'


def report_page(view: ReportView, lang: Lang) -> str:
    figures = view.figures
    source = page_file(view.stem, lang)
    heading = f"{w('title', lang)} {figures.period}"
    parts = [
        front_matter(f"{view.agreement_id} {heading}", hide=["navigation", "toc"], searched=False),
        f"# {md(heading)}",
        md_link(
            label("back_agreement", lang),
            source,
            page_file(agreement_stem(view.agreement_id), lang),
        ),
        _card(view, lang),
        _pdf(view, lang, source),
        f"## {md(w('availability', lang))} {{#sg-availability}}",
        _availability(figures, lang),
        *_availability_charts(view, lang),
        f"## {md(w('support', lang))} {{#sg-support}}",
        *_support(figures, lang),
        f"## {md(w('breaches', lang))} {{#sg-breaches}}",
        _breaches(figures.breaches, lang),
        f"## {md(w('events', lang))} {{#sg-events}}",
        _events(figures.availability, lang),
    ]
    if figures.notes:
        parts += [f"## {md(w('notes', lang))} {{#sg-notes}}", *(md(n) for n in figures.notes)]
    return "\n\n".join(parts) + "\n"


def accepted_text(view: ReportView, lang: Lang) -> str:
    accepted = view.held.accepted
    if accepted is None:
        return label("not_accepted", lang)
    date = fmt.date(accepted.date, lang)
    return label("accepted_on", lang, date=date, role=view.accepted_by(lang))


def credit_text(figures: PeriodFigures, lang: Lang) -> str:
    """The credit due: its amount and currency (else its share, the amount unknown)."""
    credits = figures.credits
    if credits is None:
        return w("no_credits", lang)
    if not credits.percent:  # every target met, or no band reached: nothing is due
        return w("none", lang)
    if credits.amount is None:
        return f"{percent(credits.percent)} ({w('unknown', lang)})"
    if credits.currency is None:
        return str(credits.amount)
    return f"{fmt.amount(credits.amount, credits.currency)} {credits.currency}"


def _card(view: ReportView, lang: Lang) -> str:
    figures = view.figures
    credits = figures.credits
    facts = [
        (w("agreement", lang), h(f"{view.agreement_id} {view.title.get(lang)}")),
        (w("period", lang), h(f"{figures.period}: {Period.parse(figures.period).days}")),
        (w("version", lang), h(f"v{figures.version}")),
        (w("result", lang), verdict(figures.passed, lang)),
        (w("credit_due", lang), h(credit_text(figures, lang))),
    ]
    if credits is not None and credits.claim_by is not None:
        day = h(fmt.date(credits.claim_by, lang))
        if credits.percent:  # a credit is due: how long is left to claim it
            day = dated(day, credits.claim_by, None, lang, zone=view.zone, past="ago")
        facts.append((w("claim_by", lang), day))
    facts.append((label("acceptance", lang), h(accepted_text(view, lang))))
    items = "".join(f"<dt>{h(key)}</dt><dd>{value}</dd>" for key, value in facts)
    return (
        f'<div class="sg-card sg-report-card"><dl class="sg-facts">{items}</dl>'
        f"{words_script(lang)}</div>"
    )


def _pdf(view: ReportView, lang: Lang, source: str) -> str:
    if view.pdf is not None:
        return md_link(label("report_pdf", lang), source, view.pdf) + "{: download }"
    if not view.documents:
        return md(label("report_pdf_not_built", lang))
    return md(label("report_pdf_not_accepted", lang))


def _table(heads: Sequence[str], rows: list[list[str]], lang: Lang, empty: str) -> str:
    if not rows:
        return md(w(empty, lang))
    words = [w(key, lang) for key in heads]
    table = html_table([h(word) for word in words], rows, labels=words)
    # on a phone, a card per row: the verdict at the end no longer off-screen
    return f'<div class="sg-report-table sg-cards">{table}</div>'


def _availability(figures: PeriodFigures, lang: Lang) -> str:
    heads = ["tier", "target", "attained", "downtime", "excluded", "service", "met"]
    rows = [
        [
            h(tier_label(t.tier, lang)),
            h(percent(t.target)),
            h(percent(t.attained)),
            h(t.downtime_minutes),
            h(t.excluded_minutes),
            h(t.service_minutes),
            verdict(t.met, lang),
        ]
        for t in figures.availability
    ]
    return _table(heads, rows, lang, "none")


def _availability_charts(view: ReportView, lang: Lang) -> list[str]:
    tiers = view.figures.availability
    if not tiers:
        return []
    charts = [svg_chart(budget_chart(tiers), lang, "sg-budget")]
    trend = trend_chart(view.figures, view.history)
    if trend is not None:
        charts.append(svg_chart(trend, lang, "sg-trend"))
    return charts


def _support(figures: PeriodFigures, lang: Lang) -> list[str]:
    heads = ["level", "measure", "tickets", "target", "within", "attainment", "required", "met"]
    rows, bars = [], []
    for priority in figures.priorities:
        for name, target in (("response", priority.response), ("resolution", priority.resolution)):
            if target is None:
                continue
            rows.append(
                [
                    h(priority.level),
                    h(w(name, lang)),
                    h(target.tickets),
                    h(target.target),
                    h(target.within),
                    h(percent(target.attainment)),
                    h(percent(target.required)),
                    verdict(target.met, lang),
                ]
            )
            bars.append(attainment_bar(priority.level, name, target))
    parts = [_table(heads, rows, lang, "none")]
    if bars:
        chart = {
            "title": word("attainment_chart"),
            "bars": bars,
            "legend": word("attainment_legend"),
        }
        parts.append(svg_chart(chart, lang, "sg-attainment"))
    return parts


def _breaches(breaches: Sequence[Breach], lang: Lang) -> str:
    heads = ["ticket", "level", "measure", "elapsed", "allowed", "open"]
    rows = [
        [
            h(b.ticket),
            h(b.level),
            h(w(b.target, lang)),
            h(b.elapsed_minutes),
            h(b.allowed_minutes),
            h(w("yes" if b.open else "no", lang)),
        ]
        for b in breaches
    ]
    return _table(heads, rows, lang, "no_breaches")


def _events(tiers: Sequence[TierFigures], lang: Lang) -> str:
    """Every excluded and every counted event of every tier, with its reason."""
    heads = ["tier", "event", "kind", "start", "end", "minutes", "reason", "counted_as"]
    rows = []
    for tier in tiers:
        found: list[tuple[Event, int, str, bool]]
        found = [(e.event, e.event.minutes, e.reason, False) for e in tier.exclusions]
        found += [(c.event, c.minutes, c.reason, True) for c in tier.counted]
        for event, minutes, reason, counted in found:
            rows.append(
                [
                    h(tier_label(tier.tier, lang)),
                    h(event.ref or DASH),
                    h(w(event.kind, lang)),
                    h(instant_text(event.start)),
                    h(instant_text(event.end)),
                    h(minutes),
                    h(w(reason, lang)),
                    h(w("yes" if counted else "no", lang)),
                ]
            )
    return _table(heads, rows, lang, "no_events")
