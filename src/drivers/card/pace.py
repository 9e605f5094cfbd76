"""PACE (ICAO 9303-11 §4.4), terminal side: ECDH generic mapping, AES or 3DES session keys.

`PaceAccess(password)` is an `emrtd.Access`: SELECT MF, read EF.CardAccess, pick the best suite the chip
offers, run MSE:Set AT and the four GENERAL AUTHENTICATE steps, then SELECT the LDS1 application under the
new secure channel. `policy_access(mrz_key, can, policy)` chooses between PACE and BAC at read time
("pace-preferred" / "pace-required"): a wrong password never falls back, a PACE failure falls back to BAC
only when preferred, with an MRZ key, and visibly (`name` becomes "BAC", `note` says why, a warning is
logged). The protocol's building blocks (`password_key`, `decrypt_nonce`, `map_generator`, `shared_secret`,
`session_keys`, `auth_token`, `Group`) are shared with the chip emulator (`pace_chip`).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from ecdsa import curves, ellipticcurve

from drivers.card import apdu, crypto, tlv
from drivers.card.apdu import CommandApdu, Transport
from drivers.card.emrtd import BacAccess
from drivers.card.mrz import MrzKey
from drivers.card.security_infos import PaceInfo, PaceSuite, SecurityInfo, pace_infos, parse_security_infos
from drivers.card.sm import SecureChannel
from drivers.card.sod import encode_oid
from drivers.errors import AccessDenied, CardDataError, UnsupportedCard

log = logging.getLogger("drivers.card.pace")
Rng = Callable[[int], bytes]
SFI_CARD_ACCESS = 0x1C
MAX_CARD_ACCESS = 0x1000
POLICIES = ("pace-preferred", "pace-required")
ECDSA_CURVES: dict[str, curves.Curve] = {
    "P-192": curves.NIST192p, "brainpoolP192r1": curves.BRAINPOOLP192r1, "P-224": curves.NIST224p,
    "brainpoolP224r1": curves.BRAINPOOLP224r1, "P-256": curves.NIST256p,
    "brainpoolP256r1": curves.BRAINPOOLP256r1, "brainpoolP320r1": curves.BRAINPOOLP320r1,
    "P-384": curves.NIST384p, "brainpoolP384r1": curves.BRAINPOOLP384r1,
    "brainpoolP512r1": curves.BRAINPOOLP512r1, "P-521": curves.NIST521p,
}


class PaceError(CardDataError):
    """PACE broke for a reason other than the password: an unexpected answer, a bad point or token."""


# --- passwords ----------------------------------------------------------------------------------------

@dataclass(frozen=True, repr=False)
class CanPassword:
    """The card access number printed on the card (usually 6 digits), as ISO 8859-1 bytes."""

    can: str
    reference: ClassVar[int] = 0x02

    def __post_init__(self) -> None:
        if not self.can or not self.can.isdigit() or not self.can.isascii():
            raise ValueError("the CAN is the digits printed on the card")

    def __repr__(self) -> str:
        return "CanPassword(can='******')"

    def secret(self) -> bytes:
        return self.can.encode("latin-1")


@dataclass(frozen=True)
class MrzPassword:
    """The MRZ key: π = SHA-1(MRZ information), the string BAC also uses."""

    key: MrzKey
    reference: ClassVar[int] = 0x01

    def secret(self) -> bytes:
        return hashlib.sha1(self.key.mrz_information().encode("ascii")).digest()


Password = CanPassword | MrzPassword


# --- elliptic-curve group -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Group:
    """A curve with a generator (the standard one, or the mapped G')."""

    curve: curves.Curve
    generator: ellipticcurve.PointJacobi

    @classmethod
    def standard(cls, info: PaceInfo) -> Group:
        curve = ECDSA_CURVES.get(info.curve or "")
        if curve is None:
            raise PaceError(f"PACE parameter id {info.parameter_id} is not a supported curve")
        return cls(curve, curve.generator)

    @property
    def size(self) -> int:
        """Bytes of a field element."""
        return (self.curve.curve.p().bit_length() + 7) // 8

    @property
    def order(self) -> int:
        return int(self.curve.order)

    def encode(self, point: ellipticcurve.PointJacobi) -> bytes:
        """Uncompressed: 04 ‖ x ‖ y."""
        return b"\x04" + int(point.x()).to_bytes(self.size, "big") + int(point.y()).to_bytes(self.size, "big")

    def decode(self, data: bytes) -> ellipticcurve.PointJacobi:
        """An uncompressed point of this curve; PaceError unless it is a finite point on the curve."""
        if len(data) != 1 + 2 * self.size or data[0] != 0x04:
            raise PaceError(f"PACE: not an uncompressed point of {self.curve.name} ({len(data)} bytes)")
        x, y = int.from_bytes(data[1:1 + self.size], "big"), int.from_bytes(data[1 + self.size:], "big")
        if not self.curve.curve.contains_point(x, y):
            raise PaceError("PACE: the point is not on the curve")
        return ellipticcurve.PointJacobi(self.curve.curve, x, y, 1, self.order)

    def private_key(self, rng: Rng) -> int:
        """A scalar in [1, n-1]: `rng` bytes masked to the order's bit length, drawn again when out of range
        (unbiased, and a given key passes through unchanged, which the ICAO worked example needs)."""
        bits = self.order.bit_length()
        while True:
            candidate = int.from_bytes(rng((bits + 7) // 8), "big") & ((1 << bits) - 1)
            if 1 <= candidate < self.order:
                return candidate

    def keypair(self, rng: Rng) -> tuple[int, ellipticcurve.PointJacobi]:
        secret = self.private_key(rng)
        return secret, self.generator * secret


def map_generator(group: Group, nonce: bytes, secret: int, other: ellipticcurve.PointJacobi) -> Group:
    """Generic mapping (9303-11 §4.4.3.3.1): G' = s·G + H with H = SK_map · PK_map of the other side."""
    shared = other * secret
    mapped = group.generator * (int.from_bytes(nonce, "big") % group.order) + shared
    if shared == ellipticcurve.INFINITY or mapped == ellipticcurve.INFINITY:
        raise PaceError("PACE: the mapping gave the point at infinity")
    affine = ellipticcurve.PointJacobi(group.curve.curve, mapped.x(), mapped.y(), 1, group.order)
    return Group(group.curve, affine)


def shared_secret(group: Group, secret: int, other: ellipticcurve.PointJacobi) -> bytes:
    """The x-coordinate of SK · PK, field-size bytes."""
    point = other * secret
    if point == ellipticcurve.INFINITY:
        raise PaceError("PACE: the key agreement gave the point at infinity")
    return int(point.x()).to_bytes(group.size, "big")


# --- symmetric parts ----------------------------------------------------------------------------------

def password_key(password: Password, suite: PaceSuite) -> bytes:
    """Kπ = KDF(π, 3)."""
    return crypto.pace_kdf(password.secret(), 3, suite.cipher, suite.key_length)


def nonce_size(suite: PaceSuite) -> int:
    return crypto.BLOCK if suite.cipher == "3DES" else crypto.AES_BLOCK


def encrypt_nonce(k_pi: bytes, nonce: bytes, suite: PaceSuite) -> bytes:
    """z = E(Kπ, s), CBC with IV 0 (the chip's side)."""
    if suite.cipher == "3DES":
        return crypto.des3_encrypt(k_pi, nonce)
    return crypto.aes_encrypt(k_pi, nonce)


def decrypt_nonce(k_pi: bytes, encrypted: bytes, suite: PaceSuite) -> bytes:
    """s = D(Kπ, z), CBC with IV 0."""
    if not encrypted or len(encrypted) % nonce_size(suite):
        raise PaceError(f"PACE: an encrypted nonce of {len(encrypted)} bytes")
    if suite.cipher == "3DES":
        return crypto.des3_decrypt(k_pi, encrypted)
    return crypto.aes_decrypt(k_pi, encrypted)


def session_keys(secret: bytes, suite: PaceSuite) -> tuple[bytes, bytes]:
    """KSenc = KDF(K, 1), KSmac = KDF(K, 2)."""
    return (crypto.pace_kdf(secret, 1, suite.cipher, suite.key_length),
            crypto.pace_kdf(secret, 2, suite.cipher, suite.key_length))


def auth_token(ks_mac: bytes, info: PaceInfo, point: bytes) -> bytes:
    """T = MAC(KSmac, 7F49{06 OID, 86 point}) over the other side's ephemeral public key."""
    suite = _suite(info)
    data = tlv.encode(0x7F49, tlv.encode(0x06, encode_oid(info.protocol_oid)) + tlv.encode(0x86, point))
    if suite.cipher == "3DES":
        return crypto.retail_mac(ks_mac, data)
    return crypto.aes_cmac(ks_mac, data, 8)


def secure_channel(ks_enc: bytes, ks_mac: bytes, suite: PaceSuite) -> SecureChannel:
    """The channel after PACE: SSC 0."""
    if suite.cipher == "3DES":
        return SecureChannel.des3(ks_enc, ks_mac, bytes(8))
    return SecureChannel.aes(ks_enc, ks_mac)


def _suite(info: PaceInfo) -> PaceSuite:
    suite = info.suite
    if suite is None:
        raise PaceError(f"{info.protocol_oid} is not a PACE protocol")
    return suite


def supported(info: PaceInfo) -> bool:
    """ECDH generic mapping on a standard curve this module knows."""
    suite = info.suite
    generic_ecdh = suite is not None and (suite.agreement, suite.mapping) == ("ECDH", "GM")
    return generic_ecdh and info.curve in ECDSA_CURVES


def choose(infos: tuple[SecurityInfo, ...]) -> PaceInfo | None:
    """The strongest supported PACEInfo: AES before 3DES, longer keys first, then the larger curve."""
    usable = [info for info in pace_infos(infos) if supported(info)]
    return max(usable, key=_strength, default=None)


def _strength(info: PaceInfo) -> tuple[bool, int, int]:
    suite = _suite(info)
    return suite.cipher == "AES", suite.key_length, ECDSA_CURVES[info.curve or ""].order.bit_length()


# --- the terminal's run -------------------------------------------------------------------------------

def mse_set_at(info: PaceInfo, password: Password, with_parameter_id: bool = True) -> CommandApdu:
    """MSE:Set AT for PACE: DO'80' OID, DO'83' password reference, DO'84' parameter id (when known)."""
    data = tlv.encode(0x80, encode_oid(info.protocol_oid)) + tlv.encode(0x83, bytes([password.reference]))
    if with_parameter_id and info.parameter_id is not None:
        data += tlv.encode(0x84, bytes([info.parameter_id]))
    return CommandApdu(0x00, 0x22, 0xC1, 0xA4, data)


def general_authenticate(inner: bytes, last: bool) -> CommandApdu:
    """GENERAL AUTHENTICATE with a dynamic authentication data object; CLA 10 while chaining."""
    return CommandApdu(0x00 if last else 0x10, 0x86, 0x00, 0x00, tlv.encode(0x7C, inner), le=256)


@dataclass
class PaceTerminal:
    """One PACE run against a chip. `with_parameter_id`: send DO'84' in MSE:Set AT."""

    info: PaceInfo
    password: Password
    rng: Rng = os.urandom
    with_parameter_id: bool = True
    trace: dict[str, bytes] = field(default_factory=dict, repr=False)  # intermediate values, for tests

    def run(self, transport: Transport) -> SecureChannel:
        """Raises AccessDenied (wrong password, with `retries_left`), PaceError (anything else)."""
        suite, group = _suite(self.info), Group.standard(self.info)
        command = mse_set_at(self.info, self.password, self.with_parameter_id)
        self._send(transport, command, "MSE:Set AT", warnings=True)
        encrypted = self._step(transport, b"", 0x80, False)
        nonce = decrypt_nonce(password_key(self.password, suite), encrypted, suite)
        map_secret, map_public = group.keypair(self.rng)
        chip_map = group.decode(self._step(transport, tlv.encode(0x81, group.encode(map_public)), 0x82,
                                           False))
        mapped = map_generator(group, nonce, map_secret, chip_map)
        secret, public = mapped.keypair(self.rng)
        ours = mapped.encode(public)
        theirs = self._step(transport, tlv.encode(0x83, ours), 0x84, False)
        chip_public = mapped.decode(theirs)
        if theirs == ours:
            raise PaceError("PACE: the chip's ephemeral key equals the terminal's")
        ks_enc, ks_mac = session_keys(shared_secret(mapped, secret, chip_public), suite)
        token = self._step(transport, tlv.encode(0x85, auth_token(ks_mac, self.info, theirs)), 0x86, True)
        if not hmac.compare_digest(token, auth_token(ks_mac, self.info, ours)):
            raise PaceError("PACE: the chip's authentication token does not verify")
        self.trace.update(nonce=nonce, mapped=mapped.encode(mapped.generator), ks_enc=ks_enc, ks_mac=ks_mac)
        return secure_channel(ks_enc, ks_mac, suite)

    def _step(self, transport: Transport, inner: bytes, answer_tag: int, last: bool) -> bytes:
        doing = f"GENERAL AUTHENTICATE (DO'{answer_tag:X}')"
        data = self._send(transport, general_authenticate(inner, last), doing)
        try:
            objects = tlv.children(tlv.decode_one(data, 0x7C))
        except CardDataError as error:
            raise PaceError(f"PACE: malformed dynamic authentication data ({error})") from None
        if answer_tag not in objects:
            raise PaceError(f"PACE: the chip's answer lacks DO'{answer_tag:X}'")
        return objects[answer_tag]

    def _send(self, transport: Transport, command: CommandApdu, doing: str, warnings: bool = False) -> bytes:
        """The answer's data; with `warnings`, `63 Cx` (x ≥ 1) only reports the retry counter (as
        TR-03110-3 allows for MSE:Set AT)."""
        data, sw = apdu.exchange(transport, command)
        if warnings and sw & 0xFFF0 == 0x63C0 and sw & 0x0F:
            log.info("PACE: %d password tries left", sw & 0x0F)
            return data
        if sw == 0x6300 or sw & 0xFFF0 == 0x63C0 or sw == 0x6983:
            raise password_refused(sw)
        if sw != apdu.SW_OK:
            error = PaceError(f"PACE: {doing} answered SW {sw:04X}")
            error.sw = sw
            raise error
        return data


def password_refused(sw: int) -> AccessDenied:
    """The AccessDenied for `63 00`, `63 Cx` (x tries left) or `69 83` (blocked)."""
    retries = 0 if sw == 0x6983 else (sw & 0x0F if sw & 0xFFF0 == 0x63C0 else None)
    left = f", {retries} tries left" if retries is not None else ""
    error = AccessDenied(f"PACE refused the password (SW {sw:04X}{left}): check the CAN or the MRZ data")
    error.sw, error.retries_left = sw, retries
    return error


# --- EF.CardAccess and the access steps ---------------------------------------------------------------

def read_card_access(transport: Transport) -> bytes | None:
    """SELECT MF, then EF.CardAccess by SFI 1C, unprotected; None when the card has none (any error SW)."""
    apdu.exchange(transport, apdu.select_mf())  # some chips refuse it; the SFI read still works there
    content, sw = apdu.exchange(transport, apdu.read_binary_sfi(SFI_CARD_ACCESS, 0, 256))
    if not apdu.is_success(sw):
        log.debug("no EF.CardAccess (SW %04X)", sw)
        return None
    while (size := tlv.total_length(content)) is None or len(content) < size:
        if len(content) >= MAX_CARD_ACCESS or (size or 0) > MAX_CARD_ACCESS:
            raise CardDataError("EF.CardAccess is too large")
        wanted = min(256, (size or 256) - len(content))
        part, sw = apdu.exchange(transport, apdu.read_binary(len(content), wanted))
        if not apdu.is_success(sw) or not part:
            raise CardDataError(f"EF.CardAccess ends at {len(content)} bytes (SW {sw:04X})")
        content += part
    return content[:size]


def card_security_infos(transport: Transport) -> tuple[SecurityInfo, ...]:
    """The SecurityInfos of EF.CardAccess, () when there is none."""
    content = read_card_access(transport)
    return parse_security_infos(content) if content is not None else ()


def open_with_pace(transport: Transport, info: PaceInfo, password: Password, rng: Rng = os.urandom
                   ) -> SecureChannel:
    """PACE, then SELECT the LDS1 application under the new channel."""
    channel = PaceTerminal(info, password, rng).run(transport)
    data, sw = apdu.split_response(transport.transmit(channel.wrap(apdu.select_aid())))
    data, sw = apdu.follow_response(transport, data, sw)
    _, sw = apdu.split_response(channel.unwrap(data + sw.to_bytes(2, "big")))
    if sw == 0x6A82:
        raise UnsupportedCard("the card has no eMRTD application (SW 6A82)")
    apdu.check_status(sw, "SELECT eMRTD application (secure messaging)")
    return channel


@dataclass(frozen=True)
class PaceAccess:
    """PACE with a password (CAN or MRZ), as an `emrtd.Access`."""

    password: Password
    rng: Rng = os.urandom
    name: str = "PACE"

    def __call__(self, transport: Transport) -> SecureChannel:
        info = choose(card_security_infos(transport))
        if info is None:
            raise UnsupportedCard("the card offers no PACE suite this kiosk supports")
        return open_with_pace(transport, info, self.password, self.rng)


class PolicyAccess:
    """PACE or BAC as the policy and the card decide; `name` and `note` tell what happened (after a call)."""

    def __init__(self, mrz_key: MrzKey | None, can: str | None, policy: str, rng: Rng = os.urandom) -> None:
        if policy not in POLICIES:
            raise ValueError(f"policy {policy!r} is not one of {', '.join(POLICIES)}")
        self.password: Password
        if can:
            self.password = CanPassword(can)
        elif mrz_key is not None:
            self.password = MrzPassword(mrz_key)
        else:
            raise ValueError("PACE/BAC needs the CAN or the MRZ key")
        self.mrz_key, self.policy, self.rng = mrz_key, policy, rng
        self.name = "PACE"
        self.note: str | None = None

    def __call__(self, transport: Transport) -> SecureChannel:
        self.name, self.note = "PACE", None
        try:
            infos = card_security_infos(transport)
        except CardDataError as error:  # an EF.CardAccess that does not parse offers nothing usable
            return self._without_pace(transport, f"EF.CardAccess unusable ({error})")
        info = choose(infos)
        if info is None:
            offered = [str(offer) for offer in pace_infos(infos)]
            reason = f"the card offers only PACE {', '.join(offered)}, which this kiosk does not support" \
                if offered else "the card does not offer PACE"
            return self._without_pace(transport, reason)
        try:
            return open_with_pace(transport, info, self.password, self.rng)
        except AccessDenied:
            raise  # a wrong password never falls back: BAC would only burn another try
        except CardDataError as error:
            if self.policy == "pace-required" or self.mrz_key is None:
                log.warning("PACE failed (%s): no fallback (%s)", error, self.policy)
                raise
            return self._bac(transport, f"PACE failed: {error}; BAC used", warn=True)

    def _without_pace(self, transport: Transport, reason: str) -> SecureChannel:
        if self.policy == "pace-required":
            raise UnsupportedCard(f"PACE required by policy but the card does not offer it ({reason})")
        if self.mrz_key is None:
            raise AccessDenied(f"{reason}: this card opens with BAC, which needs the MRZ data, not the CAN")
        return self._bac(transport, f"{reason}; BAC used", warn=False)

    def _bac(self, transport: Transport, note: str, warn: bool) -> SecureChannel:
        assert self.mrz_key is not None
        self.name, self.note = "BAC", note
        log.log(logging.WARNING if warn else logging.INFO, "%s", note)
        return BacAccess(self.mrz_key, self.rng)(transport)


def policy_access(mrz_key: MrzKey | None, can: str | None, policy: str,
                  rng: Rng = os.urandom) -> PolicyAccess:
    """The access step for a read under `policy` ("pace-preferred" | "pace-required"): PACE with the CAN
    when given (else the MRZ key) if the card offers it, BAC otherwise (preferred only).

    Raises:
        ValueError: an unknown policy, or neither a CAN nor an MRZ key.
    """
    return PolicyAccess(mrz_key, can, policy, rng)
