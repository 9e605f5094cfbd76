"""A card for vsmartcard's vpcd: answers pcscd's reader driver over its socket, with an in-process chip.

QA and tests only — vpcd listens on all interfaces and must never be installed on a production kiosk.
Protocol (vpcd.c): every message is a 2-byte big-endian length and a payload; a 1-byte payload is a
control (0 power off, 1 power on, 2 reset, 4 get ATR → answer the ATR), anything longer is a C-APDU
answered with the R-APDU. Closing the socket is pulling the card out.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import struct
import threading
from typing import Protocol

from drivers.card.chip import CardTorn

log = logging.getLogger("drivers.card.vpcd")
POWER_OFF, POWER_ON, RESET, GET_ATR = 0, 1, 2, 4
DEFAULT_PORT = 35963


class Chip(Protocol):
    def power_on(self) -> bytes: ...

    def process(self, apdu: bytes) -> bytes: ...


class VpcdCard:
    """Inserts `chip` into the vpcd reader at host:port until `remove()` or a torn card."""

    def __init__(self, chip: Chip, host: str = "127.0.0.1", port: int = DEFAULT_PORT) -> None:
        self.chip, self._address = chip, (host, port)
        self._socket: socket.socket | None = None
        self._removed = threading.Event()

    def insert(self) -> None:
        """Connect (the reader then reports a card within one presence poll)."""
        self._socket = socket.create_connection(self._address, timeout=10)
        self._socket.settimeout(None)

    def serve(self) -> None:
        """Answer the reader until the card is removed, torn or the reader goes away."""
        sock = self._socket
        assert sock is not None
        try:
            while not self._removed.is_set():
                message = _receive(sock)
                if message is None:
                    break
                answer = self._answer(message)
                if answer is not None:
                    sock.sendall(struct.pack(">H", len(answer)) + answer)
        except (CardTorn, OSError) as error:  # a torn card (fault mode) leaves the reader
            log.info("card left the reader: %s", type(error).__name__)
        finally:
            self.remove()

    def remove(self) -> None:
        """Pull the card out: the serving thread's blocked read ends at once."""
        self._removed.set()
        sock, self._socket = self._socket, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _answer(self, message: bytes) -> bytes | None:
        """The reply, or None for the controls vpcd expects no reply to (power on/off, reset)."""
        if len(message) != 1:
            return self.chip.process(message)
        if message[0] in (POWER_ON, RESET):
            self.chip.power_on()  # a power cycle: the chip forgets any session
            return None
        return self.chip.power_on() if message[0] == GET_ATR else None


def _receive(sock: socket.socket) -> bytes | None:
    header = _read_exactly(sock, 2)
    return None if header is None else _read_exactly(sock, struct.unpack(">H", header)[0])


def _read_exactly(sock: socket.socket, size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        # Linux clears QUICKACK after each ACK; without it Nagle + delayed ACK cost ~44 ms an APDU.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        chunk = sock.recv(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data
