"""Walk a service flow forward one citizen step at a time, with plain test data (no Qt, no I/O)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flows.service import DECLARATIONS, ServiceFlow
from flows.services import create_flow
from flows.session import Delivery, Eligibility, Identity, LicenceRecord, Payment, Photo, Receipt

IDENTITY = Identity("371502198503120017", "E12345678", "王建国", date(1985, 3, 12))
RECORD = LicenceRecord("371502198503120017", "王建国", ("C1",), "371500", date(2017, 1, 30),
                       date(2027, 1, 30), "10y", "A")
ELIGIBLE = Eligibility("eligible", notices=("NEW_TERM_LONG",), fee_cny=10, new_term="long")
ELSEWHERE = Eligibility("eligible", notices=("TREATED_AS_TRANSFER_IN",), fee_cny=10)
PHOTO = Photo(b"\xff\xd8jpeg", 260, 378)
DELIVERY = Delivery("post", "13800000000", "山东省聊城市")
PAYMENT = Payment("P-1", "stubpay://pay?id=P-1&amount=10", 10, "pending")
PAID = Payment("P-1", PAYMENT.qr_payload, 10, "paid")
RECEIPT = Receipt("371500-20261126-000001", "received")
SERVICES = ("renewal", "damaged", "transfer-in", "lost")


def state(flow: ServiceFlow) -> str:
    return str(next(iter(flow.configuration)).id)


def forward(flow: ServiceFlow, eligibility: Eligibility = ELIGIBLE) -> None:
    """The citizen's (or the kiosk's) next step forward from where the flow is."""
    here = state(flow)
    if here in DECLARATIONS:
        flow.send("declare", declaration=DECLARATIONS[here][0])
        return
    event, data = _FORWARD.get(here, ("proceed", {}))
    if here == "checking":
        event, data = "checked", {"record": RECORD, "eligibility": eligibility}
    if here == "paying" and flow.session.payment is None:
        event, data = "payment_created", {"payment": PAYMENT}
    flow.send(event, **data)


def walk(service: str, until: str, eligibility: Eligibility = ELIGIBLE, limit: int = 40) -> ServiceFlow:
    """A new flow of `service` moved forward until it shows `until`."""
    flow = create_flow(service)
    for _ in range(limit):
        if state(flow) == until:
            return flow
        forward(flow, eligibility)
    raise AssertionError(f"{service} never reached {until}: {flow.session.screens}")


_FORWARD: dict[str, tuple[str, dict[str, Any]]] = {
    "place_id": ("card_placed", {}),
    "reading": ("document_read", {"identity": IDENTITY}),
    "photo": ("capture", {}),
    "capturing": ("photo_taken", {"photo": PHOTO}),
    "photo_review": ("accept_photo", {}),
    "delivery": ("delivery_chosen", {"delivery": DELIVERY}),
    "review": ("confirm", {}),
    "paying": ("paid", {"payment": PAID}),
    "submitting": ("submitted", {"receipt": RECEIPT}),
    "done": ("finish", {}),
}
