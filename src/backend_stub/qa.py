"""QA endpoints under /_stub: personas, received applications, reset, scenarios at run time
(qa_records.py: photos, payments, heartbeats; qa_faults.py: fault injection).

No token, but only for clients on the loopback interface: they expose every persona's data.
"""

import ipaddress
import json
from typing import Any

from fastapi import APIRouter, Depends, Request

from backend_stub.domain import SERVICES
from backend_stub.errors import ApiError
from backend_stub.model import Persona, to_json
from backend_stub.scenarios import ScenarioError, parse_scenario
from backend_stub.state import StubState


def loopback_only(request: Request) -> None:
    host = request.client.host if request.client else ""
    try:
        allowed = ipaddress.ip_address(host).is_loopback
    except ValueError:
        allowed = False
    if not allowed:
        raise ApiError(403, "FORBIDDEN", "QA endpoints answer on the loopback interface only")


def qa_router(state: StubState) -> APIRouter:
    router = APIRouter(prefix="/_stub", dependencies=[Depends(loopback_only)])

    @router.get("/personas")
    def personas() -> list[dict[str, Any]]:
        return [persona_summary(persona) for persona in state.personas.values()]

    @router.get("/personas/{persona_id}")
    def persona(persona_id: str) -> dict[str, Any]:
        found = state.personas.get(persona_id)
        if found is None:
            raise ApiError(404, "NOT_FOUND", "no persona with this id")
        return to_json(found)

    @router.get("/applications")
    def applications() -> list[dict[str, Any]]:
        return state.store.listing()

    @router.post("/reset")
    def reset() -> dict[str, Any]:
        """Drops everything received and every pending fault; `deleted` counts the applications."""
        cleared = state.records.reset() | {"faults": state.faults.clear()}
        return {"status": "ok", "deleted": cleared["applications"], "cleared": cleared}

    @router.post("/scenarios")
    async def scenarios(request: Request) -> dict[str, Any]:
        added = load_posted(state, await request.body())
        return {"loaded": sorted(added), "personas": len(state.personas)}

    return router


def persona_summary(persona: Persona) -> dict[str, Any]:
    return {
        "id": persona.id,
        "name": persona.holder.name,
        "service_hint": service_hint(persona.id),
        "has_licence": persona.licence is not None,
    }


def service_hint(persona_id: str) -> str | None:
    """The service a persona is written for, by the convention `<service>-<case>` of its id."""
    hints = [service for service in SERVICES if persona_id.startswith(service + "-")]
    return max(hints, key=len) if hints else None


def load_posted(state: StubState, body: bytes) -> list[str]:
    try:
        document = json.loads(body)
        scenario = parse_scenario(document, state.scenario_dir, "posted scenario")
    except (ValueError, RecursionError) as error:
        raise ApiError(422, "SCENARIO_INVALID", f"posted scenario: not valid JSON: {error}") from None
    except ScenarioError as error:
        raise ApiError(422, "SCENARIO_INVALID", str(error)) from None
    state.add_personas(scenario.personas)
    return list(scenario.personas)
