"""One line that says what a comparison of two versions changed, for a person scanning a
list of versions (the agreement page's history): the first few terms with their values and
direction, the duties as a count, the rest as a count.

`availability 99.9% → 99.95% (stricter on the provider); 2 duties changed; 3 more changes`

The changes are the comparison's own (`AgreementDiff.changes`, in the order every writer
shows them, flagged ones first), so this line never disagrees with the diff page it sums
up. Plain text: the writer escapes it for its format.
"""

from __future__ import annotations

from sitegen.compose.contract import Lang
from sitegen.diff.change import Change
from sitegen.diff.model import AgreementDiff
from sitegen.diff.words import report_word

NAMED = 2  # terms named with their values; the others are counted
_SHORT = 24  # characters: a longer value is left out, the term named alone
_ARROW = "→"
_DUTIES = "obligations."


def change_summary(diff: AgreementDiff, lang: Lang, named: int = NAMED) -> str:
    """What `diff` changed, in one line of `lang`; "" when it changed nothing."""
    duties = [c for c in diff.changes if c.path.startswith(_DUTIES)]
    terms = [c for c in diff.changes if not c.path.startswith(_DUTIES)]
    terms.sort(key=lambda c: (not c.attention, not c.material))  # flagged, material first
    parts = [_term(change, lang) for change in terms[:named]]
    if duties:
        one = len(duties) == 1
        parts.append(report_word("one_duty_changed" if one else "duties_changed", lang,
                                 n=len(duties)))  # fmt: skip
    rest = len(terms) - named
    if rest > 0:
        parts.append(report_word("one_more_change" if rest == 1 else "more_changes", lang, n=rest))
    if not parts:
        clauses = max((len(v) for v in diff.redlines.values()), default=0)
        if not clauses:
            return ""
        key = "one_clause_wording" if clauses == 1 else "wording_only"
        return report_word(key, lang, n=clauses)
    return ("；" if lang == "zh" else "; ").join(parts)


def _term(change: Change, lang: Lang) -> str:
    """availability 99.9% → 99.95% (stricter on the provider): the term, its values when
    both are short, its direction when it has one."""
    name = change.label.get(lang)
    before = change.before.get(lang) if change.before else "—"
    after = change.after.get(lang) if change.after else "—"
    text = name
    if max(len(before), len(after)) <= _SHORT and "\n" not in before + after:
        text = f"{name} {before} {_ARROW} {after}"
    if change.direction:
        word = report_word(change.direction, lang)
        text += f"，{word}" if lang == "zh" else f" ({word})"  # zh's word holds brackets
    return text
