"""How generation reports progress: a stage at a time, and one step per rendered document.

The default reports nothing; `sitegen build` passes one that draws on the terminal."""

from __future__ import annotations


class Progress:
    def stage(self, message: str) -> None:
        """A new stage begins (`preparing 4 agreements`)."""

    def begin(self, label: str, total: int) -> None:
        """`total` steps of `label` follow."""

    def step(self, item: str) -> None:
        """One step done (`SLA-2024-001`)."""

    def end(self) -> None:
        """The steps announced by `begin` are done."""
