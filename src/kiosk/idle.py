"""Idle safety: a step left untouched first asks "do you need more time?" (seen and heard, with at least
20 s to answer with one touch), then ends the session, which wipes it (DOMAIN.md §11).

Screens where the kiosk itself is working (reading the card, checking, taking the photo, submitting)
have no idle timer: their own waits are bounded. Care mode gives every step more time.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.config import Screen

MACHINE_WORKING = ("attract", "out_of_service", "reading", "checking", "capturing", "submitting")


class IdleGuard(QObject):
    """`idle` runs while a citizen's step waits for a touch; `warning` while the question is shown."""

    warningChanged = Signal(int)  # noqa: N815 - seconds left to answer; 0: no warning on screen

    def __init__(self, screen: Screen, current: Callable[[], str], care: Callable[[], bool],
                 expire: Callable[[], None], warn: Callable[[], None]) -> None:
        super().__init__()
        self._screen, self._current, self._care = screen, current, care
        self._expire, self._warn = expire, warn
        self.idle = QTimer(self, singleShot=True)
        self.warning = QTimer(self, singleShot=True, interval=screen.idle_warning_s * 1000)
        self.tick = QTimer(self, interval=1000)
        self.seconds_left = 0
        self.idle.timeout.connect(self._ask)
        self.warning.timeout.connect(self._give_up)
        self.tick.timeout.connect(self._count_down)

    def restart(self, *_args: object) -> None:
        """Any touch, and any change of screen: the step's full time again, and no warning."""
        self._clear_warning()
        screen = self._current()
        if screen in MACHINE_WORKING:
            self.idle.stop()
            return
        delay = self._screen.idle_delays_s.get(screen, self._screen.idle_delay_s)
        factor = self._screen.care_time_factor if self._care() else 1.0
        self.idle.start(int(delay * factor * 1000))

    def stop(self) -> None:
        self.idle.stop()
        self._clear_warning()

    def _ask(self) -> None:
        self.seconds_left = self._screen.idle_warning_s
        self.warning.start()
        self.tick.start()
        self.warningChanged.emit(self.seconds_left)
        self._warn()

    def _count_down(self) -> None:
        self.seconds_left = max(1, self.seconds_left - 1)  # the warning timer itself ends it
        self.warningChanged.emit(self.seconds_left)

    def _give_up(self) -> None:
        self._clear_warning()
        self._expire()

    def _clear_warning(self) -> None:
        self.warning.stop()
        self.tick.stop()
        if self.seconds_left:
            self.seconds_left = 0
            self.warningChanged.emit(0)
