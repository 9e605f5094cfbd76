"""The conductor with real devices' stand-ins and the real stub, work run inline (no Qt)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from drivers.camera.simulated import SimulatedCamera
from drivers.card.simulated import SimulatedReader
from flows.outcome import Outcome
from flows.session import Delivery
from kiosk.api.client import BackOfficeClient
from kiosk.conductor import Conductor
from kiosk.config import BackOffice
from kiosk.demo import StubDemoTray
from kiosk.runner import InlineRunner
from tests.conftest import DEMO_TOKEN


@pytest.fixture
def kiosk(stub_url: str) -> Iterator[tuple[Conductor, StubDemoTray, list[Outcome]]]:
    reader = SimulatedReader()
    api = BackOfficeClient(BackOffice(url=stub_url, token=DEMO_TOKEN), "371500", "test-kiosk")
    conductor = Conductor(reader, SimulatedCamera(), api, InlineRunner())
    outcomes: list[Outcome] = []
    conductor.on_finished(outcomes.append)
    yield conductor, StubDemoTray.load(stub_url, reader), outcomes
    api.close()


def start(conductor: Conductor, tray: StubDemoTray, persona: str) -> None:
    conductor.touch()
    conductor.choose("renewal")
    tray.place(persona)


def test_a_renewal_is_submitted_and_the_session_wiped(kiosk) -> None:  # type: ignore[no-untyped-def]
    conductor, tray, outcomes = kiosk
    start(conductor, tray, "renewal-ok")
    assert conductor.screen == "record"
    session = conductor.flow.session
    for event in ("proceed", "capture", "accept_photo"):
        conductor.send(event)
    conductor.send("delivery_chosen", delivery=Delivery("collect", "13800000000"))
    conductor.send("confirm")
    assert conductor.screen == "done"
    conductor.send("finish")
    assert conductor.screen == "attract" and conductor.flow is None
    assert session.is_wiped
    assert outcomes[0].outcome == "submitted" and outcomes[0].application_id
    assert outcomes[0].screens[:3] == ["attract", "menu", "place_id"] and outcomes[0].screens[-1] == "attract"


def test_an_ineligible_citizen_sees_every_reason(kiosk) -> None:  # type: ignore[no-untyped-def]
    conductor, tray, outcomes = kiosk
    start(conductor, tray, "renewal-many")
    assert conductor.screen == "refused"
    assert set(conductor.flow.session.eligibility.reasons) == {
        "TOO_EARLY", "UNHANDLED_VIOLATIONS", "MEDICAL_CERTIFICATE_MISSING"}
    conductor.send("finish")
    assert outcomes[0].outcome == "ineligible"


def test_a_card_left_by_the_previous_citizen_is_not_read(kiosk) -> None:  # type: ignore[no-untyped-def]
    conductor, tray, _ = kiosk
    start(conductor, tray, "renewal-ok")
    conductor.send("cancel")
    conductor.touch()
    conductor.choose("renewal")  # the old card is still on the reader
    assert conductor.screen == "place_id"
    assert conductor.flow.session.identity is None
    tray.place("renewal-many")  # the new citizen places their own
    assert conductor.screen == "refused"


def test_timeout_ends_and_wipes_the_session(kiosk) -> None:  # type: ignore[no-untyped-def]
    conductor, tray, outcomes = kiosk
    start(conductor, tray, "renewal-ok")
    session = conductor.flow.session
    conductor.timeout()
    assert conductor.screen == "attract" and session.is_wiped
    assert outcomes[0].outcome == "cancelled"


def test_back_office_gone_leads_to_the_failed_screen(stub_url: str) -> None:
    reader = SimulatedReader()
    tray = StubDemoTray.load(stub_url, reader, only="renewal-ok")
    api = BackOfficeClient(BackOffice(url="http://127.0.0.1:9", token=DEMO_TOKEN, connect_timeout_s=1),
                           "371500", "test-kiosk")
    conductor = Conductor(reader, SimulatedCamera(), api, InlineRunner())
    start(conductor, tray, "renewal-ok")
    assert conductor.screen == "failed"
    assert conductor.flow.session.failure == "UNAVAILABLE"


def test_a_capture_without_a_face_returns_to_the_photo_step(kiosk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import cv2
    import numpy as np
    conductor, tray, _ = kiosk
    blank = tmp_path / "wall.png"
    cv2.imwrite(str(blank), np.full((480, 640, 3), 200, np.uint8))
    conductor.camera = SimulatedCamera(blank)
    start(conductor, tray, "renewal-ok")
    conductor.send("proceed")
    conductor.send("capture")
    assert conductor.screen == "photo"
    assert conductor.flow.session.capture is None


def test_bug_behind_a_touch_goes_to_the_failsafe(kiosk) -> None:  # type: ignore[no-untyped-def]
    conductor, tray, _ = kiosk
    start(conductor, tray, "renewal-ok")
    conductor.fail(RuntimeError("boom"))
    assert conductor.screen == "failed"
