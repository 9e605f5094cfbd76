"""The back-office client: one pooled requests session, timeouts, safe retries, classified errors.

Never logs tokens or personal data: only method, path, status and timing.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from typing import Any

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from flows.assistance import AssistanceRequest, AssistanceTicket
from flows.session import Delivery, Eligibility, Identity, LicenceRecord, Payment, Receipt
from kiosk.api import schemas
from kiosk.api.errors import BackOfficeError, ProtocolError, Rejected, Unauthorised, Unavailable
from kiosk.config import BackOffice

log = logging.getLogger("kiosk.api")
POST_ATTEMPTS = 3  # in-session attempts for a call with an idempotency key; the outbox retries later
POST_BACKOFF_S = 0.3
MAX_BODY_BYTES = 1_000_000  # no answer of this API is anywhere near: a larger one is hostile


class BackOfficeClient:
    """Talks to the licence system's /v1 API on behalf of one kiosk."""

    def __init__(self, config: BackOffice, office: str, kiosk_id: str,
                 session: requests.Session | None = None) -> None:
        self._base = config.url.rstrip("/")
        self._timeout = (config.connect_timeout_s, config.read_timeout_s)
        self._office, self._kiosk_id = office, kiosk_id
        self._http = session or _new_session(config)

    def lookup(self, identity: Identity) -> LicenceRecord | None:
        """The licence on record for this identity; None when there is none or the card does not match
        it (the record is never shown then, and eligibility gives the reason)."""
        try:
            return schemas.parse_record(self._call("POST", "/v1/licence-records/lookup",
                                                   schemas.identity_body(identity)))
        except Rejected as rejection:
            if {"NO_LICENCE", "IDENTITY_MISMATCH"} & set(rejection.codes):
                return None
            raise

    def eligibility(self, service: str, identity: Identity) -> Eligibility:
        body = dict(schemas.identity_body(identity), service=service, office=self._office)
        return schemas.parse_eligibility(self._call("POST", "/v1/eligibility", body))

    def application_fields(self, service: str, identity: Identity, delivery: Delivery, fee_cny: int,
                           payment_id: str | None, *, declarations: tuple[str, ...] = (),
                           identity_checks: dict[str, str] | None = None) -> dict[str, Any]:
        """The application body this kiosk would send (without the photo), for the outbox."""
        return schemas.application_fields(service, self._office, self._kiosk_id, identity, delivery,
                                          fee_cny, payment_id, declarations=declarations,
                                          identity_checks=identity_checks)

    def upload_photo(self, jpeg: bytes) -> str:
        """Upload the licence photo; the same photo again gives the same id (safe to retry)."""
        return schemas.parse_photo_id(self._call("POST", "/v1/photos", schemas.photo_body(jpeg),
                                                 retry=True))

    def submit_application(self, fields: dict[str, Any], photo_id: str, idempotency_key: str) -> Receipt:
        """Submit a journaled application; the same key always means the same application."""
        body = dict(fields, photo_id=photo_id)
        return schemas.parse_receipt(self._call("POST", "/v1/applications", body, retry=True,
                                                headers={"Idempotency-Key": idempotency_key}))

    def create_payment(self, service: str, identity: Identity, amount_cny: int,
                       idempotency_key: str) -> Payment:
        body = schemas.payment_body(service, identity, amount_cny, self._kiosk_id)
        return schemas.parse_payment(self._call("POST", "/v1/payments", body, retry=True,
                                                headers={"Idempotency-Key": idempotency_key}))

    def request_assistance(self, request: AssistanceRequest,
                           idempotency_key: str | None = None) -> AssistanceTicket:
        """Ask the back office for a person. Retried under one key (a fresh one unless given), so a lost
        answer never sends staff twice; the answer must be for the kind asked."""
        body = schemas.assistance_body(request, self._office, self._kiosk_id)
        headers = {"Idempotency-Key": idempotency_key or str(uuid.uuid4())}
        ticket = schemas.parse_assistance_ticket(self._call("POST", "/v1/assistance", body, retry=True,
                                                            headers=headers))
        if ticket.kind != request.kind:
            raise ProtocolError(f"assistance: asked for {request.kind}, answered {ticket.kind[:20]}")
        return ticket

    def payment_status(self, payment: Payment) -> Payment:
        data = self._call("GET", f"/v1/payments/{payment.payment_id}")
        return schemas.parse_payment(data, qr_payload=payment.qr_payload)

    def heartbeat(self, report: dict[str, Any]) -> None:
        self._call("POST", "/v1/heartbeat", report)

    def health(self) -> dict[str, Any]:
        data = self._call("GET", "/v1/health")
        return data if isinstance(data, dict) else {}

    def close(self) -> None:
        self._http.close()

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None,
              headers: dict[str, str] | None = None, retry: bool = False) -> Any:
        """One request; `retry` (only for calls that carry an idempotency key or are naturally
        idempotent) tries again after a short back-off when the back office is unavailable."""
        for attempt in range(1, POST_ATTEMPTS + 1 if retry else 2):
            try:
                return self._once(method, path, body, headers)
            except Unavailable:
                if attempt >= (POST_ATTEMPTS if retry else 1):
                    raise
                time.sleep(POST_BACKOFF_S * attempt)  # on a worker lane, never the GUI thread
        raise AssertionError("unreachable")

    def _once(self, method: str, path: str, body: dict[str, Any] | None,
              headers: dict[str, str] | None) -> Any:
        started = time.perf_counter()
        try:
            with self._http.request(method, self._base + path, json=body, headers=headers,
                                    timeout=self._timeout, stream=True) as response:
                content = _read_capped(response)
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as error:
            log.warning("%s %s failed: %s", method, _route(path), type(error).__name__)
            raise Unavailable(f"back office unreachable ({type(error).__name__})") from None
        log.info("%s %s -> %s in %.0f ms", method, _route(path), response.status_code,
                 (time.perf_counter() - started) * 1000)
        return _result(response.status_code, content)


