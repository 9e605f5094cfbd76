"""The latest heartbeat of each kiosk, in the shared SQLite database."""

import json
from typing import Any

from backend_stub.database import SharedDb

TABLE = "heartbeats"
COLUMNS = {"kiosk_id": str, "received_at": str, "heartbeat_json": str}


class HeartbeatStore:
    def __init__(self, shared: SharedDb) -> None:
        self._shared = shared
        with shared.locked() as db:
            db.table(TABLE).create(COLUMNS, pk="kiosk_id", not_null=set(COLUMNS), if_not_exists=True)

    def record(self, heartbeat: dict[str, Any], received_at: str) -> None:
        """Keep `heartbeat` (JSON-ready, with its kiosk_id) as that kiosk's latest."""
        row = {
            "kiosk_id": heartbeat["kiosk_id"],
            "received_at": received_at,
            "heartbeat_json": json.dumps(heartbeat, ensure_ascii=False, sort_keys=True),
        }
        with self._shared.locked() as db:
            db.table(TABLE).upsert(row, pk="kiosk_id")

    def latest(self) -> list[dict[str, Any]]:
        """One entry per kiosk, by kiosk id: the heartbeat as sent plus `received_at`."""
        with self._shared.locked() as db:
            rows = list(db.table(TABLE).rows_where(order_by="kiosk_id"))
        return [{**json.loads(row["heartbeat_json"]), "received_at": row["received_at"]} for row in rows]

    def reset(self) -> int:
        with self._shared.locked() as db:
            count = db.table(TABLE).count
            db.table(TABLE).delete_where()
            return count
