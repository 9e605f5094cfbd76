"""The conductor with real devices' stand-ins and the real stub, work run inline (no Qt)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drivers.camera.simulated import SimulatedCamera
from drivers.card.simulated import SimulatedReader
from flows.outcome import Outcome
from flows.session import Delivery
from kiosk.api.client import BackOfficeClient
from kiosk.conductor import Conductor
from kiosk.config import BackOffice
from kiosk.demo import SimulatedHand, StubDemoTray
from kiosk.outbox_worker import OutboxWorker
from kiosk.preview import DirectFrames
from kiosk.runner import InlineRunner
from kiosk.store.db import open_db
from kiosk.store.outbox import Outbox
from tests.conftest import DEMO_TOKEN, inject_fault, received_applications


def make_conductor(url: str, tmp_path: Path, reader: SimulatedReader, connect_timeout_s: float = 3.0,
                   read_timeout_s: float = 10.0, **options: Any) -> tuple[Conductor, InlineRunner]:
    config = BackOffice(url=url, token=DEMO_TOKEN, connect_timeout_s=connect_timeout_s,
                        read_timeout_s=read_timeout_s)
    api = BackOfficeClient(config, "371500", "test-kiosk")
    worker = OutboxWorker(Outbox(open_db(tmp_path / "kiosk.db")), api, retention_s=86400)
    runner = InlineRunner()
    return Conductor(reader, DirectFrames(SimulatedCamera()), api, worker, runner, **options), runner


@pytest.fixture
def kiosk(stub_url: str, tmp_path: Path) -> Iterator[tuple[Conductor, StubDemoTray, list[Outcome]]]:
    reader = SimulatedReader()
    conductor, _ = make_conductor(stub_url, tmp_path, reader)
    outcomes: list[Outcome] = []
    conductor.on_finished(outcomes.append)
    yield conductor, StubDemoTray.load(stub_url, SimulatedHand(reader)), outcomes


def pay(conductor: Conductor) -> None:
    """The payment is created at once (inline); the first status poll finds it paid."""
    assert conductor.screen == "paying" and conductor.flow.session.payment is not None
    runner = conductor.runner
    assert isinstance(runner, InlineRunner) and runner.run_later() == 1


def start(conductor: Conductor, tray: StubDemoTray, persona: str) -> None:
    conductor.touch()
    conductor.choose("renewal")
    tray.place(persona)


def to_photo(conductor: Conductor) -> None:
    """From the record through the renewal's own steps (certificate, new term) to the photo."""
    while conductor.screen in ("record", "certificate", "new_term"):
        conductor.send("proceed")
    assert conductor.screen == "photo"


def test_a_renewal_is_submitted_and_the_session_wiped(kiosk) -> None:  # type: ignore[no-untyped-def]
    conductor, tray, outcomes = kiosk
    start(conductor, tray, "renewal-ok")
    assert conductor.screen == "record"
    session = conductor.flow.session
    to_photo(conductor)
    for event in ("capture", "accept_photo"):
        conductor.send(event)
    conductor.send("delivery_chosen", delivery=Delivery("collect", "13800000000"))
    conductor.send("confirm")
    pay(conductor)
    assert conductor.screen == "done"
    conductor.send("finish")
    assert conductor.screen == "attract" and conductor.flow is None
    assert session.is_wiped
    assert outcomes[0].outcome == "submitted" and outcomes[0].application_id and outcomes[0].delivered
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


def test_back_office_gone_leads_to_the_failed_screen(stub_url: str, tmp_path: Path) -> None:
    reader = SimulatedReader()
    tray = StubDemoTray.load(stub_url, SimulatedHand(reader), only="renewal-ok")
    conductor, _ = make_conductor("http://127.0.0.1:9", tmp_path, reader, connect_timeout_s=1)
    start(conductor, tray, "renewal-ok")
    assert conductor.screen == "failed"
    assert conductor.flow.session.failure == "UNAVAILABLE"


