"""Machine-readable zones (ICAO 9303 parts 3–6): TD1, TD2 and TD3, every check digit verified, and the
BAC access key derived from them (`MrzKey`).

`parse_mrz` raises `MrzError` (a ValueError) on any defect; `lds.parse_dg1` turns that into a card-data
error. `MrzKey` raises ValueError with a message a person can act on (it validates what the citizen keys in).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

FILLER = "<"
_MRZ_CHARS = re.compile(r"[A-Z0-9<]*")
_KEY_NUMBER = re.compile(r"[A-Z0-9<]{1,22}")
_WEIGHTS = (7, 3, 1)
LAYOUTS = {90: ("TD1", 3, 30), 72: ("TD2", 2, 36), 88: ("TD3", 2, 44)}
EXPIRY_WINDOW_YEARS = 50


class MrzError(ValueError):
    """The text is not a well-formed MRZ, or one of its check digits is wrong."""


def char_value(char: str) -> int:
    """Digits are their value, A–Z are 10–35, the filler `<` is 0."""
    if char.isdigit():
        return int(char)
    if "A" <= char <= "Z":
        return ord(char) - ord("A") + 10
    if char == FILLER:
        return 0
    raise MrzError(f"{char!r} is not an MRZ character")


def check_digit(field: str) -> str:
    """The 7-3-1 check digit of a field, as a character."""
    return str(sum(char_value(c) * _WEIGHTS[i % 3] for i, c in enumerate(field)) % 10)


def _verify(field: str, digit: str, what: str) -> None:
    if digit != check_digit(field):
        raise MrzError(f"check digit of {what} is {digit!r}, expected {check_digit(field)}")


@dataclass(frozen=True)
class Mrz:
    """The fields of a machine-readable zone, as printed (fillers removed) and decoded."""

    kind: str  # TD1 | TD2 | TD3
    document_code: str  # P, I, ID, AC, …
    issuer: str
    document_number: str
    birth: str  # YYMMDD
    birth_date: date
    sex: str  # M | F | X
    expiry: str  # YYMMDD
    expiry_date: date
    nationality: str
    surname: str
    given_names: str
    optional_data: str  # TD1 line 1 / TD2 optional data; the TD3 personal number
    optional_data_2: str  # TD1 line 2 optional data ("" for TD2/TD3)
    lines: tuple[str, ...]

    @property
    def personal_number(self) -> str | None:
        """The TD3 personal number field, if used."""
        return (self.optional_data or None) if self.kind == "TD3" else None

    def key(self) -> MrzKey:
        """The BAC key this MRZ gives."""
        return MrzKey(self.document_number, self.birth, self.expiry)


def split_lines(text: str) -> tuple[str, tuple[str, ...]]:
    """Normalise an MRZ (lines with or without separators) into its kind and lines."""
    flat = "".join(text.split())
    if len(flat) not in LAYOUTS:
        raise MrzError(f"an MRZ has 90, 72 or 88 characters, not {len(flat)}")
    if not _MRZ_CHARS.fullmatch(flat):
        raise MrzError("an MRZ holds only A–Z, 0–9 and <")
    kind, count, width = LAYOUTS[len(flat)]
    return kind, tuple(flat[i * width:(i + 1) * width] for i in range(count))


def parse_mrz(text: str, today: date | None = None) -> Mrz:
    """Parse and verify a TD1, TD2 or TD3 MRZ.

    Args:
        text: the lines, concatenated (as in DG1) or separated by newlines.
        today: the date that decides the century of two-digit years (default: today).

    Raises:
        MrzError: on a wrong length, an invalid character, a bad date, or any wrong check digit.
    """
    kind, lines = split_lines(text)
    today = today or date.today()
    if kind == "TD1":
        return _parse_td1(lines, today)
    return _parse_td23(kind, lines, today)


def _parse_td1(lines: tuple[str, ...], today: date) -> Mrz:
    l1, l2, l3 = lines
    number, optional = _document_number(l1[5:14], l1[14], l1[15:30])
    dates = _dates(l2[0:6], l2[6], l2[8:14], l2[14], today)
    _verify(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29], l2[29], "the whole MRZ (composite)")
    surname, given = _names(l3)
    return Mrz("TD1", _clean(l1[0:2]), _clean(l1[2:5]), number, l2[0:6], dates[0], _sex(l2[7]), l2[8:14],
               dates[1], _clean(l2[15:18]), surname, given, optional, _clean(l2[18:29]), lines)


def _parse_td23(kind: str, lines: tuple[str, ...], today: date) -> Mrz:
    l1, l2 = lines
    end = 35 if kind == "TD2" else 43
    if kind == "TD2":
        number, optional = _document_number(l2[0:9], l2[9], l2[28:35])
    else:
        number, optional = _td3_number(l2)
    dates = _dates(l2[13:19], l2[19], l2[21:27], l2[27], today)
    _verify(l2[0:10] + l2[13:20] + l2[21:end], l2[end], "the whole MRZ (composite)")
    surname, given = _names(l1[5:])
    return Mrz(kind, _clean(l1[0:2]), _clean(l1[2:5]), number, l2[13:19], dates[0], _sex(l2[20]), l2[21:27],
               dates[1], _clean(l2[10:13]), surname, given, optional, "", lines)


def _td3_number(l2: str) -> tuple[str, str]:
    number = _clean(l2[0:9])
    _require_digit(l2[9], "document number")
    _verify(l2[0:9], l2[9], "the document number")
    personal, digit = l2[28:42], l2[42]
    if not (digit == FILLER and personal == FILLER * 14):
        _require_digit(digit, "personal number")
        _verify(personal, digit, "the personal number")
    if not number:
        raise MrzError("empty document number")
    return number, _clean(personal)


def _document_number(field: str, digit: str, optional: str) -> tuple[str, str]:
    """Document number and what is left of the optional data; long numbers (digit `<`) continue there."""
    if digit != FILLER:
        _require_digit(digit, "document number")
        _verify(field, digit, "the document number")
        number, rest = _clean(field), optional
    else:
        extension = optional.split(FILLER, 1)[0]
        if len(extension) < 2 or FILLER in field:
            raise MrzError("document number: `<` in the check digit position without a continuation")
        number, digit = field + extension[:-1], extension[-1]
        _require_digit(digit, "document number")
        _verify(number, digit, "the (long) document number")
        rest = optional[len(extension):]
    if not number:
        raise MrzError("empty document number")
    return number, _clean(rest)


def _require_digit(char: str, what: str) -> None:
    if not char.isdigit():
        raise MrzError(f"check digit of the {what} is {char!r}, not a digit")


def _dates(birth: str, birth_digit: str, expiry: str, expiry_digit: str, today: date) -> tuple[date, date]:
    checks = ((birth, birth_digit, "date of birth"), (expiry, expiry_digit, "date of expiry"))
    for field, digit, what in checks:
        _require_digit(digit, what)
        _verify(field, digit, f"the {what}")
    return birth_date(birth, today), expiry_date(expiry, today)


def _ymd(yymmdd: str, what: str) -> tuple[int, int, int]:
    if len(yymmdd) != 6 or not yymmdd.isdigit():
        raise MrzError(f"{what} {yymmdd!r} is not YYMMDD")
    return int(yymmdd[0:2]), int(yymmdd[2:4]), int(yymmdd[4:6])


def birth_date(yymmdd: str, today: date | None = None) -> date:
    """A two-digit-year birth date placed in the past (this century if that is not in the future)."""
    today = today or date.today()
    yy, month, day = _ymd(yymmdd, "date of birth")
    try:
        candidate = date(2000 + yy, month, day) if 2000 + yy <= today.year else None
        if candidate is None or candidate > today:
            candidate = date(1900 + yy, month, day)
    except ValueError:
        raise MrzError(f"date of birth {yymmdd} is not a calendar date") from None
    return candidate


def expiry_date(yymmdd: str, today: date | None = None) -> date:
    """A two-digit-year expiry date: 20YY unless that is more than 50 years ahead (then 19YY)."""
    today = today or date.today()
    yy, month, day = _ymd(yymmdd, "date of expiry")
    year = 2000 + yy if 2000 + yy <= today.year + EXPIRY_WINDOW_YEARS else 1900 + yy
    try:
        return date(year, month, day)
    except ValueError:
        raise MrzError(f"date of expiry {yymmdd} is not a calendar date") from None


def _names(field: str) -> tuple[str, str]:
    """Primary and secondary identifiers: split at the first `<<`, `<` inside a name is a space."""
    primary, _, secondary = field.rstrip(FILLER).partition(FILLER * 2)
    return _words(primary), _words(secondary)


def _words(text: str) -> str:
    return " ".join(text.replace(FILLER, " ").split())


def _sex(char: str) -> str:
    if char in "MF":
        return char
    if char in "X<":
        return "X"
    raise MrzError(f"sex {char!r} is not M, F, X or <")


def _clean(field: str) -> str:
    return field.strip(FILLER)


# --- the BAC access key -------------------------------------------------------------------------------

@dataclass(frozen=True, repr=False)
class MrzKey:
    """What opens a chip with BAC: document number, date of birth and date of expiry (YYMMDD).

    The document number is normalised (upper case, spaces and trailing `<` removed). Raises ValueError
    with a message for the citizen's mistake: a bad character, a date that is not YYMMDD or not a day.
    """

    document_number: str
    birth_date: str
    expiry_date: str

    def __post_init__(self) -> None:
        number = "".join(str(self.document_number).split()).upper().rstrip(FILLER)
        if not _KEY_NUMBER.fullmatch(number):
            raise ValueError("the document number must be 1 to 22 letters and digits, "
                             f"got {len(number)} characters")
        object.__setattr__(self, "document_number", number)
        for name in ("birth_date", "expiry_date"):
            object.__setattr__(self, name, _key_date(str(getattr(self, name)), name.replace("_", " ")))

    def __repr__(self) -> str:
        masked = self.document_number[:2] + "*" * (len(self.document_number) - 2)
        return f"MrzKey(document_number={masked!r}, birth_date='******', expiry_date='******')"

    @classmethod
    def from_dates(cls, document_number: str, birth: date, expiry: date) -> MrzKey:
        """The key from calendar dates."""
        return cls(document_number, birth.strftime("%y%m%d"), expiry.strftime("%y%m%d"))

    @classmethod
    def from_mrz_information(cls, information: str) -> MrzKey:
        """Parse an MRZ information string (number, digit, birth, digit, expiry, digit), verifying the
        three check digits; ValueError names the field whose check digit is wrong."""
        text = "".join(information.split()).upper()
        if len(text) < 24 or not _MRZ_CHARS.fullmatch(text):
            raise ValueError("MRZ information is at least 24 characters of A–Z, 0–9 and <")
        number, birth, expiry = text[:-15], text[-14:-8], text[-7:-1]
        for field, digit, what in ((number, text[-15], "document number"), (birth, text[-8], "date of birth"),
                                   (expiry, text[-1], "date of expiry")):
            if digit != check_digit(field):
                raise ValueError(f"the check digit of the {what} is wrong: check the {what}")
        return cls(number, birth, expiry)

    def mrz_information(self) -> str:
        """The string BAC hashes: number (at least 9 characters, `<`-padded) ‖ digit ‖ birth ‖ digit ‖
        expiry ‖ digit. A long TD1 number is used in full (9303-11 §4.3)."""
        number = self.document_number.ljust(9, FILLER)
        return (number + check_digit(number) + self.birth_date + check_digit(self.birth_date)
                + self.expiry_date + check_digit(self.expiry_date))


def _key_date(value: str, what: str) -> str:
    text = "".join(value.split())
    if len(text) != 6 or not text.isdigit():
        raise ValueError(f"the {what} must be 6 digits, YYMMDD")
    yy, month, day = int(text[0:2]), int(text[2:4]), int(text[4:6])
    for century in (2000, 1900):
        try:
            date(century + yy, month, day)
            return text
        except ValueError:
            continue
    raise ValueError(f"the {what} {text[0:2]}-{text[2:4]}-{text[4:6]} is not a calendar day (YYMMDD)")


# --- writing an MRZ (card builder, tests) -------------------------------------------------------------

def mrz_field(text: str, width: int) -> str:
    """Upper case, anything but A–Z and 0–9 as `<`, cut or `<`-padded to `width`."""
    cleaned = "".join(c if ("A" <= c <= "Z" or c.isdigit()) and c.isascii() else FILLER for c in text.upper())
    return cleaned[:width].ljust(width, FILLER)


def name_field(surname: str, given_names: str, width: int) -> str:
    """`SURNAME<<GIVEN<NAMES`, cut to `width` (9303's truncation, simplified: cut at the end)."""
    primary = mrz_field(surname, len(surname)).strip(FILLER)
    secondary = mrz_field(given_names, len(given_names)).strip(FILLER)
    return mrz_field(primary + (FILLER * 2 + secondary if secondary else ""), width)


@dataclass(frozen=True)
class MrzFields:
    """What an MRZ says, for writing one. Dates are YYMMDD; sex M, F or X."""

    kind: str
    document_code: str
    issuer: str
    document_number: str
    birth: str
    sex: str
    expiry: str
    nationality: str
    surname: str
    given_names: str
    optional_data: str = ""
    optional_data_2: str = ""


def format_mrz(fields: MrzFields) -> str:
    """The MRZ lines, concatenated (as DG1 stores them), with every check digit computed.

    Raises:
        ValueError: an unknown kind, or a document number too long for the format (TD3 takes 9 characters;
            TD1/TD2 continue a longer one in the optional data).
    """
    writers = {"TD1": _format_td1, "TD2": _format_td2, "TD3": _format_td3}
    if fields.kind not in writers:
        raise ValueError(f"unknown MRZ kind {fields.kind!r}")
    return writers[fields.kind](fields)


def _dates_and_sex(fields: MrzFields) -> tuple[str, str, str]:
    """Birth with its digit, sex, expiry with its digit."""
    sex = fields.sex if fields.sex in ("M", "F") else FILLER
    return fields.birth + check_digit(fields.birth), sex, fields.expiry + check_digit(fields.expiry)


def _format_td1(fields: MrzFields) -> str:
    dob, sex, doe = _dates_and_sex(fields)
    number = _number_with_digit(fields.document_number, fields.optional_data, 15)
    line1 = mrz_field(fields.document_code, 2) + mrz_field(fields.issuer, 3) + number
    line2 = dob + sex + doe + mrz_field(fields.nationality, 3) + mrz_field(fields.optional_data_2, 11)
    composite = check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    return line1 + line2 + composite + name_field(fields.surname, fields.given_names, 30)


def _format_td2(fields: MrzFields) -> str:
    dob, sex, doe = _dates_and_sex(fields)
    line1 = (mrz_field(fields.document_code, 2) + mrz_field(fields.issuer, 3)
             + name_field(fields.surname, fields.given_names, 31))
    number = _number_with_digit(fields.document_number, fields.optional_data, 7)
    line2 = number[:10] + mrz_field(fields.nationality, 3) + dob + sex + doe + number[10:]
    return line1 + line2 + check_digit(line2[0:10] + line2[13:20] + line2[21:35])


def _format_td3(fields: MrzFields) -> str:
    if len(fields.document_number) > 9:
        raise ValueError("a TD3 document number has at most 9 characters")
    dob, sex, doe = _dates_and_sex(fields)
    line1 = (mrz_field(fields.document_code, 2) + mrz_field(fields.issuer, 3)
             + name_field(fields.surname, fields.given_names, 39))
    number, personal = mrz_field(fields.document_number, 9), mrz_field(fields.optional_data, 14)
    personal_digit = FILLER if personal == FILLER * 14 else check_digit(personal)
    line2 = (number + check_digit(number) + mrz_field(fields.nationality, 3) + dob + sex + doe + personal
             + personal_digit)
    return line1 + line2 + check_digit(line2[0:10] + line2[13:20] + line2[21:43])


def _number_with_digit(number: str, optional: str, optional_width: int) -> str:
    """Number field, check digit and optional data; a number over 9 characters continues in the optional
    data, followed by its check digit and a filler, with `<` in the check-digit position."""
    number = mrz_field(number, len(number)).rstrip(FILLER) if number else ""
    if len(number) <= 9:
        field = mrz_field(number, 9)
        return field + check_digit(field) + mrz_field(optional, optional_width)
    if len(number) - 9 + 2 > optional_width:
        raise ValueError(f"document number {len(number)} characters long does not fit the MRZ")
    extension = number[9:] + check_digit(number) + FILLER
    return number[:9] + FILLER + mrz_field(extension + mrz_field(optional, optional_width), optional_width)
