"""BER-TLV as ICAO 9303 and ISO/IEC 7816-4 use it: multi-byte tags, definite lengths up to 4 bytes.

Decoding is strict: truncated input, an indefinite length (0x80), an over-long tag or length, or bytes
left over raise `CardDataError`. Tags are handled as integers of their encoded bytes (`0x5F1F`, `0x7F61`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from drivers.errors import CardDataError

MAX_TAG_BYTES = 4
MAX_LENGTH_BYTES = 4


class TruncatedTlv(CardDataError):
    """The input ends inside a data object."""


@dataclass(frozen=True)
class Tlv:
    """One data object: its tag, its value, and where it sat in the input."""

    tag: int
    value: bytes
    start: int  # offset of the tag's first byte
    end: int  # offset just past the value

    @property
    def constructed(self) -> bool:
        """True when the value is itself a sequence of data objects (bit 6 of the first tag byte)."""
        return bool(_first_tag_byte(self.tag) & 0x20)


def _first_tag_byte(tag: int) -> int:
    return tag.to_bytes((tag.bit_length() + 7) // 8 or 1, "big")[0]


def read_tag(data: bytes, offset: int = 0) -> tuple[int, int]:
    """Decode the tag at `offset`; returns (tag, offset after it)."""
    if offset >= len(data):
        raise TruncatedTlv("TLV: missing tag")
    tag, pos = data[offset], offset + 1
    if tag & 0x1F == 0x1F:
        while True:
            if pos >= len(data):
                raise TruncatedTlv("TLV: truncated multi-byte tag")
            tag, pos = (tag << 8) | data[pos], pos + 1
            if not data[pos - 1] & 0x80:
                break
            if pos - offset >= MAX_TAG_BYTES:
                raise CardDataError("TLV: tag too long")
    return tag, pos


def read_length(data: bytes, offset: int) -> tuple[int, int]:
    """Decode the length at `offset`; returns (length, offset after it)."""
    if offset >= len(data):
        raise TruncatedTlv("TLV: missing length")
    first = data[offset]
    if first < 0x80:
        return first, offset + 1
    count = first & 0x7F
    if count == 0 or count > MAX_LENGTH_BYTES:
        raise CardDataError(f"TLV: unsupported length byte {first:02X}")
    if offset + 1 + count > len(data):
        raise TruncatedTlv("TLV: truncated length")
    return int.from_bytes(data[offset + 1:offset + 1 + count], "big"), offset + 1 + count


def read_tlv(data: bytes, offset: int = 0) -> Tlv:
    """Decode the data object starting at `offset`; its value must lie within `data`."""
    tag, pos = read_tag(data, offset)
    length, pos = read_length(data, pos)
    if pos + length > len(data):
        raise TruncatedTlv(f"TLV: value of tag {tag:X} runs past the end ({length} bytes declared)")
    return Tlv(tag, bytes(data[pos:pos + length]), offset, pos + length)


def iter_tlvs(data: bytes) -> Iterator[Tlv]:
    """Every data object of a concatenation, in order; the input must be consumed exactly."""
    offset = 0
    while offset < len(data):
        item = read_tlv(data, offset)
        offset = item.end
        yield item


def decode(data: bytes) -> list[Tlv]:
    """The data objects of a concatenation (strict: nothing may be left over)."""
    return list(iter_tlvs(data))


def decode_one(data: bytes, tag: int | None = None) -> bytes:
    """The value of the single data object making up `data`, checking its tag when given."""
    item = read_tlv(data)
    if item.end != len(data):
        raise CardDataError(f"TLV: {len(data) - item.end} bytes after tag {item.tag:X}")
    if tag is not None and item.tag != tag:
        raise CardDataError(f"TLV: expected tag {tag:X}, found {item.tag:X}")
    return item.value


def children(value: bytes) -> dict[int, bytes]:
    """The data objects inside a constructed value, by tag (the first of each tag wins)."""
    found: dict[int, bytes] = {}
    for item in iter_tlvs(value):
        found.setdefault(item.tag, item.value)
    return found


def total_length(prefix: bytes) -> int | None:
    """The full size (header + value) of the data object that `prefix` starts, or None when `prefix` ends
    inside the header. Used to learn a file's size from its first bytes."""
    try:
        _, pos = read_tag(prefix)
        length, pos = read_length(prefix, pos)
    except TruncatedTlv:
        return None
    return pos + length


def encode_tag(tag: int) -> bytes:
    """The bytes of a tag given as an integer."""
    return tag.to_bytes((tag.bit_length() + 7) // 8 or 1, "big")


def encode_length(length: int) -> bytes:
    """Definite length in the shortest form (DER)."""
    if length < 0:
        raise ValueError("negative length")
    if length < 0x80:
        return bytes([length])
    body = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def encode(tag: int, value: bytes) -> bytes:
    """One data object: tag, length, value."""
    return encode_tag(tag) + encode_length(len(value)) + value
