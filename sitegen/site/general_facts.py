"""The agreement's general terms as facts of its page's summary card: the language
arrangement, the master agreement, the liability cap, governing law and disputes.

Each is a fact only when the agreement holds it, in the words the contract uses for it
(`sitegen.compose.general`), so the card and the contract cannot say different things.
Values are plain text; the card escapes them.
"""

from __future__ import annotations

from sitegen.compose import fmt
from sitegen.compose.contract import Lang
from sitegen.compose.general import general_view
from sitegen.compose.vocabulary import LANGUAGE_NAMES
from sitegen.load.model import Agreement, Languages
from sitegen.site.words import label


def general_facts(agreement: Agreement, lang: Lang) -> list[tuple[str, str]]:
    """(label key, text) for each general term the agreement holds, in contract order."""
    view = general_view(agreement, lang)
    facts: list[tuple[str, str]] = []
    if agreement.languages is not None:
        facts.append(("languages", _languages(agreement.languages, lang)))
    master = agreement.master_agreement
    if master is not None:
        which = label("master_prevails" if master.prevails == "master" else "this_prevails", lang)
        facts.append(
            (
                "master_agreement",
                f"{master.title.get(lang)} ({fmt.date(master.date, lang)}); {which}",
            )
        )
    liability = view["liability"]
    cap = agreement.liability_cap
    if cap is not None and isinstance(liability, dict):
        facts.append(("liability_cap", f"{label(f'cap_{cap.party}', lang)}: {liability['limit']}"))
    if agreement.governing_law is not None:
        facts.append(("governing_law", agreement.governing_law.get(lang)))
    disputes = view["disputes"]
    if isinstance(disputes, dict):
        kind = label(f"disputes_{disputes['kind']}", lang)
        facts.append(("disputes", f"{kind}: {disputes['name']}, {disputes['seat']}"))
    return facts


def _languages(arrangement: Languages, lang: Lang) -> str:
    names = [LANGUAGE_NAMES(code, lang) for code in arrangement.authentic]
    if arrangement.translation is not None:
        return label("original_only", lang, original=names[0],
                     translation=LANGUAGE_NAMES(arrangement.translation, lang))  # fmt: skip
    if arrangement.prevails is None:
        return label("equally_authentic", lang)
    return label("prevails", lang, language=LANGUAGE_NAMES(arrangement.prevails, lang))
