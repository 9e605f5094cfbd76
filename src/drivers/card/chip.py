"""An eMRTD chip in process: the card side, for the vpcd emulator and for fast tests.

`EmrtdChip(files, mrz_key, faults)` answers SELECT (AID, MF, FID), READ BINARY (offset, SFI, odd INS),
GET CHALLENGE and EXTERNAL AUTHENTICATE (BAC), and with `card_access` MSE:Set AT and GENERAL
AUTHENTICATE (PACE, `pace_chip`; EF.CardAccess readable in the MF). Access control is real: nothing in the
LDS1 application is readable before BAC (`69 82`), a wrong key gets `63 00`, and after BAC every command
must be protected (an unprotected command ends the session, a bad MAC gets `69 88`). `ChipTransport` plugs
a chip into `read_emrtd` directly; a torn card surfaces there as `CardRemoved`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from drivers.card import lds, tlv
from drivers.card.active_auth import AaPrivateKey, AaSigner
from drivers.card.apdu import LDS1_AID, CommandApdu
from drivers.card.bac import BacKeys, Rng, bac_chip_answer
from drivers.card.mrz import MrzKey
from drivers.card.pace_chip import PaceChip
from drivers.card.sm import SM_CLA, SecureChannel
from drivers.card.sod import parse_sod
from drivers.errors import CardDataError, CardRemoved, SecureMessagingError

Response = tuple[bytes, int]
HISTORICAL = b"KIOSK-EMRTD"
FID_CARD_ACCESS = 0x011C


class CardTorn(Exception):
    """Raised by `EmrtdChip.process` when the card is torn from the reader (fault mode): the vpcd
    emulator closes its socket, `ChipTransport` raises `CardRemoved`."""


@dataclass(frozen=True)
class ChipFaults:
    """Fault modes for tests and QA.

    Attributes:
        tear_after_apdus: answer this many APDUs, then raise `CardTorn` once (counting from the chip's
            creation, across power cycles; after a re-insertion the chip answers again).
        corrupt_dg: flip one byte in the middle of this DG's value (its hash no longer matches the SOD).
        corrupt_structure: with `corrupt_dg`, make the DG's header claim 16 bytes more than it holds.
        bad_mac_at: corrupt the MAC of the protected response to this APDU number (once).
        bad_signature: flip a byte of EF.SOD's signature (passive authentication: signature invalid).
        cloned_chip: answer Active Authentication with a key other than DG15's (a copy of the files
            without the private key: AA invalid).
    """

    tear_after_apdus: int | None = None
    corrupt_dg: int | None = None
    corrupt_structure: bool = False
    bad_mac_at: int | None = None
    bad_signature: bool = False
    cloned_chip: bool = False


def make_atr(historical: bytes = HISTORICAL) -> bytes:
    """A contactless-style ATR (T=1) with the given historical bytes and its TCK."""
    body = bytes([0x80 | len(historical), 0x80, 0x01]) + historical
    tck = 0
    for byte in body:
        tck ^= byte
    return b"\x3b" + body + bytes([tck])


class EmrtdChip:
    """An ICAO 9303 LDS1 chip with BAC, PACE (when it has EF.CardAccess) and secure messaging."""

    def __init__(self, files: Mapping[int, bytes], mrz_key: MrzKey | None = None,
                 faults: ChipFaults | None = None, *, tear_after_apdus: int | None = None,
                 corrupt_dg: int | None = None, corrupt_structure: bool = False,
                 bad_mac_at: int | None = None, rng: Rng = os.urandom, atr: bytes | None = None,
                 can: str | None = None, card_access: bytes | None = None,
                 aa_key: AaPrivateKey | bytes | None = None) -> None:
        """Args:
            files: FID → content (EF.COM 011E, EF.SOD 011D, DGn 01nn), all inside the LDS1 application.
            mrz_key: the key BAC opens with; None derives it from DG1.
            faults: fault modes as one object, or give them one by one as keywords (see `ChipFaults`).
            rng: randomness for challenges and keys.
            atr: the ATR `power_on` returns.
            can: the card access number PACE also opens with (None: MRZ only).
            card_access: EF.CardAccess (in the MF, readable without access control); None = a BAC-only chip.
            aa_key: the Active Authentication private key (PKCS#8 PEM or a key); None = no AA (6D00).
        """
        self.faults = faults or ChipFaults(tear_after_apdus, corrupt_dg, corrupt_structure, bad_mac_at)
        self.files = _apply_corruption(dict(files), self.faults)
        if self.faults.bad_signature and lds.FID_SOD in self.files:
            self.files[lds.FID_SOD] = _flip_signature(self.files[lds.FID_SOD])
        dg14 = files.get(lds.dg_fid(14))
        self.aa = None if aa_key is None else AaSigner(aa_key, dg14, self.faults.cloned_chip)
        key = mrz_key or lds.parse_dg1(files[lds.dg_fid(1)]).key()
        self.keys = BacKeys.from_key(key)
        self.mf_files = {FID_CARD_ACCESS: card_access} if card_access is not None else {}
        self.pace = PaceChip(card_access, key, can, rng) if card_access is not None else None
        self.rng, self.atr = rng, atr or make_atr()
        self.apdus = 0
        self._torn = self._mac_broken = False
        self.power_on()

    def power_on(self) -> bytes:
        """Power-up (or reset): every session state is forgotten. Returns the ATR."""
        self._app = False
        self._current: int | None = None
        self._challenge: bytes | None = None
        self._channel: SecureChannel | None = None
        if self.pace is not None:
            self.pace.reset()
        return self.atr

    @property
    def authenticated(self) -> bool:
        """True while a secure-messaging session is open."""
        return self._channel is not None

    def process(self, raw: bytes) -> bytes:
        """Answer one command APDU with its response APDU (data ‖ SW1SW2).

        Raises:
            CardTorn: the `tear_after_apdus` fault fires.
        """
        self._tear_check()
        self.apdus += 1
        try:
            command = CommandApdu.parse(raw)
        except CardDataError:
            return _sw(0x6700)
        if command.cla & SM_CLA == SM_CLA:
            return self._process_protected(raw)
        if command.cla != 0x00 and (command.cla, command.ins) != (0x10, 0x86):  # PACE chains with CLA 10
            return _sw(0x6E00)
        self._channel = None  # an unprotected command ends any secure-messaging session (9303-11 §9.8)
        data, sw = self._dispatch(command, secure=False)
        return data + sw.to_bytes(2, "big")

    def _tear_check(self) -> None:
        limit = self.faults.tear_after_apdus
        if limit is not None and not self._torn and self.apdus >= limit:
            self._torn = True
            self.power_on()
            raise CardTorn(f"card torn away after {self.apdus} APDUs")

    def _process_protected(self, raw: bytes) -> bytes:
        channel = self._channel
        if channel is None:
            return _sw(0x6988)
        try:
            command = channel.unwrap_command(raw)
        except SecureMessagingError:
            self._channel = None
            return _sw(0x6988)
        data, sw = self._dispatch(command, secure=True)
        response = channel.wrap_response(data, sw, odd_ins=bool(command.ins & 1))
        if self.faults.bad_mac_at == self.apdus and not self._mac_broken:
            self._mac_broken = True
            response = response[:-3] + bytes([response[-3] ^ 0x01]) + response[-2:]
        return response

    def _dispatch(self, command: CommandApdu, secure: bool) -> Response:
        handlers: dict[int, Callable[[CommandApdu, bool], Response]] = {
            0xA4: self._select, 0xB0: self._read_binary, 0xB1: self._read_binary_odd,
            0x84: self._get_challenge, 0x82: self._external_authenticate,
            0x22: self._mse_set_at, 0x86: self._general_authenticate, 0x88: self._internal_authenticate,
        }
        handler = handlers.get(command.ins)
        return handler(command, secure) if handler else (b"", 0x6D00)

    # --- file system ------------------------------------------------------------------------------

    def _select(self, command: CommandApdu, secure: bool) -> Response:
        if command.p1 == 0x04:
            if command.data != LDS1_AID:
                return b"", 0x6A82
            self._app, self._current = True, None
            return b"", 0x9000
        if command.p1 == 0x00 and command.data in (b"", b"\x3f\x00"):
            self._app, self._current = False, None
            return b"", 0x9000
        if command.p1 not in (0x00, 0x02) or len(command.data) != 2:
            return b"", 0x6A86
        return self._select_fid(int.from_bytes(command.data, "big"), secure)

    def _select_fid(self, fid: int, secure: bool) -> Response:
        if not self._app and fid in self.mf_files:  # EF.CardAccess: no access control
            self._current = fid
            return b"", 0x9000
        if not self._app or fid not in self.files:
            return b"", 0x6A82
        if not secure:
            return b"", 0x6982
        self._current = fid
        return b"", 0x9000

    def _read_binary(self, command: CommandApdu, secure: bool) -> Response:
        if command.p1 & 0x80:
            _, sw = self._select_fid(0x0100 | (command.p1 & 0x1F), secure)
            if sw != 0x9000:
                return b"", sw
            offset = command.p2
        else:
            offset = ((command.p1 & 0x7F) << 8) | command.p2
        return self._read_current(offset, command.le, secure)

    def _read_binary_odd(self, command: CommandApdu, secure: bool) -> Response:
        if command.p1 or command.p2:
            _, sw = self._select_fid((command.p1 << 8) | command.p2, secure)
            if sw != 0x9000:
                return b"", sw
        try:
            offset_bytes = tlv.decode_one(command.data, 0x54)
        except CardDataError:
            return b"", 0x6A80
        if not 1 <= len(offset_bytes) <= 4 or command.le is None or command.le < 3:
            return b"", 0x6700
        data, sw = self._read_current(int.from_bytes(offset_bytes, "big"), _fit_do53(command.le), secure)
        return (tlv.encode(0x53, data), sw) if data else (data, sw)

    def _read_current(self, offset: int, le: int | None, secure: bool) -> Response:
        public = not self._app and self._current in self.mf_files
        if not secure and not public:
            return b"", 0x6982
        if self._current is None:
            return b"", 0x6986
        if le is None:
            return b"", 0x6700
        content = (self.mf_files if public else self.files)[self._current]
        if offset >= len(content):
            return b"", 0x6B00
        data = content[offset:offset + le]
        return data, 0x9000 if len(data) == le else 0x6282

    # --- BAC --------------------------------------------------------------------------------------

    def _get_challenge(self, command: CommandApdu, secure: bool) -> Response:
        if command.le != 8 or command.data:
            return b"", 0x6700
        self._challenge = self.rng(8)
        return self._challenge, 0x9000

    def _external_authenticate(self, command: CommandApdu, secure: bool) -> Response:
        challenge, self._challenge = self._challenge, None  # a challenge is good for one attempt
        if not self._app or challenge is None:
            return b"", 0x6985
        answer = bac_chip_answer(self.keys, challenge, command.data, self.rng)
        if answer is None:
            return b"", 0x6300
        self._channel = answer[1]
        return answer[0], 0x9000

    # --- Active Authentication (active_auth.AaSigner) ---------------------------------------------

    def _internal_authenticate(self, command: CommandApdu, secure: bool) -> Response:
        if self.aa is None:
            return b"", 0x6D00
        if not secure:
            return b"", 0x6982
        if len(command.data) != 8:
            return b"", 0x6700
        return self.aa.sign(command.data), 0x9000


    # --- PACE (pace_chip.PaceChip) ---------------------------------------------------------------------

    def _mse_set_at(self, command: CommandApdu, secure: bool) -> Response:
        if self.pace is None or secure:
            return b"", 0x6D00 if self.pace is None else 0x6985
        return self.pace.mse_set_at(command)

    def _general_authenticate(self, command: CommandApdu, secure: bool) -> Response:
        if self.pace is None or secure:
            return b"", 0x6D00 if self.pace is None else 0x6985
        data, sw, channel = self.pace.general_authenticate(command)
        if channel is not None:
            self._channel = channel  # the next command must be protected with the PACE keys, SSC 0
        return data, sw


def _fit_do53(le: int) -> int:
    """The most data bytes whose DO'53' (tag, length, data) fits in `le` bytes."""
    return next(le - head for head in (2, 3, 4, 5) if 1 + len(tlv.encode_length(le - head)) == head)


def _sw(sw: int) -> bytes:
    return sw.to_bytes(2, "big")


def _flip_signature(sod_file: bytes) -> bytes:
    """EF.SOD with the last byte of its SignerInfo's signature flipped (the structure still parses)."""
    signer = parse_sod(sod_file).signer
    if signer is None:
        return sod_file
    at = sod_file.rindex(signer.signature) + len(signer.signature) - 1
    return sod_file[:at] + bytes([sod_file[at] ^ 0x01]) + sod_file[at + 1:]


def _apply_corruption(files: dict[int, bytes], faults: ChipFaults) -> dict[int, bytes]:
    if faults.corrupt_dg is None:
        return files
    fid = lds.dg_fid(faults.corrupt_dg)
    content = files[fid]
    item = tlv.read_tlv(content)
    header = content[:item.end - len(item.value)]
    if faults.corrupt_structure:
        files[fid] = tlv.encode_tag(item.tag) + tlv.encode_length(len(item.value) + 16) + item.value
    else:
        middle = len(header) + len(item.value) // 2
        files[fid] = content[:middle] + bytes([content[middle] ^ 0x01]) + content[middle + 1:]
    return files


class ChipTransport:
    """A transport straight into an in-process chip (no PC/SC): powers it on, turns a tear into
    `CardRemoved`, and can log the exchanged APDUs."""

    def __init__(self, chip: EmrtdChip, log: list[tuple[bytes, bytes]] | None = None) -> None:
        self.chip = chip
        self.atr = chip.power_on()
        self.log = log

    def transmit(self, apdu_bytes: bytes) -> bytes:
        try:
            response = self.chip.process(apdu_bytes)
        except CardTorn as error:
            raise CardRemoved(str(error)) from None
        if self.log is not None:
            self.log.append((apdu_bytes, response))
        return response

