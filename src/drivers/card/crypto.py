"""The symmetric primitives of BAC, PACE and secure messaging (ICAO 9303-11 §9.7, ISO/IEC 9797-1).

`cryptography` provides DES only as TripleDES; keys are always expanded to 24 bytes (single DES = K‖K‖K,
two-key 3DES = Ka‖Kb‖Ka) because shorter keys are deprecated there. AES (PACE) is CBC, ECB and CMAC.
"""

from __future__ import annotations

import functools
import hashlib

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.cmac import CMAC

BLOCK = 8
ZERO_IV = bytes(BLOCK)
AES_BLOCK = 16
AES_ZERO_IV = bytes(AES_BLOCK)


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


def pace_kdf(seed: bytes, counter: int, cipher: str, length: int) -> bytes:
    """The 9303-11 §9.7.1 key derivation for PACE and its session keys.

    Args:
        seed: the shared secret (or π for Kπ).
        counter: 1 KSenc, 2 KSmac, 3 Kπ.
        cipher: "3DES" (SHA-1, 16 bytes, parity adjusted) or "AES".
        length: AES key length: 16 (SHA-1) or 24/32 (SHA-256), truncated.
    """
    if cipher == "3DES":
        return kdf(seed, counter)
    if length not in (16, 24, 32):
        raise ValueError(f"AES key length {length}")
    algorithm = hashlib.sha1 if length == 16 else hashlib.sha256
    return algorithm(seed + counter.to_bytes(4, "big")).digest()[:length]


def aes_encrypt(key: bytes, data: bytes, iv: bytes = AES_ZERO_IV) -> bytes:
    """AES-CBC encryption of whole 16-byte blocks."""
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def aes_decrypt(key: bytes, data: bytes, iv: bytes = AES_ZERO_IV) -> bytes:
    """AES-CBC decryption; raises ValueError when `data` is not a multiple of 16 bytes."""
    if len(data) % AES_BLOCK:
        raise ValueError(f"ciphertext of {len(data)} bytes is not a whole number of blocks")
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(data) + decryptor.finalize()


def aes_block(key: bytes, block: bytes) -> bytes:
    """AES-ECB of one block (the secure-messaging IV is E(KSenc, SSC))."""
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return encryptor.update(block) + encryptor.finalize()


def aes_cmac(key: bytes, message: bytes, size: int = 8) -> bytes:
    """AES-CMAC over `message` as given (no padding added), truncated to `size` bytes."""
    mac = CMAC(algorithms.AES(key))
    mac.update(message)
    return mac.finalize()[:size]
