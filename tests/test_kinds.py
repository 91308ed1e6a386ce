"""Two kinds of agreement: negotiated (signed by both parties) and published (a provider's
standard SLA the customer holds). Which keys a file needs, what its contract says, and how
the catalogue, renewals and calendar treat it all follow from `kind`."""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

import pytest

from sitegen.catalogue import catalogue_rows, renewals, standing, to_ics, to_json
from sitegen.compose import compose, select_template
from sitegen.compose.contract import Contract, Paragraph, Signatures
from sitegen.compose.templates import TemplateIndex
from sitegen.diff.fields import diff_terms
from sitegen.load import load_agreement_text
from sitegen.load.model import Agreement
from tests.helpers import REPO, lint_lines, replace_once, sample_text, where
from tests.published import ECS_SLA, PUBLISHED_ID

D = dt.date
FILE = f"agreements/{PUBLISHED_ID}/agreement.yaml"
NEGOTIATED_FILE = "agreements/SLA-2024-001/agreement.yaml"


def published(text: str = ECS_SLA) -> Agreement:
    loaded = load_agreement_text(text, Path(FILE))
    assert loaded.agreement is not None, loaded.findings
    return loaded.agreement


def lint(tmp_path: Path, text: str, path: str = FILE) -> list[str]:
    return lint_lines(tmp_path, {path: text}, infos=False)


def render(agreement: Agreement) -> Contract:
    return compose(agreement, select_template(agreement, TemplateIndex(REPO / "templates")))


def clause_text(contract: Contract, clause_id: str, lang: str) -> str:
    clause = next(c for c in contract.clauses() if c.id == clause_id)
    return " ".join(b.text.get(lang) for b in clause.blocks if isinstance(b, Paragraph))  # type: ignore[arg-type]


def every_text(contract: Contract, lang: str) -> str:
    return "\n".join(clause_text(contract, c.id, lang) for c in contract.clauses())


# Which keys the kind needs


def test_a_published_cloud_sla_validates_without_fillers(tmp_path: Path) -> None:
    assert lint(tmp_path, ECS_SLA) == []
    agreement = published()
    assert (agreement.kind, agreement.status, agreement.term, agreement.signatories) == (
        "published",
        "accepted",
        None,
        None,
    )


def test_the_kind_defaults_to_negotiated() -> None:
    loaded = load_agreement_text(sample_text(), Path(NEGOTIATED_FILE))
    assert loaded.agreement is not None and loaded.agreement.kind == "negotiated"


def test_a_published_sla_has_no_signatories_term_or_signing(tmp_path: Path) -> None:
    text = replace_once(
        ECS_SLA, "dates:\n  effective:", "dates:\n  signed: 2025-03-20\n  effective:"
    )
    text = replace_once(text, "review:\n", "term:\n  months: 12\nreview:\n")
    text += (
        "signatories:\n  - party: customer\n"
        "    role: {zh: 授权代表, en: Authorised representative}\n"
    )
    assert lint(tmp_path, text) == [
        f"{where(text, 'signed: 2025', 'signed', path=FILE)}: SG202 dates.signed: key 'signed' is "
        "not one of a published agreement: nobody signs a published agreement: dates.effective "
        "is the day it applies from; remove it",
        f"{where(text, 'term:', path=FILE)}: SG202 term: key 'term' is not one of a published "
        "agreement: a published agreement applies while the service is used, with no term; "
        "remove it",
        f"{where(text, 'signatories:', path=FILE)}: SG202 signatories: key 'signatories' is not "
        "one of a published agreement: nobody signs a published agreement; remove it",
    ]


def test_a_published_sla_needs_its_source_and_no_signed_status(tmp_path: Path) -> None:
    start = ECS_SLA.index("source:")
    end = ECS_SLA.index("amendment_notice_days:")
    text = ECS_SLA[:start] + ECS_SLA[end:]
    text = replace_once(text, "status: accepted", "status: signed")
    assert lint(tmp_path, text) == [
        f"{FILE}:1:1: SG201 required key 'source' is missing: a published agreement needs it",
        f"{where(text, 'status: signed', 'signed', path=FILE)}: SG203 status: status 'signed' is "
        "not one of a published agreement: use draft, in_review, accepted, terminated",
    ]


