"""Control characters in keys and texts never reach a terminal or a workflow log raw
(`sitegen.terminal`).

Every human-readable output is run for real (the `sitegen` command in a git repository):
`validate` (text and github), `diff` (text and md) and `renewals`, on an agreement whose
texts, and a file whose keys, carry each of ten control characters followed by a forged
`::warning::` command and a forged finding line. No output may hold one of the characters
raw, nor a line that a GitHub runner would read as a command (it skips leading whitespace)
other than sitegen's own annotations.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.terminal import safe, safe_lines
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


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """The sample committed on main; the working tree's copy is hostile."""
    isolate_git(monkeypatch)
    repo = GitRepo.create(tmp_path / "repo", {**templates_tree(), SAMPLE_PATH: unsigned_sample()})
    repo.write({SAMPLE_PATH: hostile_agreement(), "hostile-keys.yaml": hostile_keys()})
    return repo


def sitegen(repo: GitRepo, *args: str) -> tuple[int, str, str]:
    done = subprocess.run(
        [str(SITEGEN), *args], cwd=repo.root, capture_output=True, env=os.environ.copy()
    )
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    for stream in (out, err):
        assert not RAW.findall(stream), RAW.findall(stream)
        for line in stream.split("\n"):
            assert not line.lstrip().startswith("::") or OWN_ANNOTATION.match(line), line
    return done.returncode, out, err


def test_validate_text_escapes_keys_and_texts(repo: GitRepo) -> None:
    code, out, err = sitegen(repo, "validate", "hostile-keys.yaml")
    lines = out.splitlines()
    assert code == 1
    assert len(lines) == len(CONTROLS)
    assert lines[0] == (
        f"hostile-keys.yaml:181:1: SG202 ESC\\x1b::warning::forged\\x1b{FINDING}\\x1b[2J\\x1b: "
        f"unknown key 'ESC\\x1b::warning::forged\\x1b{FINDING}\\x1b[2J\\x1b'"
    )
    assert lines[3].startswith("hostile-keys.yaml:184:1: SG202 LF\\x0a::warning::forged\\x0a")
    assert err == "1 file checked: 10 errors, 0 warnings\n"


def test_validate_github_annotations_are_one_command_each(repo: GitRepo) -> None:
    code, out, _ = sitegen(repo, "validate", "--format", "github", "hostile-keys.yaml")
    lines = out.splitlines()
    assert code == 1
    assert len(lines) == len(CONTROLS)
    assert all(OWN_ANNOTATION.match(line) for line in lines)
    assert lines[3] == (
        "::error file=hostile-keys.yaml,line=184,col=1,title=SG202 LF%0A%3A%3Awarning%3A%3Aforged"
        "%0Aagreements/x.yaml%3A1%3A1%3A SG000 forged%0A[2J::unknown key "
        f"'LF\\n::warning::forged\\n{FINDING}\\n[2J\\n'"
    )
    assert lines[0].startswith(
        "::error file=hostile-keys.yaml,line=181,col=1,title=SG202 ESC\\x1b%3A%3Awarning"
    )


def test_diff_text_escapes_values_and_redlines(repo: GitRepo) -> None:
    code, out, err = sitegen(repo, "diff", "--base", "main")
    assert (code, err) == (0, "")
    assert "核心 ESC\\x1b::warning::forged\\x1bagreements/x.yaml" in out
    assert " LF\\x0a::warning::forged\\x0aagreements/x.yaml" in out
    assert " NEL\\x85::warning::forged\\x85" in out and " PS\\u2029::warning" in out


def test_diff_md_has_no_control_characters(repo: GitRepo) -> None:
    code, out, err = sitegen(repo, "diff", "--base", "main", "--format", "md")
    assert (code, err) == (0, "")
    assert out.startswith("### SLA changes: 1 agreement differs")


def test_renewals_text_escapes_titles(repo: GitRepo) -> None:
    code, out, err = sitegen(repo, "renewals", "--today", "2025-02-15")
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
        ("validate", "--format", "json", "hostile-keys.yaml"),
        ("diff", "--base", "main", "--format", "json"),
        ("renewals", "--today", "2025-02-15", "--format", "json"),
    ],
)
def test_json_outputs_escape_what_json_leaves_raw(repo: GitRepo, args: tuple[str, ...]) -> None:
    """JSON escapes C0 itself; DEL, C1 and U+2028/2029 become \\u escapes, same document."""
    _, out, _ = sitegen(repo, *args)
    document = json.dumps(json.loads(out), ensure_ascii=False)
    assert "\u009b::warning" in document and "\u2028::warning" in document
    assert "\\u009b::warning" in out and "\\u2028::warning" in out
