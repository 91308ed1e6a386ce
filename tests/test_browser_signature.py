"""The organisation's digital signature as the contract manager sees it, in a browser: an
agreement signed with a PAdES signature (a throwaway certificate), built into the site with
mkdocs, and its page opened in chromium at 1280 and 390 px."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.gitrepo import REPO, SAMPLE_ID, sample_repository
from tests.test_browser import browser, served  # noqa: F401  (the fixture)
from tests.test_pades import credentials, run  # noqa: F401  (the fixture)

pytestmark = pytest.mark.slow


@pytest.fixture
def signed_site(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    credentials: Path,  # noqa: F811  (the certificate, named in the environment)
) -> Iterator[str]:
    """The sample signed with the organisation's certificate, its site served locally."""
    repo = sample_repository(tmp_path / "repo", monkeypatch)
    shutil.copy(REPO / "mkdocs.yml", repo.root / "mkdocs.yml")
    shutil.copytree(REPO / "site_overrides", repo.root / "site_overrides")
    (repo.root / "build" / "docs").mkdir(parents=True)
    site = tmp_path / "site"
    # pyHanko (signing, and verifying for the page) runs its own event loop: not in this
    # thread, where Playwright's runs already
    with ThreadPoolExecutor(max_workers=1) as other:
        signed = other.submit(run, "sign", SAMPLE_ID, "--date", "2024-03-15").result()
        assert signed.exit_code == 0, signed.output
        built = other.submit(run, "build", "--out", str(site), "--one-process").result()
        assert built.exit_code == 0, built.output
    with served(site) as url:
        yield url


@pytest.mark.parametrize("width", [1280, 390])
def test_a_verified_digital_signature_is_shown_on_the_agreement_page(
    browser: Browser,  # noqa: F811
    signed_site: str,
    width: int,
) -> None:
    context = browser.new_context(base_url=signed_site, viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        for start, said in (
            ("", re.compile(r"Contracts Office.*数字签名，验证有效")),
            ("en/", re.compile(r"^digitally signed by Common Name: Contracts Office.*, valid$")),
        ):
            page.goto(f"{start}agreements/{SAMPLE_ID}/")
            shown = page.get_by_text(said)
            expect(shown).to_have_count(1)
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            # on a phone the versions table scrolls in its own box: the cell is there
            shown.scroll_into_view_if_needed()
            expect(shown).to_be_visible()
            expect(shown).to_be_in_viewport()
    finally:
        context.close()
