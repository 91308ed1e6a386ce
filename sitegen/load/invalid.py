"""pydantic's first error as our message, written once: the settings (`sitegen.toml`), the
template manifest and the signed-version manifest all report a model that did not validate
as `field.path: pydantic's message` (just the message when the whole document is wrong, where
the field path is empty: the settings and template manifest wrote `: message` then).

Only the first: these files are small and hand-written, and the next error is usually the
same mistake again; an agreement's schema errors are findings instead, every one
(`sitegen.load._schema_finding`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError


@dataclass(frozen=True)
class Invalid:
    """The first thing pydantic found wrong: where (its field path) and what."""

    loc: tuple[str | int, ...]
    message: str  # `field.path: message`, or the message alone at the top


def first_invalid(error: ValidationError) -> Invalid:
    first = error.errors()[0]
    loc = tuple(first["loc"])
    field = ".".join(str(part) for part in loc)
    return Invalid(loc, f"{field}: {first['msg']}" if field else first["msg"])
