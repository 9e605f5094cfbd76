"""The whole read, in process: `read_emrtd` against an `EmrtdChip` built from a demo persona, with the
chip's fault modes (wrong key, torn card, corrupt data group, broken MAC) and the APDU budget."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import cv2
import numpy as np
import pytest

from drivers.card import lds
from drivers.card.apdu import Transport
from drivers.card.card_builder import BuiltCard, build_card
from drivers.card.card_signer import ThrowawayPki
from drivers.card.chip import ChipFaults, ChipTransport, EmrtdChip
from drivers.card.emrtd import DEFAULT_MAX_READ, HEADER_READ, read_emrtd
from drivers.card.mrz import MrzKey
from drivers.errors import (
    AccessDenied,
    CardDataError,
    CardRemoved,
    NoMedia,
    SecureMessagingError,
    UnsupportedCard,
)
from tests.drivers.card.helpers import demo_persona

Log = list[tuple[bytes, bytes]]


def read(card: BuiltCard, key: MrzKey | None = None, log: Log | None = None, **options: Any) -> Any:
    faults = options.pop("faults", None)
    chip = EmrtdChip(card.files, card.mrz_key, faults)
    return read_emrtd(ChipTransport(chip, log), key or card.mrz_key, **options)


def file_apdus(size: int, chunk: int = DEFAULT_MAX_READ) -> int:
    """SELECT, the header read, then the rest in chunks."""
    return 2 + math.ceil((size - HEADER_READ) / chunk)


def test_the_read_matches_the_persona(wang_card: BuiltCard, wang: dict[str, Any]) -> None:
    result = read(wang_card)
    holder, document = wang["holder"], wang["document"]
    doc = result.document
    assert (doc.kind, doc.code, doc.issuer, doc.number) == ("TD1", "I", "CHN", document["number"])
    assert (doc.surname, doc.given_names, doc.sex, doc.nationality) == ("WANG", "JIANGUO", "M", "CHN")
    assert doc.birth_date == date.fromisoformat(holder["birth_date"])
    assert doc.expiry_date == date.fromisoformat(document["expiry_date"])
    assert (doc.full_name, doc.personal_number, doc.address) == (holder["name"], holder["id_number"],
                                                                  holder["address"])
    assert result.passive_auth == {"hashes": "valid", "signature": "unchecked",
                                   "signature_detail": "unchecked"}
    assert result.passive_auth_failed == () and result.access == "BAC" and result.reauthentications == 0
    assert set(result.groups) == {1, 2, 11, 15} and result.com is not None and result.com.lds_version == "1.7"


def test_the_portrait_decodes_at_the_size_the_record_says(wang_card: BuiltCard) -> None:
    result = read(wang_card)
    assert (result.portrait_format, result.portrait_width, result.portrait_height) == ("jpeg", 260, 378)
    image = cv2.imdecode(np.frombuffer(result.portrait, np.uint8), cv2.IMREAD_COLOR)
    assert image is not None and image.shape[:2] == (378, 260)


def test_the_access_steps_are_the_plain_apdus_of_card_md(wang_card: BuiltCard) -> None:
    log: Log = []
    read(wang_card, log=log)
    (select, ok), (challenge, rnd), (authenticate, answer) = log[:3]
    assert select.hex().upper() == "00A4040C07A0000002471001" and ok == b"\x90\x00"
    assert challenge.hex().upper() == "0084000008" and len(rnd) == 10
    assert authenticate[:5].hex().upper() == "0082000028" and authenticate[-1] == 0x28 and len(answer) == 42
    assert all(command[0] == 0x0C for command, _ in log[3:])  # everything after BAC is protected
    assert all(len(response) <= 258 for _, response in log)  # short APDUs: at most 256 bytes + SW


def test_a_wrong_key_is_access_denied(wang_card: BuiltCard) -> None:
    wrong = MrzKey(wang_card.mrz_key.document_number, wang_card.mrz_key.birth_date, "310313")
    with pytest.raises(AccessDenied, match="check the document number") as refused:
        read(wang_card, wrong)
    assert refused.value.sw == 0x6300


def test_a_card_torn_away_mid_read_is_card_removed_and_reads_after_reinsertion(wang_card: BuiltCard) -> None:
    chip = EmrtdChip(wang_card.files, wang_card.mrz_key, tear_after_apdus=30)
    with pytest.raises(CardRemoved) as torn:
        read_emrtd(ChipTransport(chip), wang_card.mrz_key)
    assert isinstance(torn.value, NoMedia)
    again = read_emrtd(ChipTransport(chip), wang_card.mrz_key)  # re-insertion: a new power-up
    assert again.passive_auth["hashes"] == "valid"


def test_a_corrupt_data_group_fails_its_hash(wang_card: BuiltCard) -> None:
    result = read(wang_card, faults=ChipFaults(corrupt_dg=2))
    assert result.passive_auth["hashes"] == "invalid" and result.passive_auth_failed == (2,)
    assert result.groups[2] != wang_card.files[lds.dg_fid(2)] and result.portrait is not None


def test_a_data_group_whose_structure_is_broken_is_card_data_error(wang_card: BuiltCard) -> None:
    with pytest.raises(CardDataError):
        read(wang_card, faults=ChipFaults(corrupt_dg=11, corrupt_structure=True))
    with pytest.raises(CardDataError, match="check digit"):  # DG1's own check digits catch a flipped byte
        read(wang_card, faults=ChipFaults(corrupt_dg=1))


def test_one_mac_error_re_establishes_the_session_and_the_read_completes(wang_card: BuiltCard) -> None:
    clean_log: Log = []
    clean = read(wang_card, log=clean_log)
    selects = [i for i, (command, _) in enumerate(clean_log) if command[:4] == bytes.fromhex("0CA4020C")]
    broken = selects[3] + 3  # APDU number (from 1) of DG2's second READ BINARY: COM, SOD, DG1, DG2 selected
    log: Log = []
    result = read(wang_card, log=log, faults=ChipFaults(bad_mac_at=broken))
    assert result.reauthentications == 1 and result.passive_auth["hashes"] == "valid"
    assert result.groups == clean.groups
    reopen = [i for i, (command, _) in enumerate(log) if command.hex().upper() == "00A4040C07A0000002471001"]
    assert reopen == [0, broken]  # right after the failed exchange: plain SELECT, BAC, then on
    assert result.apdus == clean.apdus + 3 + 1 + 1  # SELECT, GET CHALLENGE, EXT AUTH, file re-select, retry


class Flipping:
    """Flips a byte of every protected response: secure messaging can never succeed."""

    def __init__(self, transport: Transport) -> None:
        self.transport = transport

    def transmit(self, command: bytes) -> bytes:
        response = self.transport.transmit(command)
        return response[:-3] + bytes([response[-3] ^ 1]) + response[-2:] if command[0] == 0x0C else response


def test_a_second_secure_messaging_error_gives_up(wang_card: BuiltCard) -> None:
    chip = EmrtdChip(wang_card.files, wang_card.mrz_key)
    with pytest.raises(SecureMessagingError):
        read_emrtd(Flipping(ChipTransport(chip)), wang_card.mrz_key)


def test_apdu_count_is_the_minimum_the_chunk_size_allows(pki: ThrowawayPki) -> None:
    card = build_card(demo_persona("renewal-ok"), pki=pki, dg2_size=20_000)
    sizes = {fid: len(content) for fid, content in card.files.items()}
    assert 19_900 <= sizes[lds.dg_fid(2)] <= 20_100
    result = read(card)
    assert result.apdus == 3 + sum(file_apdus(size) for size in sizes.values()) + 1  # + INTERNAL AUTHENTICATE
    dg2 = sizes[lds.dg_fid(2)]
    dg2_apdus, minimum = file_apdus(dg2), math.ceil(dg2 / DEFAULT_MAX_READ) + 1  # + the header read
    assert minimum <= dg2_apdus <= 1.1 * minimum
    sfi = read(card, use_sfi=True)
    assert sfi.apdus == result.apdus - len(sizes) and sfi.groups == result.groups  # no SELECT per file


def test_offsets_past_32k_use_the_odd_ins_read(pki: ThrowawayPki) -> None:
    card = build_card(demo_persona("renewal-ok"), pki=pki, dg2_size=40_000)
    log: Log = []
    result = read(card, log=log)
    assert result.passive_auth["hashes"] == "valid" and len(result.groups[2]) > 0x8000
    assert any(command[1] == 0xB1 for command, _ in log)
    image = cv2.imdecode(np.frombuffer(result.portrait, np.uint8), cv2.IMREAD_COLOR)
    assert image is not None


def test_a_chunk_size_needing_extended_length_works(wang_card: BuiltCard) -> None:
    result = read(wang_card, max_read=4096)
    assert result.passive_auth["hashes"] == "valid" and result.apdus < read(wang_card).apdus


def test_optional_files_may_be_missing(wang_card: BuiltCard) -> None:
    files = {fid: content for fid, content in wang_card.files.items() if fid not in (0x011E, 0x010B)}
    sparse = BuiltCard(files, wang_card.mrz_key, None, b"")
    result = read(sparse)
    assert result.com is None and result.document.full_name is None and result.details is None
    assert result.passive_auth == {"hashes": "valid", "signature": "unchecked",
                                   "signature_detail": "unchecked"}
    no_sod = BuiltCard({fid: c for fid, c in files.items() if fid != 0x011D}, wang_card.mrz_key, None, b"")
    assert read(no_sod).passive_auth["hashes"] == "absent"


class T0:
    """A T=0 reader: responses over 16 bytes come in parts, announced with 61 xx and fetched with GET
    RESPONSE."""

    def __init__(self, transport: Transport) -> None:
        self.transport, self.pending, self.sw = transport, b"", b""

    def transmit(self, command: bytes) -> bytes:
        if command[1] == 0xC0:
            size = command[4] or 256
            part, self.pending = self.pending[:size], self.pending[size:]
            return part + (self._more() if self.pending else self.sw)
        response = self.transport.transmit(command)
        data, self.sw = response[:-2], response[-2:]
        if len(data) <= 16:
            return response
        self.pending = data[16:]
        return data[:16] + self._more()

    def _more(self) -> bytes:
        return bytes([0x61, min(len(self.pending), 255)])


def test_responses_announced_with_61xx_are_collected(wang_card: BuiltCard) -> None:
    chip = EmrtdChip(wang_card.files, wang_card.mrz_key)
    result = read_emrtd(T0(ChipTransport(chip)), wang_card.mrz_key)
    assert result.passive_auth["hashes"] == "valid" and result.apdus > read(wang_card).apdus


class NoEmrtd:
    def transmit(self, command: bytes) -> bytes:
        return b"\x6a\x82"


def test_a_card_without_the_emrtd_application_is_unsupported(wang_card: BuiltCard) -> None:
    with pytest.raises(UnsupportedCard):
        read_emrtd(NoEmrtd(), wang_card.mrz_key)
    with pytest.raises(ValueError):
        read_emrtd(NoEmrtd())


@pytest.mark.parametrize("persona_id", ["renewal-identity-mismatch", "renewal-senior", "transfer-in-blocked"])
def test_other_personas_read_back(persona_id: str, pki: ThrowawayPki, small_jpeg: bytes) -> None:
    persona = demo_persona(persona_id)
    result = read(build_card(persona, pki=pki, portrait=small_jpeg))
    birth = persona["document"].get("birth_date") or persona["holder"]["birth_date"]
    assert result.document.birth_date == date.fromisoformat(birth)  # the card carries the document's data
    assert result.document.full_name == persona["holder"]["name"]
    assert result.passive_auth["hashes"] == "valid"


def test_a_passport_persona_reads_as_td3(pki: ThrowawayPki, small_jpeg: bytes) -> None:
    persona = demo_persona("renewal-ok")
    persona["document"] = {**persona["document"], "kind": "TD3", "number": "EA1234567"}
    result = read(build_card(persona, pki=pki, portrait=small_jpeg))
    assert (result.document.kind, result.document.code, result.document.number) == ("TD3", "P", "EA1234567")
