"""A real PC/SC reader through pyscard: reader choice, presence events, and a transport for one card.

pyscard is imported here only (STYLE.md §3.6). Presence is watched with SCardGetStatusChange on a worker
thread — a blocking wait with a timeout, never a polling sleep — and the watcher re-establishes its
context when pcscd restarts or the reader goes away. Listeners run on that thread: the kiosk marshals
them to the GUI thread.
"""

from __future__ import annotations

import contextlib
import fnmatch
import logging
import threading
from typing import Any

from drivers.card.base import CardListener, CardRead, ChipKey
from drivers.device_state import BUSY, NO_DEVICE, ONLINE, STARTING, DeviceStatus
from drivers.errors import AccessDenied, CardRemoved, NoDevice

log = logging.getLogger("drivers.card.pcsc")
VIRTUAL_READERS = "Virtual PCD*"  # vsmartcard-vpcd: a QA tool that must never be on a production kiosk
WAIT_MS = 500  # how long one status wait blocks: bounds how fast the watcher notices `close()`


def _scard() -> Any:
    try:
        from smartcard import scard
    except ImportError as error:  # pyscard missing or libpcsclite absent
        raise NoDevice(f"PC/SC is not available: {error}") from None
    return scard


def list_readers() -> list[str]:
    """Every reader pcscd knows, virtual ones included; NoDevice when pcscd is not running."""
    scard = _scard()
    context = _context(scard)
    try:
        result, readers = scard.SCardListReaders(context, [])
        if result == scard.SCARD_E_NO_READERS_AVAILABLE:
            return []
        _check(scard, result, "list the readers")
        return list(readers)
    finally:
        scard.SCardReleaseContext(context)


def choose_reader(readers: list[str], pattern: str, allow_virtual: bool) -> str:
    """The one reader the pattern (fnmatch, case-insensitive) names; never "the first reader"."""
    virtual = [name for name in readers if fnmatch.fnmatch(name, VIRTUAL_READERS)]
    if virtual and not allow_virtual:
        raise NoDevice(f"a virtual card reader is installed ({virtual[0]}): remove vsmartcard-vpcd from "
                       "this kiosk, or allow virtual readers for QA")
    wanted = [name for name in readers if fnmatch.fnmatch(name.lower(), (pattern or "*").lower())]
    if len(wanted) == 1:
        return wanted[0]
    listed = ", ".join(readers) or "none"
    raise NoDevice(f"reader pattern {pattern or '*'!r} matches {len(wanted)} readers (readers: {listed})")


class PcscTransport:
    """One connected card: transmit APDUs, with the data left out of the logs."""

    def __init__(self, scard: Any, card: Any, protocol: int, atr: bytes = b"") -> None:
        self._scard, self._card, self._protocol = scard, card, protocol
        self.atr = atr
        self.apdus = 0

    def transmit(self, apdu: bytes) -> bytes:
        result, response = self._scard.SCardTransmit(self._card, self._protocol, list(apdu))
        if result != self._scard.SCARD_S_SUCCESS:
            raise CardRemoved(f"the card stopped answering ({self._scard.SCardGetErrorMessage(result)})")
        self.apdus += 1
        answer = bytes(response)
        if len(answer) < 2:  # every answer ends in a status word: none means the card left mid-command
            raise CardRemoved("the card gave no answer")
        log.debug("APDU ins=%02X lc=%d -> %d bytes sw=%s", apdu[1], max(0, len(apdu) - 5), len(answer) - 2,
                  answer[-2:].hex())
        return answer


