"""Example request bodies for the OpenAPI document: the demo persona `renewal-ok` (all fictional).

They make the document easier to read, and schemathesis sends them as its explicit examples, so
the success answers are checked against the document too.
"""

from typing import Any

RENEWAL_OK = {
    "id_number": "371502198503120030",
    "document_number": "E26110113",
    "name": "王建国",
    "birth_date": "1985-03-12",
}
# The smallest JPEG start the stub accepts: FF D8 FF E0 00 10.
TINY_JPEG_B64 = "/9j/4AAQ"

LOOKUP: dict[str, Any] = RENEWAL_OK
ELIGIBILITY: dict[str, Any] = {**RENEWAL_OK, "service": "renewal", "office": "371500"}
APPLICATION: dict[str, Any] = {
    **{key: RENEWAL_OK[key] for key in ("id_number", "document_number", "name")},
    "service": "renewal",
    "office": "371500",
    "kiosk_id": "kiosk-01",
    "photo_jpeg_b64": TINY_JPEG_B64,
    "delivery": {"method": "post", "address": "山东省聊城市东昌府区柳园南路17号", "phone": "13806351037"},
    "fee_cny": 10,
}
PHOTO: dict[str, Any] = {"photo_jpeg_b64": TINY_JPEG_B64}
PAYMENT: dict[str, Any] = {
    "service": "renewal",
    "id_number": RENEWAL_OK["id_number"],
    "document_number": RENEWAL_OK["document_number"],
    "amount_cny": 10,
    "kiosk_id": "kiosk-01",
}
HEARTBEAT: dict[str, Any] = {
    "kiosk_id": "kiosk-01",
    "sent_at": "2026-11-26T10:15:02+08:00",
    "version": "0.1.0",
    "devices": {
        "card_reader": {"state": "online", "detail": None},
        "camera": {"state": "busy", "detail": None},
    },
    "outbox": {"depth": 1, "oldest_age_s": 4.5, "rejected": 0},
}
ASSISTANCE: dict[str, Any] = {
    "kind": "home_service",
    "office": "371500",
    "kiosk_id": "kiosk-01",
    "phone": "13806351037",
    "service": "renewal",
}
IDEMPOTENCY_KEY = "kiosk-01-4f1c2a9e-0001"
