"""Requests for a person (staff, green channel, agent, home service) in the shared SQLite database.

The idempotency key is unique, as for applications and payments: a retried request finds its first row,
so staff are never sent twice to the same citizen.
"""

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from backend_stub.database import SharedDb, first, next_id

TABLE = "assistance_requests"
COLUMNS = {
    "request_id": str,
    "idempotency_key": str,
    "kind": str,  # staff | priority | agent | home_service
    "office": str,
    "kiosk_id": str,
    "phone": str,  # null unless given (always given for home_service)
    "service": str,  # null unless asked from inside a service
    "status": str,  # queued | scheduled
    "window": str,  # null unless the citizen is sent to a window
    "received_at": str,
}
NULLABLE = {"phone", "service", "window"}


@dataclass(frozen=True)
class NewAssistance:
    idempotency_key: str
    kind: str
    office: str
    kiosk_id: str
    phone: str | None
    service: str | None
    status: str
    window: str | None
    received_at: str


class AssistanceStore:
    def __init__(self, shared: SharedDb) -> None:
        self._shared = shared
        with shared.locked() as db:
            table = db.table(TABLE)
            table.create(COLUMNS, pk="request_id", not_null=set(COLUMNS) - NULLABLE, if_not_exists=True)
            table.create_index(["idempotency_key"], unique=True, if_not_exists=True)

    def add(self, new: NewAssistance, day: date) -> tuple[dict[str, Any], bool]:
        """(row, created): the existing row when the key was seen before, else a new one."""
        with self._shared.locked() as db:
            existing = first(db, TABLE, "idempotency_key = ?", [new.idempotency_key])
            if existing:
                return existing, False
            request_id = next_id(db, TABLE, "request_id", f"AS-{new.office}-{day:%Y%m%d}-")
            row = {"request_id": request_id, **asdict(new)}
            db.table(TABLE).insert(row)
            return row, True

    def listing(self) -> list[dict[str, Any]]:
        with self._shared.locked() as db:
            return list(db.table(TABLE).rows_where(order_by="rowid"))

    def reset(self) -> int:
        with self._shared.locked() as db:
            count = db.table(TABLE).count
            db.table(TABLE).delete_where()
            return count
