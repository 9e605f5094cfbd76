"""Between the flows' words for reading a card and the card drivers' ones."""

from __future__ import annotations

from typing import Any

from drivers.card.base import CardRead
from drivers.errors import AccessDenied, DeviceFault, NoDevice, NoMedia, UnreadableMedia
from flows.session import AccessKey


def card_key(key: AccessKey | None) -> Any:
    """The drivers' chip key for what the citizen typed (None when the reader needs none)."""
    if key is None:
        return None
    from drivers.card.base import ChipKey
    if key.uses_can:
        return ChipKey(can=key.can)
    from drivers.card.mrz import MrzKey
    return ChipKey(mrz=MrzKey(key.document_number, key.birth_date, key.expiry_date))


def authenticity_problem(read: CardRead) -> str | None:
    """Why the chip cannot be taken for genuine (for the audit trail), None when nothing speaks against it.

    Altered data, a signature that does not verify or chain to a trusted CSCA, and a chip that cannot
    prove it holds its key (a clone) are refused. An unchecked signature (no CSCA folder configured) and
    a chip without Active Authentication are not evidence of forgery: `selftest` reports the first."""
    checks = read.passive_auth or {}
    if checks.get("hashes") == "invalid":
        return "passive authentication: data groups differ from the signed hashes"
    if checks.get("signature") == "invalid":
        return f"passive authentication: signature {checks.get('signature_detail') or 'invalid'}"
    if read.active_auth in ("invalid", "failed"):
        return f"active authentication {read.active_auth}: the chip may be a copy"
    return None


def chip_check(read: CardRead) -> str:
    """For the application (staff act on it): verified | unverified (read, signature unchecked) | none."""
    if read.access == "none":
        return "none"
    checks = read.passive_auth or {}
    verified = checks.get("hashes") == "valid" and checks.get("signature") == "valid"
    return "verified" if verified and authenticity_problem(read) is None else "unverified"


class DocumentNotGenuine(Exception):
    """The chip failed an authenticity check; the message says which (for the audit, nothing personal)."""


def read_problem(error: Exception) -> str:
    """The code the screens explain: check the numbers, put the card back, or ask at a window."""
    if isinstance(error, DocumentNotGenuine):
        return "DOCUMENT_NOT_GENUINE"
    if isinstance(error, AccessDenied):
        return "ACCESS_DENIED"
    if isinstance(error, NoMedia):
        return "CARD_REMOVED"
    if isinstance(error, UnreadableMedia):
        return "CARD_UNREADABLE"
    if isinstance(error, (NoDevice, DeviceFault)):
        return "READER_UNAVAILABLE"
    return "CARD_UNREADABLE"
