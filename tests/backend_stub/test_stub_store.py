"""The application store: idempotency, numbering, the QA listing, reset, a private file."""

import hashlib
import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from backend_stub.records import Records
from backend_stub.store import ApplicationStore, NewApplication

DAY = date(2026, 11, 26)


def application(key: str, photo: bytes = b"\xff\xd8\xff\xe0photo", office: str = "371500") -> NewApplication:
    return NewApplication(
        idempotency_key=key,
        service="renewal",
        persona_id="renewal-ok",
        office=office,
        kiosk_id="kiosk-7",
        received_at="2026-11-26T10:00:00+08:00",
        request={"service": "renewal", "name": "王建国"},
        photo=photo,
    )


def test_same_key_returns_the_first_row_and_adds_none() -> None:
    store = ApplicationStore()
    first, created = store.add(application("k1"), DAY)
    again, created_again = store.add(application("k1", photo=b"other"), DAY)
    assert (created, created_again) == (True, False)
    assert again == first
    assert len(store.listing()) == 1


def test_ids_count_up_per_office_and_day() -> None:
    store = ApplicationStore()
    ids = [store.add(application(f"k{n}"), DAY)[0]["application_id"] for n in range(3)]
    other = store.add(application("k9", office="370100"), DAY)[0]["application_id"]
    assert ids == ["371500-20261126-000001", "371500-20261126-000002", "371500-20261126-000003"]
    assert other == "370100-20261126-000001"


def test_listing_has_the_photos_size_and_hash_but_not_its_bytes() -> None:
    store = ApplicationStore()
    photo = b"\xff\xd8\xff" + bytes(range(256))
    store.add(application("k1", photo=photo), DAY)
    (row,) = store.listing()
    assert "photo" not in row and "request_json" not in row
    assert (row["photo_bytes"], row["photo_sha256"]) == (len(photo), hashlib.sha256(photo).hexdigest())
    assert row["request"] == {"service": "renewal", "name": "王建国"}
    assert (row["status"], row["persona_id"], row["idempotency_key"]) == ("received", "renewal-ok", "k1")


def test_lookups_and_reset() -> None:
    store = ApplicationStore()
    row, _ = store.add(application("k1"), DAY)
    assert store.get(row["application_id"]) == row
    assert store.by_key("k1") == row
    assert store.get("nope") is None and store.by_key("nope") is None
    assert store.reset() == 1
    assert store.listing() == []


def test_a_file_database_survives_and_is_private(tmp_path: Path) -> None:
    path = tmp_path / "stub.db"
    store = ApplicationStore(str(path))
    row, _ = store.add(application("k1"), DAY)
    store.close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    reopened = ApplicationStore(str(path))
    assert reopened.get(row["application_id"]) == row
    assert reopened.add(application("k1"), DAY) == (row, False)
    reopened.close()


def test_the_photo_goes_to_the_photo_store_once() -> None:
    store = ApplicationStore()
    photo = b"\xff\xd8\xff" + bytes(100)
    first, _ = store.add(application("k1", photo=photo), DAY)
    second, _ = store.add(application("k2", photo=photo), DAY)
    (stored,) = store.photos.listing()
    assert first["photo_id"] == second["photo_id"] == stored["photo_id"]
    assert store.photos.jpeg(stored["photo_id"]) == photo
    assert stored["uploaded_at"] == "2026-11-26T10:00:00+08:00"  # the first application's time


def test_a_database_of_the_first_stub_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:
        old.execute("create table applications (application_id text primary key, photo blob)")
    old.close()
    with pytest.raises(sqlite3.DatabaseError, match="older kiosk-stub"):
        ApplicationStore(str(path))


def test_records_share_one_database_and_reset_together(tmp_path: Path) -> None:
    records = Records(str(tmp_path / "stub.db"))
    records.applications.add(application("k1"), DAY)
    records.heartbeats.record({"kiosk_id": "kiosk-7", "version": "1"}, "2026-11-26T10:00:00+08:00")
    records.heartbeats.record({"kiosk_id": "kiosk-7", "version": "2"}, "2026-11-26T10:01:00+08:00")
    assert records.heartbeats.latest() == [
        {"kiosk_id": "kiosk-7", "version": "2", "received_at": "2026-11-26T10:01:00+08:00"}
    ]
    cleared = {"applications": 1, "photos": 1, "payments": 0, "heartbeats": 1, "assistance": 0}
    assert records.reset() == cleared
    records.close()
