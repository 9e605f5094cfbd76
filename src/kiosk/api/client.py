"""The back-office client: one pooled requests session, timeouts, safe retries, classified errors.

Never logs tokens or personal data: only method, path, status and timing.
"""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from flows.session import Delivery, Eligibility, Identity, LicenceRecord, Photo, Receipt
from kiosk.api import schemas
from kiosk.api.errors import BackOfficeError, ProtocolError, Rejected, Unauthorised, Unavailable
from kiosk.config import BackOffice

log = logging.getLogger("kiosk.api")


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

    def submit(self, service: str, identity: Identity, photo: Photo, delivery: Delivery,
               fee_cny: int, idempotency_key: str | None = None) -> Receipt:
        """Submit once; the idempotency key makes a retried submission safe."""
        body = schemas.application_body(service, self._office, self._kiosk_id, identity, photo,
                                        delivery, fee_cny)
        key = idempotency_key or str(uuid.uuid4())
        return schemas.parse_receipt(self._call("POST", "/v1/applications", body,
                                                headers={"Idempotency-Key": key}))

    def close(self) -> None:
        self._http.close()

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None,
              headers: dict[str, str] | None = None) -> Any:
        started = time.perf_counter()
        try:
            response = self._http.request(method, self._base + path, json=body, headers=headers,
                                          timeout=self._timeout)
        except requests.RequestException as error:
            log.warning("%s %s failed: %s", method, path, type(error).__name__)
            raise Unavailable(f"back office unreachable ({type(error).__name__})") from None
        log.info("%s %s -> %s in %.0f ms", method, path, response.status_code,
                 (time.perf_counter() - started) * 1000)
        return _result(response)


def _result(response: requests.Response) -> Any:
    status = response.status_code
    if status in (401, 403):
        raise Unauthorised("the back office refused this kiosk's credentials")
    if status >= 500:
        raise Unavailable(f"back office error {status}")
    try:
        data = response.json()
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
