"""The /v1 API the kiosk talks to (DESIGN.md §4; docs/backend-api.md): health, records, eligibility,
and the routers of the other modules."""

from typing import Any

from fastapi import APIRouter, Security

from backend_stub.api_applications import applications_router
from backend_stub.api_assistance import assistance_router
from backend_stub.api_common import BEARER
from backend_stub.api_heartbeat import heartbeat_router
from backend_stub.api_models import EligibilityQuery, IdentityQuery
from backend_stub.api_payments import payments_router
from backend_stub.api_photos import photos_router
from backend_stub.api_responses import EligibilityAnswer, Health, LicenceRecord, errors
from backend_stub.eligibility import check_eligibility
from backend_stub.errors import ApiError
from backend_stub.identity import find_persona, matches_record
from backend_stub.model import to_json
from backend_stub.state import StubState

API_VERSION = "1"


def v1_router(state: StubState) -> APIRouter:
    """Every /v1 endpoint is `async def`: its work is short (rules, SQLite) and runs on the event loop.
    As plain `def` endpoints FastAPI ran them on a thread pool, where 20 busy kiosks spent most of their
    time queueing for the store's lock (p99 137 ms → 70 ms under the bench's load)."""
    router = APIRouter(prefix="/v1")
    router.include_router(public_router(state))
    secured = APIRouter(dependencies=[Security(BEARER)], responses=errors(401))
    secured.include_router(records_router(state))
    for build in (applications_router, photos_router, payments_router, heartbeat_router, assistance_router):
        secured.include_router(build(state))
    router.include_router(secured)
    return router


def public_router(state: StubState) -> APIRouter:
    router = APIRouter(tags=["monitoring"])

    @router.get("/health", summary="Is the back office up (no token)")
    async def health() -> Health:
        return Health(status="ok", today=state.today, version=API_VERSION)

    return router


def records_router(state: StubState) -> APIRouter:
    router = APIRouter(tags=["licence"])

    @router.post(
        "/licence-records/lookup",
        summary="The licence record of the card's holder",
        responses=errors(400, 404, 409, 422),
    )
    async def lookup_record(query: IdentityQuery) -> LicenceRecord:
        return LicenceRecord.model_validate(licence_record(state, query))

    @router.post(
        "/eligibility", summary="Every reason, referral and notice for a service", responses=errors(400, 422)
    )
    async def check_service_eligibility(query: EligibilityQuery) -> EligibilityAnswer:
        verdict = check_eligibility(state, query, query.service, query.office or state.office)
        return EligibilityAnswer.model_validate(to_json(verdict))

    return router


def licence_record(state: StubState, query: IdentityQuery) -> dict[str, Any]:
    persona = find_persona(state.personas, query.id_number, query.document_number)
    if persona is None or persona.licence is None:
        raise ApiError(404, "NO_LICENCE", "no driving licence is on record for this person")
    # Never hand one person's record to someone whose card says otherwise.
    if not matches_record(persona.holder, query.name, query.birth_date):
        raise ApiError(409, "IDENTITY_MISMATCH", "the ID document does not match the licence record")
    medical = persona.medical_certificate
    return {
        "holder": to_json(persona.holder),
        "licence": to_json(persona.licence),
        "medical_certificate": to_json(medical) if medical else None,
    }
