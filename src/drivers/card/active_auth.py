"""Active Authentication (ICAO 9303-11 §6.1): the chip proves it holds the private key of DG15.

Passive authentication proves the data are the issuer's, not that the chip is the one they were written
to: a clone carries the same files. With AA the terminal sends a random 8-byte challenge in INTERNAL
AUTHENTICATE and checks the chip's signature with DG15's public key:
- RSA: ISO/IEC 9796-2 digital signature scheme 1 (partial message recovery): the recovered block is
  `6A ‖ M1 ‖ H(M1 ‖ challenge) ‖ trailer`, trailer `BC` (SHA-1) or `<hash id> CC`;
- ECDSA: a plain `r ‖ s` signature (BSI TR-03111) over the challenge, with the hash DG14's
  ActiveAuthenticationInfo names. Without it the hash follows the key size (SHA-256 up to 256-bit curves,
  SHA-384 up to 384, SHA-512 above): a convention of readers (JMRTD's too), not a rule of 9303.

Both sides live here: the terminal's `active_authenticate`, and the chip's `aa_sign` for the emulator.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from drivers.card import tlv
from drivers.card.apdu import CommandApdu
from drivers.card.security_infos import ActiveAuthenticationInfo, parse_security_infos
from drivers.errors import CardDataError

TAG_DG14, TAG_DG15 = 0x6E, 0x6F
CHALLENGE_SIZE = 8
RSA_AA_BITS = 1536  # a 192-byte signature: its protected response still fits a short APDU (256 bytes)
AA_SIGNATURE_HASHES = {
    "0.4.0.127.0.7.1.1.4.1.1": "sha1", "0.4.0.127.0.7.1.1.4.1.2": "sha224",  # BSI ecdsa-plain-SHA*
    "0.4.0.127.0.7.1.1.4.1.3": "sha256", "0.4.0.127.0.7.1.1.4.1.4": "sha384",
    "0.4.0.127.0.7.1.1.4.1.5": "sha512",
    "1.2.840.10045.4.1": "sha1", "1.2.840.10045.4.3.1": "sha224",  # X9.62 ecdsa-with-SHA*
    "1.2.840.10045.4.3.2": "sha256", "1.2.840.10045.4.3.3": "sha384", "1.2.840.10045.4.3.4": "sha512",
}
ISO9796_HASH_IDS = {0x33: "sha1", 0x34: "sha256", 0x35: "sha512", 0x36: "sha384", 0x38: "sha224"}
TRAILER_SHA1 = 0xBC  # implicit SHA-1
TRAILER_EXPLICIT = 0xCC  # preceded by the hash id
HEADER_PARTIAL = 0x6A  # '01' start, '1' partial recovery, no padding, 'A' border nibble
_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha1": hashes.SHA1, "sha224": hashes.SHA224, "sha256": hashes.SHA256, "sha384": hashes.SHA384,
    "sha512": hashes.SHA512}

AaPublicKey = rsa.RSAPublicKey | ec.EllipticCurvePublicKey
AaPrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
Send = Callable[[CommandApdu], tuple[bytes, int]]
"""One protected exchange: the plain command in, the plain (data, status word) out."""


@dataclass(frozen=True)
class AaResult:
    """`verdict`: valid | invalid (the chip's signature does not verify, or DG15 is garbage) | absent (no
    DG15) | failed (the chip answered an error); `detail`: a short reason and the scheme used."""

    verdict: str
    detail: str


# --- DG15 and DG14 ------------------------------------------------------------------------------------

def parse_dg15(data: bytes) -> AaPublicKey:
    """DG15 (`6F { SubjectPublicKeyInfo }`) → the AA public key (RSA or EC); CardDataError otherwise."""
    try:
        key = serialization.load_der_public_key(tlv.decode_one(data, TAG_DG15))
    except (ValueError, UnsupportedAlgorithm) as error:
        raise CardDataError(f"DG15 does not hold a public key ({error.__class__.__name__})") from None
    if not isinstance(key, rsa.RSAPublicKey | ec.EllipticCurvePublicKey):
        raise CardDataError(f"DG15 holds a {type(key).__name__}, not an RSA or EC key")
    return key


def dg15(public_key: AaPublicKey) -> bytes:
    """DG15 for a public key (the card builder's side)."""
    return tlv.encode(TAG_DG15, public_key.public_bytes(serialization.Encoding.DER,
                                                        serialization.PublicFormat.SubjectPublicKeyInfo))


def aa_hash_from_dg14(data: bytes) -> str | None:
    """The hash of DG14's ActiveAuthenticationInfo (`SEQUENCE { 2.23.136.1.1.5, version, algorithm }`),
    None when DG14 has none; CardDataError when DG14 is malformed or names an unknown algorithm."""
    for info in parse_security_infos(tlv.decode_one(data, TAG_DG14)):
        if isinstance(info, ActiveAuthenticationInfo):
            if info.signature_algorithm not in AA_SIGNATURE_HASHES:
                raise CardDataError(f"DG14: AA signature algorithm {info.signature_algorithm} not supported")
            return AA_SIGNATURE_HASHES[info.signature_algorithm]
    return None


def ecdsa_hash_by_size(key: ec.EllipticCurvePublicKey | ec.EllipticCurvePrivateKey) -> str:
    """The fallback when DG14 names no hash: by the curve's size."""
    bits = key.curve.key_size
    return "sha256" if bits <= 256 else "sha384" if bits <= 384 else "sha512"


# --- the terminal's check ---------------------------------------------------------------------------

def internal_authenticate(challenge: bytes) -> CommandApdu:
    """`00 88 00 00 08 <challenge> 00`."""
    return CommandApdu(0x00, 0x88, 0x00, 0x00, challenge, 256)


def active_authenticate(send: Send, dg15_file: bytes | None, dg14_file: bytes | None = None,
                        rng: Callable[[int], bytes] = os.urandom) -> AaResult:
    """Challenge the chip through `send` (secure messaging: the read's session) and check its answer."""
    if dg15_file is None:
        return AaResult("absent", "no_dg15")
    try:
        key = parse_dg15(dg15_file)
    except CardDataError:
        return AaResult("invalid", "malformed_dg15")
    scheme, hash_name = _scheme(key, dg14_file)
    challenge = rng(CHALLENGE_SIZE)
    data, sw = send(internal_authenticate(challenge))
    if sw != 0x9000:
        return AaResult("failed", f"sw_{sw:04X}")
    if verify_aa(key, challenge, data, hash_name):
        return AaResult("valid", f"valid ({scheme})")
    return AaResult("invalid", f"bad_signature ({scheme})")


def _scheme(key: AaPublicKey, dg14_file: bytes | None) -> tuple[str, str | None]:
    """A label for the audit, and the ECDSA hash (None for RSA: its trailer says)."""
    if isinstance(key, rsa.RSAPublicKey):
        return "rsa iso9796-2", None
    named = None
    if dg14_file is not None:
        try:
            named = aa_hash_from_dg14(dg14_file)
        except CardDataError:
            named = None  # a tampered DG14 fails passive authentication anyway
    if named is not None:
        return f"ecdsa {named} from dg14", named
    chosen = ecdsa_hash_by_size(key)
    return f"ecdsa {chosen} by key size", chosen


def verify_aa(key: AaPublicKey, challenge: bytes, signature: bytes, hash_name: str | None = None) -> bool:
    """The chip's answer checked with DG15's key (`hash_name`: ECDSA only; default by key size)."""
    if isinstance(key, rsa.RSAPublicKey):
        return verify_iso9796_2(key, challenge, signature)
    return verify_plain_ecdsa(key, challenge, signature, hash_name or ecdsa_hash_by_size(key))


def verify_iso9796_2(key: rsa.RSAPublicKey, message: bytes, signature: bytes) -> bool:
    """ISO/IEC 9796-2 scheme 1, partial recovery: `message` is the non-recoverable part (the challenge)."""
    numbers = key.public_numbers()
    size = (numbers.n.bit_length() + 7) // 8
    value = int.from_bytes(signature, "big")
    if len(signature) != size or not 0 < value < numbers.n:
        return False
    block = pow(value, numbers.e, numbers.n)
    if block & 0x0F != 0x0C:  # the signer may have sent n − J (9796-2 §B.6): both end in nibble C
        block = numbers.n - block
    return _recovered_block_matches(block.to_bytes(size, "big"), message)


def _recovered_block_matches(block: bytes, message: bytes) -> bool:
    """`header ‖ [padding] ‖ M1 ‖ H(M1 ‖ message) ‖ trailer`."""
    if block[-1] == TRAILER_SHA1:
        hash_name, trailer = "sha1", 1
    elif block[-1] == TRAILER_EXPLICIT and block[-2] in ISO9796_HASH_IDS:
        hash_name, trailer = ISO9796_HASH_IDS[block[-2]], 2
    else:
        return False
    start = _recoverable_start(block)
    digest_at = len(block) - trailer - hashlib.new(hash_name).digest_size
    if start is None or digest_at < start:
        return False
    expected = hashlib.new(hash_name, block[start:digest_at] + message).digest()
    return hmac.compare_digest(expected, block[digest_at:-trailer])


def _recoverable_start(block: bytes) -> int | None:
    """Where M1 starts: after `6A`, or after `6B BB … BA` padding; None for any other header (the '01'
    start and the partial-recovery bit are required: the challenge is not in the block)."""
    if block[0] & 0xF0 != 0x60:
        return None
    if block[0] & 0x0F == 0x0A:
        return 1
    if block[0] & 0x0F != 0x0B:
        return None
    at = 1
    while at < len(block) and block[at] == 0xBB:
        at += 1
    return at + 1 if at < len(block) and block[at] == 0xBA else None


def verify_plain_ecdsa(key: ec.EllipticCurvePublicKey, message: bytes, signature: bytes,
                       hash_name: str) -> bool:
    """A plain `r ‖ s` signature (each as long as the curve order) over `message`."""
    size = (key.curve.key_size + 7) // 8
    if len(signature) != 2 * size or hash_name not in _HASHES:
        return False
    r, s = int.from_bytes(signature[:size], "big"), int.from_bytes(signature[size:], "big")
    if not r or not s:
        return False
    try:
        key.verify(encode_dss_signature(r, s), message, ec.ECDSA(_HASHES[hash_name]()))
    except InvalidSignature:
        return False
    return True


# --- the chip's side (emulator) ---------------------------------------------------------------------

def aa_sign(private_key: AaPrivateKey, challenge: bytes, hash_name: str = "sha256",
            rng: Callable[[int], bytes] = os.urandom) -> bytes:
    """The chip's answer to INTERNAL AUTHENTICATE: RSA ISO/IEC 9796-2 scheme 1 (SHA-1 with trailer BC,
    others with `id CC`) or plain ECDSA `r ‖ s`."""
    if isinstance(private_key, ec.EllipticCurvePrivateKey):
        r, s = decode_dss_signature(private_key.sign(challenge, ec.ECDSA(_HASHES[hash_name]())))
        size = (private_key.curve.key_size + 7) // 8
        return r.to_bytes(size, "big") + s.to_bytes(size, "big")
    numbers = private_key.private_numbers()
    n = numbers.public_numbers.n
    size = (n.bit_length() + 7) // 8
    trailer = bytes([TRAILER_SHA1]) if hash_name == "sha1" else bytes(
        [_hash_id(hash_name), TRAILER_EXPLICIT])
    m1 = rng(size - 1 - hashlib.new(hash_name).digest_size - len(trailer))
    block = bytes([HEADER_PARTIAL]) + m1 + hashlib.new(hash_name, m1 + challenge).digest() + trailer
    return pow(int.from_bytes(block, "big"), numbers.d, n).to_bytes(size, "big")


def _hash_id(hash_name: str) -> int:
    return next(code for code, name in ISO9796_HASH_IDS.items() if name == hash_name)


def generate_aa_key(kind: str) -> AaPrivateKey:
    """A throwaway AA key for an emulated chip: "ecdsa" (P-256) or "rsa"."""
    if kind == "ecdsa":
        return ec.generate_private_key(ec.SECP256R1())
    if kind == "rsa":
        return rsa.generate_private_key(65537, RSA_AA_BITS)
    raise ValueError(f"AA key kind {kind!r} is not rsa or ecdsa")


def private_key_pem(key: AaPrivateKey) -> bytes:
    """PKCS#8 PEM, unencrypted (a test key, generated at build time)."""
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def load_aa_key(pem: bytes) -> AaPrivateKey:
    """An AA private key from PKCS#8 PEM; ValueError when it is not an RSA or EC key."""
    key = serialization.load_pem_private_key(pem, None)
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise ValueError(f"an AA key must be RSA or EC, not {type(key).__name__}")
    return key


class AaSigner:
    """The emulated chip's side of AA: its private key (PKCS#8 PEM or a key), the hash it signs with (DG14's
    choice, else by key size; SHA-256 for RSA), and for a cloned chip a key other than DG15's."""

    def __init__(self, key: AaPrivateKey | bytes, dg14_file: bytes | None = None,
                 cloned: bool = False) -> None:
        own = load_aa_key(key) if isinstance(key, bytes) else key
        if cloned:  # the clone copied the files, not the private key: it can only sign with one of its own
            own = ec.generate_private_key(own.curve) if isinstance(own, ec.EllipticCurvePrivateKey) else (
                rsa.generate_private_key(65537, own.key_size))
        self.key = own
        named = aa_hash_from_dg14(dg14_file) if dg14_file is not None else None
        by_size = ecdsa_hash_by_size(own) if isinstance(own, ec.EllipticCurvePrivateKey) else "sha256"
        self.hash_name = named or by_size

    def sign(self, challenge: bytes) -> bytes:
        return aa_sign(self.key, challenge, self.hash_name)
