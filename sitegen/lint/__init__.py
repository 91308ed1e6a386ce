"""Rules the schema cannot say. Each rule has a code, a severity and a fix in its message."""

from __future__ import annotations

from sitegen.lint.registry import LintContext, lint_agreement, lint_catalogue

__all__ = ["LintContext", "lint_agreement", "lint_catalogue"]
