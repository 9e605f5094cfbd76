"""Delivering journaled applications to the real stub: once, whatever fails on the way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import requests

from flows.session import Delivery, Identity
from kiosk.api.client import BackOfficeClient
from kiosk.api.errors import Rejected
from kiosk.config import BackOffice
from kiosk.outbox_worker import OutboxWorker
from kiosk.store.db import open_db
from kiosk.store.outbox import Outbox
from tests.conftest import DEMO_TOKEN, inject_fault, received_applications


def worker_for(url: str, tmp_path: Path, now: list[float]) -> OutboxWorker:
    api = BackOfficeClient(BackOffice(url=url, token=DEMO_TOKEN, read_timeout_s=2), "371500", "test-kiosk")
    return OutboxWorker(Outbox(open_db(tmp_path / "kiosk.db"), retry_max_s=60), api, retention_s=3600,
                        clock=lambda: now[0])


def fields_for(worker: OutboxWorker, url: str, persona: str) -> dict[str, object]:
    holder = requests.get(f"{url}/_stub/personas/{persona}", timeout=5).json()["holder"]
    identity = Identity(holder["id_number"], "E0", holder["name"], date.fromisoformat(holder["birth_date"]))
    return worker._api.application_fields("renewal", identity, Delivery("collect", "13800000000"), 10, None)


def test_a_row_is_delivered_and_a_resend_is_the_same_application(stub_url, tmp_path, photo) -> None:  # type: ignore[no-untyped-def]
    now = [1000.0]
    worker = worker_for(stub_url, tmp_path, now)
    row = worker.journal("renewal", fields_for(worker, stub_url, "renewal-ok"), photo.jpeg)
    first = worker.send(row)
    again = worker.send(row)  # as after a crash between the answer and marking the row
    assert first.delivered and first.application_id == again.application_id
    assert len(received_applications(stub_url)) == 1
    assert worker.outbox.stats(now[0]).depth == 0


@pytest.mark.parametrize("fault", [{"status": 503}, {"drop": True}, {"malformed": True}])
def test_a_failed_send_is_queued_then_delivered_once_by_the_drain(stub_url, tmp_path, photo,  # type: ignore[no-untyped-def]
                                                                   fault) -> None:
    now = [1000.0]
    worker = worker_for(stub_url, tmp_path, now)
    row = worker.journal("renewal", fields_for(worker, stub_url, "renewal-ok"), photo.jpeg)
    inject_fault(stub_url, "POST", "/v1/applications", count=3, **fault)  # every in-session attempt
    receipt = worker.send(row)
    requests.delete(f"{stub_url}/_stub/faults", timeout=5).raise_for_status()  # the back office recovers
    assert not receipt.delivered and receipt.reference == row.reference
    assert worker.drain().deferred == 0 and worker.outbox.stats(now[0]).depth == 1  # backing off
    now[0] += 2
    result = worker.drain()
    assert (result.delivered, worker.outbox.stats(now[0]).depth) == (1, 0)
    assert len(received_applications(stub_url)) == 1


def test_a_refused_application_is_marked_rejected_not_retried(stub_url, tmp_path, photo) -> None:  # type: ignore[no-untyped-def]
    now = [1000.0]
    worker = worker_for(stub_url, tmp_path, now)
    row = worker.journal("renewal", fields_for(worker, stub_url, "renewal-many"), photo.jpeg)
    with pytest.raises(Rejected):
        worker.send(row)
    stats = worker.outbox.stats(now[0])
    assert (stats.depth, stats.rejected) == (0, 1)
    assert worker.drain().delivered == 0
