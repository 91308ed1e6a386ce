"""One family of errors. Each names the place it is about."""

from __future__ import annotations

from pathlib import Path

import click


class SitegenError(Exception):
    """Base of every error the package raises on purpose."""


class UserError(SitegenError, click.ClickException):
    """Something the user can fix: bad input, a missing file. Exits with 2, no traceback."""

    exit_code = 2

    def __init__(self, message: str, *, path: Path | str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path is not None else message)


class ValidationFailed(SitegenError, click.ClickException):
    """Validation found errors; they and a summary have been printed already. Exits with 1."""

    exit_code = 1

    def __init__(self, *, errors: int, files: int) -> None:
        noun = "error" if errors == 1 else "errors"
        super().__init__(f"{errors} {noun} in {files} file{'s' if files != 1 else ''}")

    def show(self, file: object = None) -> None:
        """Nothing more to say: the findings and the summary are on the terminal."""
