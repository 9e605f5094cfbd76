"""Applies the faults of faults.py as plain ASGI, so that delay, drop and malformed work for any endpoint.

`drop` and `malformed` let the endpoint run first: the work is done (an application stored, a
payment created) and only the answer is lost, which is the case idempotency keys exist for.
"""

import asyncio
import logging
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend_stub.errors import error_response
from backend_stub.faults import Fault, FaultBook

# What uvicorn logs, at error level, when an application returns in the middle of a response.
UVICORN_INCOMPLETE = "ASGI callable returned without completing response."


@dataclass
class Captured:
    status: int = 500
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    body: bytes = b""


class FaultMiddleware:
    def __init__(self, app: ASGIApp, faults: FaultBook) -> None:
        self.app = app
        self.faults = faults
        logging.getLogger("uvicorn.error").addFilter(EXPECTED_DROPS)  # once: the same filter object

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        fault = self.faults.take(scope["method"], scope["path"]) if scope["type"] == "http" else None
        if fault is None:
            await self.app(scope, receive, send)
            return
        # The delay starts once the whole request has arrived: like a slow back office, the stub then
        # does the work even if the client gives up or dies meanwhile.
        receive = await arrived(receive)
        await asyncio.sleep(fault.latency_ms / 1000)
        await self._inject(fault, scope, receive, send)

    async def _inject(self, fault: Fault, scope: Scope, receive: Receive, send: Send) -> None:
        if fault.status is not None:
            message = f"injected fault: HTTP {fault.status}"
            await error_response(fault.status, "INJECTED", message)(scope, receive, send)
        elif fault.drop:
            await send_dropped(await capture(self.app, scope, receive), send)
            EXPECTED_DROPS.pending += 1
        elif fault.malformed:
            await send_malformed(await capture(self.app, scope, receive), send)
        else:
            await self.app(scope, receive, send)


async def arrived(receive: Receive) -> Receive:
    """Read the whole request body now; the returned `receive` hands it over, then asks the server."""
    body, more_body = b"", True
    while more_body:
        message = await receive()
        if message["type"] != "http.request":
            return receive  # the client left before sending it all: the endpoint will see that
        body, more_body = body + message.get("body", b""), message.get("more_body", False)
    pending = [{"type": "http.request", "body": body, "more_body": False}]

    async def replay() -> Message:
        return pending.pop() if pending else await receive()

    return replay


async def capture(app: ASGIApp, scope: Scope, receive: Receive) -> Captured:
    """Run `app` and keep its whole answer instead of sending it."""
    captured = Captured()

    async def keep(message: Message) -> None:
        if message["type"] == "http.response.start":
            captured.status, captured.headers = message["status"], list(message.get("headers", []))
        elif message["type"] == "http.response.body":
            captured.body += message.get("body", b"")

    await app(scope, receive, keep)
    return captured


async def send_dropped(answer: Captured, send: Send) -> None:
    """Announce the whole body, send half of it, and stop: the server then closes the connection."""
    declared = max(len(answer.body), 1)
    headers = [(k, v) for k, v in answer.headers if k.lower() != b"content-length"]
    headers.append((b"content-length", str(declared).encode()))
    await send({"type": "http.response.start", "status": answer.status, "headers": headers})
    await send({"type": "http.response.body", "body": answer.body[: declared // 2], "more_body": True})


async def send_malformed(answer: Captured, send: Send) -> None:
    """200 with the first half of the JSON answer: never valid JSON, as every answer is an object or list."""
    body = answer.body[: len(answer.body) // 2] or b'{"'
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


class ExpectedDrops(logging.Filter):
    """Keeps uvicorn's error line about an incomplete answer out of the log when a drop was injected."""

    def __init__(self) -> None:
        super().__init__()
        self.pending = 0

    def filter(self, record: logging.LogRecord) -> bool:
        if self.pending and record.msg == UVICORN_INCOMPLETE:
            self.pending -= 1
            return False
        return True


EXPECTED_DROPS = ExpectedDrops()
