"""A broken back office — slow, failing, cutting connections, talking nonsense, refusing the kiosk —
ends in the failsafe screen with the right plain-language cause, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from drivers.card.simulated import SimulatedReader
from kiosk.demo import SimulatedHand, StubDemoTray
from tests.conftest import inject_fault
from tests.kiosk.test_conductor import make_conductor, start

FAULTS = [
    ({"status": 500}, "UNAVAILABLE"),
    ({"status": 503}, "UNAVAILABLE"),
    ({"drop": True}, "UNAVAILABLE"),
    ({"latency_ms": 2500}, "UNAVAILABLE"),  # longer than the kiosk's read timeout below
    ({"malformed": True}, "PROTOCOL_ERROR"),
    ({"status": 401}, "UNAUTHORISED"),
]


@pytest.mark.parametrize("fault, code", FAULTS)
@pytest.mark.parametrize("path", ["/v1/licence-records/lookup", "/v1/eligibility"])
def test_a_broken_answer_while_checking_ends_on_the_failed_screen(
        stub_url: str, tmp_path: Path, path: str, fault: dict[str, object], code: str) -> None:
    reader = SimulatedReader()
    tray = StubDemoTray.load(stub_url, SimulatedHand(reader), only="renewal-ok")
    conductor, _ = make_conductor(stub_url, tmp_path, reader, read_timeout_s=1.0)
    inject_fault(stub_url, "POST", path, **fault)
    start(conductor, tray, "renewal-ok")
    assert conductor.screen == "failed"
    assert conductor.flow is not None and conductor.flow.session.failure == code
    conductor.send("finish")
    assert conductor.screen == "attract" and conductor.outcomes[-1].failure == code
