"""Builds the stub's ASGI application from personas, a date, an office and tokens."""

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from backend_stub.api_v1 import v1_router
from backend_stub.errors import install_error_handlers
from backend_stub.fault_middleware import FaultMiddleware
from backend_stub.middleware import GuardMiddleware
from backend_stub.model import Persona
from backend_stub.photo import MAX_PHOTO_B64_CHARS
from backend_stub.qa import qa_router
from backend_stub.qa_faults import qa_faults_router
from backend_stub.qa_records import qa_records_router
from backend_stub.records import Records
from backend_stub.state import StubState

# The largest photo in base64 plus room for the rest of an application or a scenario document.
MAX_BODY_BYTES = MAX_PHOTO_B64_CHARS + 256 * 1024
DATA_DIR = Path(__file__).resolve().parent / "data"
TITLE = "Licence back office (kiosk API)"
CONTRACT_VERSION = "1.0.0"
DESCRIPTION = (
    "The API between the licence kiosks and the licence back office, as served by the stand-in "
    "`kiosk-stub`. Every /v1 operation but /v1/health needs the kiosk's bearer token. Errors are "
    '`{"code": MACHINE_CODE, "message": text}`. See docs/backend-api.md.'
)


def create_app(
    personas: Mapping[str, Persona],
    today: date,
    office_default: str,
    tokens: Iterable[str],
    db_path: str | None = None,
    scenario_dir: Path = DATA_DIR,
) -> FastAPI:
    """`tokens` are the bearer tokens accepted on /v1; `db_path` None keeps everything in memory."""
    state = StubState(dict(personas), today, office_default, Records(db_path), scenario_dir)
    app = _offline_docs_app()
    app.state.stub = state
    install_error_handlers(app)
    app.include_router(v1_router(state))
    for qa in (qa_router, qa_records_router, qa_faults_router):
        app.include_router(qa(state), include_in_schema=False)
    app.add_middleware(FaultMiddleware, faults=state.faults)
    # Outermost: a request without a valid token, or too big, never reaches (or uses up) a fault.
    app.add_middleware(GuardMiddleware, tokens=list(tokens), max_body_bytes=MAX_BODY_BYTES)
    return app


def _offline_docs_app() -> FastAPI:
    # /docs and /redoc load Swagger UI and ReDoc from the package's files under /static-offline-docs,
    # never from a CDN; the validator badge (an outside call) is off.
    return FastAPIOffline(
        title=TITLE,
        version=CONTRACT_VERSION,
        description=DESCRIPTION,
        swagger_ui_parameters={"validatorUrl": None},
        generate_unique_id_function=lambda route: route.name,  # operationId = the function's name
    )
