"""Secure messaging (ICAO 9303-11 §9.8) for both ends of the channel: terminal and chip.

A `SecureChannel` holds the session keys and the send-sequence counter (SSC). The terminal calls `wrap`
then `unwrap`; the chip (emulator) calls `unwrap_command` then `wrap_response`. The SSC goes up by one
for each command and each response. Any failure raises `SecureMessagingError` and marks the channel
closed: the session must then be re-established, never continued with the old keys.

Two cipher suites behind `SmCipher`: 3DES (BAC, PACE-3DES) and AES (PACE-AES: IV = E(KSenc, SSC) with the
SSC of the message being protected, CMAC truncated to 8 bytes, 16-byte SSC).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Protocol

from drivers.card import crypto, tlv
from drivers.card.apdu import CommandApdu, split_response
from drivers.errors import CardDataError, SecureMessagingError

SM_CLA = 0x0C
MAC_SIZE = 8
UNPROTECTED_ANSWERS = frozenset({0x6A82})


class SmCipher(Protocol):
    """The cipher suite of a channel: how to encrypt, decrypt and MAC, given the SSC."""

    @property
    def block(self) -> int: ...

    @property
    def ssc_size(self) -> int: ...

    def encrypt(self, ssc: bytes, data: bytes) -> bytes: ...

    def decrypt(self, ssc: bytes, data: bytes) -> bytes: ...

    def mac(self, message: bytes) -> bytes: ...


@dataclass(frozen=True)
class Des3Cipher:
    """3DES secure messaging: CBC with IV 0, retail MAC, 8-byte SSC (the SSC is not used as IV)."""

    ks_enc: bytes
    ks_mac: bytes
    block: int = 8
    ssc_size: int = 8

    def encrypt(self, ssc: bytes, data: bytes) -> bytes:
        return crypto.des3_encrypt(self.ks_enc, data)

    def decrypt(self, ssc: bytes, data: bytes) -> bytes:
        return crypto.des3_decrypt(self.ks_enc, data)

    def mac(self, message: bytes) -> bytes:
        return crypto.retail_mac(self.ks_mac, message)


@dataclass(frozen=True)
class AesCipher:
    """AES secure messaging (9303-11 §9.8.6.2): CBC with IV = AES-ECB(KSenc, SSC), CMAC over the padded
    input truncated to 8 bytes, 16-byte SSC."""

    ks_enc: bytes
    ks_mac: bytes
    block: int = 16
    ssc_size: int = 16

    def encrypt(self, ssc: bytes, data: bytes) -> bytes:
        return crypto.aes_encrypt(self.ks_enc, data, self._iv(ssc))

    def decrypt(self, ssc: bytes, data: bytes) -> bytes:
        return crypto.aes_decrypt(self.ks_enc, data, self._iv(ssc))

    def mac(self, message: bytes) -> bytes:
        return crypto.aes_cmac(self.ks_mac, crypto.pad(message, self.block), MAC_SIZE)

    def _iv(self, ssc: bytes) -> bytes:
        return crypto.aes_block(self.ks_enc, ssc)


class SecureChannel:
    """One secure-messaging session: keys plus the send-sequence counter."""

    def __init__(self, cipher: SmCipher, ssc: bytes) -> None:
        self.cipher = cipher
        self._ssc = int.from_bytes(ssc, "big")
        self.closed = False

    @classmethod
    def des3(cls, ks_enc: bytes, ks_mac: bytes, ssc: bytes) -> SecureChannel:
        """A 3DES channel (after BAC)."""
        return cls(Des3Cipher(ks_enc, ks_mac), ssc)

    @classmethod
    def aes(cls, ks_enc: bytes, ks_mac: bytes, ssc: bytes = bytes(16)) -> SecureChannel:
        """An AES channel (after PACE: SSC 0)."""
        return cls(AesCipher(ks_enc, ks_mac), ssc)

    @property
    def ssc(self) -> bytes:
        """The counter as the MAC sees it: always `ssc_size` bytes, leading zeros kept."""
        return self._ssc.to_bytes(self.cipher.ssc_size, "big")

    def _next_ssc(self) -> bytes:
        self._ssc = (self._ssc + 1) % (1 << (8 * self.cipher.ssc_size))
        return self.ssc

    def _pad(self, data: bytes) -> bytes:
        return crypto.pad(data, self.cipher.block)

    def _fail(self, message: str) -> SecureMessagingError:
        self.closed = True
        return SecureMessagingError(message)

    # --- terminal side ----------------------------------------------------------------------------

    def wrap(self, command: CommandApdu | bytes) -> bytes:
        """Protect a plain command APDU; returns the bytes to transmit."""
        plain = command if isinstance(command, CommandApdu) else CommandApdu.parse(command)
        header = bytes([plain.cla | SM_CLA, plain.ins, plain.p1, plain.p2])
        body = self._data_object(plain) + _le_object(plain.le)
        mac = self.cipher.mac(self._next_ssc() + self._pad(header) + body)
        protected = CommandApdu(header[0], plain.ins, plain.p1, plain.p2, body + tlv.encode(0x8E, mac),
                                le=_outer_le(body, plain.le))
        return protected.to_bytes()

    def _data_object(self, plain: CommandApdu) -> bytes:
        if not plain.data:
            return b""
        encrypted = self.cipher.encrypt(self.ssc_after_next(), self._pad(plain.data))
        if plain.ins & 1:
            return tlv.encode(0x85, encrypted)
        return tlv.encode(0x87, b"\x01" + encrypted)

    def ssc_after_next(self) -> bytes:
        """The SSC the next message will be protected with (AES derives its IV from it)."""
        return ((self._ssc + 1) % (1 << (8 * self.cipher.ssc_size))).to_bytes(self.cipher.ssc_size, "big")

    def unwrap(self, response: bytes) -> bytes:
        """Verify and decrypt a protected response; returns the plain response (data ‖ SW from DO'99').

        An unprotected status word means the chip closed the session: it raises, except `6A82` (file not
        found), which some chips answer plainly and which is returned as it is, the channel marked closed.
        """
        body, sw = _split(response)
        if not body:
            self.closed = True
            if sw not in UNPROTECTED_ANSWERS:
                raise SecureMessagingError(f"unprotected status {sw:04X}: the chip closed secure messaging")
            return sw.to_bytes(2, "big")
        objects = self._parse_objects(body, (0x85, 0x87, 0x99), 0x99)
        mac_input = self._next_ssc() + body[:objects[0x8E].start]
        if not hmac.compare_digest(self.cipher.mac(mac_input), objects[0x8E].value):
            raise self._fail("response MAC does not verify")
        status = objects[0x99].value
        if len(status) != 2:
            raise self._fail("DO'99' is not a status word")
        return self._decrypt_data(objects) + status

    # --- chip side --------------------------------------------------------------------------------

    def unwrap_command(self, raw: bytes) -> CommandApdu:
        """Verify and decrypt a protected command (the chip's side); returns the plain command."""
        try:
            command = CommandApdu.parse(raw)
        except CardDataError as error:
            raise self._fail(str(error)) from None
        if command.cla & SM_CLA != SM_CLA:
            raise self._fail("command is not protected")
        objects = self._parse_objects(command.data, (0x85, 0x87, 0x97), None)
        mac_input = self._next_ssc() + self._pad(command.header) + command.data[:objects[0x8E].start]
        if not hmac.compare_digest(self.cipher.mac(mac_input), objects[0x8E].value):
            raise self._fail("command MAC does not verify")
        le = _decode_le(objects[0x97].value) if 0x97 in objects else None
        return CommandApdu(command.cla & ~SM_CLA & 0xFF, command.ins, command.p1, command.p2,
                           self._decrypt_data(objects), le)

    def wrap_response(self, data: bytes, sw: int, odd_ins: bool = False) -> bytes:
        """Protect a response (the chip's side): DO'87'/'85' (if data), DO'99', DO'8E', then SW."""
        body = b""
        if data:
            encrypted = self.cipher.encrypt(self.ssc_after_next(), self._pad(data))
            body = tlv.encode(0x85, encrypted) if odd_ins else tlv.encode(0x87, b"\x01" + encrypted)
        body += tlv.encode(0x99, sw.to_bytes(2, "big"))
        mac = self.cipher.mac(self._next_ssc() + body)
        return body + tlv.encode(0x8E, mac) + sw.to_bytes(2, "big")

    # --- shared -----------------------------------------------------------------------------------

    def _parse_objects(self, body: bytes, allowed: tuple[int, ...],
                       required: int | None) -> dict[int, tlv.Tlv]:
        """The data objects of a protected body: each allowed tag at most once, in order, DO'8E' last."""
        try:
            items = tlv.decode(body)
        except CardDataError as error:
            raise self._fail(f"malformed secure messaging data: {error}") from None
        objects = {item.tag: item for item in items}
        tags = [item.tag for item in items]
        if not tags or tags[-1] != 0x8E or len(objects) != len(items):
            raise self._fail("secure messaging data must end with one DO'8E'")
        if any(tag not in allowed for tag in tags[:-1]) or (0x85 in objects and 0x87 in objects):
            raise self._fail(f"unexpected secure messaging data objects {[f'{t:X}' for t in tags]}")
        if required is not None and required not in objects:
            raise self._fail(f"DO'{required:X}' missing")
        if len(objects[0x8E].value) != MAC_SIZE:
            raise self._fail("DO'8E' is not an 8-byte MAC")
        return objects

    def _decrypt_data(self, objects: dict[int, tlv.Tlv]) -> bytes:
        if 0x87 in objects:
            value = objects[0x87].value
            if not value or value[0] != 0x01:
                raise self._fail("DO'87' without padding-content indicator 01")
            return self._decrypt(value[1:])
        return self._decrypt(objects[0x85].value) if 0x85 in objects else b""

    def _decrypt(self, encrypted: bytes) -> bytes:
        if not encrypted or len(encrypted) % self.cipher.block:
            raise self._fail("encrypted data is not a whole number of blocks")
        try:
            return crypto.unpad(self.cipher.decrypt(self.ssc, encrypted), self.cipher.block)
        except ValueError as error:
            raise self._fail(str(error)) from None


def _split(response: bytes) -> tuple[bytes, int]:
    try:
        return split_response(response)
    except CardDataError as error:
        raise SecureMessagingError(str(error)) from None


def _le_object(le: int | None) -> bytes:
    """DO'97': Le in one byte (256 → 00), or two bytes when extended."""
    if le is None:
        return b""
    if le <= 256:
        return tlv.encode(0x97, bytes([le % 256]))
    return tlv.encode(0x97, (le % 65536).to_bytes(2, "big"))


def _decode_le(value: bytes) -> int:
    if len(value) == 1:
        return value[0] or 256
    if len(value) == 2:
        return int.from_bytes(value, "big") or 65536
    raise SecureMessagingError("DO'97' is not a length")


def _outer_le(body: bytes, le: int | None) -> int:
    """The protected command's own Le: 00 (or 0000 when the expected data needs extended length)."""
    return 65536 if (le or 0) > 256 or len(body) + 10 > 255 else 256
