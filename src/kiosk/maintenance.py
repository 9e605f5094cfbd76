"""Technician and monitoring commands that need no screen: `kiosk selftest`, `kiosk outbox send`."""

from __future__ import annotations

import os
import time
from dataclasses import asdict
from typing import Any

from kiosk.api.client import BackOfficeClient
from kiosk.api.errors import BackOfficeError
from kiosk.config import Settings
from kiosk.outbox_worker import OutboxWorker
from kiosk.store.db import open_db
from kiosk.store.outbox import Outbox


def run_selftest(settings: Settings) -> dict[str, Any]:
    """Each check: name, ok, detail (no secrets, no personal data), critical. `status`: ok, degraded (a
    non-critical check failed: back office, outbox, voice, printer) or unusable (a critical one did)."""
    from kiosk.selftest_devices import device_checks
    store = dict(_check_store(settings), critical=True)
    checks = [store, dict(_check_back_office(settings), critical=False)]
    outbox = _outbox_stats(settings)
    checks.append({"name": "outbox", "ok": outbox is not None and outbox["rejected"] == 0,
                   "detail": outbox if outbox is not None else "store unusable", "critical": False})
    checks += device_checks(settings)
    failed = [check for check in checks if not check["ok"]]
    status = "unusable" if any(c["critical"] for c in failed) else "degraded" if failed else "ok"
    return {"ok": not failed, "status": status, "checks": checks, "outbox": outbox}


def send_outbox(settings: Settings) -> dict[str, Any]:
    """Drain the outbox once, now, whatever the back-off says."""
    api = BackOfficeClient(settings.back_office, settings.office, settings.kiosk_id)
    outbox = Outbox(open_db(settings.store_path), settings.store.retry_max_s)
    worker = OutboxWorker(outbox, api, settings.store.retention_days * 86400)
    result = worker.drain(ignore_backoff=True)
    api.close()
    return {"sent": asdict(result), "outbox": asdict(outbox.stats(time.time()))}


def _check_store(settings: Settings) -> dict[str, Any]:
    folder = settings.store_path.parent
    writable = folder.is_dir() and os.access(folder, os.W_OK)
    return {"name": "store", "ok": writable, "detail": str(settings.store_path) if writable
            else f"{folder} is missing or not writable"}


def _check_back_office(settings: Settings) -> dict[str, Any]:
    api = BackOfficeClient(settings.back_office, settings.office, settings.kiosk_id)
    started = time.perf_counter()
    try:
        api.health()
        return {"name": "back_office", "ok": True,
                "detail": f"reachable in {(time.perf_counter() - started) * 1000:.0f} ms"}
    except BackOfficeError as error:
        return {"name": "back_office", "ok": False, "detail": error.code}
    finally:
        api.close()


def _outbox_stats(settings: Settings) -> dict[str, Any] | None:
    try:
        return asdict(Outbox(open_db(settings.store_path)).stats(time.time()))
    except OSError:
        return None
