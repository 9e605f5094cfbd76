"""The slow work a flow state asks for on entry, and the event its result becomes.

Each step hands its work to a lane through `run` (the conductor's, which drops results for a flow that
has already ended) and answers with the flow's next event. Steps never touch Qt.
"""

from __future__ import annotations

import logging
import math
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from drivers.card.base import CardRead, CardReader
from drivers.errors import UnreadableMedia
from flows.session import Payment, Photo
from kiosk.card_access import DocumentNotGenuine, authenticity_problem, card_key, chip_check, read_problem
from kiosk.config import PhotoSettings
from kiosk.identity import identity_from_document
from kiosk.photo_check import check_frame

if TYPE_CHECKING:
    from drivers.camera.base import Frame
    from flows.service import ServiceFlow
    from kiosk.api.client import BackOfficeClient
    from kiosk.face_check import FaceCheck
    from kiosk.outbox_worker import OutboxWorker
    from kiosk.runner import Runner

log = logging.getLogger("kiosk.flow")
PAYMENT_FAILURES = {"declined": "PAYMENT_DECLINED", "expired": "PAYMENT_EXPIRED"}
PAYMENT_TIMEOUT = "PAYMENT_TIMEOUT"  # the kiosk stopped waiting; "I have paid" checks the same payment again


class FrameSource(Protocol):
    def fresh_frame(self) -> Frame: ...


class Run(Protocol):
    def __call__(self, lane: str, flow: ServiceFlow, work: Callable[[], Any], done: Callable[[Any], None],
                 failed_event: str = "problem", code: Callable[[Exception], str] | None = None) -> None: ...


