"""Masks for personal identifiers in logs and diagnostics (DESIGN.md §6)."""

from __future__ import annotations

import re

# 18-character citizen ID numbers (17 digits + digit or X), and long digit runs that could be one.
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{4})(\d{10,13})([\dXx]{1,4})(?![0-9A-Za-z])")
# Document numbers: a letter then 8 digits (E12345678), as on TD1 cards and passports.
_DOCUMENT_NUMBER = re.compile(r"(?<![0-9A-Za-z])([A-Z]{1,2})(\d{7,9})(?![0-9A-Za-z])")


def mask_id(id_number: str) -> str:
    """'371502198503120017' → '3715**********0017'; short values are hidden whole."""
    if len(id_number) < 10:
        return "*" * len(id_number)
    return id_number[:4] + "*" * (len(id_number) - 8) + id_number[-4:]


def mask_text(text: str) -> str:
    """Mask every ID or document number found in free text."""
    text = _ID_NUMBER.sub(lambda m: mask_id(m.group(0)), text)
    return _DOCUMENT_NUMBER.sub(lambda m: m.group(1) + "*" * (len(m.group(2)) - 2) + m.group(2)[-2:], text)
