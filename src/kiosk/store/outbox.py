"""The outbox (待发队列): confirmed applications, journaled before the first send, until acknowledged.

A row is `pending` until the back office acknowledges it (`delivered`) or refuses it (`rejected`).
Its idempotency key is written with it, so every resend — after a timeout, a crash, a restart — is
the same application to the back office. Personal fields and the photo are dropped once a delivered
or rejected row is older than the retention period.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

import sqlite_utils

PENDING, DELIVERED, REJECTED = "pending", "delivered", "rejected"


@dataclass(frozen=True)
class OutboxRow:
    id: int
    key: str
    reference: str
    service: str
    body: dict[str, Any]
    photo: bytes
    attempts: int


@dataclass(frozen=True)
class OutboxStats:
    depth: int  # pending rows
    oldest_age_s: float | None  # age of the oldest pending row
    rejected: int


class Outbox:
    """All reads and writes of the outbox table; time comes in as `now` (epoch seconds)."""

    def __init__(self, db: sqlite_utils.Database, retry_max_s: float = 300) -> None:
        self._db, self._retry_max_s = db, retry_max_s

    def journal(self, service: str, body: dict[str, Any], photo: bytes, now: float) -> OutboxRow:
        """Write a confirmed application durably, before anything is sent."""
        key = str(uuid.uuid4())
        row = {"key": key, "reference": "Q" + key.replace("-", "")[:8].upper(), "service": service,
               "created_at": now, "state": PENDING, "attempts": 0, "next_attempt_at": now,
               "body": json.dumps(body, ensure_ascii=False), "photo": photo, "purged": 0}
        with self._db.conn:
            row_id = self._db.table("outbox").insert(row).last_pk
        return self.get(int(row_id or 0))

    def get(self, row_id: int) -> OutboxRow:
        return _row(self._db.table("outbox").get(row_id))

    def due(self, now: float, limit: int = 20) -> list[OutboxRow]:
        """Pending rows whose back-off has passed, oldest first."""
        rows = self._db.table("outbox").rows_where("state = ? and next_attempt_at <= ?", [PENDING, now],
                                             order_by="id", limit=limit)
        return [_row(row) for row in rows]

    def mark_delivered(self, row_id: int, application_id: str, now: float) -> None:
        self._update(row_id, state=DELIVERED, application_id=application_id, delivered_at=now,
                     last_error=None)

    def mark_rejected(self, row_id: int, code: str, now: float) -> None:
        self._update(row_id, state=REJECTED, last_error=code[:80], delivered_at=now)

    def mark_attempt_failed(self, row_id: int, code: str, now: float) -> None:
        """Back off exponentially: 2, 4, 8 … seconds, capped at retry_max_s."""
        attempts = self.get(row_id).attempts + 1
        delay = min(self._retry_max_s, 2.0 ** attempts)
        self._update(row_id, attempts=attempts, last_error=code[:80], next_attempt_at=now + delay)

    def purge(self, now: float, retention_s: float) -> int:
        """Drop photo and personal fields of finished rows older than the retention; returns how many."""
        with self._db.conn:
            cursor = self._db.execute(
                "update outbox set body = '{}', photo = x'', purged = 1 "
                "where state != ? and purged = 0 and delivered_at <= ?", [PENDING, now - retention_s])
        if cursor.rowcount:  # old page versions live on in the WAL until a checkpoint: fold them away
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return cursor.rowcount

    def stats(self, now: float) -> OutboxStats:
        depth, oldest = self._db.execute(
            "select count(*), min(created_at) from outbox where state = ?", [PENDING]).fetchone()
        rejected = self._db.execute("select count(*) from outbox where state = ?", [REJECTED]).fetchone()[0]
        return OutboxStats(depth, None if oldest is None else round(now - oldest, 1), rejected)

    def close(self) -> None:
        self._db.conn.close()

    def _update(self, row_id: int, **values: Any) -> None:
        with self._db.conn:
            self._db.table("outbox").update(row_id, values)


def _row(record: dict[str, Any]) -> OutboxRow:
    return OutboxRow(id=record["id"], key=record["key"], reference=record["reference"],
                     service=record["service"], body=json.loads(record["body"] or "{}"),
                     photo=record["photo"] or b"", attempts=record["attempts"] or 0)
