"""SecurityInfos (ICAO 9303-11 §9.2): EF.CardAccess, and later DG14, as typed records.

`parse_security_infos(data)` reads `SecurityInfos ::= SET OF SecurityInfo` (tag 31), each element a
`SEQUENCE { protocol OID, requiredData, optionalData }`, into `PaceInfo`, `ChipAuthenticationInfo`,
`ChipAuthenticationPublicKeyInfo`, `ActiveAuthenticationInfo` or `UnknownInfo`. A PACE protocol OID maps to
a `PaceSuite` (mapping, cipher, key length) and a standard parameter id to a curve name. `card_access(...)`
encodes EF.CardAccess for the emulator. Any malformed input raises `CardDataError`.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.card import tlv
from drivers.card.sod import decode_int, decode_oid, encode_int, encode_oid
from drivers.errors import CardDataError

SET, SEQUENCE, INTEGER, OID = 0x31, 0x30, 0x02, 0x06
ID_PACE = "0.4.0.127.0.7.2.2.4"
ID_PK = "0.4.0.127.0.7.2.2.1"  # ChipAuthenticationPublicKeyInfo: .1 DH, .2 ECDH
ID_CA = "0.4.0.127.0.7.2.2.3"  # ChipAuthenticationInfo: .1 DH / .2 ECDH, then the cipher
ID_AA = "2.23.136.1.1.5"
PACE_VERSION = 2

MAPPINGS = {1: ("DH", "GM"), 2: ("ECDH", "GM"), 3: ("DH", "IM"), 4: ("ECDH", "IM"), 6: ("ECDH", "CAM")}
CIPHERS = {1: ("3DES", 16), 2: ("AES", 16), 3: ("AES", 24), 4: ("AES", 32)}
# Standardized domain parameters (9303-11 §9.5.1 table); 0–2 are DH groups.
STANDARD_CURVES = {8: "P-192", 9: "brainpoolP192r1", 10: "P-224", 11: "brainpoolP224r1", 12: "P-256",
                   13: "brainpoolP256r1", 14: "brainpoolP320r1", 15: "P-384", 16: "brainpoolP384r1",
                   17: "brainpoolP512r1", 18: "P-521"}
CURVE_IDS = {name: number for number, name in STANDARD_CURVES.items()}


@dataclass(frozen=True)
class PaceSuite:
    """What a PACE protocol OID says: key agreement, mapping, cipher and key length."""

    agreement: str  # ECDH | DH
    mapping: str  # GM | IM | CAM
    cipher: str  # 3DES | AES
    key_length: int  # bytes: 16 for 3DES and AES-128, 24, 32

    @property
    def name(self) -> str:
        """E.g. `ECDH-GM-AES-128`, `ECDH-GM-3DES`."""
        cipher = "3DES" if self.cipher == "3DES" else f"AES-{8 * self.key_length}"
        return f"{self.agreement}-{self.mapping}-{cipher}"

    @property
    def oid(self) -> str:
        mapping = next(k for k, v in MAPPINGS.items() if v == (self.agreement, self.mapping))
        cipher = next(k for k, v in CIPHERS.items() if v == (self.cipher, self.key_length))
        return f"{ID_PACE}.{mapping}.{cipher}"

    @classmethod
    def from_oid(cls, oid: str) -> PaceSuite | None:
        """The suite of a PACE protocol OID; None for any other OID."""
        prefix, _, rest = oid.rpartition(".")
        parent, _, mapping = prefix.rpartition(".")
        if parent != ID_PACE or not mapping.isdigit() or not rest.isdigit():
            return None
        agreement_mapping, cipher = MAPPINGS.get(int(mapping)), CIPHERS.get(int(rest))
        if agreement_mapping is None or cipher is None:
            return None
        return cls(*agreement_mapping, *cipher)

    @classmethod
    def from_name(cls, name: str) -> PaceSuite:
        """Parse `ECDH-GM-AES-128` style names; ValueError for anything else."""
        for mapping in MAPPINGS.values():
            for cipher in CIPHERS.values():
                suite = cls(*mapping, *cipher)
                if suite.name == name:
                    return suite
        raise ValueError(f"unknown PACE suite {name!r}")


@dataclass(frozen=True)
class PaceInfo:
    """`PACEInfo ::= SEQUENCE { protocol, version INTEGER (2), parameterId INTEGER OPTIONAL }`."""

    protocol_oid: str
    version: int
    parameter_id: int | None = None

    @property
    def suite(self) -> PaceSuite | None:
        return PaceSuite.from_oid(self.protocol_oid)

    @property
    def curve(self) -> str | None:
        """The standard curve's name, None for DH groups, proprietary or absent parameters."""
        return STANDARD_CURVES.get(self.parameter_id) if self.parameter_id is not None else None

    def __str__(self) -> str:
        suite = self.suite
        return f"{suite.name if suite else self.protocol_oid}/{self.curve or self.parameter_id}"


@dataclass(frozen=True)
class ChipAuthenticationInfo:
    """`ChipAuthenticationInfo ::= SEQUENCE { protocol, version INTEGER, keyId INTEGER OPTIONAL }`."""

    protocol_oid: str
    version: int
    key_id: int | None = None


@dataclass(frozen=True)
class ChipAuthenticationPublicKeyInfo:
    """`SEQUENCE { protocol (id-PK-DH | id-PK-ECDH), chipAuthenticationPublicKey SubjectPublicKeyInfo,
    keyId INTEGER OPTIONAL }`; the key is kept as its DER for DG14's later use."""

    protocol_oid: str
    public_key: bytes  # SubjectPublicKeyInfo, DER
    key_id: int | None = None


