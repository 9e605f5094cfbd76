"""Received applications in SQLite (sqlite-utils): a file with --db, in memory otherwise.

The idempotency key is unique: a retried submission finds the first row instead of adding one.
The photo itself goes to the photo store (photo_store.py), the row keeps its id, size and hash.
"""

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from backend_stub.database import SharedDb, first, next_id
from backend_stub.photo_store import PhotoStore

TABLE = "applications"
COLUMNS = {
    "application_id": str,
    "idempotency_key": str,
    "service": str,
    "persona_id": str,
    "office": str,
    "kiosk_id": str,
    "status": str,
    "received_at": str,
    "request_json": str,  # the request without its photo
    "photo_id": str,
    "photo_bytes": int,
    "photo_sha256": str,
    "payment_id": str,  # null when none was given
}
NULLABLE = {"payment_id"}


@dataclass(frozen=True)
class NewApplication:
    idempotency_key: str
    service: str
    persona_id: str
    office: str
    kiosk_id: str
    received_at: str
    request: dict[str, Any]
    photo: bytes
    payment_id: str | None = None


class ApplicationStore:
    """Thread-safe through the shared database's lock. Without `shared` it opens its own database."""

    def __init__(self, db_path: str | None = None, *, shared: SharedDb | None = None) -> None:
        self._shared = shared or SharedDb(db_path)
        self.photos = PhotoStore(self._shared)
        with self._shared.locked() as db:
            _create_table(db)

    def add(self, new: NewApplication, day: date) -> tuple[dict[str, Any], bool]:
        """(row, created): the existing row when the key was seen before, else a new one."""
        with self._shared.locked() as db:
            existing = first(db, TABLE, "idempotency_key = ?", [new.idempotency_key])
            if existing:
                return existing, False
            photo, _ = self.photos.add(new.photo, new.received_at)
            row = _row(new, next_id(db, TABLE, "application_id", f"{new.office}-{day:%Y%m%d}-"), photo)
            db.table(TABLE).insert(row)
            return row, True

    def by_key(self, idempotency_key: str) -> dict[str, Any] | None:
        with self._shared.locked() as db:
            return first(db, TABLE, "idempotency_key = ?", [idempotency_key])

    def by_payment(self, payment_id: str) -> dict[str, Any] | None:
        with self._shared.locked() as db:
            return first(db, TABLE, "payment_id = ?", [payment_id])

    def get(self, application_id: str) -> dict[str, Any] | None:
        with self._shared.locked() as db:
            return first(db, TABLE, "application_id = ?", [application_id])

    def listing(self) -> list[dict[str, Any]]:
        """Every application for QA, with the photo's id, size and hash instead of its bytes."""
        with self._shared.locked() as db:
            rows = list(db.table(TABLE).rows_where(order_by="rowid"))
        return [_listed(row) for row in rows]

    def reset(self) -> int:
        with self._shared.locked() as db:
            count = db.table(TABLE).count
            db.table(TABLE).delete_where()
            return count

    def close(self) -> None:
        self._shared.close()


def _create_table(db: Database) -> None:
    table = db.table(TABLE)
    if table.exists() and "photo_id" not in table.columns_dict:
        # A file from the first stub kept photos inside this table; it is test data, not worth migrating.
        raise sqlite3.DatabaseError("made by an older kiosk-stub (no photo_id column); start a new file")
    table.create(COLUMNS, pk="application_id", not_null=set(COLUMNS) - NULLABLE, if_not_exists=True)
    table.create_index(["idempotency_key"], unique=True, if_not_exists=True)


def _row(new: NewApplication, application_id: str, photo: dict[str, Any]) -> dict[str, Any]:
    return {
        "application_id": application_id,
        "idempotency_key": new.idempotency_key,
        "service": new.service,
        "persona_id": new.persona_id,
        "office": new.office,
        "kiosk_id": new.kiosk_id,
        "status": "received",
        "received_at": new.received_at,
        "request_json": json.dumps(new.request, ensure_ascii=False, sort_keys=True),
        "photo_id": photo["photo_id"],
        "photo_bytes": photo["bytes"],
        "photo_sha256": photo["sha256"],
        "payment_id": new.payment_id,
    }


def _listed(row: dict[str, Any]) -> dict[str, Any]:
    listed = {key: value for key, value in row.items() if key != "request_json"}
    return {**listed, "request": json.loads(row["request_json"])}
