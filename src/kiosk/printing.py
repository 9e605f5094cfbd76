"""Prints the slips the screens compose (receipt, referral slip, list of reasons) when a receipt
printer is configured; the printer's trouble never stops the citizen's session."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.runner import Runner

if TYPE_CHECKING:
    from drivers.printer.base import ReceiptPrinter, Slip

log = logging.getLogger("kiosk.printer")
PRINTING, PRINTED, FAILED = "printing", "printed", "failed"


class SlipPrinter:
    """One slip at a time on the printer's own lane; `status` tells the screen how it went. The printer
    is opened with the first slip (python-escpos stays off the start-up path) and again after a fault."""

    def __init__(self, open_printer: Callable[[], ReceiptPrinter] | None, runner: Runner,
                 changed: Callable[[], None]) -> None:
        self._open, self._runner, self._changed = open_printer, runner, changed
        self._printer: ReceiptPrinter | None = None
        self.status = ""

    @property
    def ready(self) -> bool:
        return self._open is not None

    def print_slip(self, title: str, lines: list[str], qr: str = "") -> bool:
        """Print in the background; False when there is no printer or a slip is still printing."""
        if self._open is None or self.status == PRINTING:
            return False
        from drivers.printer.base import Slip  # loaded with the first slip, not at start-up
        try:
            slip = Slip(title, tuple(lines), qr=qr or None)
        except ValueError as error:  # a QR payload too long to print legibly: a bug, said once
            self._failed(error)
            return False
        self.status = PRINTING
        self._changed()
        self._runner.run("printer", lambda: self._print(slip), self._printed, self._failed)
        return True

    def _print(self, slip: Slip) -> None:  # on the printer lane
        assert self._open is not None
        if self._printer is None:
            self._printer = self._open()
        try:
            self._printer.print_slip(slip)
        except Exception:
            printer, self._printer = self._printer, None  # reopen next time: it may have been replugged
            printer.close()
            raise

    def reset(self) -> None:
        """A new screen: its slip has not been printed yet."""
        if self.status != PRINTING:
            self.status = ""

    def close(self) -> None:
        if self._printer is not None:
            self._printer.close()
            self._printer = None

    def _printed(self, _result: object) -> None:
        self.status = PRINTED
        self._changed()

    def _failed(self, error: Exception) -> None:
        log.warning("receipt printer: %s", type(error).__name__)  # never the slip's text: it is personal
        self.status = FAILED
        self._changed()
