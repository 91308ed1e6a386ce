"""Suppressions count in `sitegen sign` and `validate --history` as in `validate`, and a
comment added to a signed agreement changes none of its terms."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.commands.validate import validate_command
from sitegen.load.config import Settings
from sitegen.versions.sign import sign
from tests.gitrepo import SAMPLE_ID, SAMPLE_PATH, GitRepo, sample_repository
from tests.helpers import replace_once
from tests.test_sign import fake_pdf

DUTY = "      zh: 受理并处理故障工单\n"
SUPPRESSED = "      zh: 及时受理并处理故障工单  # sitegen: ignore[SG301]\n"


def test_a_suppressed_error_does_not_stop_signing_nor_the_history_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo: GitRepo = sample_repository(tmp_path / "repo", monkeypatch)
    repo.commit(
        "Keep the customer's wording",
        {SAMPLE_PATH: replace_once(repo.read(SAMPLE_PATH), DUTY, SUPPRESSED)},
    )
    sign(repo.root, Settings(), SAMPLE_ID, dt.date(2024, 3, 15), render=fake_pdf)
    repo.checkout("change", new=True)
    runner = CliRunner()
    clean = runner.invoke(validate_command, ["--history", "--base", "main"])
    assert clean.exit_code == 0, clean.output

    # A comment is no term: adding one to the signed agreement needs no new version.
    noted = replace_once(
        repo.read(SAMPLE_PATH),
        "  cadence: quarterly\n",
        "  cadence: quarterly  # sitegen: ignore[SG303]\n",
    )
    repo.commit("Note", {SAMPLE_PATH: noted})
    assert runner.invoke(validate_command, ["--history", "--base", "main"]).exit_code == 0
    strict = runner.invoke(validate_command, ["--history", "--base", "main", "--strict"])
    assert strict.exit_code == 1
    assert [line.split(": ", 2)[1] for line in strict.stdout.splitlines()] == [
        "SG305 [warning] SG303 is suppressed here but not found on this text"
    ]
