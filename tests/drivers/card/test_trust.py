"""The SOD's signature and the document signer's chain to a trusted CSCA (`drivers.card.trust`): the CSCA
folder, each reason an SOD is refused for, RSA (PKCS#1 v1.5 and PSS) and ECDSA signers, key rollover, and
the check plugged into a whole read."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from drivers.card import tlv
from drivers.card.card_builder import BuiltCard
from drivers.card.card_signer import ThrowawayPki, build_sod
from drivers.card.chip import ChipFaults, ChipTransport, EmrtdChip
from drivers.card.emrtd import read_emrtd
from drivers.card.passive_auth import SignatureVerdict, passive_auth
from drivers.card.sod import SecurityObject, parse_sod
from drivers.card.trust import CscaStore, sod_signature_check, verify_sod_signature

RSA_SHA256 = "1.2.840.113549.1.1.11"  # with an EC document signer: an algorithm its key cannot have made
NOW = dt.datetime.now(dt.UTC)
TODAY = NOW.date()
GROUPS = {1: tlv.encode(0x61, tlv.encode(0x5F1F, b"I<UTOD23145890<<<<<<<<<<<<<<<")),
          2: tlv.encode(0x75, b"portrait"), 15: tlv.encode(0x6F, b"key")}


def store_of(*pkis: ThrowawayPki) -> CscaStore:
    return CscaStore(pki.csca_certificate for pki in pkis)


def sod_of(pki: ThrowawayPki, **options: object) -> SecurityObject:
    return parse_sod(build_sod(GROUPS, pki, **options))  # type: ignore[arg-type]


def check(sod: SecurityObject, store: CscaStore, today: dt.date = TODAY) -> SignatureVerdict:
    return verify_sod_signature(sod, store, today)


@pytest.fixture(scope="module")
def rsa_pki() -> ThrowawayPki:
    return ThrowawayPki.generate(key_type="rsa")


def test_a_signer_chaining_to_a_trusted_csca_is_valid(pki: ThrowawayPki, rsa_pki: ThrowawayPki) -> None:
    assert check(sod_of(pki), store_of(pki)) == SignatureVerdict("valid", "valid")
    assert check(sod_of(rsa_pki), store_of(rsa_pki)) == SignatureVerdict("valid", "valid")
    assert check(sod_of(rsa_pki, pss=True), store_of(rsa_pki)).reason == "valid"
    assert check(sod_of(pki, hash_name="sha384"), store_of(pki)).reason == "valid"
    assert check(sod_of(rsa_pki, hash_name="sha512", pss=True), store_of(pki, rsa_pki)).reason == "valid"


def test_the_sid_names_the_document_signer(pki: ThrowawayPki) -> None:
    signer = sod_of(pki).signer
    assert signer is not None and signer.serial_number == pki.ds_certificate.serial_number
    assert signer.issuer == pki.ds_certificate.issuer.public_bytes()
    assert signer.content_type == "2.23.136.1.1.1" and signer.key_identifier is None


def test_the_csca_folder_loads_der_and_pem_and_skips_garbage(pki: ThrowawayPki, rsa_pki: ThrowawayPki,
                                                             tmp_path: Path,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "cn.der").write_bytes(pki.der(pki.csca_certificate))
    (tmp_path / "rsa.pem").write_bytes(rsa_pki.csca_certificate.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "garbage.cer").write_bytes(b"\x30\x03\x02\x01")
    (tmp_path / "broken.pem").write_bytes(b"-----BEGIN CERTIFICATE-----\nnot base64\n")
    (tmp_path / "notes.txt").write_text("not a certificate, not even looked at")
    (tmp_path / "folder.crt").mkdir()
    with caplog.at_level(logging.WARNING, "drivers.card.trust"):
        store = CscaStore.from_dir(tmp_path)
    assert len(store) == 2
    assert "garbage.cer" in caplog.text and "broken.pem" in caplog.text and "notes.txt" not in caplog.text
    assert check(sod_of(pki), store).reason == check(sod_of(rsa_pki), store).reason == "valid"


def test_no_trusted_csca_is_unknown_csca(pki: ThrowawayPki, tmp_path: Path) -> None:
    empty, missing = CscaStore.from_dir(tmp_path), CscaStore.from_dir(tmp_path / "missing")
    assert len(empty) == len(missing) == 0
    assert check(sod_of(pki), empty) == SignatureVerdict("invalid", "unknown_csca")
    assert check(sod_of(pki), missing).reason == "unknown_csca"
    stranger = ThrowawayPki.generate()  # the same name and country, another key: not the issuer
    assert stranger.csca_certificate.subject == pki.csca_certificate.subject
    assert check(sod_of(pki), store_of(stranger)) == SignatureVerdict("invalid", "unknown_csca")
    assert check(sod_of(pki), store_of(ThrowawayPki.generate("FR"))).reason == "unknown_csca"


def test_key_rollover_tries_every_csca_of_the_name(pki: ThrowawayPki, rsa_pki: ThrowawayPki) -> None:
    old, new = pki, ThrowawayPki.generate()
    both = store_of(old, new)
    assert check(sod_of(old), both).reason == check(sod_of(new), both).reason == "valid"
    assert check(sod_of(new), store_of(new, old)).reason == "valid"
    rsa_new = ThrowawayPki.generate(key_type="rsa")  # an algorithm change at the rollover
    assert check(sod_of(rsa_pki), store_of(rsa_new, old, rsa_pki)).reason == "valid"


def test_rollover_without_an_authority_key_identifier_tries_each(pki: ThrowawayPki) -> None:
    old = ThrowawayPki.generate()
    new = ThrowawayPki.generate(authority_key_id=False)  # nothing says which of the two CSCAs signed
    assert check(sod_of(new), store_of(old, new)).reason == "valid"
    assert check(sod_of(new), store_of(old, pki)).reason == "unknown_csca"


def test_a_signer_named_by_its_subject_key_identifier(pki: ThrowawayPki, rsa_pki: ThrowawayPki) -> None:
    sod = sod_of(pki, key_id=True)
    assert sod.signer is not None and sod.signer.issuer is None and sod.signer.key_identifier
    assert check(sod, store_of(pki)) == SignatureVerdict("valid", "valid")
    other = dataclasses.replace(sod, certificates=(rsa_pki.der(rsa_pki.ds_certificate),))
    assert check(other, store_of(pki, rsa_pki)).reason == "no_signer"


def test_a_flipped_signature_is_bad_signature(small_card: BuiltCard) -> None:
    chip = EmrtdChip(small_card.files, small_card.mrz_key, ChipFaults(bad_signature=True))
    flipped = parse_sod(chip.files[0x011D])
    store = CscaStore.from_der(small_card.csca_certificate)
    assert check(flipped, store) == SignatureVerdict("invalid", "bad_signature")
    assert check(parse_sod(small_card.files[0x011D]), store).reason == "valid"


def test_a_tampered_security_object_is_digest_mismatch(pki: ThrowawayPki) -> None:
    original = build_sod(GROUPS, pki)
    content = parse_sod(original).content
    at = original.index(content) + len(content) - 1  # the last byte of the last data group's hash
    tampered = parse_sod(original[:at] + bytes([original[at] ^ 0x01]) + original[at + 1:])
    assert tampered.hashes[15] != parse_sod(original).hashes[15]
    assert check(tampered, store_of(pki)) == SignatureVerdict("invalid", "digest_mismatch")


def test_validity_dates_of_the_document_signer(pki: ThrowawayPki) -> None:
    year = dt.timedelta(days=365)
    expired = ThrowawayPki.generate(ds_validity=(NOW - 3 * year, NOW - year),
                                    csca=(pki.csca_key, pki.csca_certificate))
    assert check(sod_of(expired), store_of(pki)) == SignatureVerdict("invalid", "expired")
    early = ThrowawayPki.generate(ds_validity=(NOW + year, NOW + 2 * year),
                                  csca=(pki.csca_key, pki.csca_certificate))
    assert check(sod_of(early), store_of(pki)) == SignatureVerdict("invalid", "not_yet_valid")
    assert check(sod_of(pki), store_of(pki), TODAY + 11 * year).reason == "expired"
    assert check(sod_of(pki), store_of(pki), TODAY - 2 * year).reason == "not_yet_valid"


def test_the_csca_must_be_of_the_signers_country(pki: ThrowawayPki) -> None:
    foreign = ThrowawayPki.generate(ds_country="FR", csca=(pki.csca_key, pki.csca_certificate))
    assert check(sod_of(foreign), store_of(pki)) == SignatureVerdict("invalid", "country_mismatch")


def test_a_missing_or_wrong_signer_is_no_signer(pki: ThrowawayPki) -> None:
    sod = sod_of(pki)
    other = ThrowawayPki.generate()
    assert check(dataclasses.replace(sod, signer=None), store_of(pki)).reason == "no_signer"
    assert check(dataclasses.replace(sod, certificates=()), store_of(pki)).reason == "no_signer"
    wrong = dataclasses.replace(sod, certificates=(other.der(other.ds_certificate),))
    assert check(wrong, store_of(pki, other)) == SignatureVerdict("invalid", "no_signer")


def test_malformed_parts_are_invalid_never_an_exception(pki: ThrowawayPki, rsa_pki: ThrowawayPki) -> None:
    sod = sod_of(pki)
    signer = sod.signer
    assert signer is not None
    variants = [
        dataclasses.replace(sod, certificates=(b"\x30\x00",)),
        dataclasses.replace(sod, signer=dataclasses.replace(signer, signature_algorithm="1.2.3.4")),
        dataclasses.replace(sod, signer=dataclasses.replace(signer, content_type="1.2.840.113549.1.7.1")),
        dataclasses.replace(sod, signer=dataclasses.replace(signer, signed_attributes=None)),
        dataclasses.replace(sod, signer=dataclasses.replace(signer, digest_algorithm="1.2.3")),
        dataclasses.replace(sod, signer=dataclasses.replace(signer, signature_algorithm=RSA_SHA256)),
    ]
    for variant in variants:
        assert check(variant, store_of(pki)) == SignatureVerdict("invalid", "malformed")
    pss = sod_of(rsa_pki, pss=True)
    assert pss.signer is not None
    for parameters in (None, b"\x30\x03\x02\x01\x14", b"\x30\x05\xa3\x03\x02\x01\x02", b"\x04\x00"):
        broken_signer = dataclasses.replace(pss.signer, signature_parameters=parameters)
        broken = dataclasses.replace(pss, signer=broken_signer)
        assert check(broken, store_of(rsa_pki)) == SignatureVerdict("invalid", "malformed")


def test_a_signature_check_through_a_read(small_card: BuiltCard, tmp_path: Path) -> None:
    (tmp_path / "csca.der").write_bytes(small_card.csca_certificate)
    checker = sod_signature_check(CscaStore.from_dir(tmp_path))  # today: the date of each check
    chip = EmrtdChip(small_card.files, small_card.mrz_key, aa_key=small_card.aa_key)
    result = read_emrtd(ChipTransport(chip), small_card.mrz_key, signature_check=checker)
    assert result.passive_auth == {"hashes": "valid", "signature": "valid", "signature_detail": "valid"}
    bad = EmrtdChip(small_card.files, small_card.mrz_key, ChipFaults(bad_signature=True))
    flipped = read_emrtd(ChipTransport(bad), small_card.mrz_key, signature_check=checker)
    assert flipped.passive_auth == {"hashes": "valid", "signature": "invalid",
                                    "signature_detail": "bad_signature"}
    nobody = sod_signature_check(CscaStore())
    unknown = read_emrtd(ChipTransport(chip), small_card.mrz_key, signature_check=nobody)
    assert unknown.passive_auth["signature_detail"] == "unknown_csca"


def test_a_plain_string_check_still_plugs_in(pki: ThrowawayPki) -> None:
    result = passive_auth(sod_of(pki), GROUPS, lambda sod: "valid")
    assert (result.signature, result.signature_detail) == ("valid", "valid")
