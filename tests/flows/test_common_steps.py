"""The steps every service shares, on their own: no Qt, no I/O. (Each service's own steps:
test_service_steps.py.)"""

from __future__ import annotations

import pytest

from flows.outcome import outcome_of
from flows.renewal import RenewalFlow
from flows.service import DOCUMENT_NOT_GENUINE, FACE_MISMATCH, ServiceFlow
from flows.session import MAX_RETAKES, AccessKey, Eligibility, Receipt
from tests.flows.walk import IDENTITY, PAID, PAYMENT, PHOTO, RECEIPT, RECORD, SERVICES, state, walk

COMMON_TAIL = ["photo", "capturing", "photo_review", "delivery", "review", "paying", "submitting", "done",
               "closed"]


def to_paying(service: str = "renewal") -> ServiceFlow:
    flow = walk(service, "paying")
    flow.send("payment_created", payment=PAYMENT)
    assert state(flow) == "paying" and flow.session.payment == PAYMENT
    return flow


@pytest.mark.parametrize("service", SERVICES)
def test_happy_path_reaches_done_and_closes(service: str) -> None:
    flow = to_paying(service)
    flow.send("paid", payment=PAID)
    assert state(flow) == "submitting"
    flow.send("submitted", receipt=RECEIPT)
    assert state(flow) == "done"
    outcome = outcome_of(flow.session, "closed")
    flow.send("finish")
    assert flow.is_terminated
    assert (outcome.service, outcome.outcome) == (service, "submitted")
    assert outcome.application_id == "371500-20261126-000001"
    assert outcome.notices == ["NEW_TERM_LONG"]
    assert flow.session.screens[:4] == ["place_id", "reading", "checking", "record"]
    assert flow.session.screens[-len(COMMON_TAIL):] == COMMON_TAIL


def test_ineligible_goes_to_refused_with_every_reason() -> None:
    refusal = Eligibility("ineligible", reasons=("TOO_EARLY", "UNHANDLED_VIOLATIONS"),
                          referrals=("FREQUENT_REISSUE",))
    flow = walk("renewal", "checking")
    flow.send("checked", record=RECORD, eligibility=refusal)
    assert state(flow) == "refused"
    flow.send("proceed")  # not allowed from refused: ignored, not a crash
    assert state(flow) == "refused"
    result = outcome_of(flow.session, "closed")
    assert result.outcome == "ineligible"
    assert result.reasons == ["TOO_EARLY", "UNHANDLED_VIOLATIONS", "FREQUENT_REISSUE"]
    flow.send("finish")
    assert state(flow) == "closed"


def test_a_referral_goes_to_the_referral_screen() -> None:
    flow = walk("lost", "checking")
    flow.send("checked", record=RECORD, eligibility=Eligibility("referred", referrals=("FREQUENT_REISSUE",)))
    assert state(flow) == "referral"
    result = outcome_of(flow.session, "closed")
    assert (result.outcome, result.reasons) == ("referred", ["FREQUENT_REISSUE"])
    flow.send("finish")
    assert state(flow) == "closed"


def test_retakes_are_capped() -> None:
    flow = walk("renewal", "photo")
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


def test_a_rejected_capture_returns_to_the_photo_step_and_staff_help_ends_in_failed() -> None:
    flow = walk("damaged", "capturing")
    flow.send("capture_failed", message="head_size")
    assert state(flow) == "photo"
    assert (flow.session.photo_problem, flow.session.photo_attempts) == ("head_size", 1)
    flow.send("staff_help")
    assert state(flow) == "failed"
    assert outcome_of(flow.session, "closed").failure == "PHOTO_NEEDS_STAFF"


def test_back_steps_return_to_the_previous_screen() -> None:
    flow = walk("renewal", "review")
    flow.send("back")
    assert state(flow) == "delivery"
    flow.send("back")
    assert state(flow) == "photo_review"


def test_submitting_cannot_be_cancelled() -> None:
    flow = to_paying()
    flow.send("paid", payment=PAYMENT)
    flow.send("cancel")
    assert state(flow) == "submitting"


def test_back_office_problem_goes_to_failed() -> None:
    flow = walk("renewal", "checking")
    flow.send("problem", message="UNAVAILABLE")
    assert state(flow) == "failed"
    assert flow.session.failure == "UNAVAILABLE"
    assert outcome_of(flow.session, "closed").outcome == "failed"


def test_an_exception_in_a_callback_lands_in_the_failsafe() -> None:
    flow = walk("renewal", "checking")
    flow.send("checked", record=RECORD, eligibility="not an eligibility")  # the guard raises
    assert state(flow) == "failed"
    assert flow.session.failure == "internal"


def test_wipe_forgets_every_personal_field() -> None:
    flow = walk("transfer-in", "review")
    assert not flow.session.is_wiped and flow.session.declarations
    flow.session.wipe()
    assert flow.session.is_wiped
    assert (flow.session.retakes, flow.session.declarations, flow.session.referral) == (0, [], None)


