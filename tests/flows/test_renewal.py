"""The renewal flow on its own: no Qt, no I/O."""

from __future__ import annotations

from datetime import date

import pytest

from flows.outcome import outcome_of
from flows.renewal import RenewalFlow
from flows.session import (
    MAX_RETAKES,
    AccessKey,
    Delivery,
    Eligibility,
    Identity,
    LicenceRecord,
    Payment,
    Photo,
    Receipt,
)

IDENTITY = Identity("371502198503120017", "E12345678", "王建国", date(1985, 3, 12))
RECORD = LicenceRecord("371502198503120017", "王建国", ("C1",), "371500", date(2017, 1, 30),
                       date(2027, 1, 30), "10y", "A")
ELIGIBLE = Eligibility("eligible", notices=("NEW_TERM_LONG",), fee_cny=10, new_term="long")
PHOTO = Photo(b"\xff\xd8jpeg", 260, 378)
DELIVERY = Delivery("post", "13800000000", "山东省聊城市")


def state(flow: RenewalFlow) -> str:
    return str(next(iter(flow.configuration)).id)


def to_review(flow: RenewalFlow) -> RenewalFlow:
    flow.send("card_placed")
    flow.send("document_read", identity=IDENTITY)
    flow.send("checked", record=RECORD, eligibility=ELIGIBLE)
    flow.send("proceed")
    flow.send("capture")
    flow.send("photo_taken", photo=PHOTO)
    flow.send("accept_photo")
    flow.send("delivery_chosen", delivery=DELIVERY)
    return flow


def test_happy_path_reaches_done_and_closes() -> None:
    flow = to_review(RenewalFlow())
    flow.send("confirm")
    flow.send("payment_created", payment=PAYMENT)
    flow.send("paid", payment=PAYMENT)
    assert state(flow) == "submitting"
    flow.send("submitted", receipt=Receipt("371500-20261126-000001", "received"))
    assert state(flow) == "done"
    outcome = outcome_of(flow.session, "closed")
    flow.send("finish")
    assert flow.is_terminated
    assert outcome.outcome == "submitted"
    assert outcome.application_id == "371500-20261126-000001"
    assert outcome.notices == ["NEW_TERM_LONG"]
    assert flow.session.screens == ["place_id", "reading", "checking", "record", "photo", "capturing",
                                    "photo_review", "delivery", "review", "paying", "submitting", "done",
                                    "closed"]


@pytest.mark.parametrize("outcome", ["ineligible", "referred"])
def test_not_eligible_goes_to_refused_with_every_reason(outcome: str) -> None:
    flow = RenewalFlow()
    flow.send("card_placed")
    flow.send("document_read", identity=IDENTITY)
    refusal = Eligibility(outcome, reasons=("TOO_EARLY", "UNHANDLED_VIOLATIONS"),
                          referrals=("FREQUENT_REISSUE",))
    flow.send("checked", record=RECORD, eligibility=refusal)
    assert state(flow) == "refused"
    flow.send("proceed")  # not allowed from refused: ignored, not a crash
    assert state(flow) == "refused"
    result = outcome_of(flow.session, "closed")
    assert result.outcome == outcome
    assert result.reasons == ["TOO_EARLY", "UNHANDLED_VIOLATIONS", "FREQUENT_REISSUE"]


def test_retakes_are_capped() -> None:
    flow = RenewalFlow()
    flow.send("card_placed")
    flow.send("document_read", identity=IDENTITY)
    flow.send("checked", record=RECORD, eligibility=ELIGIBLE)
    flow.send("proceed")
    for _ in range(MAX_RETAKES):
        flow.send("capture")
        flow.send("photo_taken", photo=PHOTO)
        flow.send("retake")
        assert state(flow) == "photo"
    flow.send("capture")
    flow.send("photo_taken", photo=PHOTO)
    flow.send("retake")
    assert state(flow) == "photo_review"
    assert flow.session.retakes == MAX_RETAKES


def test_back_steps_return_to_the_previous_screen() -> None:
    flow = to_review(RenewalFlow())
    flow.send("back")
    assert state(flow) == "delivery"
    flow.send("back")
    assert state(flow) == "photo_review"


@pytest.mark.parametrize("event, final", [("cancel", "cancelled"), ("timeout", "timed_out")])
def test_cancel_and_timeout_end_the_flow_from_any_step(event: str, final: str) -> None:
    flow = to_review(RenewalFlow())
    flow.send(event)
    assert flow.is_terminated
    assert state(flow) == final
    assert outcome_of(flow.session, final).outcome == "cancelled"


