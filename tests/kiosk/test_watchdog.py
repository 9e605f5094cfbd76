"""systemd notifications read off a real datagram socket standing in for the service manager: what is sent,
when, and by which process (the manager checks the sender's pid, NotifyAccess=)."""

from __future__ import annotations

import os
import socket
import struct
import subprocess
import sys
import textwrap
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.watchdog import NotifySocket, Watchdog, ping_interval_s

UCRED = struct.Struct("3i")  # pid, uid, gid


class Manager:
    """The manager's end: receives datagrams with the sender's credentials (SO_PASSCRED), as systemd does."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        self.socket.bind(address.replace("@", "\0", 1) if address.startswith("@") else address)
        self.waiting: list[tuple[str, int]] = []

    def receive(self, timeout_s: float = 10.0) -> tuple[str, int]:
        """The next message and its sender's pid; TimeoutError when none comes in time."""
        self.socket.settimeout(timeout_s)
        data, ancillary, _flags, _address = self.socket.recvmsg(4096, socket.CMSG_SPACE(UCRED.size))
        pids = [UCRED.unpack(cdata[:UCRED.size])[0] for level, kind, cdata in ancillary
                if (level, kind) == (socket.SOL_SOCKET, socket.SCM_CREDENTIALS)]
        return data.decode(), pids[0]

    def arrived(self) -> bool:
        """Non-blocking, for qtbot.waitUntil: keeps what came in `waiting`."""
        try:
            self.waiting.append(self.receive(timeout_s=0))
        except (TimeoutError, BlockingIOError):
            return False
        return True

    def close(self) -> None:
        self.socket.close()


@pytest.fixture
def manager(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Manager]:
    folder = tmp_path_factory.mktemp("n")  # short: a socket path has at most 107 bytes
    listening = Manager(str(folder / "notify"))
    yield listening
    listening.close()


def watchdog_env(manager: Manager, timeout_us: int = 100_000) -> dict[str, str]:
    return {"NOTIFY_SOCKET": manager.address, "WATCHDOG_USEC": str(timeout_us)}


def test_ready_then_pings_while_the_gui_thread_turns_and_none_while_it_hangs(qtbot, manager) -> None:  # type: ignore[no-untyped-def]
    watchdog = Watchdog(environ=watchdog_env(manager))  # pings every 50 ms
    assert not watchdog.pinging
    watchdog.notify_ready()
    assert manager.receive() == ("READY=1\nSTATUS=serving", os.getpid())
    assert manager.receive()[0] == "WATCHDOG=1"  # at once: systemd's timeout counts from READY
    assert watchdog.pinging
    # This blocking receive is a hung GUI thread: six ping intervals pass and nothing is sent.
    with pytest.raises(TimeoutError):
        manager.receive(timeout_s=0.3)
    qtbot.waitUntil(manager.arrived, timeout=5000)  # the event loop turns again: so do the pings
    assert manager.waiting == [("WATCHDOG=1", os.getpid())]
    watchdog.status("屏幕:\nattract  ")  # a newline would smuggle in another assignment
    assert manager.receive()[0] == "STATUS=屏幕: attract"
    watchdog.notify_stopping()
    assert manager.receive()[0] == "STOPPING=1\nSTATUS=stopping"
    assert not watchdog.pinging


def test_ready_from_another_thread_starts_the_pings_on_the_gui_thread(qtbot, manager) -> None:  # type: ignore[no-untyped-def]
    """frameSwapped may come from the render thread; a timer started there would never fire on the GUI
    thread (and Qt would warn, which fails the test)."""
    watchdog = Watchdog(environ=watchdog_env(manager))
    caller = threading.Thread(target=watchdog.notify_ready, args=("就绪",))
    caller.start()
    caller.join()
    qtbot.waitUntil(lambda: manager.arrived() and len(manager.waiting) >= 3, timeout=5000)
    assert [message for message, _pid in manager.waiting[:3]] == ["READY=1\nSTATUS=就绪", "WATCHDOG=1",
                                                                  "WATCHDOG=1"]
    watchdog.notify_stopping()


def test_a_kiosk_process_notifies_under_its_own_pid(manager: Manager) -> None:
    """A real child process with the environment systemd gives: WATCHDOG_PID names the parent, as when a
    frozen bundle's bootloader is the unit's main process and runs the kiosk as its child."""
    script = textwrap.dedent("""
        from PySide6.QtCore import QCoreApplication, QTimer
        from kiosk.watchdog import Watchdog
        app = QCoreApplication([])
        watchdog = Watchdog()
        watchdog.notify_ready("serving")
        QTimer.singleShot(400, app.quit)  # eight ping intervals
        app.exec()
        watchdog.notify_stopping()
    """)
    env = {**os.environ, **watchdog_env(manager), "WATCHDOG_PID": str(os.getpid())}
    child = subprocess.Popen([sys.executable, "-c", script], env=env, stderr=subprocess.PIPE, text=True)
    try:
        messages = [manager.receive()]
        while not messages[-1][0].startswith("STOPPING=1"):
            messages.append(manager.receive())
    finally:
        _out, errors = child.communicate(timeout=30)
    assert child.returncode == 0, errors
    assert {pid for _message, pid in messages} == {child.pid}
    texts = [message for message, _pid in messages]
    assert texts[0] == "READY=1\nSTATUS=serving" and texts[-1] == "STOPPING=1\nSTATUS=stopping"
    assert set(texts[1:-1]) == {"WATCHDOG=1"} and len(texts[1:-1]) >= 2  # at READY, then from the timer


def test_an_abstract_socket_is_reached(tmp_path: Path) -> None:
    listening = Manager(f"@licence-kiosk-test-{uuid.uuid4().hex}")
    try:
        notify = NotifySocket(listening.address)
        assert notify.send("READY=1", "STATUS=ok")
        assert listening.receive() == ("READY=1\nSTATUS=ok", os.getpid())
        notify.close()
    finally:
        listening.close()


def test_without_a_notify_socket_nothing_is_sent(qapp) -> None:  # type: ignore[no-untyped-def]
    watchdog = Watchdog(environ={"WATCHDOG_USEC": "30000000"})
    watchdog.notify_ready()
    watchdog.status("serving")
    assert not watchdog.pinging
    watchdog.notify_stopping()
    assert not NotifySocket(None).send("READY=1")
    assert not NotifySocket("vsock:2:1234").enabled  # not a transport this kiosk runs on


def test_a_manager_that_is_gone_costs_a_warning_not_the_kiosk(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    notify = NotifySocket(str(tmp_path / "nobody"))
    assert notify.enabled and not notify.send("WATCHDOG=1")
    assert "notification failed" in caplog.text
    notify.close()


@pytest.mark.parametrize(("environ", "interval_s"), [
    ({"WATCHDOG_USEC": "30000000"}, 15.0),
    ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())}, 15.0),
    ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getppid())}, 15.0),  # a bundle's bootloader
    ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "4194305"}, None),  # inherited: not ours (> pid_max)
    ({"WATCHDOG_USEC": "0"}, None),
    ({"WATCHDOG_USEC": "soon"}, None),
    ({}, None),
])
def test_pings_come_at_half_the_timeout_for_this_process_only(environ: dict[str, str],
                                                                interval_s: float | None) -> None:
    assert ping_interval_s(environ) == interval_s
