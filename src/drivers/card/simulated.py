"""A reader with no hardware: QA and the demo tray place a persona's document on it."""

from __future__ import annotations

import threading
from typing import Any

from drivers.card.base import CardListener, CardRead, DocumentData
from drivers.device_state import ONLINE, DeviceStatus
from drivers.errors import NoMedia


class SimulatedReader:
    """Thread-safe stand-in for a PC/SC reader; `place` and `remove` play the citizen's hand."""

    name = "Simulated reader"
    needs_access = False  # like a contact ID-card reader: the data page reads without a key

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._document: DocumentData | None = None
        self._portrait: bytes | None = None
        self._listeners: list[CardListener] = []

    def add_listener(self, listener: CardListener) -> None:
        self._listeners.append(listener)

    def place(self, document: DocumentData, portrait: bytes | None = None) -> None:
        """Lay a document down; `portrait` is the holder's photo as the card reader gives it (an ID-card
        reader returns the photo with the data page), for the face match."""
        with self._lock:
            self._document, self._portrait = document, portrait
        self._notify(True)

    def remove(self) -> None:
        with self._lock:
            had_card, self._document, self._portrait = self._document is not None, None, None
        if had_card:
            self._notify(False)

    @property
    def present(self) -> bool:
        return self._document is not None

    @property
    def status(self) -> DeviceStatus:
        return DeviceStatus(ONLINE, "simulated")

    def read(self, key: Any = None) -> CardRead:
        with self._lock:
            if self._document is None:
                raise NoMedia("no ID document on the reader")
            return CardRead(self._document, self._portrait, "jpeg" if self._portrait else None)

    def close(self) -> None:
        self.remove()
        self._listeners.clear()

    def _notify(self, present: bool) -> None:
        for listener in list(self._listeners):
            listener(present)
