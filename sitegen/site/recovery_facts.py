"""The agreement card's recovery objectives and breach notice, beside availability and P1.

A service manager looks at the card to know how much data a disaster may cost and how soon
the service and the news of a breach come back: the RPO and RTO, and the notice of a data
breach with the role it goes to. One line when every continuity entry sets the same
objectives (or there is one), else one line per entry naming its services or tier, so the
card never shows one figure where the contract states two. Nothing is shown for a term the
agreement does not hold. Each value is escaped here (`h`); the words come from
`compose.resilience_view` and `vocabulary.CONTINUITY_WORDS`, so the card says what the
contract says.
"""

from __future__ import annotations

from sitegen.catalogue import Row
from sitegen.compose.contract import Lang
from sitegen.compose.resilience_view import entry_scope, lower_article, period
from sitegen.compose.vocabulary import CONTINUITY_WORDS
from sitegen.load.model import Agreement
from sitegen.render.page_markup import h

__all__ = ["recovery_facts"]

_SEPARATOR = " · "


def recovery_facts(agreement: Agreement, row: Row, lang: Lang) -> list[tuple[str, str]]:
    """(label key, HTML) of the recovery objectives and the breach notice it holds."""
    facts: list[tuple[str, str]] = []
    objectives = _objectives(agreement, lang)
    if objectives:
        facts.append(("recovery_objectives", objectives))
    if row.breach_notice_to is not None:
        to = row.breach_notice_to.get(lang)
        to = lower_article(to) if lang == "en" else to
        if row.breach_notice is None:
            text = CONTINUITY_WORDS("notice_untimed", lang, to=to)
        else:
            within = period(row.breach_notice, lang)
            text = CONTINUITY_WORDS("notice", lang, within=within, to=to)
        facts.append(("breach_notice", h(text)))
    return facts


def _objectives(agreement: Agreement, lang: Lang) -> str:
    entries = [e for e in agreement.continuity or () if e.rpo is not None or e.rto is not None]
    if not entries:
        return ""
    lines = []
    for entry in entries:
        parts = [
            f"{name} {period(value, lang)}"
            for name, value in (("RPO", entry.rpo), ("RTO", entry.rto))
            if value is not None
        ]
        lines.append((entry_scope(agreement, entry, lang), _SEPARATOR.join(parts)))
    if len({text for _, text in lines}) == 1:
        return h(lines[0][1])
    colon = "：" if lang == "zh" else ": "
    return "<br>".join(h(f"{scope}{colon}{text}") for scope, text in lines)
