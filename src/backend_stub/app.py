"""Builds the stub's ASGI application from personas, a date, an office and tokens."""

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from fastapi import FastAPI

from backend_stub.api_v1 import API_VERSION, v1_router
from backend_stub.errors import install_error_handlers
from backend_stub.middleware import GuardMiddleware
from backend_stub.model import Persona
from backend_stub.photo import MAX_PHOTO_B64_CHARS
from backend_stub.qa import qa_router
from backend_stub.state import StubState
from backend_stub.store import ApplicationStore

# The largest photo in base64 plus room for the rest of an application or a scenario document.
MAX_BODY_BYTES = MAX_PHOTO_B64_CHARS + 256 * 1024
DATA_DIR = Path(__file__).resolve().parent / "data"


def create_app(
    personas: Mapping[str, Persona],
    today: date,
    office_default: str,
    tokens: Iterable[str],
    db_path: str | None = None,
    scenario_dir: Path = DATA_DIR,
) -> FastAPI:
    """`tokens` are the bearer tokens accepted on /v1; `db_path` None keeps applications in memory."""
    state = StubState(dict(personas), today, office_default, ApplicationStore(db_path), scenario_dir)
    app = FastAPI(title="kiosk-stub: stand-in licence back office", version=API_VERSION)
    app.state.stub = state
    install_error_handlers(app)
    app.include_router(v1_router(state))
    app.include_router(qa_router(state))
    app.add_middleware(GuardMiddleware, tokens=list(tokens), max_body_bytes=MAX_BODY_BYTES)
    return app
