"""Opening the kiosk's SQLite file: WAL, full sync, owner-only, schema versioned in PRAGMA user_version."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlite_utils

SCHEMA_VERSION = 2


def open_db(path: Path) -> sqlite_utils.Database:
    """Open (creating with mode 0600) and migrate the store. One connection per worker lane."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    # The connection is used only from the lane that owns it, never concurrently.
    connection = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
    db = sqlite_utils.Database(connection)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")  # a confirmed application survives a power cut, not just a kill
    db.execute("PRAGMA secure_delete=ON")  # purged personal data is overwritten, not left in free pages
    _migrate(db)
    return db


def _migrate(db: sqlite_utils.Database) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version < 1:
        db.table("outbox").create({
            "id": int, "key": str, "reference": str, "service": str, "created_at": float, "state": str,
            "attempts": int, "next_attempt_at": float, "last_error": str, "application_id": str,
            "delivered_at": float, "body": str, "photo": bytes, "purged": int,
        }, pk="id", not_null={"key", "reference", "service", "created_at", "state"}, if_not_exists=True)
        db.table("outbox").create_index(["key"], unique=True, if_not_exists=True)
        db.table("outbox").create_index(["state", "next_attempt_at"], if_not_exists=True)
        db.execute("PRAGMA user_version=1")
    if version < 2:  # the technicians' audit trail: diagnostics attempts and actions, nothing personal
        db.table("audit").create({"id": int, "at": float, "event": str, "outcome": str}, pk="id",
                                 not_null={"at", "event", "outcome"}, if_not_exists=True)
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
