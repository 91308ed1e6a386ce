"""The rule registry and the two entry points: one agreement, the whole catalogue."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sitegen.config import Settings
from sitegen.findings import Finding
from sitegen.load import Loaded
from sitegen.templates import TemplateIndex


@dataclass(frozen=True)
class LintContext:
    settings: Settings
    root: Path
    templates: TemplateIndex


def lint_agreement(loaded: Loaded, context: LintContext) -> list[Finding]:
    return []


def lint_catalogue(loaded: list[Loaded], context: LintContext) -> list[Finding]:
    return []
