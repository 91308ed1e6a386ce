"""A synthetic catalogue: N valid, varied agreements, optionally with a git history.

    python -m tests.bench.synth DIR --agreements N [--versions M] [--seed S]

writes `DIR/agreements/SLA-2030-0001/agreement.yaml` … and a copy of the repository's
`templates/`. Everything is derived from a seeded `random.Random` (one per agreement and
revision, so agreement 7 is the same whatever N is); nothing reads the clock, so two runs
write the same bytes, and with `--versions` the same commit hashes.

Agreements are built as plain Python data (`tests.bench.agreement`) and dumped with
ruamel.yaml here.
"""

from __future__ import annotations

import argparse
import functools
import io
import os
import shutil
import subprocess
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from tests.bench.agreement import ID_FORMAT, Spec, build_agreement, revise

REPO = Path(__file__).resolve().parents[2]
SCHEMA_COMMENT = "yaml-language-server: $schema=../../sitegen/schema/agreement.schema.json"

SignHook = Callable[[Path, list[str], int], None]
"""Called as hook(root, agreement_ids, revision) after a signed revision is committed."""


# ---------------------------------------------------------------- the catalogue on disk


def write_catalogue(
    root: Path,
    agreements: int,
    *,
    seed: int = 0,
    versions: int = 0,
    signed: int = 0,
    sign: SignHook | None = None,
    jobs: int | None = None,
) -> list[Path]:
    """Write `agreements` agreements and the templates under `root`; return the YAML paths.

    With `versions=M` (M >= 1) `root` becomes a git repository of M commits: commit i holds
    revision i of every agreement. With `signed=K` the last K revisions are signed versions:
    `sign` is called after each of their commits (it will run `sitegen sign`, which does
    not exist yet, so `signed` without `sign` is refused). `jobs` worker processes render
    the YAML (default: one per CPU); the bytes written do not depend on it.
    """
    if signed and not sign:
        raise NotImplementedError("signed=K needs a sign hook: signed archives come later")
    if signed > versions:
        raise ValueError(f"signed={signed} is more than versions={versions}")
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "templates", root / "templates", dirs_exist_ok=True)
    ids = [ID_FORMAT.format(i) for i in range(1, agreements + 1)]
    paths = [root / "agreements" / id_ / "agreement.yaml" for id_ in ids]
    texts = _all_revisions(seed, agreements, max(versions, 1), jobs)
    if versions:
        _git(root, "init", "-q", "-b", "main")
    for revision in range(max(versions, 1)):
        for path, revisions in zip(paths, texts, strict=True):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(revisions[revision].encode("utf-8"))
        if versions:
            _commit(root, revision, f"synth: revision {revision + 1} of {agreements} agreements")
            if sign and revision >= versions - signed:
                sign(root, ids, revision)
    return paths


def agreement_revisions(seed: int, index: int, count: int) -> list[str]:
    """The YAML text of revisions 0 … count-1 of agreement `index`."""
    spec = build_agreement(seed, index)
    texts = [render(spec)]
    for revision in range(1, count):
        revise(spec, seed, index, revision)
        texts.append(render(spec))
    return texts


def _all_revisions(seed: int, agreements: int, count: int, jobs: int | None) -> list[list[str]]:
    """Every revision of every agreement; in worker processes when there are many.

    ruamel.yaml's emitter costs ~15 ms per agreement, so 1,000 agreements take 15 s on
    one core. Workers return texts in agreement order, so the result does not depend on
    how many there are.
    """
    if jobs is None:  # worker processes pay off from about 200 renderings
        jobs = min(os.cpu_count() or 1, 8) if agreements * count >= 200 else 1
    make = functools.partial(agreement_revisions, seed, count=count)
    if jobs == 1:
        return [make(i) for i in range(1, agreements + 1)]
    with ProcessPoolExecutor(jobs) as pool:
        chunk = max(1, min(25, agreements // (4 * jobs)))
        return list(pool.map(make, range(1, agreements + 1), chunksize=chunk))


def _git_env(revision: int) -> dict[str, str]:
    when = f"{1767232800 + revision * 86400} +0800"  # 2026-01-01 10:00 +08:00, then daily
    return {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Synthetic Catalogue",
        "GIT_AUTHOR_EMAIL": "synth@example.invalid",
        "GIT_COMMITTER_NAME": "Synthetic Catalogue",
        "GIT_COMMITTER_EMAIL": "synth@example.invalid",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }


def _git(root: Path, *args: str, revision: int = 0) -> None:
    subprocess.run(
        ["git", *args], cwd=root, env=_git_env(revision), check=True, capture_output=True
    )


def _commit(root: Path, revision: int, message: str) -> None:
    _git(root, "add", "-A", revision=revision)
    _git(root, "commit", "-q", "--no-verify", "-m", message, revision=revision)


# ---------------------------------------------------------------- YAML


def render(spec: Spec) -> str:
    """The agreement as YAML text, laid out like the hand-written sample.

    Each top-level key is dumped on its own and remembered, so a revision re-dumps only the
    sections it changed. The concatenation is the same text as dumping the whole mapping
    (`dump`); tests check that.
    """
    return f"# {SCHEMA_COMMENT}\n" + "".join(_section(key, value) for key, value in spec.items())


_SECTIONS: dict[tuple[str, str], str] = {}


def _section(key: str, value: Any) -> str:
    memo = (key, repr(value))
    text = _SECTIONS.get(memo)
    if text is None:
        if len(_SECTIONS) > 100_000:
            _SECTIONS.clear()
        text = _SECTIONS[memo] = dump({key: value}, comment=False)
    return text


# Mappings written on one line, as in the sample: `name: {zh: 严重故障, en: Critical}`.
_FLOW = frozenset({"slos.priorities[].name", "credits.bands[]"})


def dump(data: Spec, *, comment: bool = True) -> str:
    """Plain data as YAML with ruamel.yaml: block style, 2-space indents, no line folding."""
    tree = _tree(data, "")
    if comment:
        tree.yaml_set_start_comment(SCHEMA_COMMENT)
    out = io.StringIO()
    _YAML.dump(tree, out)
    return out.getvalue()


def _tree(value: Any, path: str) -> Any:
    if isinstance(value, dict):
        node = CommentedMap(
            (key, _tree(item, f"{path}.{key}" if path else key)) for key, item in value.items()
        )
        if path in _FLOW:
            node.fa.set_flow_style()
        return node
    if isinstance(value, list):
        return CommentedSeq(_tree(item, f"{path}[]") for item in value)
    return value


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.allow_unicode = True
    return yaml


_YAML = _yaml()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench.synth",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("dir", type=Path, help="folder to write (created if missing)")
    parser.add_argument("--agreements", "-n", type=int, required=True, metavar="N")
    parser.add_argument(
        "--versions",
        "-m",
        type=int,
        default=0,
        metavar="M",
        help="make DIR a git repository with M commits per agreement",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        help="worker processes (default: one per CPU, at most 8)",
    )
    args = parser.parse_args(argv)
    paths = write_catalogue(
        args.dir, args.agreements, seed=args.seed, versions=args.versions, jobs=args.jobs
    )
    history = f", {args.versions} commits" if args.versions else ""
    print(f"wrote {len(paths)} agreements under {args.dir / 'agreements'}{history}")


if __name__ == "__main__":
    main()