@dataclass(frozen=True)
class ActiveAuthenticationInfo:
    """`SEQUENCE { protocol id-AA, version INTEGER, signatureAlgorithm OID }` (DG14, ECDSA AA)."""

    protocol_oid: str
    version: int
    signature_algorithm: str


@dataclass(frozen=True)
class UnknownInfo:
    """A SecurityInfo this module does not interpret: its OID and the DER of the whole element."""

    protocol_oid: str
    raw: bytes


SecurityInfo = (PaceInfo | ChipAuthenticationInfo | ChipAuthenticationPublicKeyInfo | ActiveAuthenticationInfo
                | UnknownInfo)


# --- parsing ------------------------------------------------------------------------------------------

def parse_security_infos(data: bytes) -> tuple[SecurityInfo, ...]:
    """The SecurityInfo elements of `SecurityInfos` (the whole content of EF.CardAccess)."""
    try:
        content = tlv.decode_one(data, SET)
        return tuple(_info(item, content) for item in tlv.decode(content))
    except ValueError as error:  # nothing but CardDataError leaves this module
        raise CardDataError(f"SecurityInfos: {error}") from None


def pace_infos(infos: tuple[SecurityInfo, ...]) -> tuple[PaceInfo, ...]:
    return tuple(info for info in infos if isinstance(info, PaceInfo))


def _info(item: tlv.Tlv, source: bytes) -> SecurityInfo:
    if item.tag != SEQUENCE:
        raise CardDataError(f"SecurityInfo: tag {item.tag:X} is not a SEQUENCE")
    fields = tlv.decode(item.value)
    if not fields or fields[0].tag != OID:
        raise CardDataError("SecurityInfo: does not start with an OBJECT IDENTIFIER")
    oid, rest = decode_oid(fields[0].value), fields[1:]
    parent = oid.rpartition(".")[0]
    if parent.rpartition(".")[0] == ID_PACE:
        return _pace(oid, rest)
    if parent.rpartition(".")[0] == ID_CA:
        return ChipAuthenticationInfo(oid, _integer(rest, 0), _optional_integer(rest, 1))
    if parent == ID_PK:
        return _ca_public_key(oid, rest, item.value)
    if oid == ID_AA:
        return ActiveAuthenticationInfo(oid, _integer(rest, 0), _oid(rest, 1))
    return UnknownInfo(oid, source[item.start:item.end])


def _pace(oid: str, rest: list[tlv.Tlv]) -> PaceInfo:
    if len(rest) > 2:
        raise CardDataError("PACEInfo: too many elements")
    return PaceInfo(oid, _integer(rest, 0), _optional_integer(rest, 1))


def _ca_public_key(oid: str, rest: list[tlv.Tlv], value: bytes) -> ChipAuthenticationPublicKeyInfo:
    if not rest or rest[0].tag != SEQUENCE:
        raise CardDataError("ChipAuthenticationPublicKeyInfo: no SubjectPublicKeyInfo")
    return ChipAuthenticationPublicKeyInfo(oid, value[rest[0].start:rest[0].end], _optional_integer(rest, 1))


def _integer(fields: list[tlv.Tlv], index: int) -> int:
    if index >= len(fields) or fields[index].tag != INTEGER:
        raise CardDataError(f"SecurityInfo: element {index + 2} is not an INTEGER")
    return decode_int(fields[index].value)


def _optional_integer(fields: list[tlv.Tlv], index: int) -> int | None:
    return _integer(fields, index) if index < len(fields) else None


def _oid(fields: list[tlv.Tlv], index: int) -> str:
    if index >= len(fields) or fields[index].tag != OID:
        raise CardDataError(f"SecurityInfo: element {index + 2} is not an OBJECT IDENTIFIER")
    return decode_oid(fields[index].value)


# --- building (the emulator's EF.CardAccess) ----------------------------------------------------------

def encode_pace_info(info: PaceInfo) -> bytes:
    body = tlv.encode(OID, encode_oid(info.protocol_oid)) + tlv.encode(INTEGER, encode_int(info.version))
    if info.parameter_id is not None:
        body += tlv.encode(INTEGER, encode_int(info.parameter_id))
    return tlv.encode(SEQUENCE, body)


def encode_security_infos(encoded_infos: list[bytes]) -> bytes:
    """`SET OF` the already encoded SecurityInfo elements (DER order: sorted)."""
    return tlv.encode(SET, b"".join(sorted(encoded_infos)))


def pace_info(spec: str | PaceInfo) -> PaceInfo:
    """A PaceInfo from `SUITE/curve`, e.g. `ECDH-GM-AES-128/brainpoolP256r1`; ValueError when unknown."""
    if isinstance(spec, PaceInfo):
        return spec
    suite_name, _, curve = spec.partition("/")
    suite = PaceSuite.from_name(suite_name)
    if curve not in CURVE_IDS:
        raise ValueError(f"unknown curve {curve!r}: one of {', '.join(CURVE_IDS)}")
    return PaceInfo(suite.oid, PACE_VERSION, CURVE_IDS[curve])


def card_access(*specs: str | PaceInfo) -> bytes:
    """EF.CardAccess offering the given PACE suites, e.g. `card_access("ECDH-GM-AES-128/brainpoolP256r1")`."""
    if not specs:
        raise ValueError("EF.CardAccess needs at least one PACEInfo")
    return encode_security_infos([encode_pace_info(pace_info(spec)) for spec in specs])
