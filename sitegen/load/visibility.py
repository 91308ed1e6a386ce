"""Who may see an agreement: the restricted filter, the rule with the highest stakes, written
once. Everything that publishes (site pages, catalogue.json, renewals.ics, the renewals
command, the diff comment, search, which indexes only the pages) asks these two functions;
tests/test_site_build.py builds with a restricted agreement and finds none of its ID,
titles or parties in any output.
"""

from __future__ import annotations

from collections.abc import Iterable

from sitegen.load.model import Agreement


def restricted(agreement: Agreement) -> bool:
    """Only people cleared for restricted agreements may read this one."""
    return agreement.visibility == "restricted"


def shown(agreement: Agreement, include_restricted: bool) -> bool:
    """Whether an output made with or without restricted agreements may show this one."""
    return include_restricted or not restricted(agreement)


def visible(agreements: Iterable[Agreement], include_restricted: bool) -> list[Agreement]:
    """The agreements an output may show, in their order."""
    return [agreement for agreement in agreements if shown(agreement, include_restricted)]
