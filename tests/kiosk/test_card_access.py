"""What the kiosk makes of a chip's checks: refuse on evidence of forgery, tell staff what went unchecked."""

from __future__ import annotations

from datetime import date

import pytest

from drivers.card.base import CardRead, ChipKey, DocumentData
from drivers.errors import AccessDenied
from flows.session import AccessKey
from kiosk.card_access import DocumentNotGenuine, authenticity_problem, card_key, chip_check, read_problem

DOCUMENT = DocumentData("TD1", "E26110113", date(2031, 3, 12), "WANG", "JIANGUO", date(1985, 3, 12), "M",
                        "CHN")
GOOD = {"hashes": "valid", "signature": "valid", "signature_detail": "valid"}


def chip(passive: dict[str, str] | None = None, active: str = "valid", access: str = "PACE") -> CardRead:
    return CardRead(DOCUMENT, access=access, passive_auth=GOOD if passive is None else passive,
                    active_auth=active)


@pytest.mark.parametrize("read, problem, check", [
    (chip(), None, "verified"),
    (chip(active="absent"), None, "verified"),  # no DG15: nothing speaks against it
    (chip({"hashes": "valid", "signature": "unchecked"}), None, "unverified"),  # no CSCA folder
    (chip({"hashes": "invalid", "signature": "valid"}), "data groups differ", "unverified"),
    (chip({"hashes": "valid", "signature": "invalid", "signature_detail": "unknown_csca"}), "unknown_csca",
     "unverified"),
    (chip(active="invalid"), "active authentication invalid", "unverified"),
    (chip(active="failed"), "active authentication failed", "unverified"),
    (CardRead(DOCUMENT), None, "none"),  # a contact ID-card reader: no chip to check
])
def test_forgery_is_refused_and_what_went_unchecked_is_told(read: CardRead, problem: str | None,
                                                            check: str) -> None:
    found = authenticity_problem(read)
    assert (found is None) == (problem is None) and (problem is None or problem in (found or ""))
    assert chip_check(read) == check


def test_the_citizens_typing_becomes_the_chips_key_and_its_refusal_a_code() -> None:
    assert card_key(AccessKey(can="378517")) == ChipKey(can="378517")
    mrz = card_key(AccessKey("E26110113", "850312", "310312")).mrz
    assert (mrz.document_number, mrz.birth_date, mrz.expiry_date) == ("E26110113", "850312", "310312")
    assert "378517" not in repr(ChipKey(can="378517"))  # never in a log or a traceback
    assert read_problem(DocumentNotGenuine("active authentication invalid")) == "DOCUMENT_NOT_GENUINE"
    refused = AccessDenied("wrong card access number")
    refused.retries_left = 2
    assert read_problem(refused) == "ACCESS_DENIED"
