"""Basic Access Control (ICAO 9303-11 §4.3): keys from the MRZ, mutual authentication on both sides.

Terminal: `BacTerminal(keys).cryptogram(rnd_ic)` gives E.IFD‖M.IFD for EXTERNAL AUTHENTICATE, and
`.finish(answer)` checks the chip's E.IC‖M.IC and returns the secure channel. Chip (emulator):
`bac_chip_answer(keys, rnd_ic, cryptogram)`. `authenticate(transport, key)` runs the terminal side over
a transport. Randomness is injectable (`rng(n) -> n bytes`) for byte-exact tests.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable
from dataclasses import dataclass

from drivers.card import apdu, crypto
from drivers.card.mrz import MrzKey
from drivers.card.sm import SecureChannel
from drivers.errors import AccessDenied, SecureMessagingError

Rng = Callable[[int], bytes]
NONCE = 8
KEY = 16
CRYPTOGRAM = 2 * NONCE + KEY + 8  # E(32) ‖ MAC(8)
BAC_REFUSALS = frozenset({0x6300, 0x6982, 0x6985, 0x6988})


@dataclass(frozen=True)
class BacKeys:
    """The document basic access keys."""

    k_enc: bytes
    k_mac: bytes

    @classmethod
    def from_seed(cls, seed: bytes) -> BacKeys:
        return cls(crypto.kdf(seed, 1), crypto.kdf(seed, 2))

    @classmethod
    def from_key(cls, key: MrzKey) -> BacKeys:
        return cls.from_seed(key_seed(key.mrz_information()))


def key_seed(mrz_information: str) -> bytes:
    """Kseed: the first 16 bytes of SHA-1 over the MRZ information."""
    return hashlib.sha1(mrz_information.encode("ascii")).digest()[:KEY]


def session_channel(k_ifd: bytes, k_ic: bytes, rnd_ic: bytes, rnd_ifd: bytes) -> SecureChannel:
    """KSenc/KSmac from K.IFD xor K.IC, SSC = RND.IC[4:8] ‖ RND.IFD[4:8]."""
    seed = bytes(a ^ b for a, b in zip(k_ifd, k_ic, strict=True))
    return SecureChannel.des3(crypto.kdf(seed, 1), crypto.kdf(seed, 2), rnd_ic[4:] + rnd_ifd[4:])


def _seal(keys: BacKeys, plain: bytes) -> bytes:
    encrypted = crypto.des3_encrypt(keys.k_enc, plain)
    return encrypted + crypto.retail_mac(keys.k_mac, encrypted)


def _open(keys: BacKeys, sealed: bytes) -> bytes | None:
    """Decrypt E‖M after checking M; None when the MAC or the size is wrong."""
    if len(sealed) != CRYPTOGRAM:
        return None
    encrypted, mac = sealed[:-8], sealed[-8:]
    if not hmac.compare_digest(crypto.retail_mac(keys.k_mac, encrypted), mac):
        return None
    return crypto.des3_decrypt(keys.k_enc, encrypted)


class BacTerminal:
    """The terminal's half of the mutual authentication."""

    def __init__(self, keys: BacKeys, rng: Rng = os.urandom) -> None:
        self.keys = keys
        self.rnd_ifd, self.k_ifd = rng(NONCE), rng(KEY)
        self.rnd_ic = b""

    def cryptogram(self, rnd_ic: bytes) -> bytes:
        """E.IFD ‖ M.IFD for the chip's challenge RND.IC."""
        if len(rnd_ic) != NONCE:
            raise SecureMessagingError(f"BAC: the chip's challenge has {len(rnd_ic)} bytes, not 8")
        self.rnd_ic = rnd_ic
        return _seal(self.keys, self.rnd_ifd + rnd_ic + self.k_ifd)

    def finish(self, answer: bytes) -> SecureChannel:
        """Check the chip's E.IC ‖ M.IC and derive the session."""
        plain = _open(self.keys, answer)
        if plain is None or plain[:NONCE] != self.rnd_ic or plain[NONCE:2 * NONCE] != self.rnd_ifd:
            raise SecureMessagingError("BAC: the chip's answer does not verify")
        return session_channel(self.k_ifd, plain[2 * NONCE:], self.rnd_ic, self.rnd_ifd)


def bac_chip_answer(keys: BacKeys, rnd_ic: bytes, cryptogram: bytes, rng: Rng = os.urandom,
                    ) -> tuple[bytes, SecureChannel] | None:
    """The chip's half: verify E.IFD‖M.IFD against its challenge, answer E.IC‖M.IC.

    Returns:
        (answer, session channel), or None when the terminal used other keys or another challenge.
    """
    plain = _open(keys, cryptogram)
    if plain is None or plain[NONCE:2 * NONCE] != rnd_ic:
        return None
    rnd_ifd, k_ifd, k_ic = plain[:NONCE], plain[2 * NONCE:], rng(KEY)
    answer = _seal(keys, rnd_ic + rnd_ifd + k_ic)
    return answer, session_channel(k_ifd, k_ic, rnd_ic, rnd_ifd)


def authenticate(transport: apdu.Transport, key: MrzKey, rng: Rng = os.urandom) -> SecureChannel:
    """GET CHALLENGE and EXTERNAL AUTHENTICATE in the selected application; returns the SM channel.

    Raises:
        AccessDenied: the chip refused the key (63 00, or 69 82/69 85/69 88 on some chips).
        SecureMessagingError: the chip's answer does not verify.
    """
    terminal = BacTerminal(BacKeys.from_key(key), rng)
    rnd_ic, sw = apdu.exchange(transport, apdu.get_challenge())
    apdu.check_status(sw, "GET CHALLENGE")
    answer, sw = apdu.exchange(transport, apdu.external_authenticate(terminal.cryptogram(rnd_ic)))
    if sw in BAC_REFUSALS or sw & 0xFFF0 == 0x63C0:
        error = AccessDenied(f"BAC refused (SW {sw:04X}): check the document number, birth and expiry dates")
        error.sw = sw
        raise error
    apdu.check_status(sw, "EXTERNAL AUTHENTICATE")
    return terminal.finish(answer)
