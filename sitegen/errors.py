"""One family of errors, and the place each is about.

The stages raise these and nothing else on purpose; none of them knows click or the terminal.
The CLI is the one boundary that turns them into `Error: …` on stderr and an exit code (0 ok,
1 findings or failures, 2 usage or I/O): `sitegen.commands.boundary` makes them click errors,
`sitegen.cli.main` shows them. A kind carries its `exit_code`, and `reported` when its
findings are on the terminal already (`ValidationFailed`). The mkdocs plugin turns them into
mkdocs' `PluginError` the same way, so neither `sitegen build` nor a bare `mkdocs build`
shows a traceback for a problem the user can fix.

A place is a `Location(path, line, column)`, shown `path:line:col` as the findings are
(`sitegen.output`), never a string built by hand. The named kinds (`NotARepository`,
`NoCommit`, `GitFailed`, `ToolFailed`) build their own message from keyword arguments, so
each text is written once. Model: copier's `errors.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar


@dataclass(frozen=True)
class Location:
    """A place a person can open: a file, and the 1-based line and column when known."""

    path: Path | str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [str(self.path)]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


Where = Location | Path | str


class SitegenError(Exception):
    """Base of every error the package raises on purpose: shown as `Error: …`, exit 2."""

    exit_code: ClassVar[int] = 2
    reported: ClassVar[bool] = False  # True: the terminal shows it already; say nothing more

    def __init__(self, message: str, *, where: Where | None = None) -> None:
        self.where = where
        self.reason = message  # without the place
        self.message = f"{where}: {message}" if where is not None else message
        super().__init__(self.message)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as it is (documents render in worker processes): pickle's default calls
        the class with `args`, which a keyword-only constructor refuses."""
        return (_restored, (type(self), self.message), self.__dict__)


def _restored(kind: type[SitegenError], message: str) -> SitegenError:
    error = kind.__new__(kind)
    Exception.__init__(error, message)
    return error


class UserError(SitegenError):
    """Something the user can fix: bad input, a missing file, a file that cannot be written."""

    def __init__(self, message: str, *, path: Where | None = None) -> None:
        super().__init__(message, where=path)


class ValidationFailed(SitegenError):
    """Validation found errors; they and a summary have been printed already. Exits with 1."""

    exit_code = 1
    reported = True

    def __init__(self, *, errors: int, files: int) -> None:
        noun = "error" if errors == 1 else "errors"
        super().__init__(f"{errors} {noun} in {files} file{'s' if files != 1 else ''}")


class NotARepository(UserError):
    """The folder is not inside a git repository, whose history the command reads."""

    def __init__(self, *, path: Where) -> None:
        super().__init__("not inside a git repository", path=path)


class NoCommit(UserError):
    """The repository has no commit yet, and the command needs one."""

    def __init__(self, *, path: Where, needed_for: str) -> None:
        super().__init__(f"the repository has no commit yet: {needed_for}", path=path)


class GitFailed(UserError):
    """A git command failed: its own words, one line, and the repository it ran in."""

    def __init__(self, *, path: Where, command: str, detail: str) -> None:
        said = " ".join(detail.split()) or "no message"
        super().__init__(f"git {command} failed: {said}", path=path)


class ToolFailed(SitegenError):
    """typst or pandoc did not give what was asked of it."""

    def __init__(self, *, tool: str, message: str, where: Where | None = None) -> None:
        self.tool = tool
        super().__init__(f"{tool} {message}", where=where)
