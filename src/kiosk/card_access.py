"""Between the flows' words for reading a card and the card drivers' ones."""

from __future__ import annotations

from typing import Any

from drivers.errors import AccessDenied, DeviceFault, NoDevice, NoMedia, UnreadableMedia
from flows.session import AccessKey


def card_key(key: AccessKey | None) -> Any:
    """The drivers' MRZ key for what the citizen typed (None when the reader needs none)."""
    if key is None:
        return None
    from drivers.card.mrz import MrzKey
    return MrzKey(key.document_number, key.birth_date, key.expiry_date)


def read_problem(error: Exception) -> str:
    """The code the screens explain: check the numbers, put the card back, or ask at a window."""
    if isinstance(error, AccessDenied):
        return "ACCESS_DENIED"
    if isinstance(error, NoMedia):
        return "CARD_REMOVED"
    if isinstance(error, UnreadableMedia):
        return "CARD_UNREADABLE"
    if isinstance(error, (NoDevice, DeviceFault)):
        return "READER_UNAVAILABLE"
    return "CARD_UNREADABLE"