class Steps:
    """checking, capturing, paying and submitting, for any service flow."""

    def __init__(self, reader: CardReader, api: BackOfficeClient, camera: FrameSource, outbox: OutboxWorker,
                 runner: Runner, run: Run, payment_poll_s: float = 2.0,
                 photo: PhotoSettings | None = None, payment_timeout_s: float = 300.0) -> None:
        self.reader, self.api, self.camera, self.outbox, self.runner = reader, api, camera, outbox, runner
        self.photo = photo or PhotoSettings()
        self._run, self._poll_s = run, payment_poll_s
        # Counted in polls, not read off a clock: the wait is the same however slow the answers are.
        self._max_polls = math.ceil(payment_timeout_s / payment_poll_s)
        self.audit: Callable[[str, str], None] = _log_only  # the store's audit trail once diagnostics is up
        self.face_check: FaceCheck | None = None  # kiosk/face_check.py, set by the app after the first frame

    def enter(self, state: str, flow: ServiceFlow) -> None:
        step = getattr(self, f"_{state}", None)
        if step is not None:
            step(flow)

    def _reading(self, flow: ServiceFlow) -> None:
        key = card_key(flow.session.access_key)

        def work() -> CardRead:
            read = self.reader.read(key)
            problem = authenticity_problem(read)
            if problem:  # refused, never silently accepted: the audit trail keeps why (nothing personal)
                self.runner.post(lambda: self.audit("document_refused", f"{read.access}: {problem}"))
                raise DocumentNotGenuine(problem)
            return read

        def done(read: CardRead) -> None:
            if read.portrait and self.face_check is not None:
                self.face_check.prepare(read.portrait)
            flow.send("document_read", identity=identity_from_document(read.document), portrait=read.portrait,
                      chip=chip_check(read))
        self._run("card", flow, work, done, failed_event="read_failed", code=read_problem)

    def _checking(self, flow: ServiceFlow) -> None:
        identity = flow.session.identity
        assert identity is not None

        def work() -> dict[str, Any]:
            return {"record": self.api.lookup(identity),
                    "eligibility": self.api.eligibility(flow.service, identity)}
        self._run("api", flow, work, lambda result: flow.send("checked", **result))

    def _capturing(self, flow: ServiceFlow) -> None:
        portrait = flow.session.portrait

        def work() -> Photo:
            from drivers.camera.licence_photo import crop_licence_photo  # OpenCV: load on first use
            frame = self.camera.fresh_frame()
            verdict = check_frame(frame, thresholds=self.photo.thresholds)
            if not verdict.passed:
                raise PhotoRejected(verdict.code)
            size_range = (self.photo.jpeg_min_bytes, self.photo.jpeg_max_bytes)
            cropped = crop_licence_photo(frame, size_range=size_range)
            # Once per capture, here on the camera lane: never per preview frame.
            face = self.face_check(frame, portrait) if self.face_check and portrait else "unchecked"
            return Photo(cropped.jpeg, cropped.width, cropped.height, face)

        def done(photo: Photo) -> None:
            if photo.face_check == "mismatch":
                self.audit("face_mismatch", "live photo differs clearly from the chip's portrait")
                flow.send("face_mismatch")
            else:
                flow.send("photo_taken", photo=photo)
        self._run("camera", flow, work, done, failed_event="capture_failed", code=_photo_problem)

    def _paying(self, flow: ServiceFlow) -> None:
        """First entry creates the payment; every later (internal) entry waits, then asks again, until
        the wait runs out. Checking again after "I have paid" (no poll yet) asks at once."""
        session = flow.session
        payment = session.payment
        if payment is None:
            self._create_payment(flow)
        elif session.payment_polls == 0:
            self._poll_payment(flow, payment)
        elif session.payment_polls > self._max_polls:  # the first answer came with no wait before it
            flow.send("payment_failed", message=PAYMENT_TIMEOUT)
        else:
            self.runner.later(self._poll_s, lambda: self._poll_payment(flow, payment))

    def _create_payment(self, flow: ServiceFlow) -> None:
        session = flow.session
        assert session.identity and session.eligibility
        identity, amount, key = session.identity, session.eligibility.fee_cny, str(uuid.uuid4())
        self._run("api", flow, lambda: self.api.create_payment(flow.service, identity, amount, key),
                  lambda payment: flow.send("payment_created", payment=payment))

    def _poll_payment(self, flow: ServiceFlow, payment: Payment) -> None:
        if flow.session.payment is not payment:
            return  # the flow moved on (cancelled, timed out, retried)
        self._run("api", flow, lambda: self.api.payment_status(payment),
                  lambda latest: _payment_event(flow, latest))

    def _submitting(self, flow: ServiceFlow) -> None:
        session = flow.session
        identity, photo, delivery, eligibility = (session.identity, session.photo, session.delivery,
                                                  session.eligibility)
        assert identity and photo and delivery and eligibility
        payment_id = session.payment.payment_id if session.payment else None
        checks = {"chip": session.chip_check or "none", "face": photo.face_check}
        fields = self.api.application_fields(flow.service, identity, delivery, eligibility.fee_cny,
                                             payment_id, declarations=tuple(session.declarations),
                                             identity_checks=checks)

        def work() -> Any:
            return self.outbox.send(self.outbox.journal(flow.service, fields, photo.jpeg))
        self._run("outbox", flow, work, lambda receipt: flow.send("submitted", receipt=receipt))


def _log_only(event: str, outcome: str) -> None:
    log.warning("%s: %s (no audit trail yet)", event, outcome)


class PhotoRejected(Exception):
    """The capture does not make a licence photo; `code` is the measure to fix."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _photo_problem(error: Exception) -> str:
    if isinstance(error, PhotoRejected):
        return error.code
    return "face_count" if isinstance(error, UnreadableMedia) else "CAMERA_UNAVAILABLE"


def _payment_event(flow: ServiceFlow, payment: Payment) -> None:
    if payment.status == "paid":
        flow.send("paid", payment=payment)
    elif payment.status in PAYMENT_FAILURES:
        flow.send("payment_failed", message=PAYMENT_FAILURES[payment.status])
    else:
        flow.send("payment_created", payment=payment)  # still pending: wait and ask again
