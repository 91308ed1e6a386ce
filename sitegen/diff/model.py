"""What a comparison of two versions of one agreement holds, for every writer."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitegen.compose.contract import Lang
from sitegen.diff.fields import Change
from sitegen.diff.redline import ClauseRedline


@dataclass(frozen=True, slots=True)
class Side:
    """One end of the comparison, as a reader needs to name it."""

    label: str  # SLA-2024-001@v1, SLA-2024-001@origin/main, SLA-2024-001 (working tree)
    version: int | None = None
    status: str = ""
    effective: str = ""  # ISO date
    signed: str = ""
    template: str = ""
    changed_by: str = ""  # the last commit's author name, when known from git
    changed_at: str = ""  # ISO date of that commit
    restricted: bool = False  # visibility: restricted


@dataclass(frozen=True)
class AgreementDiff:
    agreement_id: str
    title: str  # bilingual title, "中文 / English"
    old: Side | None  # None: the agreement was added
    new: Side | None  # None: the agreement was removed
    changes: tuple[Change, ...] = ()
    redlines: dict[Lang, tuple[ClauseRedline, ...]] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return "added" if self.old is None else "removed" if self.new is None else "changed"

    @property
    def attention(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.attention)

    @property
    def material(self) -> int:
        return sum(1 for c in self.changes if c.material)

    @property
    def restricted(self) -> bool:
        """Either version is `visibility: restricted`."""
        return any(side is not None and side.restricted for side in (self.old, self.new))

    @property
    def differs(self) -> bool:
        return self.kind != "changed" or bool(self.changes) or any(self.redlines.values())
