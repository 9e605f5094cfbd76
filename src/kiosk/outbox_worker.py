"""Delivers journaled applications: upload the photo, submit with the row's key, record the answer.

Runs only on the `outbox` lane, so one thread ever touches the outbox's connection.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flows.session import Receipt
from kiosk.api.client import BackOfficeClient
from kiosk.api.errors import BackOfficeError, Rejected, Unauthorised
from kiosk.store.outbox import Outbox, OutboxRow

log = logging.getLogger("kiosk.outbox")


@dataclass(frozen=True)
class DrainResult:
    delivered: int = 0
    deferred: int = 0
    rejected: int = 0


class OutboxWorker:
    """One journal, one back office; `clock` is injectable for tests."""

    def __init__(self, outbox: Outbox, api: BackOfficeClient, retention_s: float,
                 clock: Callable[[], float] = time.time) -> None:
        self.outbox, self._api, self._retention_s, self._clock = outbox, api, retention_s, clock

    def journal(self, service: str, fields: dict[str, Any], photo: bytes) -> OutboxRow:
        row = self.outbox.journal(service, fields, photo, self._clock())
        log.info("outbox: journaled row %s", row.id)
        return row

    def send(self, row: OutboxRow) -> Receipt:
        """Try once (with the client's short retries). Queued when unavailable; raises if refused."""
        log.info("outbox: sending row %s", row.id)
        try:
            photo_id = self._api.upload_photo(row.photo)
            receipt = self._api.submit_application(row.body, photo_id, row.key)
        except Rejected as rejection:
            self.outbox.mark_rejected(row.id, rejection.codes[0] if rejection.codes else "REJECTED",
                                      self._clock())
            log.warning("outbox: row %s rejected: %s", row.id, ",".join(rejection.codes))
            raise
        except (Unauthorised, BackOfficeError) as error:
            self.outbox.mark_attempt_failed(row.id, error.code, self._clock())
            log.info("outbox: row %s queued after %s", row.id, error.code)
            return Receipt(None, "queued", reference=row.reference, delivered=False)
        self.outbox.mark_delivered(row.id, receipt.application_id or "", self._clock())
        log.info("outbox: row %s delivered", row.id)
        return Receipt(receipt.application_id, receipt.status, reference=row.reference, delivered=True)

    def close(self) -> None:
        self.outbox.close()

    def drain(self, ignore_backoff: bool = False) -> DrainResult:
        """Send every row that is due (every pending row when a technician says so); then drop the
        personal data of rows past their retention."""
        delivered = deferred = rejected = 0
        for row in self.outbox.due(math.inf if ignore_backoff else self._clock()):
            try:
                receipt = self.send(row)
            except Rejected:
                rejected += 1
                continue
            delivered, deferred = delivered + receipt.delivered, deferred + (not receipt.delivered)
        self.outbox.purge(self._clock(), self._retention_s)
        return DrainResult(delivered, deferred, rejected)
