"""The technician's way in: a PIN kept as a salted scrypt hash, locked after repeated wrong tries, every
attempt audited (never the PIN). `kiosk diagnostics pin-hash` makes the hash for the config."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import time
from collections.abc import Callable

log = logging.getLogger("kiosk.diagnostics")
SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # ~50 ms per try on the kiosk: slow for guessing, quick for a person
Audit = Callable[[str, str], None]  # (event, outcome)


def pin_hash(pin: str, salt: bytes | None = None) -> str:
    """`scrypt$n$r$p$salt$hash` (base64), for `diagnostics.pin_hash` in the config."""
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **SCRYPT)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${b64(salt).decode()}${b64(digest).decode()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Constant-time comparison; a malformed stored hash matches nothing."""
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        tried = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                               dklen=len(base64.b64decode(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(tried, base64.b64decode(digest))


class DiagnosticsGate:
    """`max_attempts` wrong PINs in a row lock the gate for `lockout_s`; a right PIN resets the count."""

    def __init__(self, stored_hash: str, max_attempts: int, lockout_s: float, audit: Audit,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._stored, self._max, self._lockout_s = stored_hash, max_attempts, lockout_s
        self._audit, self._clock = audit, clock
        self.failures = 0
        self._locked_until = 0.0

    @property
    def enabled(self) -> bool:
        return bool(self._stored)

    def locked_for(self) -> int:
        """Seconds until the next try is allowed (0: now)."""
        return max(0, round(self._locked_until - self._clock()))

    def try_pin(self, pin: str) -> bool:
        if not self.enabled:
            self._audit("diagnostics.pin", "disabled")
            return False
        if self.locked_for():
            self._audit("diagnostics.pin", "locked")
            return False
        if pin_matches(pin, self._stored):
            self.failures = 0
            self._audit("diagnostics.pin", "accepted")
            return True
        self.failures += 1
        if self.failures >= self._max:
            self.failures = 0
            self._locked_until = self._clock() + self._lockout_s
            self._audit("diagnostics.pin", f"refused; locked for {self._lockout_s:.0f} s")
        else:
            self._audit("diagnostics.pin", f"refused ({self.failures} of {self._max})")
        return False
