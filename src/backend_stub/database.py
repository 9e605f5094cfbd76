"""The one SQLite database (sqlite-utils) the stub keeps everything in: a file with --db, else memory.

FastAPI runs plain endpoints on a thread pool, so one re-entrant lock guards the connection; a
store may call another store while holding it.
"""

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database


class SharedDb:
    def __init__(self, db_path: str | None = None) -> None:
        if db_path:
            _create_private(db_path)
        connection = sqlite3.connect(db_path or ":memory:", check_same_thread=False)
        self.db = Database(connection)
        self._lock = threading.RLock()

    @contextmanager
    def locked(self) -> Iterator[Database]:
        with self._lock:
            yield self.db

    def close(self) -> None:
        with self._lock:
            self.db.close()


def _create_private(db_path: str) -> None:
    # The database holds personal data and photos: a new file is readable by its owner only.
    fd = os.open(db_path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)


def first(db: Database, table: str, where: str, args: list[Any]) -> dict[str, Any] | None:
    return next(db.table(table).rows_where(where, args, limit=1), None)


def next_id(db: Database, table: str, column: str, prefix: str) -> str:
    """`prefix` + the next 6-digit sequence number among the ids in `column` that start with it."""
    # A range on the (indexed) id, not LIKE, which is case-insensitive and so cannot use the index:
    # the next number costs one index probe however many rows the prefix already has.
    rows = db.query(f"select max({column}) as last from {table} where {column} >= ? and {column} < ?",
                    [prefix, prefix + "~"])
    last = next(rows)["last"]
    return f"{prefix}{int(last[len(prefix):]) + 1 if last else 1:06d}"
