"""The organisation's digital signature (PAdES) on a signed PDF, and `sitegen verify`.

A throwaway certificate is made in the test (RSA 2048, self-signed, the organisation's
name in Chinese); the real sample is signed in a real git repository and its real PDF
rendered, signed with pyHanko, archived, and read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from sitegen.cli import cli
from sitegen.versions.archive import parse_manifest, sha256_hex
from sitegen.versions.pades import PASSPHRASE_VARIABLE, PKCS12_VARIABLE
from sitegen.versions.verify import pdf_signatures
from tests.gitrepo import SAMPLE_ID, GitRepo, sample_repository

pytestmark = pytest.mark.slow
SIGNED = f"agreements/{SAMPLE_ID}/signed"
ORGANISATION = "杭州云衡信息技术有限公司"


def certificate(folder: Path, passphrase: bytes) -> tuple[Path, Path]:
    """A self-signed signing certificate as a PKCS#12 file, and the certificate as PEM."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
            x509.NameAttribute(NameOID.COMMON_NAME, "Contracts Office"),
        ]
    )
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=3650))
        .sign(key, hashes.SHA256())
    )
    p12 = folder / "org.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"org", key, cert, None, serialization.BestAvailableEncryption(passphrase)
        )
    )
    pem = folder / "org.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return p12, pem


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    return sample_repository(tmp_path / "repo", monkeypatch)


