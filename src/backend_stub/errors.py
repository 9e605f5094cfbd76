"""One error shape for every failure: `{"code": MACHINE_CODE, "message": human text}`.

FastAPI's own `{"detail": ...}` bodies are replaced, and nothing echoes the request back (a
hostile body must not be reflected, and personal data must not be either).
"""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

MAX_MESSAGE = 500
_HTTP_CODES = {404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED", 400: "BAD_REQUEST"}


class ApiError(Exception):
    """Raised by endpoints; `extra` adds fields to the body (e.g. `reasons`)."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.extra = status, code, message, extra


def error_response(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    body = {"code": code, "message": message[:MAX_MESSAGE], **extra}
    return JSONResponse(body, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _invalid_request)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _internal_error)


async def _api_error(_: Request, error: ApiError) -> JSONResponse:
    return error_response(error.status, error.code, error.message, **error.extra)


async def _invalid_request(_: Request, error: RequestValidationError) -> JSONResponse:
    problems = [_problem(item) for item in error.errors()[:5]]
    return error_response(422, "INVALID_REQUEST", "; ".join(problems) or "invalid request")


def _problem(item: dict[str, Any]) -> str:
    # Locations of unknown keys contain the client's key names: keep them short.
    location = ".".join(str(part)[:40] for part in item.get("loc", ()))
    return f"{location}: {str(item.get('msg', 'invalid'))[:200]}"


async def _http_error(_: Request, error: HTTPException) -> JSONResponse:
    code = _HTTP_CODES.get(error.status_code, f"HTTP_{error.status_code}")
    response = error_response(error.status_code, code, str(error.detail))
    response.headers.update(error.headers or {})  # e.g. the Allow header of a 405 (RFC 9110)
    return response


async def _internal_error(_: Request, __: Exception) -> JSONResponse:
    return error_response(500, "INTERNAL_ERROR", "the stub failed unexpectedly; see its log")
