"""ISO/IEC 7816-4 APDUs for an eMRTD: command building and parsing, response splitting, status words.

Everything here is plain (unprotected); `sm.py` wraps commands for secure messaging.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from drivers.card import tlv
from drivers.errors import AccessDenied, CardDataError, CardFileNotFound, DeviceFault, SecureMessagingError

LDS1_AID = bytes.fromhex("A0000002471001")
SW_OK = 0x9000
SW_END_OF_FILE = 0x6282  # fewer bytes than Le: the end of the file came first (a warning, data is valid)
SHORT_LE_MAX = 256
EXTENDED_LE_MAX = 65536


class Transport(Protocol):
    """Anything that carries one command APDU to a card and brings its response back (data ‖ SW1SW2)."""

    def transmit(self, apdu: bytes) -> bytes: ...


class CardStatusError(CardDataError):
    """The card answered a status word the reading procedure cannot continue after."""


@dataclass(frozen=True)
class CommandApdu:
    """A command APDU. `le` is the number of bytes expected (256 is short `00`, 65536 extended `0000`)."""

    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    le: int | None = None

    @property
    def header(self) -> bytes:
        return bytes([self.cla, self.ins, self.p1, self.p2])

    def to_bytes(self) -> bytes:
        """Encode, in the short form when it fits and the extended form otherwise."""
        extended = len(self.data) > 255 or (self.le or 0) > SHORT_LE_MAX
        body = b""
        if self.data:
            size = len(self.data)
            body += (b"\x00" + size.to_bytes(2, "big") if extended else bytes([size])) + self.data
        if self.le is not None:
            body += _encode_le(self.le, extended, bool(self.data))
        return self.header + body

    @classmethod
    def parse(cls, raw: bytes) -> CommandApdu:
        """Decode any of the ISO/IEC 7816-4 cases 1–4, short or extended; CardDataError when malformed."""
        if len(raw) < 4:
            raise CardDataError(f"command APDU of {len(raw)} bytes")
        cla, ins, p1, p2 = raw[:4]
        data, le = _parse_body(raw[4:])
        return cls(cla, ins, p1, p2, data, le)


def _encode_le(le: int, extended: bool, has_data: bool) -> bytes:
    if not 1 <= le <= EXTENDED_LE_MAX:
        raise ValueError(f"Le {le} out of range")
    if not extended:
        return bytes([le % SHORT_LE_MAX])
    encoded = (le % EXTENDED_LE_MAX).to_bytes(2, "big")
    return encoded if has_data else b"\x00" + encoded


def _parse_body(body: bytes) -> tuple[bytes, int | None]:
    if not body:
        return b"", None
    if len(body) == 1:
        return b"", body[0] or SHORT_LE_MAX
    if body[0] != 0:
        return _parse_short(body)
    if len(body) == 3:
        return b"", int.from_bytes(body[1:3], "big") or EXTENDED_LE_MAX
    return _parse_extended(body)


def _parse_short(body: bytes) -> tuple[bytes, int | None]:
    size = body[0]
    if len(body) == 1 + size:
        return body[1:], None
    if len(body) == 2 + size:
        return body[1:1 + size], body[-1] or SHORT_LE_MAX
    raise CardDataError("command APDU: Lc does not match the data")


def _parse_extended(body: bytes) -> tuple[bytes, int | None]:
    size = int.from_bytes(body[1:3], "big")
    if size == 0 or len(body) < 3:
        raise CardDataError("command APDU: bad extended length")
    if len(body) == 3 + size:
        return body[3:], None
    if len(body) == 5 + size:
        return body[3:3 + size], int.from_bytes(body[-2:], "big") or EXTENDED_LE_MAX
    raise CardDataError("command APDU: extended Lc does not match the data")


def split_response(response: bytes) -> tuple[bytes, int]:
    """A response APDU as (data, SW1SW2); CardDataError when it has no status word."""
    if len(response) < 2:
        raise CardDataError(f"response of {len(response)} bytes has no status word")
    return bytes(response[:-2]), int.from_bytes(response[-2:], "big")


# --- builders -----------------------------------------------------------------------------------------

def select_aid(aid: bytes = LDS1_AID) -> CommandApdu:
    """SELECT an application by AID, no FCI returned (`00 A4 04 0C`)."""
    return CommandApdu(0x00, 0xA4, 0x04, 0x0C, aid)


def select_fid(fid: int) -> CommandApdu:
    """SELECT an EF under the current DF by file identifier (`00 A4 02 0C 02 <FID>`)."""
    return CommandApdu(0x00, 0xA4, 0x02, 0x0C, fid.to_bytes(2, "big"))


def select_mf() -> CommandApdu:
    """SELECT the master file (`00 A4 00 0C 02 3F 00`)."""
    return CommandApdu(0x00, 0xA4, 0x00, 0x0C, b"\x3f\x00")


def read_binary(offset: int, le: int) -> CommandApdu:
    """READ BINARY of the current EF at an offset up to 0x7FFF."""
    if not 0 <= offset <= 0x7FFF:
        raise ValueError(f"offset {offset:#x} needs the odd-INS READ BINARY")
    return CommandApdu(0x00, 0xB0, offset >> 8, offset & 0xFF, le=le)


def read_binary_sfi(sfi: int, offset: int, le: int) -> CommandApdu:
    """READ BINARY by short file identifier (selects the EF implicitly; offset up to 255)."""
    if not 1 <= sfi <= 30 or not 0 <= offset <= 0xFF:
        raise ValueError(f"SFI {sfi} / offset {offset} out of range")
    return CommandApdu(0x00, 0xB0, 0x80 | sfi, offset, le=le)


def read_binary_odd(offset: int, le: int) -> CommandApdu:
    """READ BINARY with odd INS (B1) for offsets beyond 0x7FFF: offset in DO'54', data back in DO'53'."""
    encoded = offset.to_bytes(max(2, (offset.bit_length() + 7) // 8), "big")
    return CommandApdu(0x00, 0xB1, 0x00, 0x00, tlv.encode(0x54, encoded), le=le)


def get_challenge(length: int = 8) -> CommandApdu:
    """GET CHALLENGE (`00 84 00 00 08`)."""
    return CommandApdu(0x00, 0x84, 0x00, 0x00, le=length)


def external_authenticate(data: bytes, le: int = 0x28) -> CommandApdu:
    """EXTERNAL/MUTUAL AUTHENTICATE with the terminal's cryptogram (BAC: 40 bytes in, 40 out)."""
    return CommandApdu(0x00, 0x82, 0x00, 0x00, data, le=le)


