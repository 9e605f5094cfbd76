"""Received applications in SQLite (sqlite-utils): a file with --db, in memory otherwise.

The idempotency key is unique: a retried submission finds the first row instead of adding one.
"""

import hashlib
import json
import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

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
    "photo": bytes,
    "photo_bytes": int,
    "photo_sha256": str,
}


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


class ApplicationStore:
    """Thread-safe: FastAPI runs plain endpoints on a thread pool, so one lock guards the connection."""

    def __init__(self, db_path: str | None = None) -> None:
        if db_path:
            _create_private(db_path)
        connection = sqlite3.connect(db_path or ":memory:", check_same_thread=False)
        self._db = Database(connection)
        self._lock = threading.Lock()
        with self._lock:
            self._create_table()

    def _create_table(self) -> None:
        table = self._db.table(TABLE)
        table.create(COLUMNS, pk="application_id", not_null=set(COLUMNS), if_not_exists=True)
        table.create_index(["idempotency_key"], unique=True, if_not_exists=True)

    def add(self, new: NewApplication, day: date) -> tuple[dict[str, Any], bool]:
        """(row, created): the existing row when the key was seen before, else a new one."""
        with self._lock:
            existing = self._first("idempotency_key = ?", [new.idempotency_key])
            if existing:
                return existing, False
            row = _row(new, self._next_id(new.office, day))
            self._db.table(TABLE).insert(row)
            return row, True

    def by_key(self, idempotency_key: str) -> dict[str, Any] | None:
        with self._lock:
            return self._first("idempotency_key = ?", [idempotency_key])

    def get(self, application_id: str) -> dict[str, Any] | None:
        with self._lock:
            return self._first("application_id = ?", [application_id])

    def listing(self) -> list[dict[str, Any]]:
        """Every application for QA, with the photo's size and hash instead of its bytes."""
        with self._lock:
            rows = list(self._db.table(TABLE).rows_where(order_by="rowid"))
        return [_listed(row) for row in rows]

    def reset(self) -> int:
        with self._lock:
            count = self._db.table(TABLE).count
            self._db.table(TABLE).delete_where()
            return count

    def close(self) -> None:
        self._db.close()

    def _first(self, where: str, args: list[str]) -> dict[str, Any] | None:
        return next(self._db.table(TABLE).rows_where(where, args, limit=1), None)

    def _next_id(self, office: str, day: date) -> str:
        prefix = f"{office}-{day:%Y%m%d}-"
        rows = self._db.query(
            f"select count(*) as n from {TABLE} where application_id like ?", [prefix + "%"]
        )
        return f"{prefix}{next(rows)['n'] + 1:06d}"


def _row(new: NewApplication, application_id: str) -> dict[str, Any]:
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
        "photo": new.photo,
        "photo_bytes": len(new.photo),
        "photo_sha256": hashlib.sha256(new.photo).hexdigest(),
    }


def _listed(row: dict[str, Any]) -> dict[str, Any]:
    listed = {key: value for key, value in row.items() if key not in ("photo", "request_json")}
    return {**listed, "request": json.loads(row["request_json"])}


def _create_private(db_path: str) -> None:
    # Applications carry personal data: a new database file is readable by its owner only.
    fd = os.open(db_path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
