"""LDS1 files (ICAO 9303-10): EF.COM, DG1 and DG11 parsed into plain data, and the `DocumentData` they
give. Pure functions over the bytes of a file as read; any defect raises `CardDataError`.

DG2 lives in `face.py`, EF.SOD in `sod.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from drivers.card import tlv
from drivers.card.base import DocumentData
from drivers.card.mrz import FILLER, Mrz, MrzError, parse_mrz
from drivers.errors import CardDataError

TAG_COM, TAG_SOD = 0x60, 0x77
DG_TAGS = {1: 0x61, 2: 0x75, 3: 0x63, 4: 0x76, 5: 0x65, 6: 0x66, 7: 0x67, 8: 0x68, 9: 0x69, 10: 0x6A,
           11: 0x6B, 12: 0x6C, 13: 0x6D, 14: 0x6E, 15: 0x6F, 16: 0x70}
TAG_TO_DG = {tag: number for number, tag in DG_TAGS.items()}
FID_COM, FID_SOD = 0x011E, 0x011D


def dg_fid(number: int) -> int:
    """DGn lives in file 01nn (FID) with short file identifier n."""
    return 0x0100 + number


@dataclass(frozen=True)
class EfCom:
    """EF.COM: versions and the tags of the data groups present."""

    lds_version: str | None  # "1.7"
    unicode_version: str | None  # "4.0.0"
    tags: tuple[int, ...]

    @property
    def data_groups(self) -> tuple[int, ...]:
        """The DG numbers listed (unknown tags left out)."""
        return tuple(TAG_TO_DG[tag] for tag in self.tags if tag in TAG_TO_DG)


def parse_com(data: bytes) -> EfCom:
    """Parse EF.COM (`60 { 5F01 LDS version, 5F36 Unicode version, 5C tag list }`)."""
    fields = tlv.children(tlv.decode_one(data, TAG_COM))
    if 0x5C not in fields:
        raise CardDataError("EF.COM has no tag list (5C)")
    tags, pos, listed = [], 0, fields[0x5C]
    while pos < len(listed):
        tag, pos = tlv.read_tag(listed, pos)
        tags.append(tag)
    lds = _ascii(fields.get(0x5F01), "LDS version")
    unicode = _ascii(fields.get(0x5F36), "Unicode version")
    return EfCom(_dotted(lds, 2), _dotted(unicode, 2), tuple(tags))


def _dotted(digits: str | None, width: int) -> str | None:
    """"0107" → "1.7", "040000" → "4.0.0"."""
    if not digits or not digits.isdigit() or len(digits) % width:
        return digits or None
    return ".".join(str(int(digits[i:i + width])) for i in range(0, len(digits), width))


def _ascii(value: bytes | None, what: str) -> str | None:
    if value is None:
        return None
    try:
        return value.decode("ascii")
    except UnicodeDecodeError:
        raise CardDataError(f"EF.COM {what} is not ASCII") from None


def parse_dg1(data: bytes, today: date | None = None) -> Mrz:
    """Parse DG1 (`61 { 5F1F MRZ }`) and verify every check digit of the MRZ."""
    fields = tlv.children(tlv.decode_one(data, DG_TAGS[1]))
    if 0x5F1F not in fields:
        raise CardDataError("DG1 has no MRZ (5F1F)")
    try:
        return parse_mrz(fields[0x5F1F].decode("ascii"), today)
    except (UnicodeDecodeError, MrzError) as error:
        raise CardDataError(f"DG1: {error}") from None


@dataclass(frozen=True)
class PersonalDetails:
    """DG11: additional personal details (all optional)."""

    full_name: str | None = None  # national script, e.g. 王建国; `<<` between primary and secondary → space
    other_names: tuple[str, ...] = ()
    personal_number: str | None = None
    full_birth_date: date | None = None
    place_of_birth: str | None = None
    address: str | None = None  # `<`-separated parts joined with ", "
    telephone: str | None = None
    profession: str | None = None
    title: str | None = None


def parse_dg11(data: bytes) -> PersonalDetails:
    """Parse DG11 (`6B { 5C tag list, 5F0E name, 5F10 number, 5F2B birth, 5F42 address, … }`)."""
    fields = tlv.children(tlv.decode_one(data, DG_TAGS[11]))
    text = {tag: _text(value) for tag, value in fields.items() if tag in _TEXT_TAGS}
    return PersonalDetails(
        full_name=_name(text.get(0x5F0E)), other_names=_other_names(fields.get(0xA0)),
        personal_number=text.get(0x5F10), full_birth_date=_full_date(fields.get(0x5F2B)),
        place_of_birth=_parts(text.get(0x5F11)), address=_parts(text.get(0x5F42)),
        telephone=text.get(0x5F12), profession=text.get(0x5F13), title=text.get(0x5F14))


_TEXT_TAGS = (0x5F0E, 0x5F10, 0x5F11, 0x5F12, 0x5F13, 0x5F14, 0x5F42)


def _text(value: bytes) -> str | None:
    """UTF-8 as 9303 asks; a document that wrote Latin-1 still reads. Blank → None."""
    try:
        decoded = value.decode("utf-8")
    except UnicodeDecodeError:
        decoded = value.decode("latin-1")
    return decoded.strip() or None


def _name(text: str | None) -> str | None:
    if text is None:
        return None
    primary, _, secondary = text.partition(FILLER * 2)
    words = (" ".join(part.replace(FILLER, " ").split()) for part in (primary, secondary))
    return " ".join(word for word in words if word) or None


def _parts(text: str | None) -> str | None:
    if text is None:
        return None
    return ", ".join(part.strip() for part in text.split(FILLER) if part.strip()) or None


def _other_names(value: bytes | None) -> tuple[str, ...]:
    if value is None:
        return ()
    names = (_name(_text(item.value)) for item in tlv.iter_tlvs(value) if item.tag == 0x5F0F)
    return tuple(name for name in names if name)


def _full_date(value: bytes | None) -> date | None:
    """5F2B as 8 ASCII digits CCYYMMDD or 4 BCD bytes; None when it is not a whole calendar date."""
    if value is None:
        return None
    digits = value.hex() if len(value) == 4 else value.decode("ascii", "replace")
    if len(digits) != 8 or not digits.isdigit():
        return None
    try:
        return date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def document_data(mrz: Mrz, details: PersonalDetails | None = None) -> DocumentData:
    """The data page as the kiosk uses it: the MRZ, enriched with DG11's name, number and birth date."""
    document = DocumentData(mrz.kind, mrz.document_number, mrz.expiry_date, mrz.surname, mrz.given_names,
                            mrz.birth_date, mrz.sex, mrz.nationality, None, mrz.personal_number,
                            code=mrz.document_code, issuer=mrz.issuer)
    if details is None:
        return document
    birth = details.full_birth_date
    if birth is None or birth.strftime("%y%m%d") != mrz.birth:
        birth = mrz.birth_date  # the full date settles the century only when it agrees with the MRZ
    return replace(document, full_name=details.full_name, birth_date=birth, address=details.address,
                   personal_number=details.personal_number or document.personal_number)
