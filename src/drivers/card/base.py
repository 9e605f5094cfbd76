"""What any card reader gives the kiosk: the data of the ID document on it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Protocol


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


CardListener = Callable[[bool], None]
"""Called with True when a card arrives, False when it leaves; may run on any thread."""


class CardReader(Protocol):
    """A reader the kiosk can wait on and read from."""

    name: str

    def add_listener(self, listener: CardListener) -> None: ...

    def read(self) -> DocumentData:
        """Read the document on the reader; raises drivers.errors.DeviceFault subclasses."""
        ...

    def close(self) -> None: ...
