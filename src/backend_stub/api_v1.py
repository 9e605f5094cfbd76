"""The /v1 API the kiosk talks to (DESIGN.md §4; docs/backend-api.md)."""

from datetime import datetime, timedelta, timezone
from typing import Annotated, Any

from fastapi import APIRouter, Header
from fastapi.responses import JSONResponse

from backend_stub.api_models import ApplicationRequest, EligibilityQuery, IdentityQuery
from backend_stub.errors import ApiError
from backend_stub.identity import find_persona, matches_record
from backend_stub.model import Persona, to_json
from backend_stub.photo import decode_photo
from backend_stub.rules import Context, Eligibility, evaluate
from backend_stub.state import StubState
from backend_stub.store import NewApplication

API_VERSION = "1"
CHINA_TIME = timezone(timedelta(hours=8))
MAX_KEY_CHARS = 200


def v1_router(state: StubState) -> APIRouter:
    router = APIRouter(prefix="/v1")

    @router.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "today": state.today.isoformat(), "version": API_VERSION}

    @router.post("/licence-records/lookup")
    def lookup(query: IdentityQuery) -> dict[str, Any]:
        return licence_record(state, query)

    @router.post("/eligibility")
    def eligibility(query: EligibilityQuery) -> dict[str, Any]:
        return to_json(check_eligibility(state, query, query.service, query.office or state.office))

    @router.post("/applications", status_code=201)
    def submit(
        request: ApplicationRequest, key: Annotated[str | None, Header(alias="Idempotency-Key")] = None
    ) -> JSONResponse:
        row, created = submit_application(state, request, _idempotency_key(key))
        return JSONResponse(receipt(row), status_code=201 if created else 200)

    @router.get("/applications/{application_id}")
    def application(application_id: str) -> dict[str, Any]:
        row = state.store.get(application_id)
        if row is None:
            raise ApiError(404, "NOT_FOUND", "no application with this id")
        return {**receipt(row), "service": row["service"]}

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


def check_eligibility(state: StubState, query: IdentityQuery, service: str, office: str) -> Eligibility:
    persona = find_persona(state.personas, query.id_number, query.document_number)
    return evaluate(_context(state, query, persona, service, office))


def _context(
    state: StubState, query: IdentityQuery, persona: Persona | None, service: str, office: str
) -> Context:
    return Context(
        persona=persona,
        service=service,
        today=state.today,
        office=office,
        card_name=query.name,
        card_birth_date=query.birth_date,
    )


def submit_application(
    state: StubState, request: ApplicationRequest, key: str
) -> tuple[dict[str, Any], bool]:
    """(row, created). A known key returns its application before anything is checked again."""
    existing = state.store.by_key(key)
    if existing:
        return existing, False
    photo = decode_photo(request.photo_jpeg_b64)
    persona = find_persona(state.personas, request.id_number, request.document_number)
    verdict = evaluate(_context(state, request, persona, request.service, request.office))
    _refuse_unless_acceptable(verdict, request.fee_cny)
    assert persona is not None  # an unknown person is ineligible (NO_LICENCE)
    new = NewApplication(
        idempotency_key=key,
        service=request.service,
        persona_id=persona.id,
        office=request.office,
        kiosk_id=request.kiosk_id,
        received_at=_received_at(state),
        request=request.model_dump(exclude={"photo_jpeg_b64"}),
        photo=photo,
    )
    return state.store.add(new, state.today)


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


def _received_at(state: StubState) -> str:
    # The stub's date (which QA may fix with --today) with the real time of day, China time.
    now = datetime.now(CHINA_TIME).time().replace(microsecond=0)
    return datetime.combine(state.today, now, tzinfo=CHINA_TIME).isoformat()


def _idempotency_key(key: str | None) -> str:
    if not key:
        raise ApiError(400, "IDEMPOTENCY_KEY_MISSING", "send an Idempotency-Key header")
    if len(key) > MAX_KEY_CHARS or not key.isascii() or not key.isprintable():
        raise ApiError(
            400,
            "IDEMPOTENCY_KEY_INVALID",
            f"the Idempotency-Key must be 1 to {MAX_KEY_CHARS} ASCII characters",
        )
    return key


def receipt(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "application_id": row["application_id"],
        "status": row["status"],
        "received_at": row["received_at"],
    }
