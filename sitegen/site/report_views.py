"""The report views of an agreement: each current record with its trend and its PDF's place.

Made once per agreement from `held_reports` (read in the main process, where a broken
record stops the build), then used by its pages: the agreement page's service section and
one page per period (`report_page`).
"""

from __future__ import annotations

from collections.abc import Sequence

from sitegen.compose.contract import Text
from sitegen.load.base import Bilingual
from sitegen.reports.held import HeldReport
from sitegen.reports.pdf import TREND_PERIODS
from sitegen.reports.periods import Period
from sitegen.site.downloads import download
from sitegen.site.report_page import ReportView, report_pdf_name


def report_views(
    agreement_id: str,
    title: Text,
    held: Sequence[HeldReport],
    documents: bool,
    roles: tuple[Bilingual, ...] = (),
    zone: str | None = None,
) -> tuple[ReportView, ...]:
    """Each record's view: its trend is the records of its kind up to it, the last 12; its
    PDF is published when documents are and the customer accepted it; `roles`, the customer
    contacts' roles, name who accepted it in each language; `zone`, the time zone of the
    agreement's days, what its claim deadline counts in."""
    views = []
    for index, report in enumerate(held):
        kind = Period.parse(report.period).kind
        same = [r.record.figures for r in held[: index + 1] if Period.parse(r.period).kind == kind]
        pdf = None
        if documents and report.accepted is not None:
            pdf = download(agreement_id, report_pdf_name(agreement_id, report.period))
        views.append(
            ReportView(
                agreement_id,
                title,
                report,
                tuple(same[-TREND_PERIODS:]),
                pdf,
                documents,
                roles,
                zone,
            )
        )
    return tuple(views)
