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
