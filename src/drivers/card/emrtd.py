"""Reading an eMRTD, terminal side (ICAO 9303-11 §1 inspection), over any transport.

`read_emrtd(transport, key)` opens the LDS1 application (BAC by default; the access step is a swappable
`Access` so PACE can take its place), reads EF.COM, EF.SOD, DG1, DG2 and DG11 (when listed) under secure
messaging in the largest chunks a short APDU allows, parses them and checks the data-group hashes (and the
SOD's signature when given a `signature_check`, see `trust.py`). With DG15 listed it reads DG14/DG15 and
runs Active Authentication in the same session (`active_auth.py`).
A secure-messaging failure re-establishes the session once (access again, re-select) and the read goes on.

Errors: `AccessDenied` (wrong key), `CardRemoved`/`NoMedia` (from the transport: card gone),
`UnsupportedCard` (no eMRTD application), `CardDataError` and its `SecureMessagingError` (garbage, or SM
broken twice).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, TypeVar

from drivers.card import apdu, bac, tlv
from drivers.card.active_auth import AaResult, active_authenticate
from drivers.card.apdu import CommandApdu, Transport
from drivers.card.base import DocumentData
from drivers.card.face import FaceImage, parse_dg2
from drivers.card.lds import (
    FID_COM,
    FID_SOD,
    EfCom,
    PersonalDetails,
    dg_fid,
    document_data,
    parse_com,
    parse_dg1,
    parse_dg11,
)
from drivers.card.mrz import Mrz, MrzKey
from drivers.card.passive_auth import SignatureCheck, passive_auth
from drivers.card.sm import SecureChannel
from drivers.card.sod import SecurityObject, parse_sod
from drivers.errors import CardDataError, CardFileNotFound, SecureMessagingError, UnsupportedCard

__all__ = ["Access", "BacAccess", "EmrtdRead", "Transport", "read_emrtd"]

DEFAULT_MAX_READ = 0xE0  # 224 data bytes: the protected response (DO'87' + DO'99' + DO'8E' + SW) fits 256
HEADER_READ = 4  # enough for a one-byte tag and a length up to 65535
MAX_FILE = 0x100000  # a header claiming more than 1 MiB is garbage
DEFAULT_GROUPS = (1, 2, 11)
AA_GROUPS = (14, 15)  # ActiveAuthenticationInfo (its ECDSA hash) and the AA public key
T = TypeVar("T")


class Access(Protocol):
    """An access-control step: opens the LDS1 application and returns its secure channel."""

    @property
    def name(self) -> str:
        """BAC | PACE"""
        ...

    def __call__(self, transport: Transport) -> SecureChannel: ...


@dataclass(frozen=True)
class BacAccess:
    """SELECT the LDS1 application (plain), then BAC with the MRZ key."""

    key: MrzKey
    rng: bac.Rng = os.urandom
    name: str = "BAC"

    def __call__(self, transport: Transport) -> SecureChannel:
        _, sw = apdu.exchange(transport, apdu.select_aid())
        if sw == 0x6A82:
            raise UnsupportedCard("the card has no eMRTD application (SW 6A82)")
        apdu.check_status(sw, "SELECT eMRTD application")
        return bac.authenticate(transport, self.key, self.rng)


@dataclass(frozen=True)
class EmrtdRead:
    """Everything one read gave."""

    document: DocumentData  # DG1, enriched from DG11: full name, personal number, address, full birth date
    portrait: bytes | None  # DG2's first image as stored (JPEG or JPEG 2000)
    portrait_format: str | None  # jpeg | jpeg2000 (from the magic bytes)
    portrait_width: int | None  # from the 19794-5 record header
    portrait_height: int | None
    passive_auth: dict[str, str]  # {"hashes": valid|invalid|absent, "signature": unchecked|valid|invalid,
    #                                "signature_detail": the signature's reason code (trust.py)}
    passive_auth_failed: tuple[int, ...]  # DGs whose hash differs from (or is missing in) EF.SOD
    apdus: int  # every APDU sent: access control, re-authentication and GET RESPONSE included
    groups: dict[int, bytes] = field(repr=False)  # DG number → the file as read (tag, length, value)
    mrz: Mrz | None = field(default=None, repr=False)
    details: PersonalDetails | None = field(default=None, repr=False)  # DG11
    com: EfCom | None = None
    sod: SecurityObject | None = field(default=None, repr=False)
    access: str = "BAC"
    reauthentications: int = 0  # sessions re-established after a secure-messaging error
    active_auth: str = "unchecked"  # valid | invalid | absent (no DG15) | failed (chip error) | unchecked
    active_auth_detail: str = ""  # a short reason and the scheme: "valid (ecdsa sha256 by key size)", …


class CountingTransport:
    """Counts the APDUs that go through."""

    def __init__(self, transport: Transport) -> None:
        self.transport = transport
        self.count = 0

    def transmit(self, apdu_bytes: bytes) -> bytes:
        self.count += 1
        return self.transport.transmit(apdu_bytes)


class Session:
    """The conversation with one chip: a secure channel, re-opened once after a secure-messaging error."""

    def __init__(self, transport: Transport, access: Access, max_read: int = DEFAULT_MAX_READ,
                 use_sfi: bool = False, reopen_limit: int = 1) -> None:
        if not 1 <= max_read <= 0xFFFF:
            raise ValueError(f"max_read {max_read} out of range")
        self.transport, self.access, self.max_read, self.use_sfi = transport, access, max_read, use_sfi
        self.reopen_limit, self.reopens = reopen_limit, 0
        self._channel: SecureChannel | None = None
        self._current: int | None = None

    def read_file(self, fid: int) -> bytes:
        """A whole file: its first bytes to learn the size from the TLV header, then the rest."""
        content = self._read(fid, 0, HEADER_READ)
        while (size := tlv.total_length(content)) is None:
            content += self._more(fid, len(content), HEADER_READ)
        if size > MAX_FILE:
            raise CardDataError(f"file {fid:04X} claims {size} bytes")
        while len(content) < size:
            content += self._more(fid, len(content), min(self.max_read, size - len(content)))
        return content[:size]

    def read_optional(self, fid: int) -> bytes | None:
        """A file the card may not have: None when it answers 6A82."""
        try:
            return self.read_file(fid)
        except CardFileNotFound:
            return None

    def _more(self, fid: int, offset: int, length: int) -> bytes:
        part = self._read(fid, offset, length)
        if not part:
            raise CardDataError(f"file {fid:04X} ends at {offset} bytes, before its declared size")
        return part

    def command(self, command: CommandApdu) -> tuple[bytes, int]:
        """One protected command (e.g. INTERNAL AUTHENTICATE): its plain data and status word, unchecked."""
        return self._retrying(lambda: self._secure(command))

    def _read(self, fid: int, offset: int, length: int) -> bytes:
        return self._retrying(lambda: self._read_once(fid, offset, length))

    def _retrying(self, step: Callable[[], T]) -> T:
        """`step`, again in a new session after a secure-messaging error (up to `reopen_limit` times)."""
        try:
            return step()
        except SecureMessagingError:
            self._drop()
            if self.reopens >= self.reopen_limit:
                raise
            self.reopens += 1
        return step()

    def _read_once(self, fid: int, offset: int, length: int) -> bytes:
        sfi = fid & 0xFF if fid >> 8 == 0x01 and fid & 0xFF <= 0x1F else 0
        if self.use_sfi and sfi and offset <= 0xFF and self._current != fid:
            data = self._checked(apdu.read_binary_sfi(sfi, offset, length), f"READ BINARY SFI {sfi:02X}")
            self._current = fid
            return data
        self._select(fid)
        if offset <= 0x7FFF:
            return self._checked(apdu.read_binary(offset, length), f"READ BINARY {fid:04X}")
        wrapped = self._checked(apdu.read_binary_odd(offset, length + 1 + len(tlv.encode_length(length))),
                                f"READ BINARY {fid:04X} at {offset:#x}")
        return tlv.decode_one(wrapped, 0x53) if wrapped else b""

    def _select(self, fid: int) -> None:
        if self._current != fid:
            self._checked(apdu.select_fid(fid), f"SELECT {fid:04X}")
            self._current = fid

    def _checked(self, command: CommandApdu, doing: str) -> bytes:
        data, sw = self._secure(command)
        apdu.check_status(sw, doing)
        return data

    def _secure(self, command: CommandApdu) -> tuple[bytes, int]:
        """One protected exchange; the channel is opened first when there is none."""
        channel = self._open()
        data, sw = apdu.split_response(self.transport.transmit(channel.wrap(command)))
        data, sw = apdu.follow_response(self.transport, data, sw)
        try:
            return apdu.split_response(channel.unwrap(data + sw.to_bytes(2, "big")))
        finally:
            if channel.closed:
                self._drop()

    def _open(self) -> SecureChannel:
        if self._channel is None:
            self._current = None
            self._channel = self.access(self.transport)
        return self._channel

    def _drop(self) -> None:
        self._channel, self._current = None, None


def read_emrtd(transport: Transport, key: MrzKey | None = None, max_read: int = DEFAULT_MAX_READ, *,
               access: Access | None = None, groups: tuple[int, ...] = DEFAULT_GROUPS, use_sfi: bool = False,
               signature_check: SignatureCheck | None = None, today: date | None = None,
               active_auth: bool = True) -> EmrtdRead:
    """Read an eMRTD: access control, EF.COM, EF.SOD, the data groups, parsing, passive authentication.

    Args:
        transport: carries APDUs to the card (PC/SC, or `chip.ChipTransport` in process).
        key: the MRZ key for BAC (ignored when `access` is given).
        max_read: data bytes per READ BINARY (224 keeps protected short responses within 256 bytes).
        access: the access-control step (default: `BacAccess(key)`).
        groups: data groups to read; DG1 is required, the others are read when EF.COM or EF.SOD lists them.
        use_sfi: read each file's first bytes by short file identifier instead of SELECT + READ BINARY.
        signature_check: the SOD signature check (`trust.sod_signature_check(store)`); None = unchecked.
        today: decides the century of the MRZ's two-digit years.
        active_auth: read DG14/DG15 when listed and challenge the chip (INTERNAL AUTHENTICATE); a chip
            that fails is reported `invalid`, refusing it is the caller's decision.
    """
    opener = access or _bac(key)
    counter = CountingTransport(transport)
    session = Session(counter, opener, max_read, use_sfi)
    com_file, sod_file = session.read_optional(FID_COM), session.read_optional(FID_SOD)
    com = parse_com(com_file) if com_file is not None else None
    sod = parse_sod(sod_file) if sod_file is not None else None
    files = _read_groups(session, _listed(groups + (AA_GROUPS if active_auth else ()), com, sod))
    aa = _active_auth(session, files) if active_auth else AaResult("unchecked", "")
    mrz = parse_dg1(files[1], today)
    details = parse_dg11(files[11]) if 11 in files else None
    face = parse_dg2(files[2]) if 2 in files else FaceImage(b"", "")
    verdict = passive_auth(sod, files, signature_check)
    return EmrtdRead(document_data(mrz, details), face.data or None, face.format or None, face.width,
                     face.height, verdict.as_dict(), verdict.failed, counter.count, files, mrz, details, com,
                     sod, opener.name, session.reopens, aa.verdict, aa.detail)


def _bac(key: MrzKey | None) -> Access:
    if key is None:
        raise ValueError("read_emrtd needs an MRZ key or an access step")
    return BacAccess(key)


def _active_auth(session: Session, files: dict[int, bytes]) -> AaResult:
    """AA in the read's session; a secure-messaging break during it is the chip failing AA."""
    try:
        return active_authenticate(session.command, files.get(15), files.get(14))
    except SecureMessagingError:
        return AaResult("failed", "secure_messaging")


def _listed(wanted: tuple[int, ...], com: EfCom | None, sod: SecurityObject | None) -> list[int]:
    """DG1 always; the other wanted groups where EF.COM or EF.SOD lists them (all of them if neither)."""
    listed = set(com.data_groups if com else ()) | set(sod.hashes if sod else ())
    return sorted({1} | {n for n in wanted if n in listed or not (com or sod)})


def _read_groups(session: Session, numbers: list[int]) -> dict[int, bytes]:
    files: dict[int, bytes] = {}
    for number in numbers:
        content = session.read_file(dg_fid(number)) if number == 1 else session.read_optional(dg_fid(number))
        if content is not None:
            files[number] = content
    return files
