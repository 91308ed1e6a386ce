"""A period's figures as the report's forms: `text` for a terminal, `json` for tools, `md`.

The JSON is a stable interface (documented in the README): the figures' own fields and
order (`record.figures_data`, what the record keeps), with every Decimal as a JSON
*string* holding its digits as computed (`"99.2592"`, `"1000.00"`). A JSON number is read
as a binary float by most tools (JavaScript, Python's `json`, jq): 99.95 is not a float,
and a credit amount must be exactly the one the record states, its trailing zeros
included. Counts of minutes and tickets are integers, and JSON numbers; instants are ISO
8601 UTC with `Z`, days YYYY-MM-DD; a value the figures do not hold is `null`.

The text and Markdown label everything in both languages (`compose.vocabulary.REPORT_WORDS`);
values from input files (ticket ids, refs, notes) are untrusted: the text shows them
through `terminal.safe`, the Markdown through `render.markup.escape`, so none becomes a
control sequence, a Markdown table cell's end, a link or HTML.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any, Literal

from sitegen.reports.figures import PeriodFigures
from sitegen.reports.forms_text import as_markdown, as_text
from sitegen.reports.record import figures_data, instant_text
from sitegen.terminal import json_text

Format = Literal["text", "json", "md"]
FORMATS: tuple[Format, ...] = ("text", "json", "md")


def render_report(figures: PeriodFigures, fmt: Format) -> str:
    """The report of one period in `fmt`, ending with a line feed."""
    if fmt == "json":
        return as_json(figures)
    if fmt == "md":
        return as_markdown(figures)
    if fmt == "text":
        return as_text(figures)
    raise ValueError(f"no report format {fmt!r}: one of {', '.join(FORMATS)}")


def as_json(figures: PeriodFigures) -> str:
    document = _json(figures_data(figures))
    return json_text(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _json(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return instant_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def summary_line(figures: PeriodFigures) -> str:
    """One line per record for a run of several: passed or failed, and the credit due."""
    verdict = "passed" if figures.passed else "FAILED"
    credit = ""
    if figures.credits is not None and figures.credits.percent:
        amount = figures.credits.amount
        money = f" = {figures.credits.currency} {amount}" if amount is not None else ""
        credit = f", credit {figures.credits.percent}%{money}"
    tiers = ", ".join(f"{t.tier or 'availability'} {t.attained}%" for t in figures.availability)
    return (
        f"{figures.agreement} {figures.period}: {verdict}"
        + (f" ({tiers})" if tiers else "")
        + credit
    )