def test_a_fee_is_paid_before_the_application_is_submitted() -> None:
    flow = to_paying()
    flow.send("paid", payment=PAID)
    assert state(flow) == "submitting" and flow.session.payment.status == "paid"


def test_a_declined_payment_can_be_tried_again_or_given_up() -> None:
    flow = to_paying()
    flow.send("payment_failed", message="PAYMENT_DECLINED")
    assert state(flow) == "unpaid" and flow.session.failure == "PAYMENT_DECLINED"
    flow.send("retry_payment")
    assert state(flow) == "paying" and flow.session.payment is None and flow.session.failure is None
    flow.send("payment_failed", message="PAYMENT_EXPIRED")
    flow.send("finish")
    assert flow.is_terminated
    assert outcome_of(flow.session, "closed").failure == "PAYMENT_EXPIRED"


def test_paid_on_another_device_is_checked_again_with_the_same_payment() -> None:
    flow = to_paying()
    flow.send("payment_failed", message="PAYMENT_TIMEOUT")
    flow.send("recheck_payment")
    assert state(flow) == "paying" and flow.session.payment == PAYMENT and flow.session.failure is None
    flow.send("paid", payment=PAID)
    assert state(flow) == "submitting"


def test_there_is_nothing_to_check_again_without_a_payment() -> None:
    flow = to_paying()
    flow.send("payment_failed", message="PAYMENT_DECLINED")
    flow.session.payment = None
    flow.send("recheck_payment")
    assert state(flow) == "unpaid"


def test_no_fee_means_no_payment_step() -> None:
    flow = walk("lost", "review", eligibility=Eligibility("eligible", fee_cny=0))
    flow.send("confirm")
    assert state(flow) == "submitting"


def test_a_queued_application_is_still_submitted_but_not_delivered() -> None:
    flow = to_paying()
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


def test_a_repeated_state_is_recorded_once_in_the_screen_trail() -> None:
    flow = to_paying()
    flow.send("payment_created", payment=PAYMENT)  # a poll: still paying
    assert flow.session.screens.count("paying") == 1


def test_an_event_that_does_not_apply_here_is_ignored() -> None:
    flow = walk("renewal", "review")
    flow.send("payment_failed", message="PAYMENT_DECLINED")
    assert state(flow) == "review" and flow.session.failure is None



def test_polls_are_counted_and_start_again_on_a_recheck_or_retry() -> None:
    flow = to_paying()
    flow.send("payment_created", payment=PAYMENT)
    assert flow.session.payment_polls == 2
    flow.send("payment_failed", message="PAYMENT_TIMEOUT")
    flow.send("recheck_payment")
    assert flow.session.payment_polls == 0
    flow.send("payment_failed", message="PAYMENT_TIMEOUT")
    flow.send("retry_payment")
    assert flow.session.payment_polls == 0 and flow.session.payment is None


def test_a_referral_carries_a_ticket_number_without_personal_data() -> None:
    flow = walk("transfer-in", "self_declaration")
    flow.send("declare_unfit")
    ticket = flow.session.ticket
    assert ticket and len(ticket) == 6 and ticket.isalnum()
    flow.session.wipe()
    assert flow.session.ticket is None


def test_a_card_access_number_is_kept_apart_from_the_mrz_data() -> None:
    can = AccessKey(can="378517")
    mrz = AccessKey("E26110113", "850312", "310312")
    assert can.uses_can and not mrz.uses_can
    assert (can.document_number, can.birth_date, can.expiry_date) == ("", "", "")


@pytest.mark.parametrize("service", SERVICES)
def test_a_chip_that_fails_authenticity_is_referred_to_a_window_not_retried(service: str) -> None:
    flow = walk(service, "reading")
    flow.send("read_failed", message=DOCUMENT_NOT_GENUINE)
    assert state(flow) == "referral" and flow.session.referral == DOCUMENT_NOT_GENUINE
    assert flow.session.ticket  # the slip for the staff who check the document by hand
    outcome = outcome_of(flow.session, "closed")
    assert (outcome.outcome, outcome.reasons) == ("referred", [DOCUMENT_NOT_GENUINE])


@pytest.mark.parametrize("service", SERVICES)
def test_a_face_that_clearly_differs_is_referred_to_a_window(service: str) -> None:
    flow = walk(service, "capturing")
    flow.send("face_mismatch")
    assert state(flow) == "referral" and flow.session.referral == FACE_MISMATCH
    assert flow.session.capture is None and flow.session.photo is None  # the capture is not kept
    assert outcome_of(flow.session, "closed").outcome == "referred"


def test_the_chip_check_is_kept_with_the_identity_and_wiped() -> None:
    flow = walk("renewal", "reading")
    flow.send("document_read", identity=IDENTITY, portrait=b"jpeg", chip="verified")
    assert flow.session.chip_check == "verified"
    flow.session.wipe()
    assert flow.session.chip_check is None
