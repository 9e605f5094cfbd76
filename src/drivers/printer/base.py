"""What any receipt printer gives the kiosk: one printed, cut slip per call, on the caller's thread.

The caller composes the text (already translated, Chinese or English); the printer lays it out,
prints it and cuts. Calls block on I/O: run them on a worker, never on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

QR_MAX_BYTES = 512
"""The largest QR payload (UTF-8 bytes) a slip takes: still a legible code on 58 mm paper."""

PaperLevel = Literal["plenty", "low", "unknown"]
"""What the printer says of its paper: `unknown` where the connection cannot read status."""


@dataclass(frozen=True)
class Slip:
    """One printout: a title, body lines, an optional QR code and a footer, all plain text.

    Attributes:
        title: printed large and bold, centred; "" for none.
        lines: the body, one entry per line (long lines wrap; "" gives an empty line).
        qr: the payload to print as a QR code (a tracking URL, a ticket), or None.
        footer: printed small and centred under the QR code; "" for none.
    """

    title: str
    lines: tuple[str, ...] = ()
    qr: str | None = None
    footer: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.lines, tuple):
            object.__setattr__(self, "lines", tuple(self.lines))  # a list is an easy slip to make
        if self.qr is not None:
            if not self.qr:
                raise ValueError("Slip.qr is empty: pass None for a slip without a QR code")
            if len(self.qr.encode("utf-8", errors="replace")) > QR_MAX_BYTES:
                raise ValueError(f"Slip.qr is longer than {QR_MAX_BYTES} bytes: print a short URL or ticket")


class ReceiptPrinter(Protocol):
    """A slip printer. Every method raises drivers.errors.DeviceFault subclasses, never a library's error:
    NoDevice when the printer is not there (unplugged, switched off, not reachable), NoMedia when it
    is out of paper (where it can tell), DeviceFault for anything else."""

    name: str

    def print_slip(self, slip: Slip) -> None:
        """Print the slip and cut it off."""
        ...

    def check(self) -> PaperLevel:
        """Reach the printer without printing (for selftest and diagnostics) and tell its paper level."""
        ...

    def close(self) -> None: ...