@pytest.fixture
def credentials(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The certificate outside the repository, named in the environment."""
    p12, pem = certificate(tmp_path, b"s3cret")
    monkeypatch.setenv(PKCS12_VARIABLE, str(p12))
    monkeypatch.setenv(PASSPHRASE_VARIABLE, "s3cret")
    return pem


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_a_signed_pdf_carries_the_organisations_signature_and_verifies(
    repo: GitRepo, credentials: Path
) -> None:
    signed = run("sign", SAMPLE_ID, "--date", "2024-03-15")
    assert signed.exit_code == 0, signed.output
    pdf = (repo.root / SIGNED / "v1.pdf").read_bytes()
    # The manifest's SHA-256 covers the signed bytes.
    manifest = parse_manifest((repo.root / SIGNED / "manifest.yaml").read_bytes())
    entry = manifest.entry(1)
    assert entry is not None and entry.files["v1.pdf"] == sha256_hex(pdf)
    (found,) = pdf_signatures(pdf)
    assert ORGANISATION in found.subject and "Contracts Office" in found.subject
    assert found.intact and found.valid and found.whole_file and found.trusted is None
    verified = run("verify", f"{SAMPLE_ID}@v1")
    assert verified.exit_code == 0, verified.output
    lines = verified.output.splitlines()
    assert lines[0].startswith("ok      v1.yaml: SHA-256 as signed")
    assert lines[1].startswith("ok      v1.pdf: SHA-256 as signed")
    assert lines[2].startswith("ok      digitally signed by Common Name: Contracts Office")
    assert lines[2].endswith("valid (no trusted root given: --trust CERT)")
    trusted = run("verify", f"{SAMPLE_ID}@v1", "--trust", str(credentials))
    assert trusted.exit_code == 0 and "valid, under a trusted root" in trusted.output


def test_one_byte_changed_fails_both_checks(
    repo: GitRepo, credentials: Path, tmp_path: Path
) -> None:
    assert run("sign", SAMPLE_ID, "--date", "2024-03-15").exit_code == 0
    path = repo.root / SIGNED / "v1.pdf"
    data = bytearray(path.read_bytes())
    at = len(data) // 3  # inside the signed range, in the page content
    data[at] ^= 0x01
    path.write_bytes(bytes(data))
    result = run("verify", f"{SAMPLE_ID}@v1")
    assert result.exit_code == 1
    assert "FAILED  v1.pdf: SHA-256" in result.output and "changed since signing" in result.output
    assert "the signed bytes have changed" in result.output
    # The file alone, outside its archive: its own signature still tells.
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(bytes(data))
    alone = run("verify", str(copy))
    assert alone.exit_code == 1 and "the signed bytes have changed" in alone.output


def test_content_added_after_the_signature_fails(repo: GitRepo, credentials: Path) -> None:
    assert run("sign", SAMPLE_ID, "--date", "2024-03-15").exit_code == 0
    from pyhanko.pdf_utils.generic import NameObject, TextStringObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    path = repo.root / SIGNED / "v1.pdf"
    import io

    writer = IncrementalPdfFileWriter(io.BytesIO(path.read_bytes()))
    writer.root[NameObject("/Lang")] = TextStringObject("en")  # an update after signing
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    changed = repo.root / "changed.pdf"
    changed.write_bytes(out.getvalue())
    result = run("verify", str(changed))
    assert result.exit_code == 1 and "content was added after the signature" in result.output


def test_a_pdf_without_a_signature_is_said_to_be_so_and_passes(repo: GitRepo) -> None:
    assert run("sign", SAMPLE_ID, "--date", "2024-03-15").exit_code == 0
    result = run("verify", f"{SAMPLE_ID}@v1")
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "        not digitally signed"


def test_a_wrong_passphrase_refuses_before_anything_is_written(
    repo: GitRepo, credentials: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSPHRASE_VARIABLE, "wrong")
    head = repo.head()
    result = run("sign", SAMPLE_ID, "--date", "2024-03-15")
    assert result.exit_code == 2
    assert "does not open it" in result.output and "org.p12" in result.output
    assert repo.head() == head and not (repo.root / SIGNED).exists()


def test_a_certificate_inside_the_project_is_refused(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    certificate(repo.root, b"s3cret")
    monkeypatch.setenv(PKCS12_VARIABLE, str(repo.root / "org.p12"))
    result = run("sign", SAMPLE_ID, "--date", "2024-03-15")
    assert result.exit_code == 2
    assert "is inside the project: keep the PKCS#12 file outside the repository" in (result.output)


def test_verify_names_what_it_cannot_find(repo: GitRepo) -> None:
    missing = run("verify", f"{SAMPLE_ID}@v3")
    assert missing.exit_code == 2 and "has no signed version" in missing.output
    assert run("sign", SAMPLE_ID, "--date", "2024-03-15").exit_code == 0
    later = run("verify", f"{SAMPLE_ID}@v3")
    assert later.exit_code == 2
    assert f"{SAMPLE_ID} v3 is not signed (signed versions: v1)" in later.output
    nothing = run("verify", "no-such.pdf")
    assert nothing.exit_code == 2 and "no such file" in nothing.output


def test_the_agreement_page_says_who_signed_digitally_and_that_it_verifies(
    repo: GitRepo, credentials: Path
) -> None:
    from sitegen.site.agreement_page import _digital
    from sitegen.site.versions import signed_versions

    assert run("sign", SAMPLE_ID, "--date", "2024-03-15").exit_code == 0
    (version,) = signed_versions(repo.root / "agreements" / SAMPLE_ID)
    (signature,) = version.digital
    assert signature.ok and ORGANISATION in signature.subject
    today = dt.datetime.now(dt.UTC).date()  # pyHanko states the time it signed
    said = _digital(version, "en")
    assert said.startswith("digitally signed by Common Name: Contracts Office, Organization: ")
    assert said.endswith(f"on {today.day} {today:%B %Y}, valid")
    assert _digital(version, "zh").endswith("数字签名，验证有效")


def test_an_archive_without_a_digital_signature_says_so(repo: GitRepo) -> None:
    from sitegen.site.agreement_page import _digital
    from sitegen.site.versions import signed_versions

    assert run("sign", SAMPLE_ID, "--date", "2024-03-15").exit_code == 0
    (version,) = signed_versions(repo.root / "agreements" / SAMPLE_ID)
    assert version.digital == ()
    assert (_digital(version, "zh"), _digital(version, "en")) == (
        "无数字签名",
        "not digitally signed",
    )
