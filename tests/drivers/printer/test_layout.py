"""Wrapping slip text to the printer's line: CJK characters take two columns, nothing is lost."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.printer.layout import display_width, wrap


def test_ascii_takes_one_column_and_everything_else_two() -> None:
    assert display_width("AB 12") == 5
    assert display_width("申请编号") == 8
    assert display_width("窗口3") == 5
    assert display_width("é·“”") == 8  # printed as double-byte glyphs in Chinese mode


@pytest.mark.parametrize(("text", "columns", "pieces"), [
    ("", 48, [""]),
    ("short", 48, ["short"]),
    ("hello world foo", 10, ["hello ", "world foo"]),
    ("one two three", 4, ["one ", "two ", "thre", "e"]),  # a word wider than the line is cut
    ("一二三四五", 4, ["一二", "三四", "五"]),
    ("一二三，四", 6, ["一二", "三，四"]),  # a comma never starts a line: 三 comes along
    ("请到3号窗口 window 3", 12, ["请到3号窗口 ", "window 3"]),
    ("申请编号ABC123456", 10, ["申请编号", "ABC123456"]),  # the number stays whole
    ("abcd efgh", 4, ["abcd", " ", "efgh"]),  # the space that does not fit starts the next piece
])
def test_wrap_breaks_between_cjk_characters_and_between_words(text: str, columns: int,
                                                               pieces: list[str]) -> None:
    assert wrap(text, columns) == pieces


def test_wrap_needs_room_for_one_cjk_character() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        wrap("申", 1)


SLIP_LIKE = st.text(alphabet=st.sampled_from("ab cd,.-1 申请编号，。窗口！é"), max_size=200)


@given(SLIP_LIKE | st.text(max_size=200),
       st.integers(min_value=2, max_value=64))
def test_every_piece_fits_and_the_pieces_give_back_the_text(text: str, columns: int) -> None:
    pieces = wrap(text, columns)
    assert "".join(pieces) == text
    assert all(display_width(piece) <= columns for piece in pieces)
    assert pieces == [""] or all(pieces)


@given(st.lists(st.text(alphabet="abcdefgh", min_size=1, max_size=10), min_size=1, max_size=20),
       st.integers(min_value=10, max_value=48))
def test_words_shorter_than_the_line_are_never_split(words: list[str], columns: int) -> None:
    pieces = wrap(" ".join(words), columns)
    assert [word for piece in pieces for word in piece.split()] == words
