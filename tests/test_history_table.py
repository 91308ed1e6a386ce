"""The agreement page's history, on a real git repository: one row per version, its date,
who committed it (escaped), what sitegen says it changed, and its commit one click away."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from sitegen.load.config import Settings
from sitegen.site import generate
from tests.gitrepo import GitRepo, isolate_git, templates_tree
from tests.helpers import REPO
from tests.test_site_fixtures import CHANGED_ID, changed_text

# git drops < and > from a name; the rest reaches the page: Markdown, a table's bar, an entity
HOSTILE = "Li | **Na** [x](javascript:alert(2)) `c` &amp; _u_"
COMMIT_URL = "https://git.example.com/slas/commit/{commit}"


class Cells(HTMLParser):
    """The history table's rows as text, and the links and elements inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.links: list[str] = []
        self.tags: set[str] = set()
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def history_of(page: str) -> Cells:
    table = page.split("{#sg-history}", 1)[1].strip()
    cells = Cells()
    cells.feed(markdown.markdown(table, extensions=["tables"]))
    return cells


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """SLA-2024-001 signed as v1 (2024-03-01, Zhang Wei), then v2 drafted by someone whose
    git name is hostile text (2024-05-06) and edited again by 王芳 (2024-05-20)."""
    isolate_git(monkeypatch)
    folder = REPO / "agreements" / CHANGED_ID
    files: dict[str, str | bytes] = {
        f"agreements/{CHANGED_ID}/{path.relative_to(folder).as_posix()}": path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }
    repo = GitRepo.create(tmp_path / "project", {**templates_tree(), **files}, "Sign v1")
    v2 = changed_text()
    for name, date, text in (
        (HOSTILE, "2024-05-06T09:00:00+08:00", v2),
        ("王芳", "2024-05-20T09:00:00+08:00", v2.replace("target: 99.9\n", "target: 99.95\n", 1)),
    ):
        monkeypatch.setenv("GIT_AUTHOR_NAME", name)
        monkeypatch.setenv("GIT_AUTHOR_DATE", date)
        repo.commit("fix typo, wip (JIRA-123)", {f"agreements/{CHANGED_ID}/agreement.yaml": text})
    return repo


def test_one_row_per_version_with_its_change_and_commit(repo: GitRepo) -> None:
    out = repo.root / "build" / "docs"
    settings = Settings(commit_url=COMMIT_URL)
    generate(repo.root, settings, out, today=dt.date(2025, 2, 10), render_documents=False)
    commits = repo.git("log", "--format=%H").split()  # newest first: 王芳's, the hostile, v1
    english = history_of((out / f"agreements/{CHANGED_ID}.en.md").read_text("utf-8"))
    assert english.rows[0] == ["Version", "Date", "Changed by", "Change", "Commit"]
    v2, v1 = english.rows[1:]
    # v2 (not signed: in review): its last commit's day, both authors, newest first, the
    # hostile name as text; what the comparison v1 → working version says: two terms named
    # (the one looser on the provider first) and the rest counted
    assert v2[:3] == ["v2 (in review)", "20 May 2024", f"王芳, {HOSTILE}"]
    assert v2[3] == (
        "P1 response time 15 minutes → 30 minutes (looser on the provider); "
        "Availability target 99.9% → 99.95% (stricter on the provider); 5 more changes"
    )
    assert v2[4] == commits[0][:8]
    assert v1 == ["v1 (signed)", "1 March 2024", "Zhang Wei", "added", commits[2][:8]]
    # the change links to the diff page; each commit to the host, never wrapped (its class)
    assert english.links == [
        "../diffs/SLA-2024-001/v1-draft.en.md",
        COMMIT_URL.format(commit=commits[0]),
        COMMIT_URL.format(commit=commits[2]),
    ]
    assert not english.tags & {"strong", "em", "script"}  # the name made no element
    assert "fix typo" not in (out / f"agreements/{CHANGED_ID}.en.md").read_text("utf-8")
    chinese = history_of((out / f"agreements/{CHANGED_ID}.md").read_text("utf-8"))
    assert chinese.rows[0] == ["版本", "日期", "修改人", "变更", "提交"]
    assert chinese.rows[1][:3] == ["v2（审核中）", "2024年5月20日", f"王芳、{HOSTILE}"]
    assert chinese.rows[1][3].startswith(
        "P1 响应时间 15 分钟 → 30 分钟，对服务方放宽（对客户不利）；"
    )
    assert chinese.rows[2][:4] == ["v1（已签署）", "2024年3月1日", "Zhang Wei", "新建"]


def test_without_a_host_the_commit_is_its_short_hash_titled_with_the_whole(repo: GitRepo) -> None:
    out = repo.root / "build" / "docs"
    generate(repo.root, Settings(), out, today=dt.date(2025, 2, 10), render_documents=False)
    page = (out / f"agreements/{CHANGED_ID}.md").read_text("utf-8")
    head = repo.head()
    assert f'<code class="sg-commit" title="{head}">{head[:8]}</code> |' in page
    assert "git.example.com" not in page


def test_a_commit_address_must_be_https_and_name_the_commit() -> None:
    for wrong in ("http://git.example.com/c/{commit}", "https://git.example.com/c/",
                  'https://x/"onmouseover=alert(1)/{commit}'):  # fmt: skip
        with pytest.raises(ValueError, match="commit_url"):
            Settings(commit_url=wrong)
