"""EF.SOD (ICAO 9303-10 §4.6.2, 9303-12): a CMS SignedData over the LDS security object.

`parse_sod` returns the hash algorithm, the data-group hashes and what signature verification needs
(certificates, the SignerInfo's sid, signed attributes as encoded, signature algorithm and parameters,
signature); `trust.py` verifies it.
The DER is read with `tlv`; any structural defect raises `CardDataError`.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.card import tlv
from drivers.errors import CardDataError

TAG_SOD = 0x77
SEQUENCE, SET, INTEGER, OCTET_STRING, OID = 0x30, 0x31, 0x02, 0x04, 0x06
OID_SIGNED_DATA = "1.2.840.113549.1.7.2"
OID_LDS_SECURITY_OBJECT = "2.23.136.1.1.1"
OID_CONTENT_TYPE = "1.2.840.113549.1.9.3"
OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
HASH_NAMES = {
    "1.3.14.3.2.26": "sha1",
    "2.16.840.1.101.3.4.2.4": "sha224",
    "2.16.840.1.101.3.4.2.1": "sha256",
    "2.16.840.1.101.3.4.2.2": "sha384",
    "2.16.840.1.101.3.4.2.3": "sha512",
}


@dataclass(frozen=True)
class SignerInfo:
    """The parts of a CMS SignerInfo a signature check needs."""

    digest_algorithm: str
    signed_attributes: bytes | None  # the [0] element as encoded (re-tag A0 → 31 to verify)
    signature_algorithm: str
    signature: bytes
    message_digest: bytes | None  # the messageDigest signed attribute
    content_type: str | None = None  # the contentType signed attribute (dotted OID)
    signature_parameters: bytes | None = None  # the signature algorithm's parameters, DER (RSA-PSS)
    issuer: bytes | None = None  # sid as issuerAndSerialNumber: the issuer Name, DER as encoded …
    serial_number: int | None = None  # … and the serial number
    key_identifier: bytes | None = None  # sid as [0] subjectKeyIdentifier


@dataclass(frozen=True)
class SecurityObject:
    """EF.SOD, decoded."""

    hash_algorithm: str  # OID, dotted
    hashes: dict[int, bytes]  # DG number → hash
    lds_version: str | None
    content: bytes  # the encapsulated LDSSecurityObject, DER (what messageDigest covers)
    certificates: tuple[bytes, ...]  # DER, the document signer's first
    signer: SignerInfo | None

    @property
    def hash_name(self) -> str | None:
        """The hashlib name of the hash algorithm, None when not supported."""
        return HASH_NAMES.get(self.hash_algorithm)

    @property
    def signer_certificate(self) -> bytes | None:
        return self.certificates[0] if self.certificates else None


# --- DER primitives -----------------------------------------------------------------------------------

def decode_oid(value: bytes) -> str:
    """Dotted form of an OBJECT IDENTIFIER's content bytes."""
    if not value or value[-1] & 0x80:
        raise CardDataError("malformed OBJECT IDENTIFIER")
    arcs, current = [], 0
    for byte in value:
        current = (current << 7) | (byte & 0x7F)
        if not byte & 0x80:
            arcs.append(current)
            current = 0
    first = min(arcs[0] // 40, 2)
    return ".".join(str(arc) for arc in (first, arcs[0] - 40 * first, *arcs[1:]))


def encode_oid(dotted: str) -> bytes:
    """The content bytes of an OBJECT IDENTIFIER."""
    arcs = [int(part) for part in dotted.split(".")]
    out = bytearray()
    for arc in [40 * arcs[0] + arcs[1], *arcs[2:]]:
        chunk = [arc & 0x7F]
        while arc > 0x7F:
            arc >>= 7
            chunk.append(0x80 | (arc & 0x7F))
        out += bytes(reversed(chunk))
    return bytes(out)


def decode_int(value: bytes) -> int:
    """A (signed) INTEGER's content bytes."""
    if not value:
        raise CardDataError("empty INTEGER")
    return int.from_bytes(value, "big", signed=True)


def encode_int(number: int) -> bytes:
    """The content bytes of an INTEGER (minimal two's complement)."""
    return number.to_bytes(number.bit_length() // 8 + 1, "big", signed=True)


def _items(value: bytes, *tags: int | None) -> list[tlv.Tlv]:
    """The elements of a constructed value, checking the first len(tags) tags (None = any)."""
    items = tlv.decode(value)
    if len(items) < len(tags):
        raise CardDataError(f"ASN.1: {len(items)} elements where at least {len(tags)} are needed")
    for item, tag in zip(items, tags, strict=False):
        if tag is not None and item.tag != tag:
            raise CardDataError(f"ASN.1: found tag {item.tag:X} where {tag:X} belongs")
    return items


def _raw(item: tlv.Tlv, source: bytes) -> bytes:
    return source[item.start:item.end]


# --- EF.SOD -------------------------------------------------------------------------------------------

def parse_sod(data: bytes) -> SecurityObject:
    """Parse EF.SOD (`77 { ContentInfo { signedData, SignedData } }`)."""
    content_info = tlv.decode_one(tlv.decode_one(data, TAG_SOD), SEQUENCE)
    kind, body = _items(content_info, OID, 0xA0)[:2]
    if decode_oid(kind.value) != OID_SIGNED_DATA:
        raise CardDataError("EF.SOD is not a CMS SignedData")
    signed_data = tlv.decode_one(body.value, SEQUENCE)
    items = _items(signed_data, INTEGER, SET, SEQUENCE)
    content = _encapsulated(items[2].value)
    optional = {item.tag: item for item in items[3:]}
    certificates = _certificates(optional[0xA0].value) if 0xA0 in optional else ()
    signers = _items(optional[SET].value) if SET in optional else []
    signer = _signer(signers[0].value) if signers else None
    algorithm, hashes, version = _lds_security_object(content)
    return SecurityObject(algorithm, hashes, version, content, certificates, signer)


def _encapsulated(value: bytes) -> bytes:
    content_type, wrapper = _items(value, OID, 0xA0)[:2]
    if decode_oid(content_type.value) != OID_LDS_SECURITY_OBJECT:
        raise CardDataError("EF.SOD does not carry an LDS security object")
    return tlv.decode_one(wrapper.value, OCTET_STRING)


def _certificates(value: bytes) -> tuple[bytes, ...]:
    return tuple(_raw(item, value) for item in tlv.decode(value) if item.tag == SEQUENCE)


def _lds_security_object(content: bytes) -> tuple[str, dict[int, bytes], str | None]:
    items = _items(tlv.decode_one(content, SEQUENCE), INTEGER, SEQUENCE, SEQUENCE)
    algorithm = decode_oid(_items(items[1].value, OID)[0].value)
    hashes: dict[int, bytes] = {}
    for entry in _items(items[2].value):
        if entry.tag != SEQUENCE:
            raise CardDataError("EF.SOD: a data group hash is not a SEQUENCE")
        number, digest = _items(entry.value, INTEGER, OCTET_STRING)[:2]
        dg = decode_int(number.value)
        if not 1 <= dg <= 16 or dg in hashes:
            raise CardDataError(f"EF.SOD: data group number {dg} is not valid or repeated")
        hashes[dg] = digest.value
    return algorithm, hashes, _lds_version(items[3:])


def _lds_version(rest: list[tlv.Tlv]) -> str | None:
    if not rest or rest[0].tag != SEQUENCE:
        return None
    parts = _items(rest[0].value)
    return parts[0].value.decode("ascii", "replace") if parts else None


def _signer(value: bytes) -> SignerInfo:
    items = _items(value, INTEGER, None, SEQUENCE)
    digest = decode_oid(_items(items[2].value, OID)[0].value)
    rest = items[3:]
    attributes = rest.pop(0) if rest and rest[0].tag == 0xA0 else None
    if len(rest) < 2 or rest[0].tag != SEQUENCE or rest[1].tag != OCTET_STRING:
        raise CardDataError("EF.SOD: SignerInfo lacks its signature")
    algorithm = _items(rest[0].value, OID)
    parameters = _raw(algorithm[1], rest[0].value) if len(algorithm) > 1 else None
    signed = _raw(attributes, value) if attributes else None
    digest_value = _attribute(attributes.value, OID_MESSAGE_DIGEST, OCTET_STRING) if attributes else None
    content_type = _attribute(attributes.value, OID_CONTENT_TYPE, OID) if attributes else None
    issuer, serial, key_id = _signer_id(items[1], value)
    return SignerInfo(digest, signed, decode_oid(algorithm[0].value), rest[1].value, digest_value,
                      decode_oid(content_type) if content_type is not None else None, parameters,
                      issuer, serial, key_id)


def _signer_id(sid: tlv.Tlv, source: bytes) -> tuple[bytes | None, int | None, bytes | None]:
    """(issuer Name DER, serial number, None) or (None, None, subject key identifier)."""
    if sid.tag == 0x80:
        return None, None, sid.value
    if sid.tag != SEQUENCE:
        raise CardDataError(f"EF.SOD: SignerInfo sid has tag {sid.tag:X}")
    name, serial = _items(sid.value, SEQUENCE, INTEGER)[:2]
    return _raw(name, sid.value), decode_int(serial.value), None


def _attribute(attributes: bytes, oid: str, tag: int) -> bytes | None:
    """The single value (of type `tag`) of a signed attribute, None when absent."""
    for attribute in _items(attributes):
        kind, values = _items(attribute.value, OID, SET)[:2]
        if decode_oid(kind.value) == oid:
            return tlv.decode_one(values.value, tag)
    return None