class PcscReader:
    """The kiosk's reader: presence events from a watcher thread, and a connection per read.

    `policy` is the access policy (pace-preferred | pace-required, drivers/card/pace.py); `csca_dir` the
    folder of trusted country signing certificates the SOD's signer must chain to ("" = unchecked)."""

    needs_access = True  # an eMRTD opens only with the citizen's access data (CAN or MRZ data)

    def __init__(self, pattern: str = "", allow_virtual: bool = False, policy: str = "pace-preferred",
                 csca_dir: str = "") -> None:
        self.name = choose_reader(list_readers(), pattern, allow_virtual)
        self.policy, self.csca_dir = policy, csca_dir
        self._listeners: list[CardListener] = []
        self._stop = threading.Event()
        self._present = False
        self.known = threading.Event()  # set once the watcher has heard the reader's state
        self.last_atr = b""
        self._status = DeviceStatus(STARTING)
        self._reading = False
        self._watcher = threading.Thread(target=self._watch, name="kiosk-card-watch", daemon=True)
        self._watcher.start()

    def add_listener(self, listener: CardListener) -> None:
        self._listeners.append(listener)

    @property
    def present(self) -> bool:
        return self._present

    @property
    def status(self) -> DeviceStatus:
        if self._reading and self._status.state == ONLINE:
            return DeviceStatus(BUSY, "reading a document")
        return self._status

    def connect(self) -> tuple[PcscTransport, Any]:
        """Connect to the card (shared, T=0 or T=1) inside a transaction; `disconnect` ends both."""
        scard = _scard()
        context = _context(scard)
        result, card, protocol = scard.SCardConnect(context, self.name, scard.SCARD_SHARE_SHARED,
                                                    scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1)
        if result != scard.SCARD_S_SUCCESS:
            scard.SCardReleaseContext(context)
            raise CardRemoved(f"no card to talk to ({scard.SCardGetErrorMessage(result)})")
        scard.SCardBeginTransaction(card)
        status = scard.SCardStatus(card)
        atr = bytes(status[4]) if status[0] == scard.SCARD_S_SUCCESS else b""
        return PcscTransport(scard, card, protocol, atr), (context, card)

    def read(self, key: Any = None) -> CardRead:
        """Open the eMRTD with `key` (a ChipKey, or an MrzKey) under the access policy, read it and check
        its authenticity; the card is reset afterwards."""
        from drivers.card.emrtd import read_emrtd
        from drivers.card.pace import policy_access
        chip_key = key if isinstance(key, ChipKey) else ChipKey(mrz=key)
        if chip_key.mrz is None and not chip_key.can:
            raise AccessDenied("this card opens only with its access data")
        access = policy_access(chip_key.mrz, chip_key.can, self.policy)
        transport, handle = self.connect()
        self._reading = True
        try:  # by short file id: each file's first bytes come without a SELECT (fewer APDUs)
            result = read_emrtd(transport, access=access, use_sfi=True,
                                signature_check=self._signature_check())
        finally:
            self._reading = False
            with contextlib.suppress(Exception):  # a card already gone cannot be reset: nothing to do
                self.disconnect(handle)
        self.last_atr = transport.atr
        return CardRead(result.document, result.portrait, result.portrait_format, result.access,
                        result.passive_auth, transport.apdus, result.active_auth,
                        getattr(access, "note", ""))

    def _signature_check(self) -> Any:
        """The SOD signature check against the CSCA folder, read afresh for each document (a technician
        may add a certificate without a restart); None when no folder is configured."""
        if not self.csca_dir:
            return None
        from drivers.card.trust import CscaStore, sod_signature_check
        return sod_signature_check(CscaStore.from_dir(self.csca_dir))

    def disconnect(self, handle: Any) -> None:
        """Reset the card on the way out so no secure-messaging session survives (CARD.md §1.7)."""
        scard = _scard()
        context, card = handle
        scard.SCardEndTransaction(card, scard.SCARD_LEAVE_CARD)
        scard.SCardDisconnect(card, scard.SCARD_RESET_CARD)
        scard.SCardReleaseContext(context)

    def close(self) -> None:
        self._stop.set()
        self._watcher.join(timeout=2 * WAIT_MS / 1000 + 1)
        self._listeners.clear()

    def _watch(self) -> None:
        while not self._stop.is_set():
            try:
                self._watch_context(_scard())
            except NoDevice as error:
                log.warning("card reader unavailable: %s", error)
                self._status = DeviceStatus(NO_DEVICE, str(error)[:200])
            self._set_present(False)
            self._stop.wait(1.0)  # pcscd restarting or the reader unplugged: try again shortly

    def _watch_context(self, scard: Any) -> None:
        context = _context(scard)
        state = scard.SCARD_STATE_UNAWARE
        try:
            while not self._stop.is_set():
                result, states = scard.SCardGetStatusChange(context, WAIT_MS, [(self.name, state)])
                if result == scard.SCARD_E_TIMEOUT:
                    continue
                _check(scard, result, "watch the reader")
                state = states[0][1] & ~scard.SCARD_STATE_CHANGED
                if state & (scard.SCARD_STATE_UNAVAILABLE | scard.SCARD_STATE_UNKNOWN):
                    raise NoDevice(f"reader {self.name} went away")
                self._set_present(bool(state & scard.SCARD_STATE_PRESENT))
                self._status = DeviceStatus(ONLINE, self.name)
                self.known.set()
        finally:
            scard.SCardReleaseContext(context)

    def _set_present(self, present: bool) -> None:
        if present != self._present:
            self._present = present
            for listener in list(self._listeners):
                listener(present)


