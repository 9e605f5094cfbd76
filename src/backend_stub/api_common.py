"""What several /v1 routers share: the bearer scheme for the OpenAPI document and idempotency keys."""

from typing import Annotated

from fastapi import Header
from fastapi.security import HTTPBearer

from backend_stub.api_examples import IDEMPOTENCY_KEY
from backend_stub.errors import ApiError

MAX_KEY_CHARS = 200

# Documents the scheme only: GuardMiddleware checks the token before any routing.
BEARER = HTTPBearer(
    scheme_name="kioskToken",
    description="the kiosk's token: `Authorization: Bearer <token>`",
    auto_error=False,
)

KeyHeader = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        description=f"required: 1 to {MAX_KEY_CHARS} printable ASCII characters, one per operation",
        examples=[IDEMPOTENCY_KEY],
    ),
]


def idempotency_key(key: str | None) -> str:
    if not key:
        raise ApiError(400, "IDEMPOTENCY_KEY_MISSING", "send an Idempotency-Key header")
    if len(key) > MAX_KEY_CHARS or not key.isascii() or not key.isprintable():
        raise ApiError(
            400,
            "IDEMPOTENCY_KEY_INVALID",
            f"the Idempotency-Key must be 1 to {MAX_KEY_CHARS} ASCII characters",
        )
    return key
