"""How the conductor runs blocking work: off the GUI thread, results back on it.

`InlineRunner` runs everything at once on the caller's thread (flow tests, benchmarks without Qt);
the Qt runner in kiosk.workers hands work to one thread per lane and marshals results back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

Work = Callable[[], Any]
Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class Runner(Protocol):
    def run(self, lane: str, work: Work, done: Done, failed: Failed) -> None:
        """Run `work` on `lane` (one at a time per lane); call `done` or `failed` on the GUI thread."""
        ...

    def post(self, callback: Callable[[], None]) -> None:
        """Call `callback` on the GUI thread (from any thread)."""
        ...

    def later(self, delay_s: float, callback: Callable[[], None]) -> None:
        """Call `callback` on the GUI thread after `delay_s` (from the GUI thread)."""
        ...


class InlineRunner:
    """Runs work immediately on the calling thread; `later` waits until `run_later` is called, so tests
    decide when time has passed instead of sleeping."""

    def __init__(self) -> None:
        self.scheduled: list[Callable[[], None]] = []

    def later(self, delay_s: float, callback: Callable[[], None]) -> None:
        self.scheduled.append(callback)

    def run_later(self) -> int:
        """Fire what is scheduled now (not what those callbacks schedule in turn); returns how many."""
        due, self.scheduled = self.scheduled, []
        for callback in due:
            callback()
        return len(due)

    def run(self, lane: str, work: Work, done: Done, failed: Failed) -> None:
        try:
            result = work()
        except Exception as error:  # noqa: BLE001 - every failure is handed to the caller
            failed(error)
            return
        done(result)

    def post(self, callback: Callable[[], None]) -> None:
        callback()
