"""What any card reader gives the kiosk: the data of the ID document on it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from drivers.device_state import DeviceStatus


@dataclass(frozen=True)
class DocumentData:
    """The personal data page of an ID document, as read from its chip or simulated."""

    kind: str  # TD1 | TD2 | TD3
    number: str
    expiry_date: date
    surname: str
    given_names: str
    birth_date: date
    sex: str
    nationality: str
    full_name: str | None = None
    personal_number: str | None = None  # the 18-digit citizen ID number where the card carries it
    code: str = ""  # document code from the MRZ: I (ID card), P (passport), …
    issuer: str = ""  # issuing state or organisation (3 letters)
    address: str | None = None  # from DG11 when the chip has it


@dataclass(frozen=True)
class ChipKey:
    """What opens a chip: the MRZ key (BAC, or PACE with the MRZ) and/or the card access number (PACE)."""

    mrz: Any = None  # drivers.card.mrz.MrzKey
    can: str | None = None

    def __repr__(self) -> str:  # never the numbers themselves (logs, tracebacks)
        return f"ChipKey(mrz={'set' if self.mrz else None}, can={'set' if self.can else None})"


@dataclass(frozen=True)
class CardRead:
    """One read of an ID document: its data page and, from a chip, its photo and how it was opened."""

    document: DocumentData
    portrait: bytes | None = None  # JPEG or JPEG 2000, as stored in DG2
    portrait_format: str | None = None  # jpeg | jpeg2000
    access: str = "none"  # BAC | PACE | none (a simulated or contact card)
    passive_auth: dict[str, str] | None = None  # {"hashes": valid|invalid|absent, "signature": …}
    apdus: int = 0
    active_auth: str = "absent"  # valid | invalid | failed | absent (no DG15): the chip is not a copy
    access_note: str = ""  # e.g. why PACE gave way to BAC on a card that offers both


CardListener = Callable[[bool], None]
"""Called with True when a card arrives, False when it leaves; may run on any thread."""


class CardReader(Protocol):
    """A reader the kiosk can wait on and read from."""

    name: str
    needs_access: bool  # True when a document opens only with the citizen's access data

    @property
    def present(self) -> bool: ...

    @property
    def status(self) -> DeviceStatus:
        """The reader's state (drivers/device_state.py), for the device model and the technician."""
        ...

    def add_listener(self, listener: CardListener) -> None: ...

    def read(self, key: Any = None) -> CardRead:
        """Read the document on the reader (with `key` where it needs one); raises DeviceFault subclasses."""
        ...

    def close(self) -> None: ...
