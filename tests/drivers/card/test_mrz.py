"""MRZ parsing (TD1, TD2, TD3, every check digit), writing, and the BAC key the citizen keys in."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.card.mrz import MrzError, MrzFields, MrzKey, check_digit, format_mrz, parse_mrz

TODAY = date(2026, 11, 26)
TD1 = ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")
TD2 = ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6")
TD3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")

# (specimen, line, index of a check digit, its expected value) for every check digit in CARD.md §9
CHECK_DIGITS = [
    (TD1, 0, 14, "7"), (TD1, 1, 6, "2"), (TD1, 1, 14, "9"), (TD1, 1, 29, "6"),
    (TD2, 1, 9, "7"), (TD2, 1, 19, "2"), (TD2, 1, 27, "9"), (TD2, 1, 35, "6"),
    (TD3, 1, 9, "6"), (TD3, 1, 19, "2"), (TD3, 1, 27, "9"), (TD3, 1, 42, "1"), (TD3, 1, 43, "0"),
]


def test_check_digit_weights_and_values() -> None:
    assert check_digit("D23145890") == "7"
    assert check_digit("740812") == "2" and check_digit("120415") == "9"
    assert check_digit("<<<<<<<<<") == "0"
    assert check_digit("ZE184226B<<<<<") == "1"


@pytest.mark.parametrize(("lines", "kind"), [(TD1, "TD1"), (TD2, "TD2"), (TD3, "TD3")])
def test_the_specimens_parse(lines: tuple[str, ...], kind: str) -> None:
    mrz = parse_mrz("\n".join(lines), TODAY)
    assert (mrz.kind, mrz.issuer, mrz.nationality, mrz.sex) == (kind, "UTO", "UTO", "F")
    assert (mrz.surname, mrz.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert (mrz.birth_date, mrz.expiry_date) == (date(1974, 8, 12), date(2012, 4, 15))
    assert mrz.document_code == ("P" if kind == "TD3" else "I")
    assert parse_mrz("".join(lines), TODAY) == mrz  # DG1 stores the lines without separators


def test_bac_inputs_of_the_specimens() -> None:
    assert parse_mrz("".join(TD1), TODAY).key().mrz_information() == "D23145890774081221204159"
    td3 = parse_mrz("".join(TD3), TODAY)
    assert td3.document_number == "L898902C3" and td3.personal_number == "ZE184226B"


@pytest.mark.parametrize(("lines", "line", "index", "expected"), CHECK_DIGITS)
def test_every_check_digit_is_verified(lines: tuple[str, ...], line: int, index: int, expected: str) -> None:
    assert lines[line][index] == expected
    for wrong in "0123456789":
        if wrong != expected:
            broken = list(lines)
            broken[line] = broken[line][:index] + wrong + broken[line][index + 1:]
            with pytest.raises(MrzError, match="check digit"):
                parse_mrz("".join(broken), TODAY)


def test_a_long_td1_document_number_continues_in_the_optional_data() -> None:
    line1 = "I<UTOD23145890<7349<<<<<<<<<<<"  # 9303-5: D23145890734, check digit 9
    fields = MrzFields("TD1", "I", "UTO", "D23145890734", "740812", "F", "120415", "UTO", "ERIKSSON",
                       "ANNA MARIA")
    text = format_mrz(fields)
    assert text[:30] == line1
    mrz = parse_mrz(text, TODAY)
    assert mrz.document_number == "D23145890734" and mrz.optional_data == ""
    assert mrz.key().mrz_information() == "D23145890734" + check_digit("D23145890734") + "7408122" + "1204159"
    broken = text[:18] + "8" + text[19:]
    with pytest.raises(MrzError):
        parse_mrz(broken, TODAY)


@pytest.mark.parametrize("text", [
    "", "I<UTO", "i<utoD231458907<<<<<<<<<<<<<<<7408122F1204159UTO<<<<<<<<<<<6ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    "".join(TD1).replace("F", "Q", 1), "".join(TD1).replace("740812", "741312"),
])
def test_malformed_mrz_is_refused(text: str) -> None:
    with pytest.raises(MrzError):
        parse_mrz(text, TODAY)


def test_two_digit_years_birth_in_the_past_expiry_in_the_window() -> None:
    fields = MrzFields("TD1", "I", "CHN", "E26110113", "250101", "M", "940623", "CHN", "WANG", "JIANGUO")
    mrz = parse_mrz(format_mrz(fields), TODAY)
    assert mrz.birth_date == date(2025, 1, 1) and mrz.expiry_date == date(1994, 6, 23)
    later = parse_mrz(format_mrz(replace(fields, birth="261201", expiry="310312")), TODAY)
    assert later.birth_date == date(1926, 12, 1) and later.expiry_date == date(2031, 3, 12)


def test_names_split_at_the_double_filler() -> None:
    fields = MrzFields("TD3", "P", "CHN", "E1234567", "850312", "X", "310312", "CHN", "OU YANG", "XIAO-MING")
    mrz = parse_mrz(format_mrz(fields), TODAY)
    assert (mrz.surname, mrz.given_names, mrz.sex) == ("OU YANG", "XIAO MING", "X")
    only = parse_mrz(format_mrz(replace(fields, given_names="")), TODAY)
    assert (only.surname, only.given_names) == ("OU YANG", "")


def test_the_key_normalises_and_explains_bad_input() -> None:
    assert MrzKey(" e2611 0113 ", "850312", "310312").document_number == "E26110113"
    assert MrzKey("L898902C<", "690806", "940623").mrz_information() == "L898902C<369080619406236"
    for args, message in [(("E2611011!", "850312", "310312"), "letters and digits"),
                          (("", "850312", "310312"), "letters and digits"),
                          (("E26110113", "8503", "310312"), "birth date must be 6 digits"),
                          (("E26110113", "851312", "310312"), "not a calendar day"),
                          (("E26110113", "850312", "310231"), "expiry date")]:
        with pytest.raises(ValueError, match=message):
            MrzKey(*args)
    assert "E26110113" not in repr(MrzKey("E26110113", "850312", "310312"))


def test_mrz_information_with_check_digits_is_verified() -> None:
    assert MrzKey.from_mrz_information("L898902C<369080619406236") == MrzKey("L898902C", "690806", "940623")
    with pytest.raises(ValueError, match="date of birth"):
        MrzKey.from_mrz_information("L898902C<369080719406236")
    with pytest.raises(ValueError, match="document number"):
        MrzKey.from_mrz_information("L898902C<469080619406236")


names = st.text(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ "), max_size=12)
numbers = st.text(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), min_size=1, max_size=9)
dates = st.dates(date(1930, 1, 1), date(2025, 12, 31))


@settings(max_examples=150, deadline=None)
@given(kind=st.sampled_from(["TD1", "TD2", "TD3"]), number=numbers, surname=names, given_names=names,
       birth=dates, expiry=st.dates(date(2020, 1, 1), date(2060, 12, 31)), sex=st.sampled_from("MFX"))
def test_written_mrz_parses_back(kind: str, number: str, surname: str, given_names: str, birth: date,
                                 expiry: date, sex: str) -> None:
    fields = MrzFields(kind, "P" if kind == "TD3" else "I", "CHN", number, f"{birth:%y%m%d}", sex,
                       f"{expiry:%y%m%d}", "CHN", surname, given_names)
    mrz = parse_mrz(format_mrz(fields), TODAY)
    assert mrz.document_number == number and mrz.sex == sex
    assert mrz.birth_date == birth and mrz.expiry_date == expiry
    assert mrz.key() == MrzKey(number, fields.birth, fields.expiry)
