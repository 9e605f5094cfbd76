"""The symmetric primitives of BAC and 3DES secure messaging (ICAO 9303-11 §9.7, ISO/IEC 9797-1).

`cryptography` provides DES only as TripleDES; keys are always expanded to 24 bytes (single DES = K‖K‖K,
two-key 3DES = Ka‖Kb‖Ka) because shorter keys are deprecated there.
"""

from __future__ import annotations

import functools
import hashlib

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives.ciphers import Cipher, modes

BLOCK = 8
ZERO_IV = bytes(BLOCK)


@functools.lru_cache(maxsize=16)  # a session uses four keys for hundreds of blocks: validate each once
def _des3(key: bytes) -> TripleDES:
    if len(key) == 8:
        return TripleDES(key * 3)
    if len(key) == 16:
        return TripleDES(key + key[:8])
    return TripleDES(key)


def des3_encrypt(key: bytes, data: bytes, iv: bytes = ZERO_IV) -> bytes:
    """3DES-CBC encryption of whole blocks (8-byte key = single DES, 16-byte key = two-key 3DES)."""
    encryptor = Cipher(_des3(key), modes.CBC(iv)).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def des3_decrypt(key: bytes, data: bytes, iv: bytes = ZERO_IV) -> bytes:
    """3DES-CBC decryption of whole blocks; raises ValueError when `data` is not a multiple of 8 bytes."""
    if len(data) % BLOCK:
        raise ValueError(f"ciphertext of {len(data)} bytes is not a whole number of blocks")
    decryptor = Cipher(_des3(key), modes.CBC(iv)).decryptor()
    return decryptor.update(data) + decryptor.finalize()


def pad(data: bytes, block: int = BLOCK) -> bytes:
    """ISO/IEC 9797-1 padding method 2: append 0x80 then zeros up to a whole block (always adds a byte)."""
    padded = data + b"\x80"
    return padded + bytes(-len(padded) % block)


def unpad(data: bytes, block: int = BLOCK) -> bytes:
    """Remove padding method 2; raises ValueError when the padding is not there or not well formed."""
    stripped = data.rstrip(b"\x00")
    if not stripped or stripped[-1] != 0x80 or len(data) - len(stripped) >= block:
        raise ValueError("bad padding (ISO/IEC 9797-1 method 2)")
    return stripped[:-1]


def retail_mac(key: bytes, message: bytes) -> bytes:
    """ISO/IEC 9797-1 MAC algorithm 3 with padding method 2: DES-CBC with Ka, then D(Kb), E(Ka).

    Args:
        key: Ka‖Kb, 16 bytes.
        message: the unpadded message (this function pads it).

    Returns:
        The 8-byte MAC.
    """
    ka, kb = key[:8], key[8:16]
    last = des3_encrypt(ka, pad(message))[-BLOCK:]
    return des3_encrypt(ka, des3_decrypt(kb, last))


def adjust_parity(key: bytes) -> bytes:
    """Set each byte's lowest bit so that the byte has odd parity (DES key parity)."""
    return bytes((b & 0xFE) | ((bin(b >> 1).count("1") + 1) & 1) for b in key)


def kdf(seed: bytes, counter: int, length: int = 16) -> bytes:
    """The 9303-11 §9.7.1 key derivation for 3DES: SHA-1(seed ‖ counter as 4 bytes), parity adjusted.

    Args:
        seed: the key seed (BAC: Kseed or K.IFD xor K.IC).
        counter: 1 for the encryption key, 2 for the MAC key (3 for PACE's Kπ).
        length: key length in bytes (16 for two-key 3DES).
    """
    digest = hashlib.sha1(seed + counter.to_bytes(4, "big")).digest()
    return adjust_parity(digest[:length])
