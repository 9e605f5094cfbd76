"""The LDS parsers: EF.COM, DG1, DG2 (19794-5, JPEG / JPEG 2000, other record formats), DG11, EF.SOD, and
the hash part of passive authentication."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from drivers.card import face, tlv
from drivers.card.card_builder import BuiltCard, dg1, dg11
from drivers.card.card_signer import ThrowawayPki, build_sod
from drivers.card.lds import dg_fid, document_data, parse_com, parse_dg1, parse_dg11
from drivers.card.mrz import MrzFields
from drivers.card.passive_auth import check_hashes, passive_auth
from drivers.card.sod import SecurityObject, parse_sod
from drivers.errors import CardDataError

H = bytes.fromhex
J2K = H("FF4FFF51") + bytes(40)
JP2 = H("0000000C6A5020200D0A870A") + bytes(40)


def test_ef_com_of_the_worked_example() -> None:
    com = parse_com(H("60145F0104303130365F36063034303030305C026175"))
    assert (com.lds_version, com.unicode_version, com.data_groups) == ("1.6", "4.0.0", (1, 2))


def test_ef_com_needs_its_tag_list() -> None:
    with pytest.raises(CardDataError):
        parse_com(H("60065F0104303130"))
    with pytest.raises(CardDataError):
        parse_com(H("61025C00"))


def test_dg1_gives_the_mrz(wang_card: BuiltCard) -> None:
    mrz = parse_dg1(wang_card.files[dg_fid(1)])
    assert (mrz.kind, mrz.document_code, mrz.issuer, mrz.document_number) == ("TD1", "I", "CHN", "E26110113")
    assert (mrz.surname, mrz.given_names, mrz.birth_date) == ("WANG", "JIANGUO", date(1985, 3, 12))
    with pytest.raises(CardDataError, match="MRZ"):
        parse_dg1(tlv.encode(0x61, tlv.encode(0x5F1E, b"X")))


def test_dg11_full_name_number_address(wang_card: BuiltCard) -> None:
    details = parse_dg11(wang_card.files[dg_fid(11)])
    assert details.full_name == "王建国" and details.personal_number == "371502198503120030"
    assert details.address == "山东省聊城市东昌府区柳园南路17号"
    assert details.full_birth_date == date(1985, 3, 12)
    assert details.telephone == "13806351037"


def test_dg11_separators_latin1_and_bcd_dates() -> None:
    raw = tlv.encode(0x6B, tlv.encode(0x5C, H("5F0E5F425F2B")) + tlv.encode(0x5F0E, b"M\xdcLLER<<HANS<PETER")
                     + tlv.encode(0x5F42, b"HAUPTSTRASSE 1<BERLIN<<") + tlv.encode(0x5F2B, H("19740812"))
                     + tlv.encode(0xA0, tlv.encode(0x02, b"\x01") + tlv.encode(0x5F0F, b"MUELLER<<HANS")))
    details = parse_dg11(raw)
    assert details.full_name == "MÜLLER HANS PETER" and details.address == "HAUPTSTRASSE 1, BERLIN"
    assert details.full_birth_date == date(1974, 8, 12) and details.other_names == ("MUELLER HANS",)
    assert parse_dg11(dg11("王建国", None, date(1985, 3, 12), None, None)).personal_number is None


def test_document_data_takes_dg11_and_the_full_birth_date(wang_card: BuiltCard) -> None:
    mrz = parse_dg1(wang_card.files[dg_fid(1)], today=date(2026, 11, 26))
    document = document_data(mrz, parse_dg11(wang_card.files[dg_fid(11)]))
    assert document.full_name == "王建国" and document.personal_number == "371502198503120030"
    assert document.address and document.code == "I" and document.issuer == "CHN"
    fields = MrzFields("TD1", "I", "CHN", "E26110001", "250312", "M", "310312", "CHN", "WANG", "LAO")
    senior = parse_dg1(dg1(fields), today=date(2026, 11, 26))
    assert senior.birth_date == date(2025, 3, 12)  # the MRZ alone cannot tell the century
    full = parse_dg11(dg11("王老", None, date(1925, 3, 12), None, None))
    assert document_data(senior, full).birth_date == date(1925, 3, 12)
    other = parse_dg11(dg11("王老", None, date(1925, 3, 13), None, None))
    assert document_data(senior, other).birth_date == date(2025, 3, 12)  # disagreeing: the MRZ wins


def test_dg2_19794_record_gives_image_size_and_codec(wang_card: BuiltCard) -> None:
    image = face.parse_dg2(wang_card.files[dg_fid(2)])
    assert (image.format, image.width, image.height) == ("jpeg", 260, 378)
    assert image.data.startswith(H("FFD8FF")) and image.data.endswith(H("FFD9"))


@pytest.mark.parametrize("image", [J2K, JP2])
def test_dg2_tells_jpeg_2000_by_its_magic_bytes(image: bytes) -> None:
    parsed = face.parse_dg2(face.dg2(face.facial_record(image, 320, 240)))
    assert (parsed.format, parsed.width, parsed.height, parsed.data) == ("jpeg2000", 320, 240, image)


def test_dg2_in_another_record_format_is_found_by_magic(small_jpeg: bytes) -> None:
    header = tlv.encode(0xA1, tlv.encode(0x87, H("0101")) + tlv.encode(0x88, H("002A")))
    block = tlv.encode(0x5F2E, H("A1020304") + small_jpeg)  # stands in for a 39794-5 encoding
    raw = tlv.encode(0x75, tlv.encode(0x7F61, tlv.encode(0x02, b"\x01") + tlv.encode(0x7F60, header + block)))
    image = face.parse_dg2(raw)
    assert (image.format, image.width, image.height, image.data) == ("jpeg", 12, 16, small_jpeg)


def test_dg2_without_an_image_is_card_data_error() -> None:
    with pytest.raises(CardDataError):
        face.parse_dg2(face.dg2(face.facial_record(b"GIF89a" + bytes(20), 1, 1)))
    with pytest.raises(CardDataError):
        face.parse_dg2(tlv.encode(0x75, tlv.encode(0x7F61, tlv.encode(0x02, b"\x00"))))


def test_sod_gives_hashes_certificate_and_signed_attributes(wang_card: BuiltCard) -> None:
    sod = parse_sod(wang_card.files[0x011D])
    assert sod.hash_name == "sha256" and set(sod.hashes) == {1, 2, 11, 15}
    assert sod.hashes[1] == hashlib.sha256(wang_card.files[dg_fid(1)]).digest()
    assert sod.signer is not None and sod.signer.message_digest == hashlib.sha256(sod.content).digest()
    assert verify_signature(sod, wang_card.csca_certificate) == "valid"


def verify_signature(sod: SecurityObject, csca_der: bytes) -> str:
    """What the next issue's signature check will do, as a test of the seam: DS signs the signed
    attributes, CSCA signs DS."""
    assert sod.signer is not None and sod.signer.signed_attributes and sod.signer_certificate
    ds = x509.load_der_x509_certificate(sod.signer_certificate)
    csca = x509.load_der_x509_certificate(csca_der)
    ds.verify_directly_issued_by(csca)
    signed = b"\x31" + sod.signer.signed_attributes[1:]  # [0] IMPLICIT → SET OF for the signature
    public = ds.public_key()
    assert isinstance(public, ec.EllipticCurvePublicKey)
    public.verify(sod.signer.signature, signed, ec.ECDSA(hashes.SHA256()))
    return "valid"


def test_passive_auth_hash_verdicts(wang_card: BuiltCard, pki: ThrowawayPki) -> None:
    sod = parse_sod(wang_card.files[0x011D])
    groups = {n: wang_card.files[dg_fid(n)] for n in (1, 2, 11)}
    assert check_hashes(sod, groups).as_dict() == {"hashes": "valid", "signature": "unchecked",
                                                   "signature_detail": "unchecked"}
    tampered = {**groups, 11: groups[11][:-1] + b"X"}
    result = check_hashes(sod, tampered)
    assert (result.hashes, result.failed) == ("invalid", (11,))
    extra = check_hashes(sod, {**groups, 12: tlv.encode(0x6C, b"")})
    assert (extra.hashes, extra.failed) == ("invalid", (12,))  # a DG the SOD does not list is not trusted
    assert check_hashes(None, groups).hashes == "absent"
    sha1 = parse_sod(build_sod(groups, pki, "sha1"))
    assert check_hashes(sha1, groups).hashes == "valid"
    unknown = SecurityObject("1.2.3.4", sod.hashes, None, sod.content, (), None)
    assert check_hashes(unknown, groups).hashes == "invalid"
    checked = passive_auth(sod, groups, lambda s: verify_signature(s, wang_card.csca_certificate))
    assert checked.as_dict() == {"hashes": "valid", "signature": "valid", "signature_detail": "valid"}


def test_sod_structure_errors() -> None:
    with pytest.raises(CardDataError):
        parse_sod(tlv.encode(0x77, tlv.encode(0x30, tlv.encode(0x06, H("2A864886F70D010701")))))
    with pytest.raises(CardDataError, match="SignedData"):
        parse_sod(tlv.encode(0x77, tlv.encode(0x30, tlv.encode(0x06, H("2A864886F70D010701"))
                                              + tlv.encode(0xA0, tlv.encode(0x30, b"")))))
