"""Paying the fee: create a payment (QR payload), then poll its status (payments.py has the rules)."""

from typing import Any

from fastapi import APIRouter, Response

from backend_stub.api_common import KeyHeader, idempotency_key
from backend_stub.api_models import PaymentRequest
from backend_stub.api_responses import PaymentCreated, PaymentState, errors, replay
from backend_stub.errors import ApiError
from backend_stub.identity import find_persona
from backend_stub.payment_store import NewPayment
from backend_stub.payments import status_body
from backend_stub.state import StubState


def payments_router(state: StubState) -> APIRouter:
    router = APIRouter(tags=["payments"])

    @router.post(
        "/payments",
        status_code=201,
        summary="Start paying a fee: a QR payload for the citizen's wallet (idempotent by key)",
        responses=replay(PaymentCreated, "a key") | errors(400, 404, 422),
    )
    async def create_payment(request: PaymentRequest, response: Response,
                             key: KeyHeader = None) -> PaymentCreated:
        body, created = start_payment(state, request, idempotency_key(key))
        response.status_code = 201 if created else 200
        return PaymentCreated.model_validate(body)

    @router.get("/payments/{payment_id}", summary="A payment's status", responses=errors(404, 422))
    async def payment_status(payment_id: str) -> PaymentState:
        row = state.records.payments.read_status(payment_id, state.now())
        if row is None:
            raise ApiError(404, "NOT_FOUND", "no payment with this id")
        return PaymentState.model_validate(status_body(row))

    return router


def start_payment(state: StubState, request: PaymentRequest, key: str) -> tuple[dict[str, Any], bool]:
    """(the creating answer, created). A known key is answered before anything is checked again."""
    first_answer = state.records.payments.replay(key)
    if first_answer:
        return first_answer, False
    persona = find_persona(state.personas, request.id_number, request.document_number)
    if persona is None or persona.licence is None:
        raise ApiError(404, "NO_LICENCE", "no driving licence is on record for this person")
    new = NewPayment(key, request.service, persona.id, request.kiosk_id, request.amount_cny, persona.payment)
    return state.records.payments.create(new, state.now())