def test_submitting_cannot_be_cancelled() -> None:
    flow = to_paying(RenewalFlow())
    flow.send("paid", payment=PAYMENT)
    flow.send("cancel")
    assert state(flow) == "submitting"


def test_back_office_problem_goes_to_failed() -> None:
    flow = RenewalFlow()
    flow.send("card_placed")
    flow.send("document_read", identity=IDENTITY)
    flow.send("problem", message="UNAVAILABLE")
    assert state(flow) == "failed"
    assert flow.session.failure == "UNAVAILABLE"
    assert outcome_of(flow.session, "closed").outcome == "failed"


def test_an_exception_in_a_callback_lands_in_the_failsafe() -> None:
    flow = RenewalFlow()
    flow.send("card_placed")
    flow.send("document_read", identity=IDENTITY)
    flow.send("checked", record=RECORD, eligibility="not an eligibility")  # the guard raises
    assert state(flow) == "failed"
    assert flow.session.failure == "internal"


def test_wipe_forgets_every_personal_field() -> None:
    flow = to_review(RenewalFlow())
    assert not flow.session.is_wiped
    flow.session.wipe()
    assert flow.session.is_wiped
    assert flow.session.retakes == 0


PAYMENT = Payment("P-1", "stubpay://pay?id=P-1&amount=10", 10, "pending")


def to_paying(flow: RenewalFlow) -> RenewalFlow:
    to_review(flow).send("confirm")
    assert state(flow) == "paying"
    flow.send("payment_created", payment=PAYMENT)
    assert state(flow) == "paying" and flow.session.payment == PAYMENT
    return flow


def test_a_fee_is_paid_before_the_application_is_submitted() -> None:
    flow = to_paying(RenewalFlow())
    flow.send("paid", payment=Payment("P-1", PAYMENT.qr_payload, 10, "paid"))
    assert state(flow) == "submitting" and flow.session.payment.status == "paid"


def test_a_declined_payment_can_be_tried_again_or_given_up() -> None:
    flow = to_paying(RenewalFlow())
    flow.send("payment_failed", message="PAYMENT_DECLINED")
    assert state(flow) == "unpaid" and flow.session.failure == "PAYMENT_DECLINED"
    flow.send("retry_payment")
    assert state(flow) == "paying" and flow.session.payment is None and flow.session.failure is None
    flow.send("payment_failed", message="PAYMENT_EXPIRED")
    flow.send("finish")
    assert flow.is_terminated
    assert outcome_of(flow.session, "closed").failure == "PAYMENT_EXPIRED"


def test_no_fee_means_no_payment_step() -> None:
    flow = RenewalFlow()
    flow.send("card_placed")
    flow.send("document_read", identity=IDENTITY)
    flow.send("checked", record=RECORD, eligibility=Eligibility("eligible", fee_cny=0))
    for event in ("proceed", "capture"):
        flow.send(event)
    flow.send("photo_taken", photo=PHOTO)
    flow.send("accept_photo")
    flow.send("delivery_chosen", delivery=DELIVERY)
    flow.send("confirm")
    assert state(flow) == "submitting"


def test_a_queued_application_is_still_submitted_but_not_delivered() -> None:
    flow = to_paying(RenewalFlow())
    flow.send("paid", payment=PAYMENT)
    flow.send("submitted", receipt=Receipt(None, "queued", reference="Q1A2B3C4D", delivered=False))
    outcome = outcome_of(flow.session, "closed")
    assert (outcome.outcome, outcome.application_id, outcome.delivered) == ("submitted", None, False)


def test_a_chip_card_asks_for_its_access_data_and_a_mistyped_key_asks_again() -> None:
    flow = RenewalFlow()
    flow.send("card_needs_key")
    assert state(flow) == "access_key"
    key = AccessKey("E26110113", "850312", "310312")
    flow.send("key_entered", access=key)
    assert state(flow) == "reading" and flow.session.access_key == key
    flow.send("read_failed", message="ACCESS_DENIED")
    assert state(flow) == "access_key" and flow.session.read_problem == "ACCESS_DENIED"
    flow.send("key_entered", access=key)
    flow.send("read_failed", message="CARD_REMOVED")
    assert state(flow) == "place_id" and flow.session.access_key == key  # put the card back: key kept
    flow.send("card_placed")
    flow.send("document_read", identity=IDENTITY, portrait=b"jpeg")
    assert state(flow) == "checking" and flow.session.read_problem is None
    assert flow.session.portrait == b"jpeg"
    flow.session.wipe()
    assert flow.session.access_key is None and flow.session.portrait is None
