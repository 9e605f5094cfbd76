"""QA endpoints for what the kiosks sent besides applications: photos, payments, heartbeats, assistance
requests."""

from typing import Any, Literal

from fastapi import APIRouter, Depends, Response

from backend_stub.api_models import Strict
from backend_stub.errors import ApiError
from backend_stub.qa import loopback_only
from backend_stub.state import StubState


class PaymentStatusChange(Strict):
    status: Literal["pending", "paid", "declined", "expired"]


def qa_records_router(state: StubState) -> APIRouter:
    router = APIRouter(prefix="/_stub", dependencies=[Depends(loopback_only)])

    @router.get("/photos")
    def photos() -> list[dict[str, Any]]:
        return state.records.photos.listing()

    @router.get("/photos/{photo_id}", response_class=Response)
    def photo(photo_id: str) -> Response:
        jpeg = state.records.photos.jpeg(photo_id)
        if jpeg is None:
            raise ApiError(404, "NOT_FOUND", "no photo with this id")
        return Response(jpeg, media_type="image/jpeg")

    @router.get("/payments")
    def payments() -> list[dict[str, Any]]:
        return state.records.payments.listing()

    @router.post("/payments/{payment_id}")
    def set_payment(payment_id: str, change: PaymentStatusChange) -> dict[str, Any]:
        row = state.records.payments.set_status(payment_id, change.status, state.now())
        if row is None:
            raise ApiError(404, "NOT_FOUND", "no payment with this id")
        return {key: value for key, value in row.items() if key != "created_json"}

    @router.get("/heartbeats")
    def heartbeats() -> list[dict[str, Any]]:
        return state.records.heartbeats.latest()

    @router.get("/assistance")
    def assistance() -> list[dict[str, Any]]:
        return state.records.assistance.listing()

    return router
