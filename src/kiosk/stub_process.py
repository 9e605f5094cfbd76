"""Starts the stub back office as a real child process on a free loopback port (demo and QA)."""

from __future__ import annotations

import selectors
import subprocess
import sys
import time
from pathlib import Path

from kiosk.errors import EnvironmentFault

READY_PREFIX = "kiosk-stub listening on "


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
        self.url = ""

    def __enter__(self) -> StubProcess:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> str:
        self._process = subprocess.Popen(self._args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                         text=True)
        self.url = self._wait_ready(self._process)
        return self.url

    def stop(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        for stream in (self._process.stdout, self._process.stderr) if self._process else ():
            if stream:
                stream.close()

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
        self.stop()
        detail = process.stderr.read().strip().splitlines()[-1:] if process.stderr else []
        raise EnvironmentFault(f"the stub back office did not start: {' '.join(detail) or 'no answer'}")
