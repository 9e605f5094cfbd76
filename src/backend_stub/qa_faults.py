"""QA endpoints for fault injection (faults.py, fault_middleware.py): add, list, clear."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import Field, StringConstraints, model_validator

from backend_stub.api_models import Strict
from backend_stub.faults import Fault
from backend_stub.qa import loopback_only
from backend_stub.state import StubState

# A /v1 path, exact or ending with "*" for a prefix; faults never apply elsewhere.
V1_PATTERN = r"^/v1(/[^*]*)?\*?$"


class FaultRequest(Strict):
    method: Annotated[str, StringConstraints(pattern=r"^([A-Za-z]{3,7}|\*)$")]
    path: Annotated[str, StringConstraints(max_length=200, pattern=V1_PATTERN)]
    count: Annotated[int, Field(ge=1, le=10_000)] = 1
    latency_ms: Annotated[int, Field(ge=0, le=60_000)] = 0
    status: Annotated[int, Field(ge=400, le=599)] | None = None
    drop: bool = False
    malformed: bool = False

    @model_validator(mode="after")
    def _one_effect(self) -> "FaultRequest":
        effects = (self.status is not None) + self.drop + self.malformed
        if effects > 1:
            raise ValueError("give at most one of status, drop and malformed")
        if effects == 0 and self.latency_ms == 0:
            raise ValueError("a fault needs latency_ms, status, drop or malformed")
        return self

    def fault(self) -> Fault:
        return Fault(**{**self.model_dump(), "method": self.method.upper()})


def qa_faults_router(state: StubState) -> APIRouter:
    router = APIRouter(prefix="/_stub/faults", dependencies=[Depends(loopback_only)])

    @router.post("", status_code=201)
    def add(request: FaultRequest) -> dict[str, Any]:
        return state.faults.add(request.fault()).to_json()

    @router.get("")
    def listing() -> list[dict[str, Any]]:
        return state.faults.listing()

    @router.delete("")
    def clear() -> dict[str, Any]:
        return {"status": "ok", "deleted": state.faults.clear()}

    return router