def test_a_negotiated_agreement_needs_term_and_signatories(tmp_path: Path) -> None:
    text = sample_text()
    text = text[: text.index("signatories:")]
    text = replace_once(text, "status: signed", "status: accepted")
    text = replace_once(text, "dates:\n", "amendment_notice_days: 30\ndates:\n")
    assert lint(tmp_path, text, NEGOTIATED_FILE) == [
        f"{NEGOTIATED_FILE}:2:1: SG201 required key 'signatories' is missing: a negotiated "
        "agreement needs it",
        f"{where(text, 'status: accepted', 'accepted')}: SG203 status: status 'accepted' is not "
        "one of a negotiated agreement: use draft, in_review, signed, terminated",
        f"{where(text, 'amendment_notice_days')}: SG202 amendment_notice_days: key "
        "'amendment_notice_days' is not one of a negotiated agreement: only a provider's "
        "published agreement is amended by notice; remove it",
    ]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "https://x.example/<script>",
        'https://x.example/"onmouseover=',
        "ftp://x",
    ],
)
def test_the_source_address_is_a_plain_web_address(tmp_path: Path, url: str) -> None:
    text = replace_once(ECS_SLA, "https://cloud.example.cn/legal/ecs-sla?lang=zh&v=2025", url)
    [line] = lint(tmp_path, text.replace(f"url: {url}", f"url: '{url}'"))
    assert ": SG203 source.url: String should match pattern" in line


# The contract


def test_the_contract_of_a_published_sla_names_its_source_and_leaves_out_signing() -> None:
    contract = render(published())
    assert [s.id for s in contract.sections] == [
        "basic-information", "definitions", "scope", "service-hours", "service-levels",
        "obligations", "measurement", "credits", "term", "language",
    ]  # fmt: skip
    ids = [c.id for c in contract.clauses()]
    for gone in ("dates", "term", "termination", "effect", "renewal", "duration"):
        assert f"basic-information.{gone}" not in ids and f"term.{gone}" not in ids
    assert "language.counterparts" not in ids and "language.prevailing" not in ids
    assert not any(isinstance(b, Signatures) for c in contract.clauses() for b in c.blocks)
    assert clause_text(contract, "basic-information.source", "zh") == (
        "本协议为服务方公布的《云服务器 ECS 服务等级协议》，最后更新日期为 2025年3月1日，"
        "公布地址为 https://cloud.example.cn/legal/ecs-sla?lang=zh&v=2025。"
    )
    assert clause_text(contract, "term.amendment", "en") == (
        "The Provider may amend this agreement by notice to the Customer given at least 30 "
        "days before the amendment applies."
    )
    assert "published text prevails" in clause_text(contract, "language.published-text", "en")
    for lang, words in (("zh", ("签字", "盖章", "签署", "续期", "一式两份")),
                        ("en", ("sign", "seal", "counterpart", "renew"))):  # fmt: skip
        text = every_text(contract, lang).lower()
        assert [w for w in words if w in text] == []


def test_a_published_sla_commits_the_provider_only_to_what_its_text_holds() -> None:
    """The ECS SLA holds credits, no service report, and the customer's own yearly review:
    a missed target earns a credit, and nothing more. Before, the contract had the provider
    explain the causes in writing and report on them at the next review meeting, which a
    provider's published text never promises (and its contract has no review section)."""
    contract = render(published())
    assert clause_text(contract, "measurement.shortfall", "zh") == (
        "任一统计周期内可用性低于目标的，服务方按“服务补偿”一节给予服务补偿。"
    )
    for lang, words in (("zh", ("评审", "改进措施", "书面形式")),
                        ("en", ("review meeting", "corrective action", "in writing"))):  # fmt: skip
        text = every_text(contract, lang)
        assert [w for w in words if w in text] == []
    without = ECS_SLA[: ECS_SLA.index("credits:\n")] + ECS_SLA[ECS_SLA.index("obligations:\n") :]
    gone = render(published(without))
    assert "measurement.shortfall" not in [c.id for c in gone.clauses()]


def test_a_published_sla_states_the_language_its_provider_publishes_in() -> None:
    """A provider publishing in Chinese only: its text is the authoritative one, and the
    English a translation, as the data says (before, `languages` was silently dropped)."""
    text = replace_once(
        ECS_SLA, "kind: published\n", "kind: published\nlanguages: {authentic: [zh]}\n"
    )
    contract = render(published(text))
    assert clause_text(contract, "language.prevailing", "en") == (
        "This agreement is made in Chinese; only the Chinese text is authentic. The English "
        "text is a translation for reference only."
    )
    assert "language.published-text" in [c.id for c in contract.clauses()]


def test_no_amendment_clause_without_a_notice_period() -> None:
    contract = render(published(replace_once(ECS_SLA, "amendment_notice_days: 30\n", "")))
    assert "term.amendment" not in [c.id for c in contract.clauses()]
    assert "term.application" in [c.id for c in contract.clauses()]


def test_an_accepted_published_sla_is_final_and_dated_by_its_provider() -> None:
    meta = render(published()).meta
    assert (meta.signed, meta.date, meta.status) == (True, "2025-03-01", "accepted")
    draft = render(published(replace_once(ECS_SLA, "status: accepted", "status: draft"))).meta
    assert (draft.signed, draft.date) == (False, "2000-01-01")


