"""The catalogue: rows, states, renewal deadlines, the ICS calendar and the JSON export.

Every output is a pure function of the agreements and a day (`today`, never the clock), and
leaves out `visibility: restricted` agreements unless `include_restricted` is set.

- `standing`: where one agreement stands on a day (state, current term, deadlines);
  `standing_of`: the same for its version in force (`sitegen.versions.in_force.Versions`).
- `rows`: `Row` and `catalogue_rows`, one catalogue line per agreement.
- `due`: `Due` and `renewals`, what falls due soon or is overdue.
- `obligations`: what an agreement's records and reviews oblige (`Kept`, `read_kept`):
  reports due, improvement actions, credit claim windows, revisions triggered.
- `ics`: `to_ics`, the calendar of deadlines and obligations (RFC 5545).
- `records`: `to_json` and `CATALOGUE_JSON_FIELDS`, the documented JSON export.
"""

from __future__ import annotations

from sitegen.catalogue.due import Due, Kind, due_records, renewals
from sitegen.catalogue.ics import to_ics
from sitegen.catalogue.obligations import Kept, read_kept
from sitegen.catalogue.records import CATALOGUE_JSON_FIELDS, JsonField, to_json
from sitegen.catalogue.rows import ROW_FIELDS, Row, catalogue_rows
from sitegen.catalogue.standing import (
    RENEWAL_WINDOW_DAYS,
    STATES,
    Standing,
    State,
    standing,
    standing_of,
)

__all__ = [
    "CATALOGUE_JSON_FIELDS",
    "RENEWAL_WINDOW_DAYS",
    "ROW_FIELDS",
    "STATES",
    "Due",
    "JsonField",
    "Kept",
    "Kind",
    "Row",
    "Standing",
    "State",
    "catalogue_rows",
    "due_records",
    "read_kept",
    "renewals",
    "standing",
    "standing_of",
    "to_ics",
    "to_json",
]
