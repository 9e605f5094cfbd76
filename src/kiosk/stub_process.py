"""Starts the stub back office as a real child process on a free loopback port (demo and QA)."""

from __future__ import annotations

import contextlib
import ctypes
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

from kiosk.errors import EnvironmentFault

READY_PREFIX = "kiosk-stub listening on "
PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Linux: the stub gets SIGTERM when the kiosk dies, even by SIGKILL or an abort in Qt."""
    with contextlib.suppress(OSError, AttributeError):  # not Linux: the normal teardown still stops it
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class StubProcess:
    """`with StubProcess() as stub: stub.url` — the stub runs until the block ends."""

    def __init__(self, scenarios: list[Path] | None = None, today: str | None = None,
                 start_timeout_s: float = 30.0) -> None:
        self._args = [sys.executable, "-m", "backend_stub", "--port", "0"]
        for path in scenarios or []:
            self._args += ["--scenarios", str(path)]
        if today:
            self._args += ["--today", today]
        self._timeout = start_timeout_s
        self._process: subprocess.Popen[str] | None = None
        self._stderr: IO[str] | None = None
        self.url = ""

    def __enter__(self) -> StubProcess:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> str:
        # stderr goes to a file, never an unread pipe: a chatty stub must not block on a full pipe.
        self._stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 - closed in stop()
        self._process = subprocess.Popen(self._args, stdout=subprocess.PIPE, stderr=self._stderr, text=True,
                                         preexec_fn=die_with_parent)
        self.url = self._wait_ready(self._process)
        return self.url

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            if process.stdout:
                process.stdout.close()
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def _wait_ready(self, process: subprocess.Popen[str]) -> str:
        assert process.stdout is not None
        deadline = time.monotonic() + self._timeout
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            while time.monotonic() < deadline:
                if selector.select(timeout=max(0.0, deadline - time.monotonic())):
                    line = process.stdout.readline()
                    if line.startswith(READY_PREFIX):
                        return line[len(READY_PREFIX):].strip()
                    if not line:
                        break
        detail = self._last_error_line()
        self.stop()
        raise EnvironmentFault(f"the stub back office did not start: {detail or 'no answer'}")

    def _last_error_line(self) -> str:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            self._process.wait()
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        lines = self._stderr.read().strip().splitlines()
        return lines[-1] if lines else ""
