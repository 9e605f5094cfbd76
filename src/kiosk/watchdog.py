"""Telling systemd how the running kiosk is (sd_notify(3), packaging/systemd/licence-kiosk.service).

READY=1 once the attract screen is painted; WATCHDOG=1 from a timer on the GUI thread, so a hung GUI thread
stops the pings and systemd restarts the kiosk; STATUS= lines for `systemctl status`; STOPPING=1 on shutdown.
Without $NOTIFY_SOCKET (a shell, QA, the user-session autostart) nothing is sent.

The protocol is a few lines over a datagram socket, written here rather than taken from the `sdnotify`
package: its last release (2017) encodes latin-1 (no Chinese status), swallows every error and knows nothing
of the watchdog variables.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger("kiosk.watchdog")
SEND_TIMEOUT_S = 0.5  # a stalled service manager must not hold the GUI thread for longer


class NotifySocket:
    """Sends one datagram of newline-separated KEY=value assignments per message to the manager."""

    def __init__(self, address: str | None) -> None:
        self.address = _socket_address(address) if address else None
        self._socket: socket.socket | None = None

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> NotifySocket:
        return cls(environ.get("NOTIFY_SOCKET"))

    @property
    def enabled(self) -> bool:
        return self.address is not None

    def send(self, *assignments: str) -> bool:
        """True when the message went out; a failure is logged, never raised: the kiosk serves on."""
        if self.address is None:
            return False
        try:
            if self._socket is None:
                self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
                self._socket.settimeout(SEND_TIMEOUT_S)
            # Addressed on every send, never connected: a re-executed manager binds the path anew.
            self._socket.sendto("\n".join(assignments).encode(), self.address)
        except OSError as error:
            log.warning("service manager notification failed: %s", error)
            return False
        return True

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None


def _socket_address(address: str) -> str | None:
    if address.startswith("@"):  # Linux abstract namespace: a leading NUL instead of a path
        return "\0" + address[1:]
    if address.startswith("/"):
        return address
    log.warning("NOTIFY_SOCKET %r is neither a path nor an abstract socket: not notifying", address)
    return None


def ping_interval_s(environ: Mapping[str, str] = os.environ) -> float | None:
    """Half the watchdog timeout systemd asked for (sd_watchdog_enabled(3) advises pinging at least that
    often); None when it asked for none, or asked another process.

    $WATCHDOG_PID names the unit's main process. A frozen bundle's bootloader may be that process and run
    the kiosk as its child, so the parent's pid counts as ours; any other process inherited the variable."""
    try:
        timeout_us = int(environ.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    pid = environ.get("WATCHDOG_PID", "")
    if timeout_us <= 0 or (pid and pid not in (str(os.getpid()), str(os.getppid()))):
        return None
    return timeout_us / 2e6


class Watchdog(QObject):
    """The kiosk's side of the unit's Type=notify and WatchdogSec=. `notify_ready` may be called from any
    thread (frameSwapped may come from the render thread): the pings start on the thread this lives in."""

    _ready = Signal(str)

    def __init__(self, notify: NotifySocket | None = None, interval_s: float | None = None,
                 environ: Mapping[str, str] = os.environ) -> None:
        super().__init__()
        self._notify = notify if notify is not None else NotifySocket.from_environment(environ)
        interval_s = interval_s if interval_s is not None else ping_interval_s(environ)
        self._pings: QTimer | None = None
        if interval_s is not None and self._notify.enabled:
            self._pings = QTimer(self, interval=max(1, int(interval_s * 1000)))
            self._pings.timeout.connect(self.ping)
        self._ready.connect(self._on_ready)

    @property
    def pinging(self) -> bool:
        return self._pings is not None and self._pings.isActive()

    def notify_ready(self, status: str = "serving") -> None:
        """The attract screen is on the glass: systemd's start-up is complete and its watchdog begins."""
        self._ready.emit(status)

    def status(self, text: str) -> None:
        """One line for `systemctl status`: screen names and states only, never personal data."""
        self._notify.send(_status(text))

    def ping(self) -> None:
        self._notify.send("WATCHDOG=1")

    def notify_stopping(self, status: str = "stopping") -> None:
        if self._pings is not None:
            self._pings.stop()
        self._notify.send("STOPPING=1", _status(status))
        self._notify.close()

    def _on_ready(self, status: str) -> None:
        self._notify.send("READY=1", _status(status))
        if self._pings is not None:
            self.ping()  # the first ping at once: the interval starts counting from READY
            self._pings.start()


def _status(text: str) -> str:
    return "STATUS=" + " ".join(text.split())  # a newline would start another assignment
