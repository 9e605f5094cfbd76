"""Response bodies of the /v1 API, for the OpenAPI document (docs/openapi.json) and output checks."""

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, WithJsonSchema

from backend_stub.api_models import AssistanceKind, Service
from backend_stub.codes import NOTICES, REASONS, REFERRALS
from backend_stub.domain import CLASS_ORDER

# Codes are documented as enums; they are produced by the stub itself, so they are not re-validated.
Reason = Annotated[str, WithJsonSchema({"type": "string", "enum": list(REASONS)})]
Referral = Annotated[str, WithJsonSchema({"type": "string", "enum": list(REFERRALS)})]
Notice = Annotated[str, WithJsonSchema({"type": "string", "enum": list(NOTICES)})]
LicenceClass = Annotated[str, WithJsonSchema({"type": "string", "enum": list(CLASS_ORDER)})]
Term = Literal["6y", "10y", "long"]
PaymentStatusName = Literal["pending", "paid", "declined", "expired"]


class ErrorBody(BaseModel):
    """Every error: a machine code and a human message (never an echo of the request)."""

    code: str
    message: str


class Refusal(ErrorBody):
    """409 of a submission: INELIGIBLE (+reasons), REFERRED (+reasons, referrals), FEE_MISMATCH (+fee_cny),
    PAYMENT_NOT_PAID."""

    reasons: list[Reason] | None = None
    referrals: list[Referral] | None = None
    fee_cny: int | None = None


class Health(BaseModel):
    status: Literal["ok"]
    today: date
    version: str


class Holder(BaseModel):
    id_number: str
    name: str
    surname_latin: str | None
    given_names_latin: str | None
    sex: Literal["M", "F", "X"]
    birth_date: date
    nationality: str
    address: str | None
    phone: str | None


class Licence(BaseModel):
    number: str
    classes: list[LicenceClass]
    issuing_office: str
    valid_from: date
    valid_until: date
    term: Term
    status: Annotated[str, Field(description="status letters of DOMAIN.md §8, e.g. A or DH")]
    first_issued: date | None
    twelve_point_cycles: int
    unhandled_violations: int
    unhandled_accidents: int
    study_required: bool
    reissues_last_year: int


class MedicalCertificate(BaseModel):
    issued: date
    fit: bool


class LicenceRecord(BaseModel):
    holder: Holder
    licence: Licence
    medical_certificate: MedicalCertificate | None


class EligibilityAnswer(BaseModel):
    service: Service
    outcome: Literal["eligible", "ineligible", "referred"]
    reasons: list[Reason]
    referrals: list[Referral]
    notices: list[Notice]
    fee_cny: int
    new_term: Term | None
    new_valid_from: date | None
    new_valid_until: date | None
    new_classes: list[LicenceClass]


class Receipt(BaseModel):
    application_id: str
    status: str
    received_at: datetime


class ApplicationStatus(Receipt):
    service: Service


class PhotoReceipt(BaseModel):
    photo_id: str
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    bytes: int


class PaymentCreated(BaseModel):
    payment_id: str
    status: Literal["pending"]
    qr_payload: Annotated[str, Field(description="what the kiosk shows as a QR code for the wallet")]
    amount_cny: int
    expires_at: datetime


class PaymentState(BaseModel):
    payment_id: str
    status: PaymentStatusName
    amount_cny: int
    paid_at: datetime | None


class AssistanceTicket(BaseModel):
    request_id: Annotated[str, Field(description="the ticket number to show the citizen")]
    kind: AssistanceKind
    status: Annotated[Literal["queued", "scheduled"], Field(description="scheduled for home_service")]
    window: Annotated[str | None, Field(description="the window to go to (priority, agent); else null")]


class HeartbeatAck(BaseModel):
    received_at: datetime


_ERRORS = {
    400: "BAD_REQUEST: a body that cannot be read as JSON (e.g. not UTF-8); with an Idempotency-Key "
    "header also IDEMPOTENCY_KEY_MISSING or IDEMPOTENCY_KEY_INVALID",
    401: "UNAUTHORISED: no valid bearer token",
    404: "not found (code in the body)",
    409: "refused (code in the body)",
    422: "INVALID_REQUEST, or a more precise code such as PHOTO_INVALID",
}


def errors(*statuses: int, refusal: bool = False) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for these error statuses; a 409 may carry the fields of a Refusal."""
    return {
        status: {"model": Refusal if refusal and status == 409 else ErrorBody, "description": _ERRORS[status]}
        for status in statuses
    }


def replay(model: type[BaseModel], what: str) -> dict[int | str, dict[str, Any]]:
    return {200: {"model": model, "description": f"{what} seen before: the first answer again"}}
