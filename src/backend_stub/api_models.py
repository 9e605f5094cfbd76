"""Request bodies of the /v1 API. Strict: wrong types and unknown fields are a 422, never coerced."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from backend_stub.photo import MAX_PHOTO_B64_CHARS

Service = Literal["renewal", "damaged", "transfer-in", "lost"]
IdNumber = Annotated[str, StringConstraints(min_length=1, max_length=32)]
DocumentNumber = Annotated[str, StringConstraints(min_length=1, max_length=16)]
Name = Annotated[str, StringConstraints(max_length=64)]
IsoDate = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
Office = Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]
Phone = Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 -]{2,19}$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class IdentityQuery(Strict):
    """Who the ID document says the citizen is; found by ID number, else by document number."""

    id_number: IdNumber | None = None
    document_number: DocumentNumber | None = None
    name: Name | None = None
    birth_date: IsoDate | None = None

    @model_validator(mode="after")
    def _some_number(self) -> "IdentityQuery":
        if self.id_number is None and self.document_number is None:
            raise ValueError("give id_number or document_number")
        return self


class EligibilityQuery(IdentityQuery):
    service: Service
    office: Office | None = None  # the stub's --office when absent


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
    service: Service
    office: Office
    kiosk_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    photo_jpeg_b64: Annotated[str, StringConstraints(min_length=1, max_length=MAX_PHOTO_B64_CHARS)]
    delivery: Delivery
    fee_cny: Annotated[int, Field(ge=0, le=10_000)]
