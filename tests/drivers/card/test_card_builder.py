"""Cards from personas, and card folders for `kiosk card emulate --data DIR`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509

from drivers.card.card_builder import build_card, load_card_access, load_card_dir, pad_jpeg, write_card_dir
from drivers.card.card_signer import ThrowawayPki
from drivers.card.chip import ChipTransport, EmrtdChip
from drivers.card.emrtd import read_emrtd
from drivers.card.face import jpeg_size, parse_dg2
from drivers.card.lds import dg_fid, parse_dg1
from drivers.card.mrz import MrzKey
from tests.drivers.card.helpers import DEMO, demo_persona


def test_the_card_of_a_persona(wang: dict[str, Any], pki: ThrowawayPki) -> None:
    card = build_card(wang, pki=pki)
    assert sorted(card.files) == [0x0101, 0x0102, 0x010B, 0x010F, 0x011D, 0x011E]  # DG15: the AA key
    files, key = card  # unpacks like a (files, key) pair
    assert files is card.files and key == MrzKey("E26110113", "850312", "310312") and card.can == "378517"
    mrz = parse_dg1(files[dg_fid(1)])
    assert mrz.lines[0].startswith("I<CHNE26110113") and mrz.nationality == "CHN"
    csca = x509.load_der_x509_certificate(card.csca_certificate)
    country = csca.subject.get_attributes_for_oid(x509.NameOID.COUNTRY_NAME)[0].value
    assert csca.subject == csca.issuer and country == "CN"


def test_a_relative_portrait_resolves_against_base_dir(pki: ThrowawayPki) -> None:
    raw = json.loads(DEMO.read_text(encoding="utf-8"))["personas"][0]
    assert not Path(raw["document"]["portrait"]).is_absolute()
    card = build_card(raw, base_dir=DEMO.parent, pki=pki)
    assert parse_dg2(card.files[dg_fid(2)]).data == (DEMO.parent / raw["document"]["portrait"]).read_bytes()


def test_a_persona_without_expiry_or_with_a_bad_kind_is_refused(wang: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="expiry"):
        build_card({**wang, "document": {**wang["document"], "expiry_date": None}})
    with pytest.raises(ValueError, match="TD4"):
        build_card({**wang, "document": {**wang["document"], "kind": "TD4"}})


def test_padding_keeps_the_picture(wang: dict[str, Any]) -> None:
    jpeg = Path(wang["document"]["portrait"]).read_bytes()
    padded = pad_jpeg(jpeg, 70_000)
    assert 69_996 < len(padded) <= 70_000 and jpeg_size(padded) == jpeg_size(jpeg) == (260, 378)


def test_a_card_folder_round_trips_and_reads(wang: dict[str, Any], tmp_path: Path, pki: ThrowawayPki) -> None:
    card = write_card_dir(json.dumps(wang, ensure_ascii=False), tmp_path / "card", pki=pki)
    names = sorted(path.name for path in (tmp_path / "card").iterdir())
    assert names == ["0101.bin", "0102.bin", "010B.bin", "010F.bin", "011D.bin", "011E.bin", "CardAccess.bin",
                     "aa_key.pem", "access.json", "csca.der"]
    assert load_card_access(tmp_path / "card") == {"document_number": "E26110113", "birth_date": "850312",
                                                   "expiry_date": "310312", "can": "378517"}
    files, key = load_card_dir(tmp_path / "card")
    assert files == card.files and key == card.mrz_key
    assert read_emrtd(ChipTransport(EmrtdChip(files, key)), key).passive_auth["hashes"] == "valid"
    (tmp_path / "card" / "access.json").unlink()
    assert load_card_dir(tmp_path / "card")[1] == card.mrz_key  # the key then comes from DG1


def test_a_folder_that_is_not_a_card_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="0101.bin"):
        load_card_dir(tmp_path)
    (tmp_path / "0101.bin").write_bytes(b"\x61\x00")
    (tmp_path / "access.json").write_text("[1, 2]")
    with pytest.raises(ValueError, match="JSON object"):
        load_card_dir(tmp_path)
    (tmp_path / "access.json").write_text('{"document_number": "E1"}')
    with pytest.raises(ValueError, match="birth_date"):
        load_card_dir(tmp_path)


def test_every_demo_persona_becomes_a_readable_card(pki: ThrowawayPki, small_jpeg: bytes) -> None:
    for persona in json.loads(DEMO.read_text(encoding="utf-8"))["personas"]:
        card = build_card(persona, pki=pki, portrait=small_jpeg)
        assert parse_dg1(card.files[dg_fid(1)]).document_number == persona["document"]["number"]
    assert demo_persona("renewal-ok")["id"] == "renewal-ok"
