"""Control characters never reach a terminal or a workflow log raw (`sitegen.terminal`).

The loader refuses control characters in an agreement file (SG109), so what can still
carry them to an output is a file's name, a command-line argument, and, should a
character ever get past the loader, a value: each of ten control characters, followed by
a forged `::warning::` command and a forged finding line, is tried through every
human-readable output. `validate` (text and github) runs for real on files so named;
`diff` (text, md, json) and `renewals` (text, json) run in-process with the loader's
character checks switched off, the defence behind the first. No output may hold one of
the characters raw, nor a line that a GitHub runner would read as a command (it skips
leading whitespace) other than sitegen's own annotations.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from sitegen.cli import cli
from sitegen.terminal import safe, safe_lines, style
from sitegen.versions.archive_files import Entry, Manifest, render_manifest, sha256_hex
from tests.gitrepo import SAMPLE_PATH, GitRepo, isolate_git, templates_tree, unsigned_sample
from tests.helpers import replace_once, sample_text

CONTROLS = {
    "ESC": "\x1b",
    "BEL": "\x07",
    "CR": "\r",
    "LF": "\n",
    "NUL": "\x00",
    "DEL": "\x7f",
    "NEL": "\x85",
    "CSI": "\x9b",
    "LS": "\u2028",
    "PS": "\u2029",
}
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
OWN_ANNOTATION = re.compile(r"::(error|warning|notice) file=[^:,]*,line=\d+,col=\d+,title=[^:]*::")
FINDING = "agreements/x.yaml:1:1: SG000 forged"
SITEGEN = Path(sys.executable).parent / "sitegen"


def yaml_escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def forged(name: str, char: str) -> str:
    """A YAML double-quoted payload: the character, a forged command, a forged finding."""
    e = yaml_escape(char)
    return f"{name}{e}::warning::forged{e}{FINDING}{e}[2J{e}"


def hostile_agreement() -> str:
    """Title, a scope item and P1's name carry every payload, in both languages (so the
    numbers in them agree); signed, so its deadlines are due."""
    text = sample_text()
    all_ = " ".join(forged(name, char) for name, char in CONTROLS.items())
    for old, new in (
        ("  zh: 核心业务系统运维服务水平协议", f'  zh: "核心 {all_}"'),
        (
            "  en: Service Level Agreement for the Operation of Core Business Systems",
            f'  en: "Service Level Agreement {all_}"',
        ),
        ("      zh: 核心业务系统 7×24 小时监控", f'      zh: "7×24 小时监控 {all_}"'),
        (
            "      en: 7×24 monitoring of the core business systems",
            f'      en: "7×24 monitoring {all_}"',
        ),
        (
            "name: {zh: 严重故障, en: Critical}",
            f'name: {{zh: "严重故障 {all_}", en: "Critical {all_}"}}',
        ),
    ):
        text = replace_once(text, old, new)
    return text


def hostile_keys() -> str:
    keys = "".join(f'"{forged(name, char)}": 1\n' for name, char in CONTROLS.items())
    return unsigned_sample() + keys


# The line of the key forged with ESC, the first control a finding names: after the sample.
ESC_LINE = len(unsigned_sample().splitlines()) + list(CONTROLS).index("ESC") + 1


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """The sample committed on main; the working tree's copy is hostile."""
    isolate_git(monkeypatch)
    repo = GitRepo.create(tmp_path / "repo", {**templates_tree(), SAMPLE_PATH: unsigned_sample()})
    repo.write({SAMPLE_PATH: hostile_agreement(), "hostile-keys.yaml": hostile_keys()})
    return repo


def check_streams(*streams: str) -> None:
    for stream in streams:
        assert not RAW.findall(stream), RAW.findall(stream)
        for line in stream.split("\n"):
            assert not line.lstrip().startswith("::") or OWN_ANNOTATION.match(line), line


def sitegen(repo: GitRepo, *args: str) -> tuple[int, str, str]:
    done = subprocess.run(
        [str(SITEGEN), *args], cwd=repo.root, capture_output=True, env=os.environ.copy()
    )
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    check_streams(out, err)
    return done.returncode, out, err


