"""QA's own pcscd (tests, `kiosk bench`): started in the foreground (no systemd, no --auto-exit), stopped
at the end — never on a production kiosk, where pcscd is the operating system's service.

Debian's pcscd 1.9.9 always serves /run/pcscd/pcscd.comm, and vpcd's reader listens on a fixed TCP port
(35963, from /etc/reader.conf.d/vpcd): only one pcscd can run on the machine, so a running system pcscd is
reported clearly instead of being shared or killed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

from drivers.card.vpcd import DEFAULT_PORT, Chip, VpcdCard
from kiosk.stub_process import die_with_parent

READER = "Virtual PCD 00 00"


class PcscdUnavailable(RuntimeError):
    """This machine cannot host QA's pcscd (not installed, not root, or one already running)."""


def wait_for(condition: Callable[[], bool], what: str, timeout_s: float = 20.0) -> None:
    """Wait on a real condition, bounded (pcscd offers no event for its socket or its reader's port)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        time.sleep(0.02)


def port_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def port_bindable(port: int) -> bool:
    """vpcd binds its port without SO_REUSEADDR: a connection of the previous pcscd still in TIME_WAIT
    (up to a minute) makes it fail with "Address already in use", though nobody listens any more."""
    for family, address in ((socket.AF_INET, "0.0.0.0"), (socket.AF_INET6, "::")):  # noqa: S104 - probes
        with socket.socket(family) as probe:
            try:
                probe.bind((address, port))
            except OSError:
                return False
    return True


def _port_users() -> str:
    """Who holds vpcd's port, for the message (ss is in iproute2 on every Debian)."""
    shown = subprocess.run(["ss", "-tanp"], capture_output=True, text=True, check=False).stdout
    users = [" ".join(line.split()) for line in shown.splitlines() if f":{DEFAULT_PORT}" in line]
    return "; ".join(users)[:500] or "nobody visible"


class Pcscd:
    """`with Pcscd(folder) as daemon:` — pcscd with vpcd, its socket in `folder`."""

    socket_path = Path("/run/pcscd/pcscd.comm")

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Pcscd:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        binary = shutil.which("pcscd") or "/usr/sbin/pcscd"
        if not Path(binary).exists():
            raise PcscdUnavailable("pcscd is not installed: run scripts/setup.sh test")
        if not Path("/etc/reader.conf.d/vpcd").exists():
            raise PcscdUnavailable("vsmartcard-vpcd is not installed: run scripts/setup.sh test")
        if os.geteuid() != 0:
            raise PcscdUnavailable("starting pcscd needs root: run as root")
        if self._served() or subprocess.run(["pgrep", "-x", "pcscd"], capture_output=True).returncode == 0:
            raise PcscdUnavailable("a pcscd (or its systemd socket) is already running: "
                                   "systemctl stop pcscd.socket pcscd, then try again")
        for attempt in range(1, 4):
            if self._start_once(binary):
                return
            self.stop()  # vpcd could not take its port: whoever held it, wait and try again
            if attempt == 3:
                raise PcscdUnavailable(f"vpcd cannot listen on port {DEFAULT_PORT}: {_port_users()}")

    def _start_once(self, binary: str) -> bool:
        wait_for(lambda: port_bindable(DEFAULT_PORT), f"port {DEFAULT_PORT} to be free (another vpcd?)",
                 timeout_s=90)
        self.socket_path.parent.mkdir(parents=True, exist_ok=True)
        self.socket_path.unlink(missing_ok=True)  # left by a pcscd that was killed: nobody serves it
        self._process = subprocess.Popen([binary, "--foreground", "--error"], preexec_fn=die_with_parent)
        wait_for(self.socket_path.exists, "the pcscd socket")
        try:
            wait_for(lambda: not port_free(DEFAULT_PORT), "vpcd to listen", timeout_s=10)
        except TimeoutError:
            return False
        return True

    def serving(self) -> bool:
        """A pcscd with vpcd's reader is up (QA's own, or the test suite's)."""
        return self._served() and not port_free(DEFAULT_PORT)

    def _served(self) -> bool:
        if not self.socket_path.exists():
            return False
        with socket.socket(socket.AF_UNIX) as probe:
            return probe.connect_ex(str(self.socket_path)) == 0

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            self._process.wait(timeout=10)
        self._process = None

    def restart(self) -> None:
        self.stop()
        wait_for(lambda: port_free(DEFAULT_PORT), "the old pcscd to let go of vpcd's port")
        self.socket_path.unlink(missing_ok=True)
        self.start()


class InsertedCard:
    """A chip in vpcd's first slot, answered on a thread, until `remove()`. Both wait until pcscd has
    seen the change (its presence poll is ~400 ms), so a test never races the daemon."""

    def __init__(self, chip: Chip, wait: bool = True) -> None:
        from drivers.card.pcsc import PcscReader
        self._watch = PcscReader(READER, allow_virtual=True) if wait else None
        if self._watch is not None:
            watch = self._watch
            wait_for(lambda: watch.known.is_set() and not watch.present, "the reader to be empty")
        self.card = VpcdCard(chip)
        self.card.insert()
        self._thread = threading.Thread(target=self.card.serve, name="vpcd-card", daemon=True)
        self._thread.start()
        if self._watch is not None:
            watch = self._watch
            wait_for(lambda: watch.present, "pcscd to see the card")

    def remove(self) -> None:
        self.card.remove()
        self._thread.join(timeout=5)
        if self._watch is not None:
            watch = self._watch
            wait_for(lambda: not watch.present, "pcscd to see the card go")
            watch.close()