def get_response(le: int) -> CommandApdu:
    """GET RESPONSE, after a `61 xx` status (T=0)."""
    return CommandApdu(0x00, 0xC0, 0x00, 0x00, le=le or SHORT_LE_MAX)


# --- status words -------------------------------------------------------------------------------------

_STATUS: dict[int, tuple[type[DeviceFault], str]] = {
    0x6300: (AccessDenied, "authentication failed (wrong access key?)"),
    0x6581: (CardStatusError, "memory failure"),
    0x6700: (CardStatusError, "wrong length"),
    0x6882: (SecureMessagingError, "secure messaging not supported"),
    0x6982: (AccessDenied, "security status not satisfied"),
    0x6983: (AccessDenied, "authentication method blocked"),
    0x6984: (AccessDenied, "reference data not usable"),
    0x6985: (AccessDenied, "conditions of use not satisfied"),
    0x6986: (CardStatusError, "command not allowed (no current EF)"),
    0x6987: (SecureMessagingError, "expected secure messaging data objects missing"),
    0x6988: (SecureMessagingError, "secure messaging data objects incorrect"),
    0x6A80: (CardStatusError, "incorrect data"),
    0x6A82: (CardFileNotFound, "file or application not found"),
    0x6A86: (CardStatusError, "incorrect P1-P2"),
    0x6A87: (CardStatusError, "Lc inconsistent with P1-P2"),
    0x6A88: (CardStatusError, "referenced data not found"),
    0x6B00: (CardStatusError, "wrong parameters (offset outside the EF)"),
    0x6D00: (CardStatusError, "instruction not supported"),
    0x6E00: (CardStatusError, "class not supported"),
    0x6F00: (CardStatusError, "no precise diagnosis"),
}

def is_success(sw: int) -> bool:
    """9000, or 6282 (end of file before Le bytes: the data returned is valid)."""
    return sw in (SW_OK, SW_END_OF_FILE)


def status_error(sw: int, doing: str = "") -> DeviceFault:
    """The exception for a non-success status word (not raised: the caller decides)."""
    kind: type[DeviceFault]
    if (sw & 0xFFF0) == 0x63C0:
        kind, text = AccessDenied, f"authentication failed, {sw & 0xF} tries left"
    elif sw >> 8 in (0x61, 0x6C):
        kind, text = CardStatusError, "unhandled length status"
    else:
        kind, text = _STATUS.get(sw, (CardStatusError, "unexpected status"))
    error = kind(f"{doing + ': ' if doing else ''}SW {sw:04X}: {text}")
    if isinstance(error, (AccessDenied, CardDataError)):
        error.sw = sw
    return error


def check_status(sw: int, doing: str = "") -> None:
    """Raise the status word's exception unless it is a success."""
    if not is_success(sw):
        raise status_error(sw, doing)


def exchange(transport: Transport, command: CommandApdu) -> tuple[bytes, int]:
    """Send a plain command; follow `61 xx` with GET RESPONSE and `6C xx` by resending with Le = xx.

    Returns:
        (data, SW1SW2) of the final response.
    """
    data, sw = split_response(transport.transmit(command.to_bytes()))
    if sw >> 8 == 0x6C and command.le is not None:
        retry = CommandApdu(command.cla, command.ins, command.p1, command.p2, command.data,
                            (sw & 0xFF) or SHORT_LE_MAX)
        data, sw = split_response(transport.transmit(retry.to_bytes()))
    return follow_response(transport, data, sw)


def follow_response(transport: Transport, data: bytes, sw: int, limit: int = 256) -> tuple[bytes, int]:
    """Collect the rest of a response announced with `61 xx` (T=0), at most `limit` times."""
    collected = data
    for _ in range(limit):
        if sw >> 8 != 0x61:
            return collected, sw
        more, sw = split_response(transport.transmit(get_response(sw & 0xFF).to_bytes()))
        collected += more
    raise CardDataError("card keeps announcing more response data")
