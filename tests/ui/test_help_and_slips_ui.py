"""The green channel (help and priority service), the receipt printer and a new postal address,
through the real screens, the real stub and python-escpos writing to a file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import requests

from kiosk.app import KioskApp, build_app
from kiosk.commands import for_qa
from kiosk.config import Settings
from kiosk.qa import run_flow, walk_to
from kiosk.uidriver import find_item, tap, text_of, type_text
from tests.conftest import inject_fault, received_applications
from tests.ui.test_kiosk_ui import let_idle_expire

GS_QR = b"\x1d(k"  # ESC/POS: a native QR code
CUT = b"\x1dV"


def slip_app(stub_url: str, data_dir: Path, slip: Path) -> KioskApp:
    settings = for_qa(Settings(), stub_url, data_dir)
    settings = replace(settings, service_window="7",
                       devices=replace(settings.devices, printer=f"file:{slip}"))
    app = build_app(settings, demo_stub=stub_url)
    app.window.show()
    return app


@pytest.fixture
def app(qtbot, stub_url: str, tmp_path: Path) -> Iterator[KioskApp]:  # type: ignore[no-untyped-def]
    kiosk = slip_app(stub_url, tmp_path, tmp_path / "slip.bin")
    yield kiosk
    kiosk.close()


def assistance(stub_url: str) -> list[dict[str, object]]:
    return list(requests.get(f"{stub_url}/_stub/assistance", timeout=5).json())


def test_priority_service_is_one_touch_from_the_attract_screen(app: KioskApp, stub_url: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = len(assistance(stub_url))
    tap(app.window, "attract.helpButton")
    qtbot.waitUntil(lambda: app.vm.screen == "help")
    tap(app.window, "help.priorityButton")
    qtbot.waitUntil(lambda: app.vm.screen == "help_sent", timeout=10_000)
    ticket = text_of(app.window, "helpSent.ticket")
    requests_made = assistance(stub_url)[before:]
    assert [(r["kind"], r["request_id"]) for r in requests_made] == [("priority", ticket)]
    tap(app.window, "helpSent.finishButton")
    qtbot.waitUntil(lambda: app.vm.screen == "attract")
    assert app.vm.helpTicket == "" and app.vm.helpStatus == ""


def test_a_home_visit_needs_a_mobile_number(app: KioskApp, stub_url: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    tap(app.window, "attract.startButton")
    tap(app.window, "menu.helpButton")
    qtbot.waitUntil(lambda: app.vm.screen == "help")
    tap(app.window, "help.homeButton")
    for digit in "1391234567":
        tap(app.window, f"keypad.{digit}")
    send = find_item(app.window, "help.homeSendButton")
    assert send is not None and not send.isEnabled()  # ten digits are not a mobile number
    tap(app.window, "keypad.8")
    tap(app.window, "help.homeSendButton")
    qtbot.waitUntil(lambda: app.vm.screen == "help_sent", timeout=10_000)
    latest = assistance(stub_url)[-1]
    assert (latest["kind"], latest["status"]) == ("home_service", "scheduled")
    let_idle_expire(app, qtbot)


def test_staff_unreachable_is_told_and_the_citizen_can_leave(app: KioskApp, stub_url: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    inject_fault(stub_url, "POST", "/v1/assistance", status=503, count=3)
    tap(app.window, "attract.helpButton")
    tap(app.window, "help.staffButton")
    qtbot.waitUntil(lambda: app.vm.helpStatus == "failed", timeout=15_000)
    assert find_item(app.window, "help.problem") is not None and app.vm.screen == "help"
    tap(app.window, "frame.cancelButton")
    qtbot.waitUntil(lambda: app.vm.screen == "attract")


def test_the_receipt_is_printed_with_the_application_number(app: KioskApp, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def look(screen: str) -> None:
        if screen == "done":
            qtbot.waitUntil(lambda: app.vm.printStatus == "printed", timeout=10_000)
            seen.append(text_of(app.window, "print.status"))
    outcome = run_flow(app, "lost", "lost-ok", on_screen=look)
    slip = (tmp_path / "slip.bin").read_bytes()
    assert outcome.application_id and outcome.application_id.encode() in slip
    assert GS_QR in slip and slip.endswith(CUT + b"\x00")  # the tracking QR code, then the cut
    # The screen's own words, in the citizen's language: the title and the service's name.
    assert "申请已提交".encode("gb18030") in slip and "遗失补证".encode("gb18030") in slip
    assert seen == ["请取走打印的凭条。"]


def test_a_referral_slip_names_the_window_and_carries_the_ticket(app: KioskApp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                  qtbot) -> None:
    walk_to(app, "lost", "lost-frequent", "referral")
    qtbot.waitUntil(lambda: app.vm.printStatus == "printed", timeout=10_000)
    slip = (tmp_path / "slip.bin").read_bytes()
    assert "7号窗口".encode("gb18030") in slip
    assert app.vm.ticket.encode() in slip and app.vm.referralSlip.encode() in slip
    tap(app.window, "referral.finishButton")
    qtbot.waitUntil(lambda: app.vm.screen == "attract")
    assert app.conductor.outcomes[-1].outcome == "referred"


def test_a_printer_fault_is_told_and_the_session_goes_on(stub_url: str, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    app = slip_app(stub_url, tmp_path, tmp_path / "no-such-dir" / "lp0")
    try:
        walk_to(app, "renewal", "renewal-many", "refused")
        tap(app.window, "refused.printButton")
        qtbot.waitUntil(lambda: app.vm.printStatus == "failed", timeout=10_000)
        assert find_item(app.window, "print.status") is not None
        tap(app.window, "refused.finishButton")
        qtbot.waitUntil(lambda: app.vm.screen == "attract")
        assert app.conductor.outcomes[-1].outcome == "ineligible"
    finally:
        app.close()


def test_a_new_postal_address_is_typed_in_the_window(app: KioskApp, stub_url: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    walk_to(app, "damaged", "damaged-ok", "delivery")
    tap(app.window, "delivery.newAddressButton")
    tap(app.window, "delivery.address.input")
    qtbot.waitUntil(lambda: find_item(app.window, "keyboard") is not None)  # the in-window keyboard
    type_text(app.window, "12 Dongchang Road, Liaocheng")
    tap(app.window, "delivery.continueButton")
    outcome = run_flow(app, "damaged", "damaged-ok")
    assert outcome.outcome == "submitted"
    sent = [a for a in received_applications(stub_url) if a.get("application_id") == outcome.application_id]
    request = sent[0]["request"]  # type: ignore[index]
    assert request["delivery"]["address"] == "12 Dongchang Road, Liaocheng"  # type: ignore[index]
    assert request["declarations"] == ["DAMAGE_DECLARED"]  # type: ignore[index]


def test_what_the_keyboard_learns_stays_in_a_private_folder_removed_on_close(stub_url: str, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                            qtbot) -> None:
    app = slip_app(stub_url, tmp_path, tmp_path / "slip.bin")
    private = Path(app.keyboard_data.name)
    try:
        # Qt's pinyin engine keeps its user dictionary under $XDG_CONFIG_HOME/qtvirtualkeyboard/pinyin.
        assert os.environ["XDG_CONFIG_HOME"] == str(private)
        assert oct(private.stat().st_mode & 0o777) == "0o700"
        assert (private / "qtvirtualkeyboard" / "pinyin").is_dir()
    finally:
        app.close()
    assert not private.exists()
