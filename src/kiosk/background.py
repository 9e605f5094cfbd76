"""Work the kiosk does between and behind citizens: retrying the outbox, sending heartbeats.

Both run on the `outbox` lane, the only thread that touches the outbox's SQLite connection.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from kiosk.heartbeat import heartbeat_report
from kiosk.runner import Runner

if TYPE_CHECKING:
    from kiosk.api.client import BackOfficeClient
    from kiosk.deferred import Deferred
    from kiosk.outbox_worker import OutboxWorker

log = logging.getLogger("kiosk.outbox")


class BackgroundJobs(QObject):
    """Two timers; each tick queues one job on the outbox lane."""

    def __init__(self, runner: Runner, outbox: Deferred[OutboxWorker], api: Deferred[BackOfficeClient],
                 kiosk_id: str, devices: Callable[[], dict[str, str]], outbox_interval_s: float,
                 heartbeat_interval_s: float) -> None:
        super().__init__()
        self._runner, self._outbox, self._api = runner, outbox, api
        self._kiosk_id, self._devices = kiosk_id, devices
        self.last_report: dict[str, Any] | None = None  # read by the metrics endpoint's thread
        self._drain_timer = self._timer(outbox_interval_s, self.drain)
        self._heartbeat_timer = self._timer(heartbeat_interval_s, self.heartbeat)

    def start(self) -> None:
        """Deliver what a previous run left queued at once, then keep to the intervals."""
        self.drain()
        self.heartbeat()
        self._drain_timer.start()
        self._heartbeat_timer.start()

    def stop(self) -> None:
        self._drain_timer.stop()
        self._heartbeat_timer.stop()

    def drain(self) -> None:
        self._runner.run("outbox", lambda: self._outbox.get().drain(), self._drained,
                         lambda error: log.warning("outbox drain failed: %s", error))

    def heartbeat(self) -> None:
        devices = self._devices()

        def send() -> None:
            stats = self._outbox.get().outbox.stats(time.time())
            report = heartbeat_report(self._kiosk_id, devices, stats)
            self.last_report = report  # one reference swap: the scrape thread only ever sees whole reports
            self._api.get().heartbeat(report)
        self._runner.run("outbox", send, lambda _none: None,
                         lambda error: log.info("heartbeat not sent: %s", getattr(error, "code", error)))

    def _drained(self, result: object) -> None:
        log.info("outbox drain: %s", result)

    def _timer(self, interval_s: float, job: Callable[[], None]) -> QTimer:
        timer = QTimer(self, interval=int(interval_s * 1000))
        timer.timeout.connect(job)
        return timer
