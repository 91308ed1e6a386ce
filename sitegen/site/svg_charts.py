"""The report charts on the site: inline SVG drawn from the PDF's chart data.

The geometry is decided once, in `sitegen.reports.pdf_charts` (a bar filled to `fill` of
its track, a rule at `mark`, the value as text, met or not); the PDF's Typst layout and
this module only draw it, so the two never disagree about a period. No chart library, no
outside request: a few `<rect>`, `<line>` and `<text>` elements.

Every bar is a row of its own: its label and value on one line, the track below. At 40
units a row in a 400-unit viewBox shown `width="100%"`, a 390 px phone draws the 13-unit
text at about 11 px, where a label column beside the track would shrink it to 7 px.
Colours are CSS (`sitegen.css`: Material's palette variables, and `currentColor` for text
and rules), so the chart reads in light and dark schemes; a missed bar is hatched and its
label starts with ✗, so it does not rest on colour alone.

A bar's label and value are shown in the page's language (`labels`, `values`: the PDF's
`label` and `value` hold both). Every value (tier names, periods, the figures' text) is
escaped by `h`, the one escaping helper of the site's raw HTML; numbers the geometry
computes are formatted here from floats. The chart carries its title as `<title>` and
`aria-labelledby`, and the same figures as a table in a `<details>` beside it.
"""

from __future__ import annotations

from typing import Any

from sitegen.compose.contract import Lang
from sitegen.render.page_markup import h
from sitegen.site.words import label

WIDTH = 400
ROW = 40
TRACK_TOP, TRACK_HEIGHT = 19, 12
MISSED = "✗ "

Chart = dict[str, Any]  # the `kind: chart` data of `sitegen.reports.pdf_charts`


def pick(pair: list[str], lang: Lang) -> str:
    """One language of a [中文, English] pair of the PDF's data."""
    return pair[0] if lang == "zh" else pair[1]


def svg_chart(chart: Chart, lang: Lang, chart_id: str) -> str:
    """The chart as one raw HTML block (no blank line): the SVG, its legend, its figures.
    `chart_id` is our own (letters, digits, dashes), unique on the page."""
    title = pick(chart["title"], lang)
    bars = chart["bars"]
    height = ROW * len(bars) + 4
    rows = "".join(_bar(bar, index, chart_id, lang) for index, bar in enumerate(bars))
    svg = (
        f'<svg class="sg-chart-svg" role="img" aria-labelledby="{chart_id}-t" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{chart_id}-t">{h(title)}</title>'
        f'<defs><pattern id="{chart_id}-x" width="6" height="6" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect class="sg-bar-missed" width="6" height="6"/>'
        '<line x1="0" y1="0" x2="0" y2="6" class="sg-hatch"/></pattern></defs>'
        f"{rows}</svg>"
    )
    legend = chart.get("legend")
    caption = f'<p class="sg-caption">{h(title)}</p>'
    note = f'<p class="sg-chart-legend">{h(pick(legend, lang))}</p>' if legend else ""
    return f'<div class="sg-chart">{caption}{svg}{note}{_figures(bars, lang)}</div>'


def _bar(bar: Chart, index: int, chart_id: str, lang: Lang) -> str:
    top = index * ROW + 2
    met = bool(bar["met"])
    track_y = top + TRACK_TOP
    width = WIDTH * _unit(bar["fill"])
    # a missed bar is filled with the hatch (a class would override the fill attribute)
    fill = 'class="sg-bar-met"' if met else f'fill="url(#{chart_id}-x)"'
    parts = [
        f'<text x="0" y="{top + 13}" class="sg-chart-label">'
        f"{h((MISSED if not met else '') + pick(bar['labels'], lang))}</text>",
        f'<text x="{WIDTH}" y="{top + 13}" text-anchor="end" class="sg-chart-value">'
        f"{h(pick(bar['values'], lang))}</text>",
        f'<rect x="0" y="{track_y}" width="{WIDTH}" height="{TRACK_HEIGHT}" class="sg-track"/>',
        f'<rect x="0" y="{track_y}" width="{width:.1f}" height="{TRACK_HEIGHT}" {fill}/>',
    ]
    if bar.get("mark") is not None:
        x = min(max(WIDTH * _unit(bar["mark"]), 1.0), WIDTH - 1.0)
        parts.append(
            f'<line x1="{x:.1f}" y1="{track_y - 3}" x2="{x:.1f}" '
            f'y2="{track_y + TRACK_HEIGHT + 3}" class="sg-mark"/>'
        )
    return f"<g>{''.join(parts)}</g>"


def _unit(value: object) -> float:
    """A fraction of the track, 0 to 1 (the data holds it so; a float is never trusted)."""
    number = float(value)  # type: ignore[arg-type]
    return min(max(number, 0.0), 1.0) if number == number else 0.0


def _figures(bars: list[Chart], lang: Lang) -> str:
    """The chart's figures as a table, for a screen reader and for anyone who wants them."""
    head = "".join(f"<th>{h(label(k, lang))}</th>" for k in ("chart_item", "chart_value", "met"))
    body = "".join(
        f"<tr><td>{h(pick(bar['labels'], lang))}</td><td>{h(pick(bar['values'], lang))}</td>"
        f"<td>{h(label('yes' if bar['met'] else 'no', lang))}</td></tr>"
        for bar in bars
    )
    summary = h(label("chart_figures", lang))
    return (
        f'<details class="sg-chart-figures"><summary>{summary}</summary>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></details>"
    )