@pytest.fixture
def unguarded(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """The loader's character checks (SG109, SG110) switched off in this process, as if a
    control character had got past them: the writers must still escape it."""
    monkeypatch.setattr("sitegen.load.places", lambda text: iter(()))
    monkeypatch.setattr("sitegen.load.yamltree.hidden", lambda text, **_: iter(()))
    monkeypatch.setattr("sitegen.load.undrawable", lambda document: iter(()))
    monkeypatch.chdir(repo.root)
    return repo


@pytest.fixture
def in_force(unguarded: GitRepo) -> GitRepo:
    """The same, its hostile agreement signed: the archive holds it as v1, so it is in force
    and has deadlines (the file's `status: signed` alone no longer makes it so)."""
    files = {"v1.yaml": (unguarded.root / SAMPLE_PATH).read_bytes(), "v1.pdf": b"%PDF stand-in"}
    entry = Entry(
        version=1,
        date=dt.date(2024, 3, 15),
        template="it-service-sla@1",
        files={name: sha256_hex(data) for name, data in files.items()},
    )
    manifest = Manifest(agreement="SLA-2024-001", signed=[entry])
    files["manifest.yaml"] = render_manifest(manifest).encode("utf-8")
    signed = SAMPLE_PATH.replace("agreement.yaml", "signed")
    unguarded.write({f"{signed}/{name}": data for name, data in files.items()})
    return unguarded


def sitegen_here(*args: str) -> tuple[int, str, str]:
    """`sitegen ARGS` in this process (see `unguarded`)."""
    result = CliRunner().invoke(cli, list(args))
    check_streams(result.stdout, result.stderr)
    return result.exit_code, result.stdout, result.stderr


def hostile_name(repo: GitRepo) -> str:
    """hostile-keys.yaml again, under a name that carries every control character a file
    name can (all but NUL), each followed by a forged workflow command."""
    name = "".join(f"{n}{c}::warning::f{c}" for n, c in CONTROLS.items() if c != "\x00")
    (repo.root / f"{name}.yaml").write_bytes((repo.root / "hostile-keys.yaml").read_bytes())
    return f"{name}.yaml"


def test_validate_refuses_control_characters_in_keys(repo: GitRepo) -> None:
    code, out, err = sitegen(repo, "validate", "hostile-keys.yaml")
    lines = out.splitlines()
    assert code == 1
    assert lines[0] == (
        f"hostile-keys.yaml:{ESC_LINE}:5: SG109 U+001B <control> is a control character: remove it"
    )
    assert {line.split(": ", 1)[1].split()[0] for line in lines} == {"SG109"}
    assert err == f"1 file checked: {len(lines)} errors, 0 warnings\n"


def test_validate_text_escapes_file_names(repo: GitRepo) -> None:
    name = hostile_name(repo)
    code, out, _ = sitegen(repo, "validate", name)
    assert code == 1
    assert out.splitlines()[0] == (
        f"{safe(name)}:{ESC_LINE}:5: SG109 U+001B <control> is a control character: remove it"
    )
    assert out.startswith("ESC\\x1b::warning::f\\x1bBEL\\x07::warning::f\\x07CR\\x0d::")


def test_validate_github_annotations_are_one_command_each(repo: GitRepo) -> None:
    name = hostile_name(repo)
    code, out, _ = sitegen(repo, "validate", "--format", "github", name)
    lines = out.splitlines()
    assert code == 1
    assert all(OWN_ANNOTATION.match(line) for line in lines)
    assert lines[0].startswith(
        "::error file=ESC\\x1b%3A%3Awarning%3A%3Af\\x1bBEL\\x07%3A%3Awarning%3A%3Af\\x07CR%0D"
    )
    assert "LF%0A%3A%3Awarning%3A%3Af%0A" in lines[0]


def test_diff_and_renewals_refuse_a_hostile_agreement(repo: GitRepo) -> None:
    first = "agreements/SLA-2024-001/agreement.yaml:9:14: SG109 U+001B <control> is a control"
    code, out, err = sitegen(repo, "diff", "--base", "main")
    assert (code, out) == (2, "")
    assert err.startswith("Error: SLA-2024-001 (working tree) cannot be compared: /")
    assert err.endswith(f"/{first} character: remove it\n")
    code, out, err = sitegen(repo, "renewals", "--today", "2025-02-15")
    assert (code, out) == (1, "")
    assert err.startswith(f"{first} character: remove it\n")


def test_diff_text_escapes_values_and_redlines(unguarded: GitRepo) -> None:
    code, out, err = sitegen_here("diff", "--base", "main")
    assert (code, err) == (0, "")
    assert "核心 ESC\\x1b::warning::forged\\x1bagreements/x.yaml" in out
    assert " LF\\x0a::warning::forged\\x0aagreements/x.yaml" in out
    assert " NEL\\x85::warning::forged\\x85" in out and " PS\\u2029::warning" in out


def test_diff_md_has_no_control_characters(unguarded: GitRepo) -> None:
    code, out, err = sitegen_here("diff", "--base", "main", "--format", "md")
    assert (code, err) == (0, "")
    assert out.startswith("### SLA changes: 1 agreement differs")


def test_renewals_text_escapes_titles(in_force: GitRepo) -> None:
    code, out, err = sitegen_here("renewals", "--today", "2025-02-15")
    assert code == 0, err
    payloads = " ".join(
        f"{n}{c}::warning::forged{c}{FINDING}{c}[2J{c}" for n, c in CONTROLS.items()
    )
    assert out.splitlines()[0].endswith(
        f"  {safe('核心 ' + payloads)} / {safe('Service Level Agreement ' + payloads)}"
    )
    assert "核心 ESC\\x1b::warning::forged\\x1bagreements/x.yaml:1:1: SG000 forged" in out


@pytest.mark.parametrize(("name", "char"), CONTROLS.items())
def test_safe_escapes_each_control_character(name: str, char: str) -> None:
    assert safe(f"{name}{char}x") == f"{name}{yaml_escape(char)}x"


def test_safe_never_starts_a_workflow_command() -> None:
    assert safe("::warning::x") == "\\x3a:warning::x"
    assert safe("\u3000 ::error::x") == "\u3000 \\x3a:error::x"
    assert safe("a ::warning::x") == "a ::warning::x"
    assert safe_lines("one\n  ::add-mask::x\nthree") == "one\n  \\x3a:add-mask::x\nthree"


def test_error_messages_are_escaped_at_the_cli_boundary(repo: GitRepo) -> None:
    code, out, err = sitegen(repo, "validate", "a\x07b\rc\x9b2J.yaml")
    assert (code, out) == (2, "")
    assert err == "Error: a\\x07b\\x0dc\\x9b2J.yaml: no such file or folder\n"


@pytest.mark.parametrize(
    "args",
    [
        ("diff", "--base", "main", "--format", "json"),
        ("renewals", "--today", "2025-02-15", "--format", "json"),
    ],
)
def test_json_outputs_escape_what_json_leaves_raw(in_force: GitRepo, args: tuple[str, ...]) -> None:
    """JSON escapes C0 itself; DEL, C1 and U+2028/2029 become \\u escapes, same document."""
    _, out, _ = sitegen_here(*args)
    document = json.dumps(json.loads(out), ensure_ascii=False)
    assert "\u009b::warning" in document and "\u2028::warning" in document
    assert "\\u009b::warning" in out and "\\u2028::warning" in out


@pytest.mark.parametrize(
    "how", [{"bold": True}, {"fg": "red", "bold": True}, {"fg": "red"}, {"fg": "green"}]
)
def test_style_writes_what_click_style_writes(how: dict[str, object]) -> None:
    """The diff's colours, written without click (the stages do not import it), byte for byte
    as before, so `click.echo` still strips them when not on a terminal."""
    assert style("[-a-]", **how) == click.style("[-a-]", **how)  # type: ignore[arg-type]
