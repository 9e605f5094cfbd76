"""The kiosk's heartbeat: its devices and outbox, kept per kiosk for monitoring (and QA)."""

from fastapi import APIRouter

from backend_stub.api_models import Heartbeat
from backend_stub.api_responses import HeartbeatAck, errors
from backend_stub.state import StubState


def heartbeat_router(state: StubState) -> APIRouter:
    router = APIRouter(tags=["monitoring"])

    @router.post(
        "/heartbeat", summary="Report the kiosk's device states and outbox", responses=errors(400, 422)
    )
    async def send_heartbeat(beat: Heartbeat) -> HeartbeatAck:
        received_at = state.now()
        state.records.heartbeats.record(beat.model_dump(mode="json"), received_at.isoformat())
        return HeartbeatAck(received_at=received_at)

    return router
