"""Starting real stub processes on free loopback ports, for the fixtures and the CLI tests."""

import selectors
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import IO

READY_PREFIX = "kiosk-stub listening on "
START_TIMEOUT_S = 30.0
TOKEN = "demo-kiosk-token"


@dataclass
class RunningStub:
    process: subprocess.Popen[str]
    url: str
    stderr: IO[str]  # a file, not a pipe: a chatty server must never block on a full pipe

    def stop(self, timeout_s: float = 15.0) -> int:
        if self.process.poll() is None:
            self.process.terminate()
        try:
            return self.process.wait(timeout=timeout_s)
        finally:
            _close(self.process, self.stderr)

    def stderr_text(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read()


def _close(process: subprocess.Popen[str], stderr: IO[str]) -> None:
    if process.stdout:
        process.stdout.close()
    stderr.close()


def stub_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "backend_stub", *args]


def start_stub(*args: str) -> RunningStub:
    """Start a stub on a free port and wait (bounded) for its ready line."""
    stderr = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - closed by RunningStub.stop
    command = stub_command("--port", "0", *args)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, text=True)
    try:
        return RunningStub(process, _wait_for_ready_line(process), stderr)
    except BaseException:
        process.kill()
        process.wait()
        _close(process, stderr)
        raise


def _wait_for_ready_line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + START_TIMEOUT_S
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while (left := deadline - time.monotonic()) > 0:
            if not selector.select(timeout=left):
                continue
            line = process.stdout.readline()
            if not line:
                break  # the process closed stdout: it has exited
            if line.startswith(READY_PREFIX):
                return line[len(READY_PREFIX) :].strip()
    raise RuntimeError(f"the stub did not start; exit code {process.poll()}")
