"""The back office's JSON is parsed strictly: anything off-contract is a ProtocolError, never a crash."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.assistance import AssistanceRequest, AssistanceTicket
from flows.session import Delivery, Identity, MedicalCertificate
from kiosk.api.errors import ProtocolError
from kiosk.api.schemas import (
    application_fields,
    assistance_body,
    parse_assistance_ticket,
    parse_eligibility,
    parse_receipt,
    parse_record,
)

RECORD = {"holder": {"name": "王建国", "phone": "13800000000", "address": "聊城"},
          "licence": {"number": "371502198503120017", "classes": ["C1"], "issuing_office": "371500",
                      "valid_from": "2017-01-30", "valid_until": "2027-01-30", "term": "10y", "status": "A"},
          "medical_certificate": {"issued": "2026-11-01", "fit": True}}
ELIGIBILITY = {"outcome": "eligible", "reasons": [], "referrals": [], "notices": ["NEW_TERM_LONG"],
               "fee_cny": 10, "new_term": "long", "new_valid_from": "2027-01-31", "new_valid_until": None}
TICKET = {"request_id": "AS-371500-20261126-000001", "kind": "priority", "status": "queued", "window": "1"}

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
    assert parse_assistance_ticket(TICKET) == AssistanceTicket("AS-371500-20261126-000001", "priority",
                                                               "queued", "1")


def test_the_medical_certificate_is_read_from_the_record() -> None:
    assert parse_record(RECORD).medical_certificate == MedicalCertificate(date(2026, 11, 1), fit=True)
    assert parse_record({**RECORD, "medical_certificate": None}).medical_certificate is None
    without = {key: value for key, value in RECORD.items() if key != "medical_certificate"}
    assert parse_record(without).medical_certificate is None  # a back office that predates it


@pytest.mark.parametrize("certificate", [
    "fit", [], {"issued": "2026-11-01"}, {"issued": "2026-11-01", "fit": "yes"},
    {"issued": "2026-11-01", "fit": 1}, {"issued": "1 Nov 2026", "fit": True}, {"issued": None, "fit": True},
    {"fit": False},
])
def test_a_malformed_medical_certificate_is_a_protocol_error(certificate: Any) -> None:
    with pytest.raises(ProtocolError):
        parse_record({**RECORD, "medical_certificate": certificate})


@pytest.mark.parametrize("change", [
    {"kind": "taxi"}, {"status": "done"}, {"request_id": ""}, {"request_id": 7}, {"window": 1},
    {"window": "W" * 17}, {"kind": None},
])
def test_off_contract_assistance_tickets_are_protocol_errors(change: dict[str, Any]) -> None:
    with pytest.raises(ProtocolError):
        parse_assistance_ticket({**TICKET, **change})


def test_assistance_bodies_carry_only_what_was_given() -> None:
    assert assistance_body(AssistanceRequest("staff"), "371500", "k") == {
        "kind": "staff", "office": "371500", "kiosk_id": "k"}
    home = AssistanceRequest("home_service", phone="13800000000", service="renewal")
    assert assistance_body(home, "371500", "k") == {
        "kind": "home_service", "office": "371500", "kiosk_id": "k", "phone": "13800000000",
        "service": "renewal"}


def test_declarations_are_sent_only_when_there_are_some() -> None:
    identity = Identity("371502198503120030", "E26110113", "王建国", date(1985, 3, 12))
    args = ("damaged", "371500", "k", identity, Delivery("collect", "13800000000"), 10, None)
    assert "declarations" not in application_fields(*args)
    declared = application_fields(*args, declarations=("DAMAGE_DECLARED", "OLD_CARD_HANDED_IN"))
    assert declared["declarations"] == ["DAMAGE_DECLARED", "OLD_CARD_HANDED_IN"]


@pytest.mark.parametrize("change", [
    {"outcome": "maybe"}, {"fee_cny": -1}, {"fee_cny": True}, {"reasons": "TOO_EARLY"},
    {"notices": ["<script>"]}, {"new_valid_until": "tomorrow"},
])
def test_off_contract_eligibility_is_a_protocol_error(change: dict[str, Any]) -> None:
    with pytest.raises(ProtocolError):
        parse_eligibility({**ELIGIBILITY, **change})


@given(json_values)
def test_any_json_is_parsed_or_refused_cleanly(value: Any) -> None:
    for parse in (parse_record, parse_eligibility, parse_receipt, parse_assistance_ticket):
        with contextlib.suppress(ProtocolError):
            parse(value)


@given(st.sampled_from(["medical_certificate", "request_id", "kind", "status", "window"]), json_values)
def test_any_json_in_a_field_is_parsed_or_refused_cleanly(key: str, value: Any) -> None:
    """Near-valid answers: one field replaced by anything reaches the parsers' own checks."""
    for parse, valid in ((parse_record, RECORD), (parse_assistance_ticket, TICKET)):
        with contextlib.suppress(ProtocolError):
            parse({**valid, key: value})
