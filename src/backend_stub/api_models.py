"""Request bodies of the /v1 API. Strict: wrong types and unknown fields are a 422, never coerced."""

import re
from datetime import datetime
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from backend_stub import api_examples
from backend_stub.photo import MAX_PHOTO_B64_CHARS

Service = Literal["renewal", "damaged", "transfer-in", "lost"]
AssistanceKind = Literal["staff", "priority", "agent", "home_service"]
IdNumber = Annotated[str, StringConstraints(min_length=1, max_length=32)]
DocumentNumber = Annotated[str, StringConstraints(min_length=1, max_length=16)]
Name = Annotated[str, StringConstraints(max_length=64)]
IsoDate = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
Office = Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]
Phone = Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 -]{2,19}$")]
KioskId = Annotated[str, StringConstraints(min_length=1, max_length=64)]
RecordId = Annotated[str, StringConstraints(min_length=1, max_length=64)]
PhotoB64 = Annotated[str, StringConstraints(min_length=1, max_length=MAX_PHOTO_B64_CHARS)]
Count = Annotated[int, Field(ge=0, le=1_000_000_000)]
DeviceName = Annotated[str, StringConstraints(min_length=1, max_length=64)]
# What the citizen declares with an application (the articles are those of the licence regulation).
Declaration = Literal[
    "DAMAGE_DECLARED",  # the damaged card is unreadable; the old card is handed in for destruction
    "LOSS_DECLARED",  # the loss declaration (Art. 69, 98)
    "RESIDENCE_HOUSEHOLD",  # household registration moved here (Art. 64)
    "RESIDENCE_LIVING",  # lives in this area (Art. 64)
    "PHYSICAL_CONDITION_FIT",  # self-declared physical condition (Art. 64)
    "OLD_CARD_HANDED_IN",  # the old licence is handed in (Art. 68)
]
MAX_DECLARATIONS = 8


_ISO_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?([Zz]|[+-][0-9]{2}:[0-9]{2})"
)


def _aware_datetime(value: object) -> str:
    # Only text: pydantic's own parser would also take numbers and digit strings as Unix times.
    if not isinstance(value, str) or not _ISO_DATETIME.fullmatch(value):
        raise ValueError("expected an ISO 8601 date and time with its offset, e.g. 2026-11-26T10:15:02+08:00")
    datetime.fromisoformat(value.upper())  # a ValueError for 2026-13-01 and the like
    return value


