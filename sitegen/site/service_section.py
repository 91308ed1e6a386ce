"""The agreement page's service section.

Only the periods of the agreement's own current records (`held_reports`); nothing at all
when it has none. The section draws the availability trend of the last 12 periods of the
latest record's kind (months or quarters) against each tier's target, the PDF's trend
chart (`pdf_charts.trend_chart`) as SVG, then lists every period: met or not, the credit
due, the acceptance, and links to its page and (accepted ones only) its PDF.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sitegen.compose import fmt
from sitegen.compose.contract import Lang
from sitegen.render.page_markup import md, md_link, md_table, page_file
from sitegen.reports.pdf_charts import trend_chart
from sitegen.site.report_page import ReportView, credit_text, w
from sitegen.site.svg_charts import svg_chart
from sitegen.site.words import label


def service_section(views: Sequence[ReportView], lang: Lang, source: str) -> Iterator[str]:
    """The section's Markdown blocks; none without reports."""
    if not views:
        return
    yield f"## {md(label('service', lang))} {{#sg-service}}"
    latest = views[-1]
    trend = trend_chart(latest.figures, latest.history)
    if trend is not None:
        yield svg_chart(trend, lang, "sg-service-trend")
    head = [md(w(k, lang)) for k in ("period", "result", "credit_due")]
    head += [md(label(k, lang)) for k in ("acceptance", "pdf")]
    rows = [_row(view, lang, source) for view in reversed(views)]  # the latest first
    yield md_table(head, rows)


def _row(view: ReportView, lang: Lang, source: str) -> list[str]:
    figures = view.figures
    page = md_link(figures.period, source, page_file(view.stem, lang))
    result = ("✓ " if figures.passed else "✗ ") + w("passed" if figures.passed else "failed", lang)
    pdf = md_link(label("pdf", lang), source, view.pdf) if view.pdf else "—"
    accepted = view.held.accepted
    when = label("not_accepted", lang)
    if accepted is not None:
        date, role = fmt.date(accepted.date, lang), view.accepted_by(lang)
        when = label("accepted_short", lang, date=date, role=role)
    return [page, md(result), md(credit_text(figures, lang)), md(when), pdf]
