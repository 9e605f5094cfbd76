"""Hostile bytes against the authenticity checks: DG15 and DG14 parsing raise nothing but `CardDataError`;
the SOD signature check and the AA verifiers never raise at all, whatever the chip sends."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from hypothesis import given
from hypothesis import strategies as st

from drivers.card import tlv
from drivers.card.active_auth import (
    aa_hash_from_dg14,
    aa_sign,
    dg15,
    generate_aa_key,
    parse_dg15,
    verify_iso9796_2,
    verify_plain_ecdsa,
)
from drivers.card.card_signer import ThrowawayPki, build_sod
from drivers.card.sod import encode_oid, parse_sod
from drivers.card.trust import CscaStore, verify_sod_signature
from drivers.errors import CardDataError
from tests.drivers.card.test_fuzz import FUZZ, Edit, edits, mutate

REASONS = {"valid", "unknown_csca", "bad_signature", "digest_mismatch", "expired", "not_yet_valid",
           "country_mismatch", "malformed", "no_signer"}
GROUPS = {1: tlv.encode(0x61, b"mrz"), 15: tlv.encode(0x6F, b"key")}
RSA_PKI, EC_PKI = ThrowawayPki.generate(key_type="rsa"), ThrowawayPki.generate()
SODS = {"ecdsa": build_sod(GROUPS, EC_PKI), "rsa": build_sod(GROUPS, RSA_PKI),
        "pss": build_sod(GROUPS, RSA_PKI, "sha384", pss=True),
        "key_id": build_sod(GROUPS, EC_PKI, key_id=True)}
STORE = CscaStore([EC_PKI.csca_certificate, RSA_PKI.csca_certificate])
RSA_KEY, EC_KEY = generate_aa_key("rsa"), generate_aa_key("ecdsa")
DG15S = {"rsa": dg15(RSA_KEY.public_key()), "ecdsa": dg15(EC_KEY.public_key())}
AA_INFO = tlv.encode(0x30, tlv.encode(0x06, encode_oid("2.23.136.1.1.5")) + tlv.encode(0x02, b"\x01")
                     + tlv.encode(0x06, encode_oid("0.4.0.127.0.7.1.1.4.1.3")))
DG14 = tlv.encode(0x6E, tlv.encode(0x31, AA_INFO))
CHALLENGE = bytes(8)
DAY = EC_PKI.ds_certificate.not_valid_before_utc.date()  # within every certificate's validity


def check_mutated_sod(data: bytes) -> None:
    try:
        sod = parse_sod(data)
    except CardDataError:
        return
    verdict = verify_sod_signature(sod, STORE, DAY)
    assert verdict.verdict in {"valid", "invalid"} and verdict.reason in REASONS
    assert (verdict.verdict == "valid") == (verdict.reason == "valid")


@pytest.mark.parametrize("kind", sorted(SODS))
def test_the_unmutated_sods_verify(kind: str) -> None:
    assert verify_sod_signature(parse_sod(SODS[kind]), STORE, DAY).reason == "valid"


@FUZZ
@given(kind=st.sampled_from(sorted(SODS)), changes=edits)
def test_mutated_sods_never_break_the_signature_check(kind: str, changes: list[Edit]) -> None:
    check_mutated_sod(mutate(SODS[kind], changes))


@FUZZ
@given(kind=st.sampled_from(sorted(SODS)), at=st.integers(0, 1 << 16), value=st.integers(1, 255))
def test_a_flipped_byte_in_the_signed_parts_is_never_valid(kind: str, at: int, value: int) -> None:
    original = SODS[kind]
    sod = parse_sod(original)
    assert sod.signer is not None and sod.signer.signed_attributes is not None
    start = original.index(sod.signer.signed_attributes)
    signed = range(start, start + len(sod.signer.signed_attributes))  # what the document signer signed
    where = signed[at % len(signed)]
    flipped = original[:where] + bytes([original[where] ^ value]) + original[where + 1:]
    with contextlib.suppress(CardDataError):
        assert verify_sod_signature(parse_sod(flipped), STORE, DAY).verdict == "invalid"


@FUZZ
@given(st.binary(max_size=300))
def test_arbitrary_sod_bytes(data: bytes) -> None:
    check_mutated_sod(data)
    check_mutated_sod(tlv.encode(0x77, data))


@FUZZ
@given(st.binary(max_size=200))
def test_arbitrary_dg15_and_dg14_bytes(data: bytes) -> None:
    for parse in (parse_dg15, aa_hash_from_dg14):
        with contextlib.suppress(CardDataError):
            parse(data)
    with contextlib.suppress(CardDataError):
        parse_dg15(tlv.encode(0x6F, data))
    with contextlib.suppress(CardDataError):
        aa_hash_from_dg14(tlv.encode(0x6E, tlv.encode(0x31, data)))


@FUZZ
@given(kind=st.sampled_from(sorted(DG15S)), changes=edits)
def test_mutated_dg15(kind: str, changes: list[Edit]) -> None:
    with contextlib.suppress(CardDataError):
        parse_dg15(mutate(DG15S[kind], changes))


@FUZZ
@given(changes=edits)
def test_mutated_dg14(changes: list[Edit]) -> None:
    with contextlib.suppress(CardDataError):
        assert aa_hash_from_dg14(mutate(DG14, changes)) in {None, "sha1", "sha224", "sha256", "sha384",
                                                            "sha512"}


@FUZZ
@given(signature=st.binary(max_size=260), changes=edits)
def test_aa_verifiers_answer_true_or_false(signature: bytes, changes: list[Edit]) -> None:
    rsa_public, ec_public = parse_dg15(DG15S["rsa"]), parse_dg15(DG15S["ecdsa"])
    assert isinstance(rsa_public, rsa.RSAPublicKey) and isinstance(ec_public, ec.EllipticCurvePublicKey)
    assert verify_iso9796_2(rsa_public, CHALLENGE, signature) in (True, False)
    assert verify_plain_ecdsa(ec_public, CHALLENGE, signature, "sha256") in (True, False)
    genuine = aa_sign(RSA_KEY, CHALLENGE)
    mutated = mutate(genuine, changes)
    assert verify_iso9796_2(rsa_public, CHALLENGE, mutated) == (mutated == genuine)


@FUZZ
@given(st.binary(max_size=400))
def test_the_csca_folder_survives_any_file(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    folder: Path = tmp_path_factory.mktemp("csca")
    (folder / "a.der").write_bytes(data)
    (folder / "b.pem").write_bytes(b"-----BEGIN CERTIFICATE-----\n" + data + b"\n-----END CERTIFICATE-----\n")
    assert len(CscaStore.from_dir(folder)) <= 2
