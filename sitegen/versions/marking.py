"""The round-trip edit that marks a version as archived: signed, or accepted.

A negotiated agreement is marked `status: signed` with its signing date; a provider's
published one `status: accepted` (nobody signs it: its date is the provider's "last
updated"). Both pin the template version. Comments, key order, quoting and layout stay as
they were, and an edit that would change any other line is refused.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
from collections.abc import Callable

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from sitegen.errors import UserError

# Layouts ruamel.yaml can write back (mapping indent, sequence indent, dash offset); the
# first that reproduces the file unchanged is used, so only the edited lines change.
_LAYOUTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 4, 0))
_EDITED = re.compile(r"^\s*(status|signed|template):")


def mark_signed(text: str, date: dt.date, template: str, refuse: Callable[[str], UserError]) -> str:
    """The agreement text with status signed, the signing date and the pinned template.

    The text has passed the hardened loader already (no foreign tags, no alias bombs).
    """
    return _marked(text, "signed", template, date, refuse)


def mark_accepted(text: str, template: str, refuse: Callable[[str], UserError]) -> str:
    """A published agreement's text with status accepted and the pinned template."""
    return _marked(text, "accepted", template, None, refuse)


def _marked(
    text: str,
    status: str,
    template: str,
    date: dt.date | None,
    refuse: Callable[[str], UserError],
) -> str:
    yaml = _round_trip_yaml(text)
    if yaml is None:
        raise refuse(
            "agreement.yaml's layout cannot be kept when it is edited: indent mappings by 2 "
            "and lists by 4 with the dash at 2, as the samples do"
        )
    data = yaml.load(text)
    data["status"] = status
    data["template"] = template
    if date is not None:
        dates = data["dates"]
        assert isinstance(dates, CommentedMap)
        if "signed" in dates:
            dates["signed"] = date
        else:
            dates.insert(0, "signed", date)
    edited = _dump(yaml, data)
    _require_only_edited_lines(text, edited, status, refuse)
    return edited


def _round_trip_yaml(text: str) -> YAML | None:
    for mapping, sequence, offset in _LAYOUTS:
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = 4096
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        if _dump(yaml, yaml.load(text)) == text:
            return yaml
    return None


def _dump(yaml: YAML, data: object) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _require_only_edited_lines(
    before: str, after: str, status: str, refuse: Callable[[str], UserError]
) -> None:
    diff = difflib.ndiff(before.splitlines(), after.splitlines())
    changed = [line[2:] for line in diff if line[:2] in ("- ", "+ ")]
    stray = [line for line in changed if not _EDITED.match(line)]
    if stray:
        raise refuse(f"marking it {status} would also change the line {stray[0].strip()!r}")
