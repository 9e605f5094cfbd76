"""The Qt runner: one worker thread per lane, results delivered on the GUI thread by a queued signal."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from kiosk.runner import Done, Failed, Work


class QtRunner(QObject):
    """Blocking work never runs on the GUI thread; `flow.send` only ever does."""

    _deliver = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._lanes: dict[str, ThreadPoolExecutor] = {}
        self._deliver.connect(self._on_deliver, Qt.ConnectionType.QueuedConnection)

    def run(self, lane: str, work: Work, done: Done, failed: Failed) -> None:
        pool = self._lanes.get(lane)
        if pool is None:
            pool = self._lanes[lane] = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"kiosk-{lane}")
        future = pool.submit(work)
        future.add_done_callback(lambda f: self._deliver.emit(lambda: _settle(f, done, failed)))

    def post(self, callback: Callable[[], None]) -> None:
        self._deliver.emit(callback)

    def later(self, delay_s: float, callback: Callable[[], None]) -> None:
        QTimer.singleShot(int(delay_s * 1000), self, callback)

    def shutdown(self) -> None:
        for pool in self._lanes.values():
            pool.shutdown(wait=True, cancel_futures=True)
        self._lanes.clear()

    def _on_deliver(self, callback: Callable[[], None]) -> None:
        callback()


def _settle(future: Future[Any], done: Done, failed: Failed) -> None:
    error = future.exception() if not future.cancelled() else None
    if future.cancelled():
        return
    if error is not None:
        failed(error if isinstance(error, Exception) else RuntimeError(str(error)))
    else:
        done(future.result())
