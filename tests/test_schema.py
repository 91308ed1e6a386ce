"""The published JSON Schema is current and accepts what the loader accepts."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from sitegen.load.schema import known_keys, schema_text
from tests.helpers import REPO, SAMPLES

PUBLISHED = REPO / "sitegen" / "schema" / "agreement.schema.json"


def test_published_schema_is_current() -> None:
    assert PUBLISHED.read_text(encoding="utf-8") == schema_text(), "run `make schema`"


def test_schema_is_valid_draft07() -> None:
    jsonschema.Draft7Validator.check_schema(json.loads(schema_text()))


@pytest.mark.parametrize(
    "path", sorted(SAMPLES.glob("*/agreement.yaml")), ids=lambda p: p.parent.name
)
def test_samples_match_the_published_schema(path: Path) -> None:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    data = json.loads(json.dumps(data, default=str))  # dates as editors see them: strings
    jsonschema.Draft7Validator(json.loads(schema_text())).validate(data)


def test_samples_point_editors_at_the_published_schema() -> None:
    for path in SAMPLES.glob("*/agreement.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../sitegen/schema/agreement.schema.json"
        assert (path.parent / "../../sitegen/schema/agreement.schema.json").resolve() == PUBLISHED


def test_known_keys_follow_lists_and_optionals() -> None:
    assert "cadence" in known_keys(("review",))
    assert known_keys(("slos", "priorities", 0))[:2] == ["level", "name"]
    assert "objection_days" in known_keys(("term", "auto_renew"))
    assert known_keys(("nowhere",)) == []
