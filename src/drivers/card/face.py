"""DG2, the encoded face (ICAO 9303-10 §4.7.2): the biometric template and its ISO/IEC 19794-5 record.

`parse_dg2` finds the first face image and returns its bytes, its codec (told by magic bytes, never by
the header field) and, from a 19794-5 (2005) record, its width and height. Other record formats
(39794-5, 19794-5:2011) fall back to locating the image by its magic bytes. `facial_record` builds a
19794-5 record (for the card builder).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from drivers.card import tlv
from drivers.errors import CardDataError

TAG_DG2 = 0x75
FORMAT_19794_5 = 0x0008
FORMAT_OWNER_ISO = 0x0101
JPEG, JPEG2000 = "jpeg", "jpeg2000"
MAGIC = (
    (b"\xff\xd8\xff", JPEG),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", JPEG2000),  # JP2 container
    (b"\xff\x4f\xff\x51", JPEG2000),  # raw J2K codestream
)
RECORD_HEADER = struct.Struct(">4s4sIH")  # 'FAC\0', version, record length, number of images
FACE_INFO = struct.Struct(">IHBBB3sH3s3s")  # block length, feature points, gender, eyes, hair, mask, …
IMAGE_INFO = struct.Struct(">BBHHBBHH")  # face type, data type, width, height, colour, source, device, …
FEATURE_POINT = 8


@dataclass(frozen=True)
class FaceImage:
    """The portrait as stored on the chip."""

    data: bytes
    format: str  # jpeg | jpeg2000
    width: int | None = None
    height: int | None = None


def image_format(data: bytes) -> str | None:
    """jpeg or jpeg2000 from the first bytes, None when neither."""
    return next((name for magic, name in MAGIC if data.startswith(magic)), None)


def parse_dg2(data: bytes) -> FaceImage:
    """The first face image of DG2 (`75 { 7F61 { 02 n, 7F60 { A1 header, 5F2E|7F2E data } … } }`)."""
    group = tlv.children(tlv.decode_one(data, TAG_DG2))
    if 0x7F61 not in group:
        raise CardDataError("DG2 has no biometric information group (7F61)")
    for item in tlv.iter_tlvs(group[0x7F61]):
        if item.tag == 0x7F60:
            return _parse_template(tlv.children(item.value))
    raise CardDataError("DG2 holds no biometric information template (7F60)")


def _parse_template(template: dict[int, bytes]) -> FaceImage:
    block = template.get(0x5F2E, template.get(0x7F2E))
    if block is None:
        raise CardDataError("DG2 template has no biometric data block (5F2E/7F2E)")
    header = tlv.children(template.get(0xA1, b""))
    format_type = int.from_bytes(header.get(0x88, b""), "big") if 0x88 in header else FORMAT_19794_5
    if format_type == FORMAT_19794_5 and block.startswith(b"FAC\x00010\x00"):
        return parse_facial_record(block)
    return _scan_for_image(block)


def parse_facial_record(record: bytes) -> FaceImage:
    """The first image of an ISO/IEC 19794-5:2005 facial record, with width and height from its header."""
    if len(record) < RECORD_HEADER.size + FACE_INFO.size + IMAGE_INFO.size:
        raise CardDataError("facial record too short")
    magic, _, length, count = RECORD_HEADER.unpack_from(record)
    if magic != b"FAC\x00" or count < 1 or length > len(record):
        raise CardDataError("facial record header is not valid")
    block_length, points = FACE_INFO.unpack_from(record, RECORD_HEADER.size)[:2]
    start = RECORD_HEADER.size + FACE_INFO.size + points * FEATURE_POINT
    end = RECORD_HEADER.size + block_length
    if block_length < FACE_INFO.size + IMAGE_INFO.size or start + IMAGE_INFO.size > end or end > length:
        raise CardDataError("facial record block lengths are not consistent")
    _, _, width, height = IMAGE_INFO.unpack_from(record, start)[:4]
    image = record[start + IMAGE_INFO.size:end]
    kind = image_format(image)
    if kind is None:
        raise CardDataError("the portrait is neither JPEG nor JPEG 2000")
    return FaceImage(image, kind, width, height)


def _scan_for_image(block: bytes) -> FaceImage:
    """Locate the image in a record this module does not parse, by its magic bytes."""
    found = [(block.find(magic), name) for magic, name in MAGIC if block.find(magic) >= 0]
    if not found:
        raise CardDataError("no JPEG or JPEG 2000 image in DG2")
    start, kind = min(found)
    image = block[start:]
    size = jpeg_size(image) if kind == JPEG else None
    return FaceImage(image, kind, *(size or (None, None)))


def jpeg_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a JPEG's start-of-frame marker, None when there is none."""
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker, length = data[pos + 1], int.from_bytes(data[pos + 2:pos + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC) and pos + 9 <= len(data):
            height, width = struct.unpack_from(">HH", data, pos + 5)
            return width, height
        pos += 2 + length
    return None


def facial_record(image: bytes, width: int, height: int, gender: int = 0) -> bytes:
    """An ISO/IEC 19794-5:2005 record with one full-frontal image and no feature points."""
    data_type = 0 if image_format(image) == JPEG else 1
    info = IMAGE_INFO.pack(1, data_type, width, height, 1, 2, 0, 0)  # full frontal, sRGB, digital still
    block_length = FACE_INFO.size + len(info) + len(image)
    face = FACE_INFO.pack(block_length, 0, gender, 0, 0, b"\x00\x00\x00", 0, b"\x00\x00\x00", b"\x00\x00\x00")
    total = RECORD_HEADER.size + block_length
    return RECORD_HEADER.pack(b"FAC\x00", b"010\x00", total, 1) + face + info + image


def dg2(record: bytes) -> bytes:
    """DG2 around one 19794-5 record: biometric header (ICAO version, type face, ISO owner, format 0008)."""
    header = (tlv.encode(0x80, b"\x01\x01") + tlv.encode(0x81, b"\x02") + tlv.encode(0x87, b"\x01\x01")
              + tlv.encode(0x88, FORMAT_19794_5.to_bytes(2, "big")))
    template = tlv.encode(0x7F60, tlv.encode(0xA1, header) + tlv.encode(0x5F2E, record))
    return tlv.encode(TAG_DG2, tlv.encode(0x7F61, tlv.encode(0x02, b"\x01") + template))