def test_a_negotiated_contract_keeps_its_signing_clauses() -> None:
    loaded = load_agreement_text(sample_text(), Path(NEGOTIATED_FILE))
    assert loaded.agreement is not None
    contract = render(loaded.agreement)
    ids = [c.id for c in contract.clauses()]
    for kept in ("basic-information.dates", "term.renewal", "language.counterparts",
                 "signatures.execution", "review.revision"):  # fmt: skip
        assert kept in ids
    assert "basic-information.source" not in ids and "term.amendment" not in ids


def test_own_clauses_cannot_go_to_a_section_the_kind_has_not(tmp_path: Path) -> None:
    text = ECS_SLA + (
        "clauses:\n  - id: stamp\n    at: signatures\n    title: {zh: 盖章, en: Seal}\n"
        "    text: {zh: 客户方加盖公章, en: The customer affixes its seal}\n"
    )
    files = {FILE: text, "templates/it-service-sla/v1/template.yaml": _kinds_template()}
    lines = lint_lines(tmp_path, files, infos=False)
    assert lines == [
        f"{where(text, 'at: signatures', 'signatures', path=FILE)}: SG808 clauses[0].at: a "
        "published agreement's contract has no section 'signatures', so this clause would not "
        "be printed: add it at another section"
    ]


def _kinds_template() -> str:
    return (REPO / "templates/it-service-sla/v1/template.yaml").read_text(encoding="utf-8")


# Catalogue, renewals and calendar


def test_a_published_sla_has_no_objection_deadline_but_an_amendment_watch() -> None:
    now = standing(published(), D(2026, 11, 10))
    assert (now.state, now.expiry, now.objection_deadline, now.renews_for) == (
        "active", None, None, None
    )  # fmt: skip
    assert now.amendment_watch == D(2026, 12, 2)  # checked 2026-11-02 + 30 days
    assert now.next_review == D(2027, 3, 20)  # a year after the last review held


def test_the_watch_counts_from_the_last_update_when_never_checked() -> None:
    text = replace_once(ECS_SLA, "  checked: 2026-11-02\n", "")
    assert standing(published(text), D(2025, 3, 10)).amendment_watch == D(2025, 3, 31)
    assert standing(published(text), D(2025, 3, 10)).state == "upcoming"


def test_renewals_list_the_watch_overdue_and_no_objection_deadline() -> None:
    due = renewals([published()], D(2026, 12, 10), within_days=90)
    assert [(d.kind, d.date, d.overdue) for d in due] == [
        ("amendment_watch", D(2026, 12, 2), True),
    ]
    assert due[0].kind_label("en") == "Check for amendments"
    assert due[0].kind_label("zh") == "核查条款变更"


def test_a_terminated_published_sla_has_no_deadlines() -> None:
    text = replace_once(ECS_SLA, "status: accepted", "status: terminated")
    text = replace_once(
        text, "  effective: 2025-04-01\n", "  effective: 2025-04-01\n  terminated: 2026-06-30\n"
    )
    assert renewals([published(text)], D(2026, 11, 10)) == []


def test_the_calendar_shows_the_watch_as_such() -> None:
    ics = to_ics([published()], D(2026, 11, 10))
    unfolded = ics.replace("\r\n ", "")
    assert "UID:SLA-2025-101-amendment-20261202@sitegen" in unfolded
    assert "CATEGORIES:AMENDMENT" in unfolded
    assert "objection" not in unfolded.lower()
    assert (
        "The provider may amend this agreement with 30 days' notice\\; its published text was "
        "last checked on 2 November 2026." in unfolded
    )
    assert "DTSTAMP:20261102T000000Z" in unfolded


def test_the_catalogue_row_and_record_of_a_published_sla() -> None:
    [row] = catalogue_rows([published()], D(2026, 11, 10))
    assert (row.label("kind", "zh"), row.label("kind", "en")) == (
        "服务方公布", "Published by the provider"
    )  # fmt: skip
    assert row.label("objection_deadline", "en") == "—"
    assert row.label("amendment_watch", "en") == "2 December 2026"
    [record] = json.loads(to_json([published()], D(2026, 11, 10)))["agreements"]
    assert {k: record[k] for k in (
        "kind", "status", "state", "signed", "term_months", "renew_months", "objection_deadline",
        "source_updated", "amendment_notice_days", "amendment_watch",
    )} == {
        "kind": "published", "status": "accepted", "state": "active", "signed": None,
        "term_months": None, "renew_months": None, "objection_deadline": None,
        "source_updated": "2025-03-01", "amendment_notice_days": 30,
        "amendment_watch": "2026-12-02",
    }  # fmt: skip


# Versions