def test_a_capture_without_a_face_returns_to_the_photo_step(kiosk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import cv2
    import numpy as np
    conductor, tray, _ = kiosk
    blank = tmp_path / "wall.png"
    cv2.imwrite(str(blank), np.full((480, 640, 3), 200, np.uint8))
    conductor.steps.camera = DirectFrames(SimulatedCamera(blank))
    start(conductor, tray, "renewal-ok")
    to_photo(conductor)
    conductor.send("capture")
    assert conductor.screen == "photo"
    assert conductor.flow.session.capture is None


def test_bug_behind_a_touch_goes_to_the_failsafe(kiosk) -> None:  # type: ignore[no-untyped-def]
    conductor, tray, _ = kiosk
    start(conductor, tray, "renewal-ok")
    conductor.fail(RuntimeError("boom"))
    assert conductor.screen == "failed"


def to_payment(conductor: Conductor, tray: StubDemoTray, persona: str) -> None:
    start(conductor, tray, persona)
    to_photo(conductor)
    for event in ("capture", "accept_photo"):
        conductor.send(event)
    conductor.send("delivery_chosen", delivery=Delivery("collect", "13800000000"))
    conductor.send("confirm")
    assert conductor.screen == "paying"


def test_a_declined_payment_submits_nothing_and_can_be_retried(kiosk, stub_url) -> None:  # type: ignore[no-untyped-def]
    conductor, tray, outcomes = kiosk
    to_payment(conductor, tray, "renewal-pay-declines")
    assert conductor.runner.run_later() == 1
    assert conductor.screen == "unpaid" and conductor.flow.session.failure == "PAYMENT_DECLINED"
    conductor.send("retry_payment")
    assert conductor.screen == "paying" and conductor.runner.run_later() == 1
    conductor.send("finish")
    assert outcomes[0].outcome == "failed" and outcomes[0].failure == "PAYMENT_DECLINED"
    assert received_applications(stub_url) == []


def test_a_payment_never_made_keeps_asking_until_the_citizen_gives_up(kiosk, stub_url) -> None:  # type: ignore[no-untyped-def]
    conductor, tray, outcomes = kiosk
    to_payment(conductor, tray, "renewal-pay-never")
    for _ in range(3):
        assert conductor.runner.run_later() == 1  # each answer "pending" schedules the next question
        assert conductor.screen == "paying"
    conductor.send("cancel")
    # the poll already scheduled finds the session over and schedules nothing more
    assert conductor.runner.run_later() == 1 and conductor.runner.scheduled == []
    assert outcomes[0].outcome == "cancelled" and received_applications(stub_url) == []


def test_an_unreachable_back_office_at_submission_queues_the_application(kiosk, stub_url) -> None:  # type: ignore[no-untyped-def]
    conductor, tray, outcomes = kiosk
    to_payment(conductor, tray, "renewal-ok")
    inject_fault(stub_url, "POST", "/v1/applications", status=503, count=3)
    conductor.runner.run_later()
    assert conductor.screen == "done"
    receipt = conductor.flow.session.receipt
    assert receipt is not None and not receipt.delivered and receipt.reference.startswith("Q")
    conductor.send("finish")
    assert outcomes[0].outcome == "submitted" and outcomes[0].delivered is False
    assert conductor.steps.outbox.outbox.stats(1e12).depth == 1


def test_the_kiosk_stops_waiting_and_a_late_payment_is_found_by_i_have_paid(stub_url: str,  # type: ignore[no-untyped-def]
                                                                            tmp_path: Path) -> None:
    import requests
    reader = SimulatedReader()
    tray = StubDemoTray.load(stub_url, SimulatedHand(reader), only="renewal-pay-never")
    conductor, runner = make_conductor(stub_url, tmp_path, reader, payment_poll_s=2.0, payment_timeout_s=4.0)
    to_payment(conductor, tray, "renewal-pay-never")
    assert runner.run_later() == 1 and conductor.screen == "paying"  # still pending: a second poll
    assert runner.run_later() == 1  # two polls × 2 s: the wait is over
    assert conductor.screen == "unpaid" and conductor.flow.session.failure == "PAYMENT_TIMEOUT"
    payment = conductor.flow.session.payment
    # The citizen paid after all, on their phone: the back office knows, the kiosk asks again at once.
    requests.post(f"{stub_url}/_stub/payments/{payment.payment_id}", json={"status": "paid"},
                  timeout=5).raise_for_status()
    conductor.send("recheck_payment")
    assert conductor.screen == "done"
    application = received_applications(stub_url)[-1]
    assert application["request"]["payment_id"] == payment.payment_id  # type: ignore[index]


def test_help_reaches_the_back_office_and_a_timeout_forgets_it(kiosk) -> None:  # type: ignore[no-untyped-def]
    conductor, _, _ = kiosk
    conductor.help()
    assert conductor.screen == "help"
    conductor.request_help("home_service", "12345")  # not a mobile number: nothing is sent
    assert conductor.screen == "help" and conductor.status()["helpStatus"] == ""
    conductor.request_help("agent")
    assert conductor.screen == "help_sent"
    status = conductor.status()
    assert status["helpKind"] == "agent" and status["helpTicket"].startswith("AS-") and status["helpWindow"]
    conductor.timeout()
    assert conductor.screen == "attract" and conductor.status()["helpTicket"] == ""


def test_no_help_screen_in_the_middle_of_a_service(kiosk) -> None:  # type: ignore[no-untyped-def]
    conductor, tray, _ = kiosk
    start(conductor, tray, "renewal-ok")
    conductor.help()
    conductor.request_help("staff")
    assert conductor.screen == "record" and conductor.status()["helpStatus"] == ""


def test_a_slip_is_printed_on_the_printer_lane_and_a_fault_is_reported(stub_url: str,  # type: ignore[no-untyped-def]
                                                                       tmp_path: Path) -> None:
    from drivers.printer.escpos_printer import open_printer
    printers = [open_printer("dummy"), open_printer(f"file:{tmp_path}/missing/lp0")]
    opened = iter(printers)
    conductor, _ = make_conductor(stub_url, tmp_path, SimulatedReader(), printer=lambda: next(opened))
    conductor.print_slip("申请已提交", ["遗失补证", "Application number: 1"], "1")
    assert conductor.status()["printStatus"] == "printed"
    assert "遗失补证".encode("gb18030") in printers[0].output  # type: ignore[union-attr]
    conductor.printing.close()  # the next slip opens the printer again (here: a missing one)
    conductor.print_slip("title", ["line"])
    assert conductor.status()["printStatus"] == "failed"
    assert conductor.status()["printerReady"] is True


def test_without_a_printer_nothing_is_printed(kiosk) -> None:  # type: ignore[no-untyped-def]
    conductor, _, _ = kiosk
    conductor.print_slip("title", ["line"])
    assert conductor.status()["printerReady"] is False and conductor.status()["printStatus"] == ""
