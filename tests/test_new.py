"""`sitegen new`: the skeleton it writes validates; every refusal says why and writes nothing."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result
from ruamel.yaml import YAML
from stdnum.cn import uscc

from sitegen.cli import cli
from sitegen.compose.skeleton import fill, skeleton_text
from sitegen.load import load_agreement
from sitegen.load.model import Agreement
from sitegen.load.schema import schema_text
from tests.helpers import build_file_tree

FILLED = "fill in the parts marked 待填写 / to be completed"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file and folder under root, with the files' bytes."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes() if path.is_file() else None
        for path in sorted(root.rglob("*"))
    }


def written(root: Path, agreement_id: str, folder: str = "agreements") -> Agreement:
    loaded = load_agreement(root / folder / agreement_id / "agreement.yaml")
    assert loaded.agreement is not None, loaded.findings
    return loaded.agreement


def test_new_writes_a_skeleton_that_validates(project: Path) -> None:
    result = run("new", "SLA-2026-010")

    path = project.resolve() / "agreements" / "SLA-2026-010" / "agreement.yaml"
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {path}: {FILLED}\n"
    checked = run("validate", "agreements/SLA-2026-010")
    assert checked.exit_code == 0, checked.output
    assert checked.stderr.startswith("1 file checked: 0 errors, ")
    assert all("[warning]" in line for line in checked.stdout.splitlines())
    assert run("validate").exit_code == 0


def test_the_placeholders_are_reported(project: Path) -> None:
    run("new", "SLA-2026-010")

    strict = run("validate", "--strict", "agreements/SLA-2026-010")

    assert strict.exit_code == 1
    assert "待填写" in strict.stdout
    assert "to be completed" in strict.stdout


def test_the_skeleton_covers_every_section(project: Path) -> None:
    run("new", "SLA-2026-010")

    agreement = written(project, "SLA-2026-010")
    assert agreement.id == "SLA-2026-010"
    assert agreement.status == "draft"
    assert agreement.template == "it-service-sla@3"  # the newest version
    assert agreement.dates.effective == dt.date.today()
    assert agreement.dates.signed is None
    assert agreement.omit_sections == []
    assert agreement.fees is not None and agreement.credits is not None
    assert agreement.slos.availability is not None
    assert [clause.at for clause in agreement.clauses] == ["definitions"]
    assert agreement.review.records == []


def test_editors_accept_the_skeleton(project: Path) -> None:
    run("new", "SLA-2026-010")

    path = project / "agreements" / "SLA-2026-010" / "agreement.yaml"
    data = json.loads(json.dumps(YAML(typ="safe").load(path.read_text("utf-8")), default=str))
    jsonschema.Draft7Validator(json.loads(schema_text())).validate(data)


def test_the_placeholder_codes_have_valid_check_characters(project: Path) -> None:
    run("new", "SLA-2026-010")

    parties = written(project, "SLA-2026-010").parties
    assert uscc.is_valid(parties.customer.uscc)
    assert uscc.is_valid(parties.provider.uscc)
    assert parties.customer.uscc != parties.provider.uscc


def test_a_pinned_template_is_kept(project: Path) -> None:
    result = run("new", "OLA-2026-001", "--template", "it-service-sla@1")

    assert result.exit_code == 0, result.output
    assert written(project, "OLA-2026-001").template == "it-service-sla@1"


_ID_RULE = (
    "is not an agreement ID: write 2 to 10 capital letters, a 4-digit year and a 3- to 6-digit "
    "number, joined by hyphens, e.g. SLA-2025-001"
)
_TEMPLATES = "use one of it-service-sla@1, it-service-sla@2, it-service-sla@3"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sla-2026-001"], f"'sla-2026-001' {_ID_RULE}"),
        (["SLA-26-001"], f"'SLA-26-001' {_ID_RULE}"),
        (["SLA-2026-01"], f"'SLA-2026-01' {_ID_RULE}"),
        (["SLA-2026-001\n"], f"'SLA-2026-001\\n' {_ID_RULE}"),
        (["../SLA-2026-001"], f"'../SLA-2026-001' {_ID_RULE}"),
        (["ＳＬＡ-2026-001"], f"'ＳＬＡ-2026-001' {_ID_RULE}"),
        (
            ["ABC-2026-001"],
            "the prefix ABC is not one of the project's ID prefixes (SLA, OLA): use one of "
            "them, or add it to id_prefixes in sitegen.toml",
        ),
        (
            ["SLA-2024-001"],
            "agreements/SLA-2024-001: already exists, and an existing agreement is never "
            "overwritten: choose another ID",
        ),
        (
            ["SLA-2026-010", "--template", "no-such-template"],
            f"there is no template 'no-such-template' under templates/: {_TEMPLATES}",
        ),
        (
            ["SLA-2026-010", "--template", "it-service-sla@4"],
            f"there is no template 'it-service-sla@4' under templates/: {_TEMPLATES}",
        ),
        (
            ["SLA-2026-010", "--template", "../templates/it-service-sla"],
            f"there is no template '../templates/it-service-sla' under templates/: {_TEMPLATES}",
        ),
    ],
)
def test_refusals_say_why_and_write_nothing(project: Path, args: list[str], message: str) -> None:
    before = snapshot(project)

    result = run("new", *args)

    assert result.exit_code == 2
    assert result.stderr == f"Error: {message}\n"
    assert result.stdout == ""
    assert snapshot(project) == before


def test_an_existing_empty_folder_is_not_reused(project: Path) -> None:
    (project / "agreements" / "SLA-2026-011").mkdir()
    before = snapshot(project)

    result = run("new", "SLA-2026-011")

    assert result.exit_code == 2
    assert result.stderr == (
        "Error: agreements/SLA-2026-011: already exists, and an existing agreement is never "
        "overwritten: choose another ID\n"
    )
    assert snapshot(project) == before


def test_without_templates_the_refusal_says_how_to_add_one(project: Path) -> None:
    shutil.rmtree(project / "templates")
    before = snapshot(project)

    result = run("new", "SLA-2026-010")

    assert result.exit_code == 2
    assert result.stderr == (
        "Error: there is no template 'it-service-sla' under templates/, and that folder holds "
        "no templates: add one as templates/<name>/v1/template.yaml\n"
    )
    assert snapshot(project) == before


def test_the_project_settings_are_followed(project: Path) -> None:
    (project / "templates").rename(project / "contract-templates")
    shutil.rmtree(project / "agreements")
    build_file_tree(
        project,
        {
            "sitegen.toml": 'id_prefixes = ["SVC"]\n'
            'agreements_dir = "contracts"\n'
            'templates_dir = "contract-templates"\n'
        },
    )

    refused = run("new", "SLA-2026-001")
    result = run("new", "SVC-2026-001")

    assert refused.stderr == (
        "Error: the prefix SLA is not one of the project's ID prefixes (SVC): use one of "
        "them, or add it to id_prefixes in sitegen.toml\n"
    )
    assert result.exit_code == 0, result.output
    assert written(project, "SVC-2026-001", folder="contracts").id == "SVC-2026-001"
    assert run("validate").exit_code == 0


def test_the_data_file_holds_exactly_the_values_filled_in() -> None:
    values = {"AGREEMENT_ID": "", "TEMPLATE": "", "EFFECTIVE_DATE": "", "SECTIONS": ""}

    filled = fill(skeleton_text(), values)

    assert "__" not in filled
    for name in values:
        assert f"__{name}__" in skeleton_text()


def test_fill_reads_each_value_once_and_refuses_unknown_names() -> None:
    assert fill("id: __A__", {"A": "__B__", "B": "x"}) == "id: __B__"
    with pytest.raises(ValueError, match=r"skeleton\.yaml has no value for B"):
        fill("__A__ __B__", {"A": "x"})


def test_the_commented_continuity_data_and_remedies_examples_validate(project: Path) -> None:
    """The skeleton shows the continuity, data and remedies terms as comments (a term not
    agreed is not stated); uncommented as they stand, they are a valid agreement's."""
    run("new", "SLA-2026-010")
    path = project / "agreements" / "SLA-2026-010" / "agreement.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("# continuity:")
    end = lines.index("#   confidentiality_years: 3")
    remedies = lines.index(
        "# remedies: {credits_sole_remedy: true, sole_remedy_except: [data_breach],"
    )
    for number in [*range(start, end + 1), remedies, remedies + 1]:
        lines[number] = lines[number][2:]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    checked = run("validate", "agreements/SLA-2026-010")
    assert checked.exit_code == 0, checked.output
    agreement = written(project, "SLA-2026-010")
    assert agreement.continuity and str(agreement.continuity[0].rto) == "4h"
    assert agreement.data and agreement.data.breach_notice
    assert agreement.remedies and agreement.remedies.termination
