"""Shared by the site tests (no tests of its own): the samples in a real git repository,
one of them restricted with strings found nowhere else, and a working version that differs
from its signed one (so there is a diff page)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.gitrepo import GitRepo, isolate_git
from tests.helpers import REPO, replace_once

RESTRICTED_ID = "OLA-2025-001"
# Strings the restricted agreement holds and nothing else does: none may reach the site.
SECRETS = (
    "机密鸬鹚协议壬癸",
    "Zanzibar Quokka Covenant",
    "秘密供应商庚辛有限公司",
    "Xylophone Umbra Ltd",
)
CHANGED_ID = "SLA-2024-001"  # working version 2 differs from signed v1: P1 response 30m


def restricted_text() -> str:
    text = (REPO / "agreements" / RESTRICTED_ID / "agreement.yaml").read_text(encoding="utf-8")
    text = replace_once(text, "visibility: internal", "visibility: restricted")
    text = replace_once(text, "  zh: 销售运营业务系统内部运营级别协议", f"  zh: {SECRETS[0]}")
    text = replace_once(
        text,
        "  en: Internal Operational Level Agreement for the Sales Operations Systems",
        f"  en: {SECRETS[1]}",
    )
    text = replace_once(text, "      zh: 销售运营部\n", f"      zh: {SECRETS[2]}\n")
    return replace_once(
        text, "      en: Sales Operations Department\n", f"      en: {SECRETS[3]}\n"
    )


def changed_text() -> str:
    text = (REPO / "agreements" / CHANGED_ID / "agreement.yaml").read_text(encoding="utf-8")
    text = replace_once(text, "version: 1", "version: 2")
    text = replace_once(text, "status: signed", "status: in_review")
    text = replace_once(text, "  signed: 2024-03-15\n", "")
    return text.replace("      response: 15m", "      response: 30m", 1)


def site_project(root: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """The samples (signed archives included) committed, then edited in a second commit."""
    isolate_git(monkeypatch)
    root.mkdir(parents=True)
    for name in ("agreements", "templates"):
        shutil.copytree(REPO / name, root / name)
    repo = GitRepo.create(root, {}, "")
    repo.commit("Add the sample agreements")
    repo.commit(
        "Restrict the OLA; amend SLA-2024-001 (P1 response 30m)",
        {
            f"agreements/{RESTRICTED_ID}/agreement.yaml": restricted_text(),
            f"agreements/{CHANGED_ID}/agreement.yaml": changed_text(),
        },
    )
    monkeypatch.chdir(root)
    return repo
