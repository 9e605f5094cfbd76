"""Active Authentication (`drivers.card.active_auth`): DG15, the chip's answer to INTERNAL AUTHENTICATE
(RSA ISO/IEC 9796-2 scheme 1, plain ECDSA) and the terminal's check, through whole in-process reads
(genuine chip, clone, no DG15, an error status) and on hand-made recovered blocks."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from drivers.card import tlv
from drivers.card.active_auth import (
    AaResult,
    AaSigner,
    aa_hash_from_dg14,
    aa_sign,
    active_authenticate,
    dg15,
    ecdsa_hash_by_size,
    generate_aa_key,
    load_aa_key,
    parse_dg15,
    verify_aa,
    verify_iso9796_2,
    verify_plain_ecdsa,
)
from drivers.card.apdu import CommandApdu
from drivers.card.card_builder import BuiltCard, build_card
from drivers.card.card_signer import ThrowawayPki
from drivers.card.chip import ChipFaults, ChipTransport, EmrtdChip
from drivers.card.emrtd import read_emrtd
from drivers.card.sod import encode_oid
from drivers.errors import CardDataError
from tests.drivers.card.helpers import demo_persona

CHALLENGE = bytes.fromhex("F173589974BF40C6")
ECDSA_PLAIN_SHA384 = "0.4.0.127.0.7.1.1.4.1.4"


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    key = generate_aa_key("rsa")
    assert isinstance(key, rsa.RSAPrivateKey)
    return key


@pytest.fixture(scope="module")
def rsa_card(pki: ThrowawayPki, small_jpeg: bytes) -> BuiltCard:
    return build_card(demo_persona("renewal-ok"), pki=pki, portrait=small_jpeg, aa="rsa")


def read(card: BuiltCard, **chip_options: Any) -> Any:
    chip = EmrtdChip(card.files, card.mrz_key, **chip_options)
    return read_emrtd(ChipTransport(chip), card.mrz_key)


def dg14(algorithm: str) -> bytes:
    info = tlv.encode(0x30, tlv.encode(0x06, encode_oid("2.23.136.1.1.5")) + tlv.encode(0x02, b"\x01")
                      + tlv.encode(0x06, encode_oid(algorithm)))
    return tlv.encode(0x6E, tlv.encode(0x31, info))


# --- whole reads ------------------------------------------------------------------------------------

def test_a_genuine_ecdsa_chip_passes(small_card: BuiltCard) -> None:
    result = read(small_card, aa_key=small_card.aa_key)
    assert (result.active_auth, result.active_auth_detail) == ("valid", "valid (ecdsa sha256 by key size)")
    assert 15 in result.groups and result.passive_auth["hashes"] == "valid"  # DG15 is hashed like the others


def test_a_genuine_rsa_chip_passes(rsa_card: BuiltCard) -> None:
    assert isinstance(parse_dg15(rsa_card.files[0x010F]), rsa.RSAPublicKey)
    result = read(rsa_card, aa_key=rsa_card.aa_key)
    assert (result.active_auth, result.active_auth_detail) == ("valid", "valid (rsa iso9796-2)")


def test_a_clone_without_the_private_key_is_invalid(small_card: BuiltCard, rsa_card: BuiltCard) -> None:
    for card in (small_card, rsa_card):
        result = read(card, aa_key=card.aa_key, faults=ChipFaults(cloned_chip=True))
        assert result.active_auth == "invalid" and result.active_auth_detail.startswith("bad_signature")
        assert result.passive_auth["hashes"] == "valid"  # the copied data are genuine: only AA tells


def test_no_dg15_is_absent(pki: ThrowawayPki, small_jpeg: bytes) -> None:
    card = build_card(demo_persona("renewal-ok"), pki=pki, portrait=small_jpeg, aa=None)
    assert card.aa_key is None and 0x010F not in card.files
    result = read(card)
    assert (result.active_auth, result.active_auth_detail) == ("absent", "no_dg15")


def test_an_error_status_is_failed(small_card: BuiltCard) -> None:
    result = read(small_card)  # DG15 but no key in the chip: INTERNAL AUTHENTICATE is not supported
    assert (result.active_auth, result.active_auth_detail) == ("failed", "sw_6D00")


def test_active_auth_can_be_left_out(small_card: BuiltCard) -> None:
    chip = EmrtdChip(small_card.files, small_card.mrz_key, aa_key=small_card.aa_key)
    log: list[tuple[bytes, bytes]] = []
    result = read_emrtd(ChipTransport(chip, log), small_card.mrz_key, active_auth=False)
    assert result.active_auth == "unchecked" and 15 not in result.groups
    assert all(command[1] != 0x88 for command, _ in log)


def test_internal_authenticate_needs_secure_messaging(small_card: BuiltCard) -> None:
    chip = EmrtdChip(small_card.files, small_card.mrz_key, aa_key=small_card.aa_key)
    transport = ChipTransport(chip)
    transport.transmit(bytes.fromhex("00A4040C07A0000002471001"))
    assert transport.transmit(bytes.fromhex("0088000008") + CHALLENGE + b"\x00") == bytes.fromhex("6982")


def test_the_card_folder_keeps_the_aa_key(small_card: BuiltCard, tmp_path: Any) -> None:
    from drivers.card.card_builder import load_card, write_card_dir
    card = write_card_dir(demo_persona("renewal-ok"), tmp_path / "card", portrait=b"")
    loaded = load_card(tmp_path / "card")
    assert loaded.aa_key == card.aa_key and loaded.aa_key is not None
    assert loaded.aa_key.startswith(b"-----BEGIN PRIVATE KEY-----")
    result = read(loaded, aa_key=loaded.aa_key)
    assert result.active_auth == "valid"


# --- the terminal's check with a scripted chip ----------------------------------------------------

def scripted(signer: AaSigner, sw: int = 0x9000) -> tuple[list[bytes], Any]:
    sent: list[bytes] = []

    def send(command: CommandApdu) -> tuple[bytes, int]:
        sent.append(command.to_bytes())
        return (signer.sign(command.data) if sw == 0x9000 else b""), sw
    return sent, send


def test_the_apdu_and_the_challenge(rsa_key: rsa.RSAPrivateKey) -> None:
    sent, send = scripted(AaSigner(rsa_key))
    result = active_authenticate(send, dg15(rsa_key.public_key()), rng=lambda n: CHALLENGE[:n])
    assert result == AaResult("valid", "valid (rsa iso9796-2)")
    assert sent == [bytes.fromhex("0088000008") + CHALLENGE + b"\x00"]
    refusing = scripted(AaSigner(rsa_key), 0x6985)[1]
    assert active_authenticate(refusing, dg15(rsa_key.public_key())) == AaResult("failed", "sw_6985")


def test_dg14_names_the_ecdsa_hash() -> None:
    key = generate_aa_key("ecdsa")
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    info = dg14(ECDSA_PLAIN_SHA384)
    assert aa_hash_from_dg14(info) == "sha384" and aa_hash_from_dg14(tlv.encode(0x6E, b"\x31\x00")) is None
    public = dg15(key.public_key())
    assert active_authenticate(scripted(AaSigner(key, info))[1], public, info) == AaResult(
        "valid", "valid (ecdsa sha384 from dg14)")
    # the chip signs with SHA-256 (no DG14 on its side) while DG14 says SHA-384: not the chip's signature
    assert active_authenticate(scripted(AaSigner(key))[1], public, info).verdict == "invalid"
    with pytest.raises(CardDataError):
        aa_hash_from_dg14(dg14("1.2.3.4"))


def test_the_hash_by_key_size() -> None:
    assert ecdsa_hash_by_size(ec.generate_private_key(ec.SECP256R1())) == "sha256"
    assert ecdsa_hash_by_size(ec.generate_private_key(ec.SECP384R1())) == "sha384"
    assert ecdsa_hash_by_size(ec.generate_private_key(ec.SECP521R1()).public_key()) == "sha512"
    key = ec.generate_private_key(ec.BrainpoolP384R1())
    assert active_authenticate(scripted(AaSigner(key))[1], dg15(key.public_key())) == AaResult(
        "valid", "valid (ecdsa sha384 by key size)")


def test_a_malformed_dg15() -> None:
    for data in (b"", tlv.encode(0x6F, b"\x30\x00"), tlv.encode(0x6E, b"\x30\x00"), b"\x6f\x05\x30\x03"):
        with pytest.raises(CardDataError):
            parse_dg15(data)
    sent, send = scripted(AaSigner(generate_aa_key("ecdsa")))
    assert active_authenticate(send, b"\x6f\x00") == AaResult("invalid", "malformed_dg15") and not sent
    assert active_authenticate(send, None) == AaResult("absent", "no_dg15") and not sent


def test_a_pem_key_loads_and_an_unfit_one_does_not() -> None:
    from cryptography.hazmat.primitives.asymmetric import ed25519
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
    edwards = ed25519.Ed25519PrivateKey.generate()
    pem = edwards.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    with pytest.raises(ValueError):
        load_aa_key(pem)
    with pytest.raises(ValueError):
        generate_aa_key("dsa")


# --- ISO/IEC 9796-2 scheme 1 -------------------------------------------------------------------------

def recovered(key: rsa.RSAPrivateKey, block: bytes) -> bytes:
    """A 'signature' whose recovered block is exactly `block` (raw RSA with the private exponent)."""
    numbers = key.private_numbers()
    size = (key.key_size + 7) // 8
    return pow(int.from_bytes(block, "big"), numbers.d, numbers.public_numbers.n).to_bytes(size, "big")


def block(key: rsa.RSAPrivateKey, message: bytes = CHALLENGE, *, header: int = 0x6A,
          trailer: bytes = b"\x34\xcc", hash_name: str = "sha256", padding: int = 0) -> bytes:
    size = (key.key_size + 7) // 8
    pad = bytes([0xBB] * (padding - 1) + [0xBA]) if padding else b""
    m1 = bytes(range(size - 1 - len(pad) - hashlib.new(hash_name).digest_size - len(trailer)))
    return bytes([header]) + pad + m1 + hashlib.new(hash_name, m1 + message).digest() + trailer


def test_9796_2_well_formed_blocks_verify(rsa_key: rsa.RSAPrivateKey) -> None:
    public = rsa_key.public_key()
    assert verify_iso9796_2(public, CHALLENGE, recovered(rsa_key, block(rsa_key)))
    sha1 = block(rsa_key, trailer=b"\xbc", hash_name="sha1")
    assert verify_iso9796_2(public, CHALLENGE, recovered(rsa_key, sha1))
    for hash_id, name in ((0x33, "sha1"), (0x35, "sha512"), (0x36, "sha384"), (0x38, "sha224")):
        signed = recovered(rsa_key, block(rsa_key, trailer=bytes([hash_id, 0xCC]), hash_name=name))
        assert verify_iso9796_2(public, CHALLENGE, signed), name
    padded = block(rsa_key, header=0x6B, padding=3)
    assert verify_iso9796_2(public, CHALLENGE, recovered(rsa_key, padded))
    for name in ("sha1", "sha256", "sha512"):
        assert verify_aa(public, CHALLENGE, aa_sign(rsa_key, CHALLENGE, name))


def test_9796_2_a_wrong_trailer_fails(rsa_key: rsa.RSAPrivateKey) -> None:
    public = rsa_key.public_key()
    for trailer in (b"\x34\xbd", b"\x31\xcc", b"\x33\xcc"):  # unknown trailer, unknown hash id, SHA-1's id
        assert not verify_iso9796_2(public, CHALLENGE, recovered(rsa_key, block(rsa_key, trailer=trailer)))


def test_9796_2_a_wrong_header_fails(rsa_key: rsa.RSAPrivateKey) -> None:
    public = rsa_key.public_key()
    for header in (0x4A, 0x2A, 0x6C, 0x7A):  # total recovery, wrong start bits, no border nibble, '0111'
        assert not verify_iso9796_2(public, CHALLENGE, recovered(rsa_key, block(rsa_key, header=header)))
    unterminated = block(rsa_key, header=0x6B, padding=3)
    unterminated = unterminated[:3] + b"\xbb" + unterminated[4:]  # padding without its BA border
    assert not verify_iso9796_2(public, CHALLENGE, recovered(rsa_key, unterminated))


def test_9796_2_a_wrong_hash_fails(rsa_key: rsa.RSAPrivateKey) -> None:
    public = rsa_key.public_key()
    signed = recovered(rsa_key, block(rsa_key))
    assert not verify_iso9796_2(public, CHALLENGE[::-1], signed)  # another challenge
    assert not verify_iso9796_2(public, CHALLENGE, recovered(rsa_key, block(rsa_key, message=b"12345678")))
    assert not verify_iso9796_2(public, CHALLENGE, signed[:-1])  # not the modulus' length
    assert not verify_iso9796_2(public, CHALLENGE, b"\xff" * len(signed))  # not below the modulus
    assert not verify_iso9796_2(public, CHALLENGE, bytes(len(signed)))


def test_plain_ecdsa_rejects_what_is_not_r_and_s() -> None:
    key = generate_aa_key("ecdsa")
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    public, signature = key.public_key(), aa_sign(key, CHALLENGE)
    assert len(signature) == 64 and verify_plain_ecdsa(public, CHALLENGE, signature, "sha256")
    assert not verify_plain_ecdsa(public, CHALLENGE, signature, "sha384")
    assert not verify_plain_ecdsa(public, CHALLENGE, signature[:-1], "sha256")
    assert not verify_plain_ecdsa(public, CHALLENGE, bytes(32) + signature[32:], "sha256")
    assert not verify_plain_ecdsa(public, CHALLENGE, signature, "md5")
