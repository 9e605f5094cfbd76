"""The local store: SQLite (WAL) through sqlite-utils — the outbox of confirmed applications."""
