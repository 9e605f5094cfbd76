"""No full ID number or document number ever reaches a log line."""

from __future__ import annotations

import logging

from hypothesis import given
from hypothesis import strategies as st

from kiosk.logging_setup import MaskingFilter
from kiosk.privacy import mask_id, mask_text

id_numbers = st.from_regex(r"\A[1-6]\d{16}[\dX]\Z")
words = st.text(alphabet=st.characters(blacklist_categories=["Nd", "Lu", "Ll"]), max_size=20)


def test_mask_keeps_only_four_at_each_end() -> None:
    assert mask_id("371502198503120017") == "3715**********0017"
    assert mask_id("12345") == "*****"


@given(id_numbers, words, words)
def test_any_id_number_in_any_text_is_masked(id_number: str, before: str, after: str) -> None:
    masked = mask_text(f"{before}{id_number}{after}")
    assert id_number not in masked
    assert mask_id(id_number) in masked


def test_document_numbers_are_masked() -> None:
    assert "E12345678" not in mask_text("document E12345678 read")


def test_log_records_are_masked_including_arguments_and_tracebacks() -> None:
    record = logging.LogRecord("kiosk.api", logging.INFO, __file__, 1, "lookup %s", ("371502198503120017",),
                               None)
    MaskingFilter().filter(record)
    assert record.getMessage() == "lookup 3715**********0017"
    try:
        raise ValueError("bad id 371502198503120017")
    except ValueError:
        import sys
        record = logging.LogRecord("kiosk", logging.ERROR, __file__, 1, "failed", None, sys.exc_info())
    MaskingFilter().filter(record)
    assert "371502198503120017" not in (record.exc_text or "")
    assert "3715**********0017" in (record.exc_text or "")
