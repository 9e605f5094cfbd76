"""Pure formatting of a session for the screens: what is shown, masked where it must be."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from flows.session import MAX_RETAKES, Session

TERMS = {"6y": "6", "10y": "10", "long": "long"}
CERTIFICATE_VALID_MONTHS = 6  # a physical-condition certificate is valid 6 months from issue (Art. 85)


def mask_number(number: str) -> str:
    """Shoulder-surfing guard: only the first and last four characters are shown."""
    return number[:4] + "*" * (len(number) - 8) + number[-4:] if len(number) > 8 else "*" * len(number)


def mask_phone(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:] if len(phone) == 11 else phone


def present(session: Session | None, version: int) -> dict[str, Any]:
    """The view-model's values for `session` (all empty when there is none)."""
    if session is None:
        return {}
    key = session.access_key  # kept across a failed read, so a mistyped field is corrected, not retyped
    typed = [] if key is None else [key.can] if key.uses_can else [key.document_number, key.birth_date,
                                                                   key.expiry_date]
    values: dict[str, Any] = {"service": session.service, "failure": session.failure or "",
                              "readProblem": session.read_problem or "", "typedAccess": typed,
                              "photoProblem": session.photo_problem or "",
                              "photoAttempts": session.photo_attempts,
                              "retakesLeft": max(0, MAX_RETAKES - session.retakes),
                              "declarations": list(session.declarations)}
    for part in (_record(session), _certificate(session), _eligibility(session), _photo(session, version),
                 _delivery(session), _payment(session, version), _receipt(session, version),
                 _referral(session, version)):
        values.update(part)
    if session.referral:  # the kiosk's own referral joins the back office's reasons
        values["reasons"] = values.get("reasons", []) + [session.referral]
    return values


def _record(session: Session) -> dict[str, Any]:
    record = session.record
    if record is None:
        return {}
    return {"holderName": record.holder_name, "licenceNumber": mask_number(record.number),
            "licenceClasses": " ".join(record.classes), "term": TERMS.get(record.term, record.term),
            "validUntil": record.valid_until.isoformat() if record.valid_until else "",
            "phone": record.phone or "", "address": record.address or "",
            "issuingOffice": record.issuing_office}


def _certificate(session: Session) -> dict[str, Any]:
    certificate = session.record.medical_certificate if session.record else None
    if certificate is None:
        return {}
    return {"certificateIssued": certificate.issued.isoformat(), "certificateFit": certificate.fit,
            "certificateValidUntil": _months_later(certificate.issued, CERTIFICATE_VALID_MONTHS).isoformat()}


def _months_later(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))  # or the month's last day


def _eligibility(session: Session) -> dict[str, Any]:
    elig = session.eligibility
    if elig is None:
        return {}
    return {"eligibility": elig.outcome, "reasons": list(elig.reasons) + list(elig.referrals),
            "notices": list(elig.notices), "feeCny": elig.fee_cny,
            "newValidUntil": elig.new_valid_until.isoformat() if elig.new_valid_until else "",
            "newTerm": TERMS.get(elig.new_term or "", ""),
            "newValidFrom": elig.new_valid_from.isoformat() if elig.new_valid_from else "",
            "newClasses": " ".join(elig.new_classes),
            "elsewhere": "TREATED_AS_TRANSFER_IN" in elig.notices}


def _photo(session: Session, version: int) -> dict[str, Any]:
    return {"photoSource": f"image://kiosk/photo/{version}" if session.capture else ""}


def _delivery(session: Session) -> dict[str, Any]:
    delivery = session.delivery
    if delivery is None:
        return {}
    return {"deliveryMethod": delivery.method, "phone": delivery.phone,
            "deliveryAddress": delivery.address or ""}


def _payment(session: Session, version: int) -> dict[str, Any]:
    payment = session.payment
    if payment is None:
        return {}
    return {"paymentQrSource": f"image://kiosk/payment/{version}", "paymentStatus": payment.status}


def _receipt(session: Session, version: int) -> dict[str, Any]:
    receipt = session.receipt
    if receipt is None:
        return {}
    return {"applicationId": receipt.application_id or "", "reference": receipt.reference,
            "delivered": receipt.delivered,
            "qrSource": f"image://kiosk/qr/{version}" if receipt.application_id else ""}


def referral_slip(session: Session) -> str:
    """The referral slip's QR payload: the ticket and the codes, for the staff at the window (nothing
    personal: they read the ID card again)."""
    if not session.ticket:
        return ""
    elig = session.eligibility
    codes = (list(elig.reasons) + list(elig.referrals) if elig else []) + (
        [session.referral] if session.referral else [])
    return f"licence-kiosk:referral?ticket={session.ticket}&codes={','.join(codes)}"


def _referral(session: Session, version: int) -> dict[str, Any]:
    payload = referral_slip(session)
    if not payload:
        return {}
    return {"ticket": session.ticket, "referralSlip": payload,
            "referralQrSource": f"image://kiosk/referral/{version}"}
