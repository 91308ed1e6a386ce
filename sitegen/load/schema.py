"""The agreement's JSON Schema, as editors' YAML support reads it (draft-07)."""

from __future__ import annotations

import json
import types
import typing
from typing import Any

from pydantic import BaseModel

from sitegen.load.kinds import FORBIDS, NEEDS, STATUSES
from sitegen.load.model import Agreement

SCHEMA_ID = "https://sitegen.invalid/schema/agreement.schema.json"


def json_schema() -> dict[str, Any]:
    """Draft-07: definitions under `definitions`, no 2020-12-only keywords."""
    schema = Agreement.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        **schema,
        **_kind_rules(),
        "definitions": definitions,
    }


def _kind_rules() -> dict[str, Any]:
    """What the loader checks after the schema (`sitegen.load.kinds`), said to editors too:
    if kind is published, these keys and statuses; else (negotiated, the default) those."""

    def rules(kind: str) -> dict[str, Any]:
        properties: dict[str, Any] = {"status": {"enum": list(STATUSES[kind])}}
        top = [field[0] for field, _ in FORBIDS[kind] if len(field) == 1]
        for field, _ in FORBIDS[kind]:
            if len(field) == 2:
                properties[str(field[0])] = {"not": {"required": [field[1]]}}
        return {
            "required": [field[0] for field in NEEDS[kind]],
            "properties": properties,
            "not": {"anyOf": [{"required": [key]} for key in top]},
        }

    published = {"properties": {"kind": {"const": "published"}}, "required": ["kind"]}
    return {"if": published, "then": rules("published"), "else": rules("negotiated")}


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def known_keys(path: tuple[Any, ...]) -> list[str]:
    """The keys a mapping at `path` may hold (for "did you mean" hints)."""
    model: Any = Agreement
    for part in path:
        if isinstance(part, int):
            continue
        found = _model_of(model)
        fields = _by_key(found) if found else {}
        if part not in fields:
            if part in _UNION_TAGS:  # pydantic names the member of a tagged union it tried
                continue
            return []
        model = fields[part].annotation
    found = _model_of(model)
    return list(_by_key(found)) if found else []


# The tags of the model's discriminated unions (`service_hours`, `slos.availability`).
_UNION_TAGS = frozenset({"always", "schedule", "one", "several"})


def _by_key(model: type[BaseModel]) -> dict[str, Any]:
    """The fields of a model by the key written in the file (`from` for `anchor`)."""
    return {field.alias or name: field for name, field in model.model_fields.items()}


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model inside `X`, `X | None`, `list[X]` or `Annotated[X, …]`, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for argument in typing.get_args(annotation):
            found = _model_of(argument)
            if found:
                return found
    return None
