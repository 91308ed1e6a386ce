"""A version signed on template v1 against the next version on v2, in a real git repository:
`sitegen diff` compares the agreement's data, so the template's new wording is no term
change; the clause redline shows it, clause by clause."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitegen.diff.compare import diff_specs
from sitegen.load.config import Settings
from sitegen.versions.sign import sign
from tests.gitrepo import SAMPLE_ID, SAMPLE_PATH, GitRepo, sample_repository
from tests.helpers import replace_once
from tests.test_sign import fake_pdf


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """The guide's agreement signed on v1 (pinned before signing), then v2 in review on the
    newest template, its terms unchanged."""
    made = sample_repository(tmp_path / "repo", monkeypatch)
    pinned = replace_once(
        made.read(SAMPLE_PATH), "template: it-service-sla\n", "template: it-service-sla@1\n"
    )
    made.commit("Pin template v1", {SAMPLE_PATH: pinned})
    sign(made.root, Settings(), SAMPLE_ID, dt.date(2024, 3, 15), render=fake_pdf)
    text = replace_once(made.read(SAMPLE_PATH), "version: 1", "version: 2")
    text = replace_once(text, "status: signed", "status: in_review")
    text = replace_once(text, "  signed: 2024-03-15\n", "")
    text = replace_once(text, "template: it-service-sla@1\n", "template: it-service-sla\n")
    made.commit(f"Amend {SAMPLE_ID}", {SAMPLE_PATH: text})
    return made


def test_the_template_is_the_one_term_change_and_its_wording_is_in_the_redline(
    repo: GitRepo,
) -> None:
    diff = diff_specs(f"{SAMPLE_ID}@v1", SAMPLE_ID, repo.root, Settings())
    assert diff.old is not None and diff.new is not None
    assert (diff.old.template, diff.new.template) == ("it-service-sla@1", "it-service-sla")
    assert [c.path for c in diff.changes] == ["template"]
    [change] = diff.changes
    assert change.before is not None and change.after is not None
    assert (change.before.en, change.after.en) == ("it-service-sla@1", "it-service-sla")
    # The new definitions show as a clause redline, beside what the data changed (the
    # version number, and v1's signing date, which the unsigned v2 does not state); the
    # signature block's roles are the same in both.
    redlines = {r.clause_id: r for r in diff.redlines["en"]}
    assert list(redlines) == [
        "basic-information.number",
        "basic-information.dates",
        "definitions.terms",
    ]
    segments = redlines["definitions.terms"].segments
    changed = "".join(s.text for s in segments if s.op == "insert")
    assert "totalled" in changed and "monitoring" not in changed
