"""A real kiosk process killed with SIGKILL during submission; restarted; the stub holds the
application exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import requests

from tests.conftest import inject_fault, received_applications

pytestmark = pytest.mark.e2e


def until(condition: Callable[[], bool], what: str, timeout_s: float = 20.0) -> None:
    """Poll a real condition (bounded); this is waiting on state, not sleeping for time."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)  # the polling interval of a bounded condition wait (noqa: sleep-ok)


def kiosk_qa(url: str, data_dir: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "kiosk", "qa", "run", "renewal", "--persona", "renewal-ok",
               "--backend", url, "--data-dir", str(data_dir), "--json"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


def wait_for_log(process: subprocess.Popen[str], needle: str) -> None:
    assert process.stderr is not None
    for line in process.stderr:  # ends when the process does: bounded by it
        if needle in line:
            return
    raise AssertionError(f"the kiosk ended without logging {needle!r}")


def outbox_send(url: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "kiosk", "outbox", "send", "--backend", url,
               "--data-dir", str(data_dir), "--json"]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_killed_while_the_back_office_is_storing_it(stub_url: str, tmp_path: Path) -> None:
    inject_fault(stub_url, "POST", "/v1/applications", latency_ms=1500)
    kiosk = kiosk_qa(stub_url, tmp_path)
    wait_for_log(kiosk, "POST /v1/photos ->")  # the next request is the application itself
    until(lambda: requests.get(f"{stub_url}/_stub/faults", timeout=5).json() == [],
          "the application request to reach the stub")
    kiosk.send_signal(signal.SIGKILL)
    kiosk.wait()
    until(lambda: len(received_applications(stub_url)) == 1, "the stub to store the orphaned request")
    result = outbox_send(stub_url, tmp_path)  # the kiosk comes back and drains its outbox
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(received_applications(stub_url)) == 1
    assert '"depth": 0' in result.stdout


def test_killed_after_journaling_while_the_back_office_was_down(stub_url: str, tmp_path: Path) -> None:
    inject_fault(stub_url, "POST", "/v1/applications", status=503, count=3)
    kiosk = kiosk_qa(stub_url, tmp_path)
    wait_for_log(kiosk, "queued after UNAVAILABLE")
    kiosk.send_signal(signal.SIGKILL)
    kiosk.wait()
    assert received_applications(stub_url) == []
    result = outbox_send(stub_url, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(received_applications(stub_url)) == 1
    again = outbox_send(stub_url, tmp_path)  # nothing left to send: nothing sent twice
    assert again.returncode == 0 and len(received_applications(stub_url)) == 1
