"""Starting the stub as a child process: ready line, clean stop, a clear fault when it cannot start."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from kiosk.errors import EnvironmentFault
from kiosk.stub_process import StubProcess


def test_the_stub_starts_on_a_free_port_and_stops() -> None:
    with StubProcess() as stub:
        assert stub.url.startswith("http://127.0.0.1:")
        assert requests.get(f"{stub.url}/v1/health", timeout=5).json()["status"] == "ok"
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{stub.url}/v1/health", timeout=5)


def test_a_broken_scenario_file_is_a_clear_fault(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"personas": [{"id": 1}]}', encoding="utf-8")
    with pytest.raises(EnvironmentFault, match="did not start: .*broken.json"):
        StubProcess(scenarios=[broken]).start()


def test_the_stub_does_not_outlive_a_killed_kiosk() -> None:
    import os
    import subprocess
    import sys
    # A child process starts the stub, reports its URL, and is then killed without any teardown.
    code = ("from kiosk.stub_process import StubProcess; import sys; s = StubProcess(); "
            "print(s.start(), flush=True); sys.stdin.read()")
    with subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          text=True) as parent:
        assert parent.stdout is not None
        url = parent.stdout.readline().strip()
        assert requests.get(f"{url}/v1/health", timeout=5).ok
        os.kill(parent.pid, 9)
        parent.wait()
    deadline_checks = 0
    while True:  # the stub exits on its own within moments: wait on that condition, bounded
        try:
            requests.get(f"{url}/v1/health", timeout=1)
        except requests.ConnectionError:
            break
        deadline_checks += 1
        assert deadline_checks < 500, "the stub outlived its parent"
