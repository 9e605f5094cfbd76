"""BER-TLV and APDUs: encoding, strict decoding, the command table of CARD.md §2, status words, and the
T=0 length dance (61xx, 6Cxx)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.card import apdu, tlv
from drivers.card.apdu import CardStatusError, CommandApdu
from drivers.errors import AccessDenied, CardDataError, CardFileNotFound, SecureMessagingError

H = bytes.fromhex


def test_multi_byte_tags_and_long_lengths() -> None:
    value = bytes(300)
    encoded = tlv.encode(0x7F61, value)
    assert encoded[:5] == H("7F6182012C")
    item = tlv.read_tlv(encoded)
    assert (item.tag, item.value, item.end, item.constructed) == (0x7F61, value, len(encoded), True)
    assert tlv.encode(0x5F1F, b"A") == H("5F1F0141")
    assert tlv.encode_length(0x7F) == H("7F") and tlv.encode_length(0x80) == H("8180")
    assert tlv.decode_one(H("5F1F820001") + b"Z", 0x5F1F) == b"Z"  # a non-minimal length still reads


@pytest.mark.parametrize("data", [
    b"", H("5F"), H("5F1F"), H("5F1F05414243"), H("6180"), H("6185FFFFFFFFFF"), H("61820100"),
    H("5FFFFFFF7F0100"), H("61010000"),
])
def test_strict_decoding_refuses_malformed_input(data: bytes) -> None:
    with pytest.raises(CardDataError):
        tlv.decode_one(data)


def test_total_length_tells_a_file_size_from_its_first_bytes() -> None:
    assert tlv.total_length(H("75824B2C")) == 4 + 0x4B2C
    assert tlv.total_length(H("6B35")) == 0x37
    assert tlv.total_length(H("7F")) is None and tlv.total_length(H("7582")) is None
    with pytest.raises(CardDataError):
        tlv.total_length(H("7580"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([0x01, 0x53, 0x5F1F, 0x7F61, 0x5F0E, 0x30, 0xA0, 0x7F8101]),
                          st.binary(max_size=300)), max_size=5))
def test_tlv_round_trip(items: list[tuple[int, bytes]]) -> None:
    encoded = b"".join(tlv.encode(tag, value) for tag, value in items)
    assert [(item.tag, item.value) for item in tlv.decode(encoded)] == items


def test_commands_of_the_card_table() -> None:
    assert apdu.select_aid().to_bytes() == H("00A4040C07A0000002471001")
    assert apdu.select_fid(0x011E).to_bytes() == H("00A4020C02011E")
    assert apdu.select_mf().to_bytes() == H("00A4000C023F00")
    assert apdu.read_binary(0x0104, 0xE0).to_bytes() == H("00B00104E0")
    assert apdu.read_binary_sfi(0x1C, 0, 256).to_bytes() == H("00B09C0000")
    assert apdu.read_binary_odd(0x8000, 0xE3).to_bytes() == H("00B1000004540280 00E3".replace(" ", ""))
    assert apdu.get_challenge().to_bytes() == H("0084000008")
    assert apdu.external_authenticate(bytes(40)).to_bytes() == H("0082000028") + bytes(40) + H("28")
    with pytest.raises(ValueError):
        apdu.read_binary(0x8000, 1)


@pytest.mark.parametrize("raw", [
    "00A4040C07A0000002471001", "0084000008", "00B0000000", "00B10000045402800000",
    "0CB000000D9701048E08ED6705417E96BA5500", "00A40000", "00B000000001F4",
    "00B00000000101" + "AB" * 0x101 + "01F4",
])
def test_command_parse_round_trips(raw: str) -> None:
    assert CommandApdu.parse(H(raw)).to_bytes() == H(raw)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=400), le=st.one_of(st.none(), st.integers(1, 65536)))
def test_any_command_round_trips(data: bytes, le: int | None) -> None:
    command = CommandApdu(0x00, 0xB0, 0x01, 0x02, data, le)
    assert CommandApdu.parse(command.to_bytes()) == command


def test_status_words_map_to_the_error_table() -> None:
    assert apdu.is_success(0x9000) and apdu.is_success(0x6282)
    expected = {0x6300: AccessDenied, 0x63C2: AccessDenied, 0x6982: AccessDenied, 0x6985: AccessDenied,
                0x6987: SecureMessagingError, 0x6988: SecureMessagingError, 0x6A82: CardFileNotFound,
                0x6B00: CardStatusError, 0x6D00: CardStatusError, 0x6123: CardStatusError,
                0x1234: CardStatusError}
    for sw, kind in expected.items():
        error = apdu.status_error(sw, "READ")
        assert type(error) is kind and error.sw == sw and f"{sw:04X}" in str(error)  # type: ignore[attr-defined]
    with pytest.raises(CardFileNotFound):
        apdu.check_status(0x6A82)


class Scripted:
    """A transport that answers from a script and records what it was sent."""

    def __init__(self, *answers: str) -> None:
        self.answers, self.sent = [H(a) for a in answers], []  # type: list[bytes]

    def transmit(self, command: bytes) -> bytes:
        self.sent.append(command)
        return self.answers.pop(0)


def test_61xx_is_followed_by_get_response_and_6cxx_by_a_resend() -> None:
    t0 = Scripted("AABB6102", "CCDD9000")
    assert apdu.exchange(t0, apdu.get_challenge(4)) == (H("AABBCCDD"), 0x9000)
    assert t0.sent[1] == H("00C0000002")
    wrong_le = Scripted("6C04", "01020304 9000".replace(" ", ""))
    assert apdu.exchange(wrong_le, apdu.get_challenge(8)) == (H("01020304"), 0x9000)
    assert wrong_le.sent[1] == H("0084000004")
    with pytest.raises(CardDataError):
        apdu.split_response(H("90"))
