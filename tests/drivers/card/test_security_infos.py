"""SecurityInfos (EF.CardAccess, DG14): typed records, PACE suites and curves, building, and fuzzing."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.card import tlv
from drivers.card.security_infos import (
    ActiveAuthenticationInfo,
    ChipAuthenticationInfo,
    ChipAuthenticationPublicKeyInfo,
    PaceInfo,
    PaceSuite,
    UnknownInfo,
    card_access,
    encode_security_infos,
    pace_info,
    parse_security_infos,
)
from drivers.card.sod import encode_int, encode_oid
from drivers.errors import CardDataError

G1_CARD_ACCESS = bytes.fromhex("31143012060A04007F0007020204020202010202010D")  # 9303-11 App. G.1


def sequence(oid: str, *rest: bytes) -> bytes:
    return tlv.encode(0x30, tlv.encode(0x06, encode_oid(oid)) + b"".join(rest))


def integer(value: int) -> bytes:
    return tlv.encode(0x02, encode_int(value))


def test_the_icao_example_parses_to_one_pace_info() -> None:
    (info,) = parse_security_infos(G1_CARD_ACCESS)
    assert info == PaceInfo("0.4.0.127.0.7.2.2.4.2.2", 2, 13)
    assert info.suite == PaceSuite("ECDH", "GM", "AES", 16) and info.curve == "brainpoolP256r1"
    assert card_access("ECDH-GM-AES-128/brainpoolP256r1") == G1_CARD_ACCESS


@pytest.mark.parametrize(("oid_tail", "name"), [
    ("1.1", "DH-GM-3DES"), ("2.1", "ECDH-GM-3DES"), ("2.2", "ECDH-GM-AES-128"), ("2.3", "ECDH-GM-AES-192"),
    ("2.4", "ECDH-GM-AES-256"), ("3.2", "DH-IM-AES-128"), ("4.3", "ECDH-IM-AES-192"),
    ("6.4", "ECDH-CAM-AES-256"),
])
def test_pace_oids_map_to_suites_and_back(oid_tail: str, name: str) -> None:
    suite = PaceSuite.from_oid(f"0.4.0.127.0.7.2.2.4.{oid_tail}")
    assert suite is not None and suite.name == name and PaceSuite.from_name(name) == suite
    assert suite.oid == f"0.4.0.127.0.7.2.2.4.{oid_tail}"


@pytest.mark.parametrize("oid", ["0.4.0.127.0.7.2.2.4.5.2", "0.4.0.127.0.7.2.2.4.2.9", "0.4.0.127.0.7.2.2.4",
                                 "1.2.3", "0.4.0.127.0.7.2.2.3.2.2"])
def test_other_oids_are_no_pace_suite(oid: str) -> None:
    assert PaceSuite.from_oid(oid) is None


@pytest.mark.parametrize(("parameter_id", "curve"), [(8, "P-192"), (9, "brainpoolP192r1"), (10, "P-224"),
                                                     (11, "brainpoolP224r1"), (12, "P-256"),
                                                     (13, "brainpoolP256r1"), (15, "P-384"),
                                                     (16, "brainpoolP384r1"), (17, "brainpoolP512r1"),
                                                     (2, None), (99, None)])
def test_standard_parameter_ids_name_curves(parameter_id: int, curve: str | None) -> None:
    assert PaceInfo("0.4.0.127.0.7.2.2.4.2.2", 2, parameter_id).curve == curve


def test_every_kind_of_security_info_is_typed() -> None:
    spki = tlv.encode(0x30, tlv.encode(0x30, tlv.encode(0x06, encode_oid("0.4.0.127.0.7.2.2.1.2")))
                      + tlv.encode(0x03, b"\x00\x04\x01\x02"))
    infos = parse_security_infos(encode_security_infos([
        sequence("0.4.0.127.0.7.2.2.4.2.4", integer(2)),
        sequence("0.4.0.127.0.7.2.2.3.2.2", integer(1), integer(7)),
        sequence("0.4.0.127.0.7.2.2.1.2", spki, integer(7)),
        sequence("2.23.136.1.1.5", integer(1), tlv.encode(0x06, encode_oid("0.4.0.127.0.7.1.1.4.1.3"))),
        sequence("0.4.0.127.0.7.2.2.2", tlv.encode(0x04, b"x")),
    ]))
    by_type = {type(info): info for info in infos}
    assert by_type[PaceInfo] == PaceInfo("0.4.0.127.0.7.2.2.4.2.4", 2, None)
    assert by_type[ChipAuthenticationInfo] == ChipAuthenticationInfo("0.4.0.127.0.7.2.2.3.2.2", 1, 7)
    assert by_type[ChipAuthenticationPublicKeyInfo] == ChipAuthenticationPublicKeyInfo(
        "0.4.0.127.0.7.2.2.1.2", spki, 7)
    assert by_type[ActiveAuthenticationInfo] == ActiveAuthenticationInfo("2.23.136.1.1.5", 1,
                                                                         "0.4.0.127.0.7.1.1.4.1.3")
    unknown = by_type[UnknownInfo]
    assert isinstance(unknown, UnknownInfo) and unknown.protocol_oid == "0.4.0.127.0.7.2.2.2"
    assert unknown.raw == sequence("0.4.0.127.0.7.2.2.2", tlv.encode(0x04, b"x"))


def test_several_suites_build_and_parse_back() -> None:
    specs = ["ECDH-GM-3DES/P-256", "ECDH-GM-AES-256/brainpoolP512r1"]
    assert {str(info) for info in parse_security_infos(card_access(*specs))} == set(specs)


@pytest.mark.parametrize("spec", ["ECDH-GM-AES-128", "ECDH-XX-AES-128/P-256", "ECDH-GM-AES-128/secp256k1"])
def test_unknown_specs_are_refused(spec: str) -> None:
    with pytest.raises(ValueError):
        pace_info(spec)


@pytest.mark.parametrize("data", [
    b"", b"\x30\x00", b"\x31\x00\x00", b"\x31\x02\x30\x00", b"\x31\x03\x30\x01\x02",
    b"\x31\x04\x30\x02\x02\x00",  # no OID first
    tlv.encode(0x31, sequence("0.4.0.127.0.7.2.2.4.2.2")),  # no version
    b"\x31\x0e" + sequence("0.4.0.127.0.7.2.2.4.2.2", b"\x04\x00"),  # version is not an INTEGER
    b"\x31\x05\x30\x03\x06\x01\x80",  # malformed OID
])
def test_malformed_security_infos_raise_card_data_error(data: bytes) -> None:
    with pytest.raises(CardDataError):
        parse_security_infos(data)


@settings(max_examples=400)
@given(st.binary(max_size=80))
def test_arbitrary_bytes_raise_nothing_but_card_data_error(data: bytes) -> None:
    with contextlib.suppress(CardDataError):
        parse_security_infos(data)


element = st.one_of(
    st.binary(max_size=12).map(lambda value: tlv.encode(0x02, value)),
    st.binary(max_size=12).map(lambda value: tlv.encode(0x06, value)),
    st.sampled_from(["0.4.0.127.0.7.2.2.4.2.2", "0.4.0.127.0.7.2.2.3.2.1", "0.4.0.127.0.7.2.2.1.2",
                     "2.23.136.1.1.5"]).map(lambda oid: tlv.encode(0x06, encode_oid(oid))),
    st.binary(max_size=12).map(lambda value: tlv.encode(0x30, value)),
)


@settings(max_examples=400)
@given(st.lists(st.lists(element, max_size=4).map(lambda items: tlv.encode(0x30, b"".join(items))),
                max_size=4))
def test_near_valid_security_infos_raise_nothing_but_card_data_error(sequences: list[bytes]) -> None:
    try:
        infos = parse_security_infos(tlv.encode(0x31, b"".join(sequences)))
    except CardDataError:
        return
    assert len(infos) == len(sequences)
