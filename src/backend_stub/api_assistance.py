"""Asking for a person (idempotent by key): staff, the green channel, an agent's window, a home visit."""

from typing import Any

from fastapi import APIRouter, Response

from backend_stub.api_common import KeyHeader, idempotency_key
from backend_stub.api_models import AssistanceRequest
from backend_stub.api_responses import AssistanceTicket, errors, replay
from backend_stub.assistance_store import NewAssistance
from backend_stub.state import StubState

# The staffed window for the green channel and agents. A real office assigns one from its queue; QA needs
# a predictable answer, so the stub always names the same.
ASSISTANCE_WINDOW = "1"
SENT_TO_WINDOW = frozenset({"priority", "agent"})


def assistance_router(state: StubState) -> APIRouter:
    router = APIRouter(tags=["assistance"])

    @router.post(
        "/assistance",
        status_code=201,
        summary="Ask for a person: staff, green channel, agent, home visit (idempotent by key)",
        responses=replay(AssistanceTicket, "a key") | errors(400, 422),
    )
    async def request_assistance(request: AssistanceRequest, response: Response,
                                 key: KeyHeader = None) -> AssistanceTicket:
        new = new_assistance(state, request, idempotency_key(key))
        row, created = state.records.assistance.add(new, state.today)
        response.status_code = 201 if created else 200
        return AssistanceTicket.model_validate(ticket(row))

    return router


def new_assistance(state: StubState, request: AssistanceRequest, key: str) -> NewAssistance:
    home = request.kind == "home_service"
    return NewAssistance(
        idempotency_key=key,
        kind=request.kind,
        office=request.office,
        kiosk_id=request.kiosk_id,
        phone=request.phone,
        service=request.service,
        status="scheduled" if home else "queued",  # staff call the citizen back to book the visit
        window=ASSISTANCE_WINDOW if request.kind in SENT_TO_WINDOW else None,
        received_at=state.now().isoformat(),
    )


def ticket(row: dict[str, Any]) -> dict[str, Any]:
    return {key: row[key] for key in ("request_id", "kind", "status", "window")}
