"""Submitting an application (idempotent by key) and reading its status back."""

from typing import Any

from fastapi import APIRouter, Response

from backend_stub.api_common import KeyHeader, idempotency_key
from backend_stub.api_models import ApplicationRequest
from backend_stub.api_responses import ApplicationStatus, Receipt, errors, replay
from backend_stub.eligibility import context
from backend_stub.errors import ApiError
from backend_stub.identity import find_persona
from backend_stub.photo import decode_photo
from backend_stub.rules import Eligibility, evaluate
from backend_stub.state import StubState
from backend_stub.store import NewApplication


def applications_router(state: StubState) -> APIRouter:
    router = APIRouter(tags=["applications"])

    @router.post(
        "/applications",
        status_code=201,
        summary="Submit an application (idempotent by key)",
        responses=replay(Receipt, "a key") | errors(400, 409, 422, refusal=True),
    )
    async def submit_application(request: ApplicationRequest, response: Response,
                                 key: KeyHeader = None) -> Receipt:
        row, created = accept_application(state, request, idempotency_key(key))
        response.status_code = 201 if created else 200
        return Receipt.model_validate(receipt(row))

    @router.get(
        "/applications/{application_id}", summary="An application's status", responses=errors(404, 422)
    )
    async def application_status(application_id: str) -> ApplicationStatus:
        row = state.store.get(application_id)
        if row is None:
            raise ApiError(404, "NOT_FOUND", "no application with this id")
        return ApplicationStatus.model_validate({**receipt(row), "service": row["service"]})

    return router


def accept_application(
    state: StubState, request: ApplicationRequest, key: str
) -> tuple[dict[str, Any], bool]:
    """(row, created). A known key returns its application before anything is checked again."""
    existing = state.store.by_key(key)
    if existing:
        return existing, False
    photo = _photo_of(state, request)
    persona = find_persona(state.personas, request.id_number, request.document_number)
    verdict = evaluate(context(state, request, persona, request.service, request.office))
    _refuse_unless_acceptable(verdict, request.fee_cny)
    assert persona is not None  # an unknown person is ineligible (NO_LICENCE)
    if request.payment_id and verdict.fee_cny > 0:
        _require_paid(state, request.payment_id, persona.id, verdict.fee_cny)
    new = NewApplication(
        idempotency_key=key,
        service=request.service,
        persona_id=persona.id,
        office=request.office,
        kiosk_id=request.kiosk_id,
        received_at=state.now().isoformat(),
        request=request.model_dump(exclude={"photo_jpeg_b64"}),
        photo=photo,
        payment_id=request.payment_id,
    )
    return state.store.add(new, state.today)


def _photo_of(state: StubState, request: ApplicationRequest) -> bytes:
    if request.photo_jpeg_b64 is not None:
        return decode_photo(request.photo_jpeg_b64)
    jpeg = state.records.photos.jpeg(request.photo_id or "")
    if jpeg is None:
        raise ApiError(422, "PHOTO_UNKNOWN", "no photo with this photo_id was uploaded")
    return jpeg


def _refuse_unless_acceptable(verdict: Eligibility, fee_cny: int) -> None:
    if verdict.reasons:
        raise ApiError(409, "INELIGIBLE", "the application cannot be accepted", reasons=list(verdict.reasons))
    if verdict.referrals:
        # Art. 83: a self-service application under suspicion must move to a staffed window.
        message = "this application must be made at a staffed window"
        raise ApiError(409, "REFERRED", message, reasons=[], referrals=list(verdict.referrals))
    if fee_cny != verdict.fee_cny:
        message = f"the fee for this service is {verdict.fee_cny} CNY"
        raise ApiError(409, "FEE_MISMATCH", message, fee_cny=verdict.fee_cny)


def _require_paid(state: StubState, payment_id: str, persona_id: str, fee_cny: int) -> None:
    payment = state.records.payments.get(payment_id) or {}
    found = (payment.get("status"), payment.get("persona_id"), payment.get("amount_cny"))
    if found != ("paid", persona_id, fee_cny):
        raise ApiError(409, "PAYMENT_NOT_PAID", "payment_id is not a paid payment of this fee by this person")
    if state.store.by_payment(payment_id):
        raise ApiError(409, "PAYMENT_NOT_PAID", "this payment has already paid for another application")


def receipt(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "application_id": row["application_id"],
        "status": row["status"],
        "received_at": row["received_at"],
    }
