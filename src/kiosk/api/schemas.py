"""Pure (de)serialisation between the back office's JSON and the flows' dataclasses.

Anything off-contract raises ProtocolError: a hostile answer never reaches the flows.
"""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

from flows.assistance import KINDS, AssistanceRequest, AssistanceTicket
from flows.session import Delivery, Eligibility, Identity, LicenceRecord, MedicalCertificate, Payment, Receipt
from kiosk.api.errors import ProtocolError

OUTCOMES = ("eligible", "ineligible", "referred")


def identity_body(identity: Identity) -> dict[str, Any]:
    return {"id_number": identity.id_number, "document_number": identity.document_number,
            "name": identity.name, "birth_date": identity.birth_date.isoformat()}


def application_fields(service: str, office: str, kiosk_id: str, identity: Identity, delivery: Delivery,
                       fee_cny: int, payment_id: str | None, *,
                       declarations: tuple[str, ...] = (),
                       identity_checks: dict[str, str] | None = None) -> dict[str, Any]:
    """The application as journaled in the outbox: everything but the photo, which is uploaded first.
    Optional fields are left out when empty, so a back office that predates them takes the body."""
    body = identity_body(identity)
    body.update(service=service, office=office, kiosk_id=kiosk_id, fee_cny=fee_cny,
                delivery={"method": delivery.method, "address": delivery.address, "phone": delivery.phone})
    if payment_id:
        body["payment_id"] = payment_id
    if declarations:
        body["declarations"] = list(declarations)
    if identity_checks:
        body["identity_checks"] = dict(identity_checks)
    return body


def photo_body(jpeg: bytes) -> dict[str, Any]:
    return {"photo_jpeg_b64": base64.b64encode(jpeg).decode("ascii")}


def payment_body(service: str, identity: Identity, amount_cny: int, kiosk_id: str) -> dict[str, Any]:
    return {"service": service, "id_number": identity.id_number, "document_number": identity.document_number,
            "amount_cny": amount_cny, "kiosk_id": kiosk_id}


def assistance_body(request: AssistanceRequest, office: str, kiosk_id: str) -> dict[str, Any]:
    body: dict[str, Any] = {"kind": request.kind, "office": office, "kiosk_id": kiosk_id}
    if request.phone:
        body["phone"] = request.phone
    if request.service:
        body["service"] = request.service
    return body


def parse_record(data: Any) -> LicenceRecord:
    licence, holder = _obj(_obj(data).get("licence")), _obj(_obj(data).get("holder"))
    return LicenceRecord(
        number=_str(licence, "number"), holder_name=_str(holder, "name"),
        classes=tuple(_str_list(licence, "classes")), issuing_office=_str(licence, "issuing_office"),
        valid_from=_date(licence, "valid_from"), valid_until=_opt_date(licence, "valid_until"),
        term=_str(licence, "term"), status=_str(licence, "status"),
        phone=_opt_str(holder, "phone"), address=_opt_str(holder, "address"),
        medical_certificate=_medical_certificate(_obj(data).get("medical_certificate")))


def _medical_certificate(value: Any) -> MedicalCertificate | None:
    """The networked e-certificate: null (or left out) when there is none."""
    if value is None:
        return None
    body = _obj(value)
    fit = body.get("fit")
    if not isinstance(fit, bool):
        raise ProtocolError("medical_certificate.fit: not true or false")
    return MedicalCertificate(issued=_date(body, "issued"), fit=fit)


def parse_eligibility(data: Any) -> Eligibility:
    body = _obj(data)
    outcome = _str(body, "outcome")
    if outcome not in OUTCOMES:
        raise ProtocolError(f"eligibility.outcome: unexpected value {outcome[:20]!r}")
    fee = body.get("fee_cny", 0)
    if not isinstance(fee, int) or isinstance(fee, bool) or not 0 <= fee <= 10_000:
        raise ProtocolError("eligibility.fee_cny: not a sane amount")
    return Eligibility(
        outcome=outcome, reasons=_codes(body, "reasons"), referrals=_codes(body, "referrals"),
        notices=_codes(body, "notices"), fee_cny=fee, new_term=_opt_str(body, "new_term"),
        new_valid_from=_opt_date(body, "new_valid_from"), new_valid_until=_opt_date(body, "new_valid_until"),
        new_classes=tuple(_str_list(body, "new_classes", required=False)))


def parse_receipt(data: Any) -> Receipt:
    body = _obj(data)
    return Receipt(application_id=_str(body, "application_id"), status=_str(body, "status"))


def parse_photo_id(data: Any) -> str:
    return _str(_obj(data), "photo_id")


PAYMENT_STATES = ("pending", "paid", "declined", "expired")


def parse_payment(data: Any, qr_payload: str = "") -> Payment:
    """A payment as created (with its QR payload) or as polled (the payload is kept from creation)."""
    body = _obj(data)
    status = _str(body, "status")
    if status not in PAYMENT_STATES:
        raise ProtocolError(f"payment.status: unexpected value {status[:20]!r}")
    amount = body.get("amount_cny")
    if not isinstance(amount, int) or isinstance(amount, bool) or not 0 <= amount <= 10_000:
        raise ProtocolError("payment.amount_cny: not a sane amount")
    payload = _str(body, "qr_payload") if "qr_payload" in body else qr_payload
    return Payment(payment_id=_str(body, "payment_id"), qr_payload=payload, amount_cny=amount, status=status)


ASSISTANCE_STATES = ("queued", "scheduled")


def parse_assistance_ticket(data: Any) -> AssistanceTicket:
    body = _obj(data)
    kind, status = _str(body, "kind"), _str(body, "status")
    if kind not in KINDS or status not in ASSISTANCE_STATES:
        raise ProtocolError(f"assistance: unexpected kind or status {kind[:20]!r}, {status[:20]!r}")
    window = _opt_str(body, "window")
    if window is not None and len(window) > 16:  # shown in large type on one line
        raise ProtocolError("assistance.window: too long")
    return AssistanceTicket(request_id=_str(body, "request_id"), kind=kind, status=status, window=window)


def _obj(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ProtocolError("expected a JSON object")
    return value


def _str(body: dict[str, Any], key: str) -> str:
    value = body.get(key)
    if not isinstance(value, str) or not value or len(value) > 200:
        raise ProtocolError(f"{key}: missing or not a short string")
    return value


def _opt_str(body: dict[str, Any], key: str) -> str | None:
    return None if body.get(key) is None else _str(body, key)


def _str_list(body: dict[str, Any], key: str, required: bool = True) -> list[str]:
    value = body.get(key, None if required else [])
    if not isinstance(value, list) or len(value) > 50 or not all(isinstance(v, str) for v in value):
        raise ProtocolError(f"{key}: not a list of strings")
    return value


def _codes(body: dict[str, Any], key: str) -> tuple[str, ...]:
    codes = _str_list(body, key, required=False)
    if not all(code.isascii() and code.replace("_", "").isalnum() and len(code) <= 40 for code in codes):
        raise ProtocolError(f"{key}: not a list of machine codes")
    return tuple(codes)


def _date(body: dict[str, Any], key: str) -> date:
    try:
        return date.fromisoformat(_str(body, key))
    except ValueError:
        raise ProtocolError(f"{key}: not an ISO date") from None


def _opt_date(body: dict[str, Any], key: str) -> date | None:
    return None if body.get(key) is None else _date(body, key)
