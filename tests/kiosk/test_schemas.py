"""The back office's JSON is parsed strictly: anything off-contract is a ProtocolError, never a crash."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.api.errors import ProtocolError
from kiosk.api.schemas import parse_eligibility, parse_receipt, parse_record

RECORD = {"holder": {"name": "王建国", "phone": "13800000000", "address": "聊城"},
          "licence": {"number": "371502198503120017", "classes": ["C1"], "issuing_office": "371500",
                      "valid_from": "2017-01-30", "valid_until": "2027-01-30", "term": "10y", "status": "A"}}
ELIGIBILITY = {"outcome": "eligible", "reasons": [], "referrals": [], "notices": ["NEW_TERM_LONG"],
               "fee_cny": 10, "new_term": "long", "new_valid_from": "2027-01-31", "new_valid_until": None}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (st.lists(children, max_size=4)
                      | st.dictionaries(st.text(max_size=10), children, max_size=5)),
    max_leaves=20)


def test_valid_answers_parse() -> None:
    record = parse_record(RECORD)
    assert record.valid_until == date(2027, 1, 30)
    assert record.phone == "13800000000"
    eligibility = parse_eligibility(ELIGIBILITY)
    assert eligibility.may_proceed and eligibility.notices == ("NEW_TERM_LONG",)
    assert parse_receipt({"application_id": "A-1", "status": "received"}).application_id == "A-1"


@pytest.mark.parametrize("change", [
    {"outcome": "maybe"}, {"fee_cny": -1}, {"fee_cny": True}, {"reasons": "TOO_EARLY"},
    {"notices": ["<script>"]}, {"new_valid_until": "tomorrow"},
])
def test_off_contract_eligibility_is_a_protocol_error(change: dict[str, Any]) -> None:
    with pytest.raises(ProtocolError):
        parse_eligibility({**ELIGIBILITY, **change})


@given(json_values)
def test_any_json_is_parsed_or_refused_cleanly(value: Any) -> None:
    for parse in (parse_record, parse_eligibility, parse_receipt):
        with contextlib.suppress(ProtocolError):
            parse(value)
