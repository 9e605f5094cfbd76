"""Paying the fee: a QR payload for the citizen's phone wallet, then a status the kiosk polls.

What the citizen "does" is scripted per persona (`payment` in the scenario file): `pays` (the
first status read finds it paid), `declines` (declined on the first read) or `never` (pending until
it expires). QA can set any status at any time, which ends the script.
"""

import uuid
from datetime import datetime, timedelta
from typing import Any

from backend_stub.clock import iso

BEHAVIOURS = ("pays", "declines", "never")
DEFAULT_BEHAVIOUR = "pays"
STATUSES = ("pending", "paid", "declined", "expired")
TIME_TO_PAY = timedelta(minutes=15)
_ON_FIRST_READ = {"pays": "paid", "declines": "declined", "never": "pending"}


def new_payment_id() -> str:
    return f"pay-{uuid.uuid4().hex[:20]}"


def qr_payload(payment_id: str, amount_cny: int) -> str:
    """What the kiosk shows as a QR code; a stub scheme no real wallet will act on."""
    return f"stubpay://pay?id={payment_id}&amount={amount_cny}"


def settled(status: str, now: datetime) -> dict[str, Any]:
    """The columns that change when QA gives a payment `status`; the persona's script ends."""
    changes = _becomes(status, now)
    if status == "pending":
        changes["expires_at"] = iso(now + TIME_TO_PAY)  # pending again: a fresh time to pay
    return changes


def on_read(row: dict[str, Any], now: datetime) -> dict[str, Any]:
    """The changes a status read makes: expiry first, then the persona's scripted answer, once."""
    if row["status"] != "pending":
        return {}
    if now > datetime.fromisoformat(row["expires_at"]):
        return {"status": "expired", "scripted": 0}
    if not row["scripted"]:
        return {}
    return _becomes(_ON_FIRST_READ[row["behaviour"]], now)


def _becomes(status: str, now: datetime) -> dict[str, Any]:
    return {"status": status, "paid_at": iso(now) if status == "paid" else None, "scripted": 0}


def created_body(payment_id: str, amount_cny: int, expires_at: datetime) -> dict[str, Any]:
    """The answer to the creating request; the store keeps it so that a repeated key gets it again."""
    return {
        "payment_id": payment_id,
        "status": "pending",
        "qr_payload": qr_payload(payment_id, amount_cny),
        "amount_cny": amount_cny,
        "expires_at": iso(expires_at),
    }


def status_body(row: dict[str, Any]) -> dict[str, Any]:
    return {key: row[key] for key in ("payment_id", "status", "amount_cny", "paid_at")}