def test_a_new_provider_version_shows_its_date_and_a_shorter_notice_as_looser() -> None:
    text = replace_once(ECS_SLA, "updated: 2025-03-01", "updated: 2026-01-15")
    text = replace_once(text, "amendment_notice_days: 30", "amendment_notice_days: 15")
    text = replace_once(text, "- {below: 99.0, percent: 25}", "- {below: 99.0, percent: 20}")
    changes = {c.path: c for c in diff_terms(published(), published(text))}
    updated = changes["source.updated"]
    assert updated.before is not None and updated.after is not None
    assert (updated.before.en, updated.after.en, updated.material) == (
        "1 March 2025", "15 January 2026", True
    )  # fmt: skip
    notice = changes["amendment_notice_days"]
    assert notice.after is not None
    assert (notice.after.zh, notice.direction, notice.attention) == ("15 日", "looser", True)
    assert "credits.bands" in "".join(changes)


def test_changing_the_kind_is_a_material_change() -> None:
    negotiated = load_agreement_text(sample_text(), Path(NEGOTIATED_FILE)).agreement
    assert negotiated is not None
    changes = {c.path: c for c in diff_terms(negotiated, published())}
    assert changes["kind"].material
    term = changes["term"]
    assert term.before is not None and term.after is None
    assert (
        term.before.en
        == "12 months; renews for 12 months unless a party objects 30 days before expiry"
    )


def test_a_published_draft_speaks_of_acceptance_not_signing() -> None:
    from sitegen.render.markdown import to_markdown

    draft = render(published(replace_once(ECS_SLA, "status: accepted", "status: draft")))
    text = html.unescape(to_markdown(draft, "en").replace("\\", ""))
    assert "the Customer has not yet checked and accepted it as the Provider's published" in text
    assert "the parties have not signed it" not in text
    assert "草稿" not in to_markdown(render(published()), "zh")


def test_the_term_section_of_a_published_sla_has_its_own_title() -> None:
    term = next(s for s in render(published()).sections if s.id == "term")
    assert (term.title.zh, term.title.en) == ("适用期间与修改", "Application and Amendment")
    loaded = load_agreement_text(sample_text(), Path(NEGOTIATED_FILE))
    assert loaded.agreement is not None
    term = next(s for s in render(loaded.agreement).sections if s.id == "term")
    assert term.title.en == "Term, Renewal and Termination"


def test_the_json_schema_tells_editors_what_each_kind_needs() -> None:
    import jsonschema
    from ruamel.yaml import YAML

    from sitegen.load.schema import json_schema

    validator = jsonschema.Draft7Validator(json_schema())

    def errors(text: str) -> list[str]:
        data = json.loads(json.dumps(YAML(typ="safe").load(text), default=str))
        return sorted(e.message for e in validator.iter_errors(data))

    assert errors(ECS_SLA) == []
    assert errors(sample_text()) == []
    signed = replace_once(
        ECS_SLA, "dates:\n  effective:", "dates:\n  signed: 2025-03-20\n  effective:"
    )
    assert errors(replace_once(signed, "status: accepted", "status: signed")) == [
        "'signed' is not one of ['draft', 'in_review', 'accepted', 'terminated']",
        "{'signed': '2025-03-20', 'effective': '2025-04-01'} should not be valid under "
        "{'required': ['signed']}",
    ]
    negotiated = replace_once(sample_text(), "dates:\n", "amendment_notice_days: 30\ndates:\n")
    assert len(errors(negotiated)) == 1


def test_an_accepted_published_sla_pins_its_template(tmp_path: Path) -> None:
    text = replace_once(ECS_SLA, "template: it-service-sla@1", "template: it-service-sla")
    assert lint(tmp_path, text) == [
        f"{where(text, 'template: it', 'it', path=FILE)}: SG811 template: an accepted agreement "
        "is always rendered with the template version it was accepted with: pin it, e.g. "
        "it-service-sla@1"
    ]


def test_a_terminated_published_sla_needs_no_signing_date(tmp_path: Path) -> None:
    text = replace_once(ECS_SLA, "status: accepted", "status: terminated")
    text = replace_once(
        text, "  effective: 2025-04-01\n", "  effective: 2025-04-01\n  terminated: 2026-06-30\n"
    )
    assert lint(tmp_path, text) == []


def test_a_section_of_the_other_kind_needs_nothing(tmp_path: Path) -> None:
    manifest = _kinds_template().replace(
        "kinds: [negotiated]  # nobody signs", "needs: [signatories]\n    kinds: [negotiated]  #"
    )
    assert "needs: [signatories]" in manifest
    files = {FILE: ECS_SLA, "templates/it-service-sla/v1/template.yaml": manifest}
    assert lint_lines(tmp_path, files, infos=False) == []
