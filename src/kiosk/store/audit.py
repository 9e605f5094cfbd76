"""The audit trail in the kiosk's store: who tried what in diagnostics, when, and how it went."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any


class AuditTrail:
    """Appends rows on the caller's thread (its own connection); `recent` for the diagnostics screen."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._db: Any = None
        self._lock = threading.Lock()  # the GUI thread records, the diagnostics lane reads

    def record(self, event: str, outcome: str) -> None:
        with self._lock:
            self._connection()["audit"].insert({"at": time.time(), "event": event, "outcome": outcome[:200]})

    def recent(self, limit: int = 20) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._connection().execute(
                "SELECT at, event, outcome FROM audit ORDER BY id DESC LIMIT ?", [limit]).fetchall()
        return [{"at": at, "event": event, "outcome": outcome} for at, event, outcome in rows]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _connection(self) -> Any:
        if self._db is None:
            from kiosk.store.db import open_db  # sqlite-utils: not on the start-up path
            self._db = open_db(self._path)
        return self._db
