"""Checks made before any routing or body parsing: request size and the kiosk's bearer token.

Done as plain ASGI so that an unauthenticated or oversized request is refused before FastAPI
reads or validates its body.
"""

import hmac
from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

from backend_stub.errors import error_response

PUBLIC_PATHS = frozenset({"/v1/health"})


class GuardMiddleware:
    def __init__(self, app: ASGIApp, tokens: Iterable[str], max_body_bytes: int) -> None:
        self.app = app
        self.tokens = tuple(token.encode() for token in tokens)
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        refusal = self._refusal(scope) if scope["type"] == "http" else None
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _refusal(self, scope: Scope) -> ASGIApp | None:
        headers = dict(scope["headers"])
        if b"chunked" in headers.get(b"transfer-encoding", b"").lower():
            return error_response(411, "LENGTH_REQUIRED", "send the body with a Content-Length")
        if _length(headers) > self.max_body_bytes:
            return error_response(413, "TOO_LARGE", f"the body is over {self.max_body_bytes} bytes")
        if _protected(scope["path"]) and not self._authorised(headers.get(b"authorization", b"")):
            return error_response(
                401, "UNAUTHORISED", "send 'Authorization: Bearer <token>' with a valid token"
            )
        return None

    def _authorised(self, header: bytes) -> bool:
        scheme, _, token = header.strip().partition(b" ")
        if scheme.lower() != b"bearer" or not token:
            return False
        # Compare against every token in constant time, so timing tells nothing.
        matches = [hmac.compare_digest(token.strip(), known) for known in self.tokens]
        return any(matches)


def _protected(path: str) -> bool:
    return (path == "/v1" or path.startswith("/v1/")) and path not in PUBLIC_PATHS


def _length(headers: dict[bytes, bytes]) -> int:
    value = headers.get(b"content-length", b"0")
    return int(value) if value.isdigit() else 0
