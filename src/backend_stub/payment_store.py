"""Fee payments in the shared SQLite database, unique per idempotency key (payments.py has the rules)."""

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from backend_stub.clock import iso
from backend_stub.database import SharedDb, first
from backend_stub.payments import TIME_TO_PAY, created_body, new_payment_id, on_read, settled

TABLE = "payments"
COLUMNS = {
    "payment_id": str,
    "idempotency_key": str,
    "service": str,
    "persona_id": str,
    "kiosk_id": str,
    "amount_cny": int,
    "status": str,
    "behaviour": str,  # the persona's `payment` script
    "scripted": int,  # 1 until the script ran (first status read) or QA set a status
    "created_at": str,
    "expires_at": str,
    "paid_at": str,
    "created_json": str,  # the creating answer, replayed for a repeated key
}


@dataclass(frozen=True)
class NewPayment:
    idempotency_key: str
    service: str
    persona_id: str
    kiosk_id: str
    amount_cny: int
    behaviour: str


class PaymentStore:
    def __init__(self, shared: SharedDb) -> None:
        self._shared = shared
        with shared.locked() as db:
            table = db.table(TABLE)
            table.create(COLUMNS, pk="payment_id", not_null=set(COLUMNS) - {"paid_at"}, if_not_exists=True)
            table.create_index(["idempotency_key"], unique=True, if_not_exists=True)

    def create(self, new: NewPayment, now: datetime) -> tuple[dict[str, Any], bool]:
        """(the creating answer, created): a known key gets its first answer again."""
        with self._shared.locked() as db:
            existing = first(db, TABLE, "idempotency_key = ?", [new.idempotency_key])
            row = existing or _row(new, now)
            if not existing:
                db.table(TABLE).insert(row)
        return json.loads(row["created_json"]), existing is None

    def replay(self, idempotency_key: str) -> dict[str, Any] | None:
        """The creating answer of the payment made with this key, if there is one."""
        with self._shared.locked() as db:
            row = first(db, TABLE, "idempotency_key = ?", [idempotency_key])
        return json.loads(row["created_json"]) if row else None

    def get(self, payment_id: str) -> dict[str, Any] | None:
        with self._shared.locked() as db:
            return first(db, TABLE, "payment_id = ?", [payment_id])

    def read_status(self, payment_id: str, now: datetime) -> dict[str, Any] | None:
        """The payment as the kiosk sees it, after what this read changes (payments.on_read)."""
        with self._shared.locked() as db:
            row = first(db, TABLE, "payment_id = ?", [payment_id])
            return row and _updated(db, row, on_read(row, now))

    def set_status(self, payment_id: str, status: str, now: datetime) -> dict[str, Any] | None:
        with self._shared.locked() as db:
            row = first(db, TABLE, "payment_id = ?", [payment_id])
            return row and _updated(db, row, settled(status, now))

    def listing(self) -> list[dict[str, Any]]:
        with self._shared.locked() as db:
            rows = list(db.table(TABLE).rows_where(order_by="rowid"))
        return [{k: v for k, v in row.items() if k != "created_json"} for row in rows]

    def reset(self) -> int:
        with self._shared.locked() as db:
            count = db.table(TABLE).count
            db.table(TABLE).delete_where()
            return count


def _row(new: NewPayment, now: datetime) -> dict[str, Any]:
    payment_id, expires_at = new_payment_id(), now + TIME_TO_PAY
    created = created_body(payment_id, new.amount_cny, expires_at)
    return {
        **asdict(new),
        "payment_id": payment_id,
        "status": "pending",
        "scripted": 1,
        "created_at": iso(now),
        "expires_at": iso(expires_at),
        "paid_at": None,
        "created_json": json.dumps(created, sort_keys=True),
    }


def _updated(db: Database, row: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    if changes:
        db.table(TABLE).update(row["payment_id"], changes)
    return {**row, **changes}
