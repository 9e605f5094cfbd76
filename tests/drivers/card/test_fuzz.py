"""Hostile bytes: every parser, fed random and mutated input, either answers or raises the project's own
card-data error (`CardDataError`, `SecureMessagingError` among it) — never anything else."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drivers.card import apdu, face, lds, sod, tlv
from drivers.card.apdu import CommandApdu
from drivers.card.card_builder import BuiltCard
from drivers.card.chip import ChipTransport, EmrtdChip
from drivers.card.emrtd import read_emrtd
from drivers.card.mrz import MrzKey
from drivers.card.sm import SecureChannel
from drivers.errors import CardDataError, DeviceFault, SecureMessagingError

H = bytes.fromhex
KS_ENC, KS_MAC = H("979EC13B1CBFE9DCD01AB0FED307EAE5"), H("F1CB1F1FB5ADF208806B89DC579DC1F8")
RESPONSE = H("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000")  # 9303-11 D.4, MAC'd at SSC …2A
COMMAND = H("0CB000000D9701048E08ED6705417E96BA5500")  # MAC'd at SSC …29
# CARD_FUZZ_EXAMPLES=5000 for a deep run; the default keeps the suite fast.
FUZZ = settings(max_examples=int(os.environ.get("CARD_FUZZ_EXAMPLES", "120")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

Edit = tuple[str, int, int]


def mutate(sample: bytes, edits: list[Edit]) -> bytes:
    """Apply flips, deletions, insertions and truncations at positions taken modulo the length."""
    data = bytearray(sample)
    for kind, where, value in edits:
        at = where % (len(data) + 1)
        if kind == "flip" and at < len(data):
            data[at] ^= value or 1
        elif kind == "set" and at < len(data):
            data[at] = value
        elif kind == "delete":
            del data[at:at + 1 + value % 8]
        elif kind == "insert":
            data[at:at] = bytes([value]) * (1 + value % 4)
        elif kind == "truncate":
            del data[at:]
    return bytes(data)


edits = st.lists(st.tuples(st.sampled_from(["flip", "set", "delete", "insert", "truncate"]),
                           st.integers(0, 1 << 16), st.integers(0, 255)), min_size=1, max_size=4)


def only_card_data_errors(parse: Callable[[bytes], Any], data: bytes) -> None:
    with contextlib.suppress(CardDataError):
        parse(data)


def channel(ssc: str) -> SecureChannel:
    return SecureChannel.des3(KS_ENC, KS_MAC, H(ssc))


def samples(card: BuiltCard) -> dict[str, tuple[Callable[[bytes], Any], bytes]]:
    files = card.files
    return {
        "tlv": (tlv.decode, files[lds.dg_fid(11)]),
        "ef_com": (lds.parse_com, files[lds.FID_COM]),
        "dg1": (lds.parse_dg1, files[lds.dg_fid(1)]),
        "dg2": (face.parse_dg2, files[lds.dg_fid(2)]),
        "dg11": (lds.parse_dg11, files[lds.dg_fid(11)]),
        "sod": (sod.parse_sod, files[lds.FID_SOD]),
        "response": (apdu.split_response, H("6A82")),
        "command": (CommandApdu.parse, H("00B10000045402800000")),
        "sm_unwrap": (lambda data: channel("887022120C06C229").unwrap(data), RESPONSE),
        "sm_unwrap_command": (lambda data: channel("887022120C06C228").unwrap_command(data), COMMAND),
    }


PARSERS = ["tlv", "ef_com", "dg1", "dg2", "dg11", "sod", "response", "command", "sm_unwrap",
           "sm_unwrap_command"]


@pytest.mark.parametrize("name", PARSERS)
@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes(small_card: BuiltCard, name: str, data: bytes) -> None:
    parse, _ = samples(small_card)[name]
    only_card_data_errors(parse, data)


@pytest.mark.parametrize("name", PARSERS)
@FUZZ
@given(changes=edits)
def test_mutated_files(small_card: BuiltCard, name: str, changes: list[Edit]) -> None:
    parse, sample = samples(small_card)[name]
    only_card_data_errors(parse, mutate(sample, changes))


@FUZZ
@given(data=st.binary(max_size=64))
def test_random_bytes_under_valid_tags(small_card: BuiltCard, data: bytes) -> None:
    """Past the outer tag, into each parser's structure."""
    for tag, parse in ((0x60, lds.parse_com), (0x61, lds.parse_dg1), (0x75, face.parse_dg2),
                       (0x6B, lds.parse_dg11), (0x77, sod.parse_sod)):
        only_card_data_errors(parse, tlv.encode(tag, data))


def test_the_unmutated_samples_parse(small_card: BuiltCard) -> None:
    for name, (parse, sample) in samples(small_card).items():
        if name != "response":
            parse(sample)
    assert channel("887022120C06C229").unwrap(RESPONSE) == H("60145F019000")


class Hostile:
    """A 'card' that answers with bytes chosen by hypothesis."""

    def __init__(self, answers: list[bytes]) -> None:
        self.answers = answers

    def transmit(self, command: bytes) -> bytes:
        return self.answers.pop(0) if self.answers else b""


@FUZZ
@given(answers=st.lists(st.one_of(st.binary(max_size=60), st.sampled_from([H("9000"), H("6300"), H("6A82")])),
                        max_size=12))
def test_a_hostile_card_only_raises_device_faults(answers: list[bytes]) -> None:
    with pytest.raises(DeviceFault):
        read_emrtd(Hostile(answers), MrzKey("E26110113", "850312", "310312"))


class Corrupting:
    """A transport that mutates protected responses once the session is open."""

    def __init__(self, transport: ChipTransport, changes: list[Edit], every: int) -> None:
        self.transport, self.changes, self.every, self.count = transport, changes, every, 0

    def transmit(self, command: bytes) -> bytes:
        response = self.transport.transmit(command)
        self.count += 1
        if command[0] == 0x0C and self.count % self.every == 0:
            return mutate(response, self.changes)
        return response


@FUZZ
@given(changes=edits, every=st.integers(3, 40))
def test_mutated_responses_during_a_read(small_card: BuiltCard, changes: list[Edit], every: int) -> None:
    chip = EmrtdChip(small_card.files, small_card.mrz_key)
    try:
        result = read_emrtd(Corrupting(ChipTransport(chip), changes, every), small_card.mrz_key)
    except SecureMessagingError:
        return  # broken twice: the read gives up with the card-data error family
    except CardDataError:
        return
    assert result.passive_auth["hashes"] == "valid"  # whatever got through was authenticated by the MAC
