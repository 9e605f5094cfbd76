"""Fitting text to a receipt printer's line: display widths and CJK-aware wrapping.

In the printer's Chinese mode every non-ASCII character is a double-byte GB18030 glyph as wide as
two ASCII characters of Font A, so a character's width in columns is 1 for ASCII and 2 otherwise.
"""

from __future__ import annotations

NO_LINE_START = frozenset("，。、；：？！）》」』】〉”’")
"""Chinese closing punctuation that must not begin a line: the character before it comes along."""


def char_width(char: str) -> int:
    """Columns one character takes on the printer: 1 for ASCII, 2 for anything else."""
    return 1 if ord(char) < 0x80 else 2


def display_width(text: str) -> int:
    """Columns the text takes on the printer."""
    return sum(char_width(char) for char in text)


def _in_word(char: str) -> bool:
    """Part of a Latin word or number, which is not split across lines unless it is longer than one."""
    return ord(char) < 0x80 and not char.isspace()


def _break_before(text: str, start: int, end: int) -> int:
    """Where to end the line text[start:end] when text[end] does not fit on it (always > start)."""
    if _in_word(text[end]):
        word_start = end
        while word_start > start and _in_word(text[word_start - 1]):
            word_start -= 1
        if word_start > start:
            return word_start
    elif text[end] in NO_LINE_START and end - 1 > start:
        return end - 1
    return end


def wrap(text: str, columns: int) -> list[str]:
    """Split text into pieces that each fit `columns` and that join back into exactly the text.

    Lines break between CJK characters anywhere, between Latin words at spaces (a space that does
    not fit starts the next piece), inside a word only when the word alone is wider than the line.
    An empty text gives one empty piece. `columns` must be at least 2 (one CJK character).
    """
    if columns < 2:
        raise ValueError(f"columns must be at least 2, not {columns}")
    pieces: list[str] = []
    start, width = 0, 0
    for index, char in enumerate(text):
        char_columns = char_width(char)
        while width + char_columns > columns:
            cut = _break_before(text, start, index)
            pieces.append(text[start:cut])
            start, width = cut, display_width(text[cut:index])
        width += char_columns
    pieces.append(text[start:])
    return pieces