def _context(scard: Any) -> Any:
    result, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if result != scard.SCARD_S_SUCCESS:
        raise NoDevice(f"pcscd is not running ({scard.SCardGetErrorMessage(result)})")
    return context


def _check(scard: Any, result: int, doing: str) -> None:
    if result != scard.SCARD_S_SUCCESS:
        raise NoDevice(f"could not {doing}: {scard.SCardGetErrorMessage(result)}")


class WaitingReader:
    """The configured reader when it was not there at start (unplugged, pcscd down): it reports noDevice
    and keeps looking; once found, it is that reader. The kiosk starts out of service instead of not at all,
    and comes back by itself."""

    needs_access = True

    def __init__(self, pattern: str, allow_virtual: bool, retry_s: float = 2.0, *,
                 policy: str = "pace-preferred", csca_dir: str = "") -> None:
        self.name = pattern or "(none configured)"
        self._pattern, self._allow_virtual, self._retry_s = pattern, allow_virtual, retry_s
        self._policy, self._csca_dir = policy, csca_dir
        self._real: PcscReader | None = None
        self._listeners: list[CardListener] = []
        self._status = DeviceStatus(NO_DEVICE, "looking for the reader")
        self._stop = threading.Event()
        self._looking = threading.Thread(target=self._look, name="kiosk-card-look", daemon=True)
        self._looking.start()

    @property
    def present(self) -> bool:
        return self._real.present if self._real is not None else False

    @property
    def status(self) -> DeviceStatus:
        return self._real.status if self._real is not None else self._status

    @property
    def last_atr(self) -> bytes:
        return self._real.last_atr if self._real is not None else b""

    def add_listener(self, listener: CardListener) -> None:
        self._listeners.append(listener)
        if self._real is not None:
            self._real.add_listener(listener)

    def read(self, key: Any = None) -> CardRead:
        if self._real is None:
            raise NoDevice(f"no card reader matching {self._pattern!r}")
        return self._real.read(key)

    def close(self) -> None:
        self._stop.set()
        self._looking.join(timeout=self._retry_s + 1)
        if self._real is not None:
            self._real.close()

    def _look(self) -> None:
        while not self._stop.is_set():
            try:
                real = PcscReader(self._pattern, self._allow_virtual, self._policy, self._csca_dir)
            except NoDevice as error:
                self._status = DeviceStatus(NO_DEVICE, str(error)[:200])
                self._stop.wait(self._retry_s)
                continue
            for listener in self._listeners:
                real.add_listener(listener)
            self.name, self._real = real.name, real
            return
