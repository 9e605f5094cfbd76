"""AES secure messaging (9303-11 §9.8, PACE-AES): IV from the SSC, CMAC, and both ends of the channel."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.cmac import CMAC
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.card import apdu, crypto, tlv
from drivers.card.apdu import CommandApdu
from drivers.card.sm import AesCipher, SecureChannel
from drivers.errors import SecureMessagingError

KS_ENC = bytes.fromhex("F5F0E35C0D7161EE6724EE513A0D9A7F")  # the session keys of 9303-11 App. G.1
KS_MAC = bytes.fromhex("FE251C7858B356B24514B3BD5F4297D1")


def pair(key_length: int = 16) -> tuple[SecureChannel, SecureChannel]:
    enc, mac = bytes(range(key_length)), bytes(range(100, 100 + key_length))
    return SecureChannel.aes(enc, mac), SecureChannel.aes(enc, mac)


def test_the_iv_is_the_encrypted_ssc_of_the_message_being_protected() -> None:
    terminal = SecureChannel.aes(KS_ENC, KS_MAC)
    wrapped = CommandApdu.parse(terminal.wrap(apdu.select_aid()))
    encrypted = tlv.children(wrapped.data)[0x87][1:]
    ssc = (1).to_bytes(16, "big")  # the first command after PACE uses SSC 1
    iv = Cipher(algorithms.AES(KS_ENC), modes.ECB()).encryptor().update(ssc)
    plain = Cipher(algorithms.AES(KS_ENC), modes.CBC(iv)).decryptor().update(encrypted)
    assert crypto.unpad(plain, 16) == apdu.LDS1_AID


def test_the_mac_is_cmac_over_the_padded_input_cut_to_8_bytes() -> None:
    message = b"\x00" * 15 + b"\x01" + b"\x0c\xa4\x04\x0c"
    mac = CMAC(algorithms.AES(KS_MAC))
    mac.update(crypto.pad(message, 16))
    assert AesCipher(KS_ENC, KS_MAC).mac(message) == mac.finalize()[:8]


def test_select_under_the_icao_example_session_keys() -> None:
    """A third-party vector (not from ICAO): the protected SELECT of LDS1 with the App. G.1 keys, SSC 0, as
    published in a Java test suite's `IcaoAppendixG1PaceTest` (its own reference implementation)."""
    terminal = SecureChannel.aes(KS_ENC, KS_MAC)
    assert terminal.wrap(apdu.select_aid()) == bytes.fromhex(
        "0CA4040C1D871101752F676B09FAC86A87D632749A49C7CC8E08C18BA1FCE707BD9F00")
    assert terminal.unwrap(bytes.fromhex("990290008E08BEA7B381C494A0799000")) == b"\x90\x00"


@pytest.mark.parametrize("key_length", [16, 24, 32])
def test_both_ends_agree_command_after_command(key_length: int) -> None:
    terminal, chip = pair(key_length)
    for offset in range(0, 600, 200):
        command = chip.unwrap_command(terminal.wrap(apdu.read_binary(offset, 0xE0)))
        assert (command.ins, command.p1 << 8 | command.p2, command.le) == (0xB0, offset, 0xE0)
        data = bytes(range(offset % 7, offset % 7 + 0xE0))
        assert terminal.unwrap(chip.wrap_response(data, 0x9000)) == data + b"\x90\x00"
    assert terminal.ssc == chip.ssc == (6).to_bytes(16, "big")


@settings(max_examples=60)
@given(data=st.binary(max_size=300), ins=st.sampled_from([0xA4, 0xB0, 0xB1, 0x88]))
def test_any_command_data_round_trips(data: bytes, ins: int) -> None:
    terminal, chip = pair()
    plain = CommandApdu(0x00, ins, 0x01, 0x02, data, le=256)
    assert chip.unwrap_command(terminal.wrap(plain)) == plain
    answer = chip.wrap_response(data, 0x9000, odd_ins=bool(ins & 1))
    assert terminal.unwrap(answer) == data + b"\x90\x00"


def test_a_tampered_response_closes_the_channel() -> None:
    terminal, chip = pair()
    chip.unwrap_command(terminal.wrap(apdu.read_binary(0, 16)))
    response = bytearray(chip.wrap_response(b"x" * 16, 0x9000))
    response[3] ^= 1
    with pytest.raises(SecureMessagingError):
        terminal.unwrap(bytes(response))
    assert terminal.closed


def test_the_3des_channel_is_unchanged() -> None:
    channel = SecureChannel.des3(bytes(range(16)), bytes(range(16, 32)), bytes(8))
    assert channel.cipher.block == 8 and channel.ssc == bytes(8)
