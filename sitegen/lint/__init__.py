"""Rules the schema cannot say. Each rule has a code, a severity and a fix in its message.

Importing the rule modules registers their rules (see `registry`); `RULES` lists them all.
"""

from __future__ import annotations

from sitegen.lint import (  # noqa: F401  (imported to register their rules)
    bilingual,
    calendar,
    catalogue,
    continuity,
    credits,
    data_terms,
    dates,
    identifiers,
    identity,
    levels,
    matrix,
    personal,
    wording,
)
from sitegen.lint.registry import RULES, LintContext, Rule, lint_agreement, lint_catalogue

__all__ = ["RULES", "LintContext", "Rule", "lint_agreement", "lint_catalogue"]
