"""The common steps of every licence service as one state machine (Art. 3, 62–70, 93).

Identity (the ID document, with its access data when it has a chip), record and eligibility, photo,
delivery and contact, fee and payment, review, submission, done — with cancel, timeout and a failsafe
everywhere. Each service is a subclass that names itself (flows/services.py); the back office decides
what differs between them (reasons, notices, fee, new validity). Events are what happened; the kiosk
layer runs the slow work a state asks for and sends the result back as the next event.
"""

from __future__ import annotations

from statemachine import State, StateChart

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
    Session,
)


class ServiceFlow(StateChart):
    """One citizen's service, from placing the ID document to the application number."""

    service = ""

    place_id = State(initial=True)
    access_key = State()
    reading = State()
    checking = State()
    record = State()
    refused = State()
    photo = State()
    capturing = State()
    photo_review = State()
    delivery = State()
    review = State()
    paying = State()
    unpaid = State()
    submitting = State()
    done = State()
    failed = State()
    closed = State(final=True)
    cancelled = State(final=True)
    timed_out = State(final=True)

    card_placed = place_id.to(reading)
    card_needs_key = place_id.to(access_key)
    key_entered = access_key.to(reading)
    document_read = reading.to(checking)
    read_failed = reading.to(access_key, cond="wrong_key") | reading.to(place_id, unless="wrong_key")
    checked = checking.to(record, cond="may_proceed") | checking.to(refused, unless="may_proceed")
    proceed = record.to(photo)
    capture = photo.to(capturing)
    photo_taken = capturing.to(photo_review)
    capture_failed = capturing.to(photo)
    staff_help = photo.to(failed)
    retake = photo_review.to(photo, cond="may_retake")
    accept_photo = photo_review.to(delivery)
    delivery_chosen = delivery.to(review)
    back = delivery.to(photo_review) | review.to(delivery)
    confirm = review.to(paying, cond="fee_due") | review.to(submitting, unless="fee_due")
    payment_created = paying.to.itself(internal=True)
    paid = paying.to(submitting)
    payment_failed = paying.to(unpaid)
    retry_payment = unpaid.to(paying)
    submitted = submitting.to(done)
    finish = done.to(closed) | refused.to(closed) | failed.to(closed) | unpaid.to(closed)
    problem = failed.from_(checking, capturing, paying, submitting)
    error_execution = failed.from_.any(on="note_internal_failure")
    cancel = cancelled.from_(place_id, access_key, reading, checking, record, refused, photo, capturing,
                             photo_review, delivery, review, paying, unpaid, failed)
    timeout = timed_out.from_(place_id, access_key, reading, checking, record, refused, photo, capturing,
                              photo_review, delivery, review, paying, unpaid, done, failed)

    def __init__(self, session: Session | None = None) -> None:
        self.session = session or Session(service=self.service)
        super().__init__()

    # -- guards ---------------------------------------------------------------------------
    def may_proceed(self, eligibility: Eligibility) -> bool:
        return eligibility.may_proceed

    def wrong_key(self, message: str) -> bool:
        return message == "ACCESS_DENIED"  # the citizen mistyped: ask again, the card is still there

    def may_retake(self) -> bool:
        return self.session.retakes < MAX_RETAKES

    def fee_due(self) -> bool:
        return bool(self.session.eligibility and self.session.eligibility.fee_cny > 0)

    # -- actions: record what each event brought ------------------------------------------
    def on_key_entered(self, access: AccessKey) -> None:
        self.session.access_key = access

    def on_read_failed(self, message: str) -> None:
        self.session.read_problem = message

    def on_document_read(self, identity: Identity, portrait: bytes | None = None) -> None:
        self.session.identity = identity
        self.session.portrait = portrait
        self.session.read_problem = None

    def on_checked(self, record: LicenceRecord | None, eligibility: Eligibility) -> None:
        self.session.record = record
        self.session.eligibility = eligibility

    def on_photo_taken(self, photo: Photo) -> None:
        self.session.capture = photo
        self.session.photo_problem = None

    def on_capture_failed(self, message: str) -> None:
        self.session.photo_problem = message
        self.session.photo_attempts += 1

    def on_staff_help(self) -> None:
        self.session.failure = "PHOTO_NEEDS_STAFF"

    def on_retake(self) -> None:
        self.session.retakes += 1
        self.session.capture = None

    def on_accept_photo(self) -> None:
        self.session.photo = self.session.capture

    def on_delivery_chosen(self, delivery: Delivery) -> None:
        self.session.delivery = delivery

    def on_payment_created(self, payment: Payment) -> None:
        self.session.payment = payment

    def on_paid(self, payment: Payment) -> None:
        self.session.payment = payment

    def on_payment_failed(self, message: str) -> None:
        self.session.failure = message

    def on_retry_payment(self) -> None:
        self.session.payment = None
        self.session.failure = None

    def on_submitted(self, receipt: Receipt) -> None:
        self.session.receipt = receipt

    def on_problem(self, message: str) -> None:
        self.session.failure = message

    def note_internal_failure(self) -> None:
        self.session.failure = self.session.failure or "internal"

    def on_enter_state(self, target: State) -> None:
        screen = str(target.id)
        if not self.session.screens or self.session.screens[-1] != screen:  # polls stay on one screen
            self.session.screens.append(screen)
