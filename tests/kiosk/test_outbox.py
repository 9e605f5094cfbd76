"""The outbox table on a real SQLite file: journaling, back-off, delivery, retention, durability."""

from __future__ import annotations

import stat
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.store.db import SCHEMA_VERSION, open_db
from kiosk.store.outbox import Outbox

BODY = {"service": "renewal", "id_number": "371502198503120030", "name": "王建国"}


def outbox(path: Path, retry_max_s: float = 300) -> Outbox:
    return Outbox(open_db(path / "kiosk.db"), retry_max_s)


def test_the_store_is_private_and_in_wal_mode(tmp_path: Path) -> None:
    box = outbox(tmp_path)
    assert stat.S_IMODE((tmp_path / "kiosk.db").stat().st_mode) == 0o600
    assert box._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert box._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_store_of_the_previous_version_gains_the_audit_table_and_keeps_its_rows(tmp_path: Path) -> None:
    box = outbox(tmp_path)
    box._db.execute("DROP TABLE audit")
    box._db.execute("PRAGMA user_version=1")  # as the first release left it
    box._db["outbox"].insert({"key": "k", "reference": "Q1", "service": "lost", "created_at": 1.0,
                              "state": "queued"})
    box._db.conn.commit()
    again = open_db(tmp_path / "kiosk.db")
    assert again.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "audit" in again.table_names() and again["outbox"].count == 1


def test_a_journaled_row_survives_reopening(tmp_path: Path) -> None:
    row = outbox(tmp_path).journal("renewal", BODY, b"\xff\xd8photo", now=1000.0)
    again = outbox(tmp_path)  # a new process, as after a crash
    assert again.due(now=1000.0) == [row]
    assert row.body == BODY and row.photo == b"\xff\xd8photo" and row.reference.startswith("Q")


def test_failed_attempts_back_off_exponentially_up_to_the_cap(tmp_path: Path) -> None:
    box = outbox(tmp_path, retry_max_s=10)
    row = box.journal("renewal", BODY, b"p", now=0.0)
    box.mark_attempt_failed(row.id, "UNAVAILABLE", now=0.0)
    assert box.due(now=1.9) == [] and len(box.due(now=2.0)) == 1
    box.mark_attempt_failed(row.id, "UNAVAILABLE", now=2.0)
    assert box.due(now=5.9) == [] and len(box.due(now=6.0)) == 1
    for _ in range(5):
        box.mark_attempt_failed(row.id, "UNAVAILABLE", now=6.0)
    assert len(box.due(now=16.0)) == 1  # capped at 10 s


def test_stats_count_pending_and_rejected(tmp_path: Path) -> None:
    box = outbox(tmp_path)
    first = box.journal("renewal", BODY, b"p", now=100.0)
    second = box.journal("renewal", BODY, b"p", now=160.0)
    third = box.journal("renewal", BODY, b"p", now=170.0)
    box.mark_delivered(first.id, "371500-20261126-000001", now=200.0)
    box.mark_rejected(third.id, "INELIGIBLE", now=200.0)
    stats = box.stats(now=200.0)
    assert (stats.depth, stats.oldest_age_s, stats.rejected) == (1, 40.0, 1)
    assert [row.id for row in box.due(now=200.0)] == [second.id]


def test_retention_drops_photo_and_personal_fields_of_finished_rows_only(tmp_path: Path) -> None:
    box = outbox(tmp_path)
    delivered = box.journal("renewal", BODY, b"photo", now=0.0)
    pending = box.journal("renewal", BODY, b"photo", now=0.0)
    box.mark_delivered(delivered.id, "A-1", now=10.0)
    assert box.purge(now=10.0 + 3600, retention_s=7200) == 0
    assert box.purge(now=10.0 + 7200, retention_s=7200) == 1
    purged, kept = box.get(delivered.id), box.get(pending.id)
    assert purged.body == {} and purged.photo == b""
    assert kept.body == BODY and kept.photo == b"photo"


def test_purged_personal_data_is_gone_from_the_files(tmp_path: Path) -> None:
    box = outbox(tmp_path)
    marker = {"name": "MARKER-NAME-7731"}
    row = box.journal("renewal", marker, b"MARKER-PHOTO-7731", now=0.0)
    box.mark_delivered(row.id, "A-1", now=0.0)
    box.purge(now=10.0, retention_s=5)
    files = [path.read_bytes() for path in tmp_path.iterdir() if path.name.startswith("kiosk.db")]
    assert not any(b"MARKER-NAME-7731" in data or b"MARKER-PHOTO-7731" in data for data in files)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["journal", "deliver", "reject", "fail"]), max_size=25))
def test_depth_is_always_the_number_of_pending_rows(tmp_path_factory, operations: list[str]) -> None:  # type: ignore[no-untyped-def]
    box = outbox(tmp_path_factory.mktemp("box"))
    pending: list[int] = []
    for step, operation in enumerate(operations):
        if operation == "journal" or not pending:
            pending.append(box.journal("renewal", BODY, b"p", now=float(step)).id)
        elif operation == "deliver":
            box.mark_delivered(pending.pop(0), "A", now=float(step))
        elif operation == "reject":
            box.mark_rejected(pending.pop(), "INELIGIBLE", now=float(step))
        else:
            box.mark_attempt_failed(pending[0], "UNAVAILABLE", now=float(step))
    assert box.stats(now=1e9).depth == len(pending)
    assert sorted(row.id for row in box.due(now=1e9, limit=100)) == sorted(pending)