def _route(path: str) -> str:
    """The path without ids: enough to diagnose, nothing to identify a citizen."""
    return "/".join(":id" if part != "v1" and any(c.isdigit() for c in part) else part
                    for part in path.split("/"))


def _read_capped(response: requests.Response) -> bytes:
    """The body, read no further than MAX_BODY_BYTES: a hostile answer cannot exhaust memory."""
    content = response.raw.read(MAX_BODY_BYTES + 1, decode_content=True)
    if len(content) > MAX_BODY_BYTES:
        raise ProtocolError(f"HTTP {response.status_code}: answer larger than {MAX_BODY_BYTES} bytes")
    return bytes(content)


def _result(status: int, content: bytes) -> Any:
    if status in (401, 403):
        raise Unauthorised("the back office refused this kiosk's credentials")
    if status >= 500:
        raise Unavailable(f"back office error {status}")
    try:
        data = json.loads(content)
    except ValueError:
        raise ProtocolError(f"HTTP {status}: body is not JSON") from None
    if status >= 400:
        raise _rejection(status, data)
    return data


def _rejection(status: int, data: Any) -> BackOfficeError:
    if not isinstance(data, dict) or not isinstance(data.get("code"), str):
        return ProtocolError(f"HTTP {status} without an error code")
    reasons = data.get("reasons")
    codes = tuple(r for r in reasons if isinstance(r, str)) if isinstance(reasons, list) else ()
    return Rejected(str(data.get("message", ""))[:200], (data["code"][:40], *codes))


def _new_session(config: BackOffice) -> requests.Session:
    http = requests.Session()
    # Only idempotent methods are retried here; submissions are made safe by their idempotency key.
    retry = Retry(total=2, connect=2, read=0, backoff_factor=0.2, allowed_methods={"GET", "HEAD"},
                  status_forcelist=(502, 503, 504), raise_on_status=False)
    http.mount("http://", HTTPAdapter(max_retries=retry))
    http.mount("https://", HTTPAdapter(max_retries=retry))
    http.headers["Authorization"] = f"Bearer {config.token}"
    http.verify = config.ca_bundle or True
    if config.client_cert:
        http.cert = config.client_cert
    return http
