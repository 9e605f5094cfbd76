"""Licence photos, uploaded alone or embedded in an application: one row per distinct JPEG.

The id comes from the content hash, so the same photo always gets the same id.
"""

import hashlib
from typing import Any

from backend_stub.database import SharedDb, first

TABLE = "photos"
COLUMNS = {"photo_id": str, "sha256": str, "bytes": int, "uploaded_at": str, "jpeg": bytes}
_SELECT = "photo_id, sha256, bytes, uploaded_at"


def photo_id_of(sha256: str) -> str:
    return f"photo-{sha256[:32]}"


class PhotoStore:
    def __init__(self, shared: SharedDb) -> None:
        self._shared = shared
        with shared.locked() as db:
            db.table(TABLE).create(COLUMNS, pk="photo_id", not_null=set(COLUMNS), if_not_exists=True)

    def add(self, jpeg: bytes, uploaded_at: str) -> tuple[dict[str, Any], bool]:
        """(photo without its bytes, created): a photo seen before keeps its first row."""
        sha256 = hashlib.sha256(jpeg).hexdigest()
        photo_id = photo_id_of(sha256)
        with self._shared.locked() as db:
            existing = self.get(photo_id)
            if existing:
                return existing, False
            row = {"photo_id": photo_id, "sha256": sha256, "bytes": len(jpeg), "uploaded_at": uploaded_at}
            db.table(TABLE).insert({**row, "jpeg": jpeg})
            return row, True

    def get(self, photo_id: str) -> dict[str, Any] | None:
        """The photo's id, hash, size and upload time (not its bytes), or None."""
        with self._shared.locked() as db:
            rows = db.table(TABLE).rows_where("photo_id = ?", [photo_id], select=_SELECT, limit=1)
            return next(rows, None)

    def jpeg(self, photo_id: str) -> bytes | None:
        with self._shared.locked() as db:
            row = first(db, TABLE, "photo_id = ?", [photo_id])
        return row["jpeg"] if row else None

    def listing(self) -> list[dict[str, Any]]:
        with self._shared.locked() as db:
            return list(db.table(TABLE).rows_where(select=_SELECT, order_by="rowid"))

    def reset(self) -> int:
        with self._shared.locked() as db:
            count = db.table(TABLE).count
            db.table(TABLE).delete_where()
            return count