# Kept as the text that was sent (QA sees it unchanged); checked to be an RFC 3339 date-time.
AwareDateTime = Annotated[
    str,
    PlainValidator(_aware_datetime, json_schema_input_type=str),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class PersonNumbers(Strict):
    """The citizen, by ID number, else by the ID document's number: at least one is required."""

    id_number: IdNumber | None = None
    document_number: DocumentNumber | None = None

    @model_validator(mode="after")
    def _some_number(self) -> "PersonNumbers":
        if self.id_number is None and self.document_number is None:
            raise ValueError("give id_number or document_number")
        return self


class IdentityQuery(PersonNumbers):
    """Who the ID document says the citizen is; found by ID number, else by document number."""

    model_config = ConfigDict(json_schema_extra={"examples": [api_examples.LOOKUP]})

    name: Name | None = None
    birth_date: IsoDate | None = None


class EligibilityQuery(IdentityQuery):
    model_config = ConfigDict(json_schema_extra={"examples": [api_examples.ELIGIBILITY]})

    service: Service
    office: Office | None = None  # the stub's --office when absent


class IdentityChecks(Strict):
    """How the kiosk made sure the person is the document's genuine holder; staff act on what is not
    `verified`/`match` before the card is issued."""

    # verified: the SOD's signature chains to a trusted CSCA and the chip is no copy; unverified: read, not
    # checked (no CSCA list); none: no chip (a contact reader of the national ID card).
    chip: Literal["verified", "unverified", "none"]
    # match: the live photo matches the chip's portrait; staff_check: the kiosk could not tell (no chip
    # portrait, no face found, a CPU without AVX, face match off).
    face: Literal["match", "staff_check", "unchecked"]


class Delivery(Strict):
    method: Literal["post", "collect"]
    address: Annotated[str, StringConstraints(max_length=200)] | None = None
    phone: Phone

    @model_validator(mode="after")
    def _address_for_post(self) -> "Delivery":
        if self.method == "post" and not (self.address or "").strip():
            raise ValueError("delivery by post needs an address")
        return self


class ApplicationRequest(IdentityQuery):
    """The photo comes either inline (`photo_jpeg_b64`) or as the id of an uploaded one (`photo_id`)."""

    model_config = ConfigDict(json_schema_extra={"examples": [api_examples.APPLICATION]})

    service: Service
    office: Office
    kiosk_id: KioskId
    photo_jpeg_b64: PhotoB64 | None = None
    photo_id: RecordId | None = None
    delivery: Delivery
    fee_cny: Annotated[int, Field(ge=0, le=10_000)]
    payment_id: RecordId | None = None  # optional: a paid payment of this fee by this person
    # Kept with the application as sent; the back office's staff act on them, the stub does not check them.
    declarations: Annotated[list[Declaration], Field(max_length=MAX_DECLARATIONS)] = []
    identity_checks: IdentityChecks | None = None  # absent from kiosks that predate it

    @model_validator(mode="after")
    def _one_photo(self) -> "ApplicationRequest":
        if (self.photo_jpeg_b64 is None) == (self.photo_id is None):
            raise ValueError("give exactly one of photo_jpeg_b64 and photo_id")
        return self


class PhotoUpload(Strict):
    model_config = ConfigDict(json_schema_extra={"examples": [api_examples.PHOTO]})

    photo_jpeg_b64: PhotoB64


class PaymentRequest(PersonNumbers):
    model_config = ConfigDict(json_schema_extra={"examples": [api_examples.PAYMENT]})

    service: Service
    amount_cny: Annotated[int, Field(ge=1, le=10_000)]
    kiosk_id: KioskId


# The conditional `phone` in the document too, so that generated requests (schemathesis) respect it.
_PHONE_FOR_HOME_SERVICE = {
    "if": {"properties": {"kind": {"const": "home_service"}}, "required": ["kind"]},
    "then": {"properties": {"phone": {"type": "string"}}, "required": ["phone"]},
}


class AssistanceRequest(Strict):
    """A citizen asks for a person: staff at the kiosk, the green channel (priority), an agent's window,
    or a home visit, which needs a phone number to arrange it."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [api_examples.ASSISTANCE], **_PHONE_FOR_HOME_SERVICE}
    )

    kind: AssistanceKind
    office: Office
    kiosk_id: KioskId
    phone: Phone | None = None
    service: Service | None = None  # the licence service, when asked from inside one

    @model_validator(mode="after")
    def _phone_for_home_service(self) -> "AssistanceRequest":
        if self.kind == "home_service" and self.phone is None:
            raise ValueError("a home-service appointment needs a phone number")
        return self


DeviceStateName = Literal["online", "offline", "hwError", "userError", "noDevice", "busy", "starting"]


class DeviceState(Strict):
    state: DeviceStateName
    detail: Annotated[str, StringConstraints(max_length=200)] | None = None


class OutboxState(Strict):
    depth: Count
    oldest_age_s: Annotated[float, Field(ge=0, le=1e9, allow_inf_nan=False)] | None = None
    rejected: Count


class Heartbeat(Strict):
    model_config = ConfigDict(json_schema_extra={"examples": [api_examples.HEARTBEAT]})

    kiosk_id: KioskId
    sent_at: AwareDateTime
    version: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    devices: Annotated[dict[DeviceName, DeviceState], Field(max_length=64)]
    outbox: OutboxState
