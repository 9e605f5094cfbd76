"""The in-process chip's card side: real access control before and after BAC, the session rules of secure
messaging, fault modes, and robustness against any APDU."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.card.apdu import CommandApdu, read_binary, read_binary_sfi, select_aid, select_fid
from drivers.card.bac import BacKeys, BacTerminal
from drivers.card.card_builder import BuiltCard
from drivers.card.chip import CardTorn, ChipTransport, EmrtdChip, make_atr
from drivers.card.emrtd import BacAccess
from drivers.card.sm import SecureChannel

H = bytes.fromhex


def sw(response: bytes) -> str:
    return response[-2:].hex().upper()


def opened(chip: EmrtdChip, card: BuiltCard) -> SecureChannel:
    return BacAccess(card.mrz_key)(ChipTransport(chip))


def test_nothing_in_the_application_is_readable_before_bac(small_card: BuiltCard) -> None:
    chip = EmrtdChip(small_card.files, small_card.mrz_key)
    assert sw(chip.process(select_aid().to_bytes())) == "9000"
    locked = (select_fid(0x0101), read_binary_sfi(1, 0, 4), read_binary_sfi(0x1D, 0, 4), read_binary(0, 4))
    for command in locked:
        assert sw(chip.process(command.to_bytes())) == "6982"
    assert sw(chip.process(select_fid(0x0109).to_bytes())) == "6A82"


def test_a_wrong_key_gets_63_00_and_keeps_everything_locked(small_card: BuiltCard) -> None:
    chip = EmrtdChip(small_card.files, small_card.mrz_key)
    chip.process(select_aid().to_bytes())
    rnd_ic = chip.process(H("0084000008"))[:-2]
    other = BacKeys.from_key(small_card.mrz_key.__class__("E26110113", "850312", "310313"))
    answer = chip.process(H("0082000028") + BacTerminal(other).cryptogram(rnd_ic) + H("28"))
    assert answer == H("6300") and not chip.authenticated
    assert sw(chip.process(read_binary_sfi(1, 0, 4).to_bytes())) == "6982"
    assert sw(chip.process(H("0082000028") + bytes(40) + H("28"))) == "6985"  # a challenge serves once


def test_after_bac_only_protected_commands_are_served(small_card: BuiltCard) -> None:
    chip = EmrtdChip(small_card.files, small_card.mrz_key)
    channel = opened(chip, small_card)
    plain = channel.unwrap(chip.process(channel.wrap(read_binary_sfi(1, 0, 4))))
    assert plain[:2] == H("615D") and plain[-2:] == H("9000")
    assert sw(chip.process(read_binary(0, 4).to_bytes())) == "6982"  # unprotected: the session ends
    assert not chip.authenticated
    assert chip.process(channel.wrap(read_binary(0, 4))) == H("6988")


def test_a_bad_mac_from_the_terminal_ends_the_session(small_card: BuiltCard) -> None:
    chip = EmrtdChip(small_card.files, small_card.mrz_key)
    channel = opened(chip, small_card)
    wrapped = channel.wrap(select_fid(0x011E))
    assert chip.process(wrapped[:-3] + bytes([wrapped[-3] ^ 1]) + wrapped[-2:]) == H("6988")
    assert not chip.authenticated


def test_protected_errors_and_end_of_file(small_card: BuiltCard) -> None:
    chip = EmrtdChip(small_card.files, small_card.mrz_key)
    channel = opened(chip, small_card)
    assert channel.unwrap(chip.process(channel.wrap(select_fid(0x0103)))) == H("6A82")
    size = len(small_card.files[0x0101])
    channel.unwrap(chip.process(channel.wrap(select_fid(0x0101))))
    tail = channel.unwrap(chip.process(channel.wrap(read_binary(size - 3, 10))))
    assert tail[-2:] == H("6282") and len(tail) == 5
    assert channel.unwrap(chip.process(channel.wrap(read_binary(size, 1)))) == H("6B00")
    assert chip.authenticated  # protected answers keep the session


def test_power_on_forgets_the_session_and_returns_the_atr(small_card: BuiltCard) -> None:
    chip = EmrtdChip(small_card.files, small_card.mrz_key)
    channel = opened(chip, small_card)
    atr = chip.power_on()
    assert atr == make_atr() and atr[0] == 0x3B and b"KIOSK-EMRTD" in atr
    xor = 0
    for byte in atr[1:]:
        xor ^= byte
    assert xor == 0  # TCK
    assert chip.process(channel.wrap(select_fid(0x011E))) == H("6988")


def test_tearing_fires_once_after_n_apdus(small_card: BuiltCard) -> None:
    chip = EmrtdChip(small_card.files, small_card.mrz_key, tear_after_apdus=2)
    chip.process(select_aid().to_bytes())
    chip.process(H("0084000008"))
    with pytest.raises(CardTorn):
        chip.process(H("0084000008"))
    assert sw(chip.process(select_aid().to_bytes())) == "9000"


def test_the_key_can_come_from_dg1(small_card: BuiltCard) -> None:
    chip = EmrtdChip(small_card.files)
    opened(chip, small_card)
    assert chip.authenticated


def _command(cla: int, ins: int, p1: int, p2: int, data: bytes, le: int | None) -> bytes:
    return CommandApdu(cla, ins, p1, p2, data, le).to_bytes()


commands = st.builds(_command, st.sampled_from([0x00, 0x0C, 0x10, 0x80]),
                     st.sampled_from([0xA4, 0xB0, 0xB1, 0x84, 0x82, 0x22, 0x86]), st.integers(0, 255),
                     st.integers(0, 255), st.binary(max_size=60), st.one_of(st.none(), st.integers(1, 65536)))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=300), commands))
def test_any_apdu_gets_a_status_word(small_card: BuiltCard, command: bytes) -> None:
    chip = EmrtdChip(small_card.files, small_card.mrz_key)
    for state in ("plain", "secure"):
        if state == "secure":
            opened(chip, small_card)
        response = chip.process(command)
        assert len(response) >= 2
