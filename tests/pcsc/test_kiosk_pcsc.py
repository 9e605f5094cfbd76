"""The real kiosk UI with a PC/SC reader: the citizen types the card's numbers (once wrongly), and
pcscd restarting in the middle of a session loses nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.app import KioskApp, build_app
from kiosk.commands import for_qa
from kiosk.config import Settings
from kiosk.demo import access_data
from kiosk.pcscd import READER, Pcscd
from kiosk.uidriver import erase, find_item, tap, text_of, type_text

pytestmark = pytest.mark.pcsc


def pcsc_app(stub_url: str, data_dir: Path) -> KioskApp:
    settings = for_qa(Settings(), stub_url, data_dir)
    settings = replace(settings, devices=replace(settings.devices, card="pcsc", reader=READER,
                                                 allow_virtual_reader=True))
    app = build_app(settings, demo_stub=stub_url)
    app.window.show()
    return app


def type_into(app: KioskApp, field: str, text: str, erase_first: int = 0) -> None:
    tap(app.window, field)
    erase(app.window, erase_first)
    type_text(app.window, text)


def test_a_mistyped_key_asks_again_and_pcscd_may_restart(pcscd: Pcscd, stub_url: str, tmp_path: Path,
                                                         qtbot) -> None:  # type: ignore[no-untyped-def]
    app = pcsc_app(stub_url, tmp_path)
    try:
        tap(app.window, "attract.startButton")
        tap(app.window, "menu.service.renewal")
        qtbot.waitUntil(lambda: app.vm.screen == "place_id")
        pcscd.restart()  # the daemon goes away and comes back while the citizen stands there
        assert app.demo is not None
        app.demo.place("renewal-ok")
        qtbot.waitUntil(lambda: app.vm.screen == "access_key", timeout=15_000)
        number, birth, expiry = access_data(app.demo.persona("renewal-ok"))
        tap(app.window, "access.switchButton")  # the bottom lines instead of the access number
        type_into(app, "access.documentNumber.input", number)
        type_into(app, "access.birthDate.input", birth)
        type_into(app, "access.expiryDate.input", "010101")  # a slip of the finger
        tap(app.window, "access.continueButton")
        qtbot.waitUntil(lambda: app.vm.readProblem == "ACCESS_DENIED", timeout=15_000)
        assert app.vm.screen == "access_key" and find_item(app.window, "access.problem") is not None
        type_into(app, "access.expiryDate.input", expiry, erase_first=6)
        fields = [text_of(app.window, f"access.{name}.input") for name in ("documentNumber", "birthDate",
                                                                          "expiryDate")]
        assert fields == [number, birth, expiry]
        tap(app.window, "access.continueButton")
        qtbot.waitUntil(lambda: app.vm.screen == "record", timeout=15_000)
        assert app.vm.holderName == app.demo.persona("renewal-ok")["holder"]["name"]
    finally:
        app.close()


def test_the_card_access_number_opens_the_chip_and_a_wrong_one_asks_again(pcscd: Pcscd, stub_url: str,
                                                                          tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    app = pcsc_app(stub_url, tmp_path)
    try:
        tap(app.window, "attract.startButton")
        tap(app.window, "menu.service.renewal")
        qtbot.waitUntil(lambda: app.vm.screen == "place_id")
        assert app.demo is not None
        app.demo.place("renewal-ok")
        qtbot.waitUntil(lambda: app.vm.screen == "access_key", timeout=15_000)
        can = app.demo.persona("renewal-ok")["document"]["can"]
        type_into(app, "access.can.input", "000000")
        tap(app.window, "access.continueButton")
        qtbot.waitUntil(lambda: app.vm.readProblem == "ACCESS_DENIED", timeout=15_000)
        assert app.vm.screen == "access_key" and text_of(app.window, "access.can.input") == "000000"
        type_into(app, "access.can.input", can, erase_first=6)
        tap(app.window, "access.continueButton")
        qtbot.waitUntil(lambda: app.vm.screen == "record", timeout=15_000)
        session = app.conductor.flow.session if app.conductor.flow else None
        assert session is not None and session.chip_check == "verified"  # PACE, signature chain, AA
        assert session.portrait is not None  # the chip's photo, for the face match
    finally:
        app.close()


def test_a_cloned_chip_is_refused_referred_and_audited(pcscd: Pcscd, stub_url: str, tmp_path: Path,
                                                       qtbot) -> None:  # type: ignore[no-untyped-def]
    from drivers.card.chip import ChipFaults
    from kiosk.store.audit import AuditTrail
    app = pcsc_app(stub_url, tmp_path)
    try:
        qtbot.waitUntil(lambda: app.conductor.technician is not None)  # the audit trail is up
        tap(app.window, "attract.startButton")
        tap(app.window, "menu.service.renewal")
        qtbot.waitUntil(lambda: app.vm.screen == "place_id")
        assert app.demo is not None
        app.demo.hand.faults = ChipFaults(cloned_chip=True)  # the data copied, not the chip's private key
        app.demo.place("renewal-ok")
        qtbot.waitUntil(lambda: app.vm.screen == "access_key", timeout=15_000)
        type_into(app, "access.can.input", app.demo.persona("renewal-ok")["document"]["can"])
        tap(app.window, "access.continueButton")
        qtbot.waitUntil(lambda: app.vm.screen == "referral", timeout=15_000)
        assert "DOCUMENT_NOT_GENUINE" in app.vm.reasons and app.vm.ticket
        assert app.vm.holderName == ""  # nothing of the document's holder is shown
        audit = AuditTrail(tmp_path / "kiosk.db")  # the QA store is in the data folder
        qtbot.waitUntil(lambda: any(row["event"] == "document_refused" for row in audit.recent(5)))
        refused = next(row for row in audit.recent(5) if row["event"] == "document_refused")
        assert "active authentication invalid" in refused["outcome"]
        assert app.demo.persona("renewal-ok")["document"]["number"] not in refused["outcome"]
        audit.close()
    finally:
        app.close()


def test_the_technicians_test_read_shows_the_chips_retry_counter_and_its_checks(
        pcscd: Pcscd, stub_url: str, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    app = pcsc_app(stub_url, tmp_path)
    try:
        qtbot.waitUntil(lambda: app.conductor.technician is not None)
        for _ in range(5):
            tap(app.window, "diagnostics.corner")
        qtbot.waitUntil(lambda: app.vm.screen == "diagnostics_pin")
        for digit in "2468":  # the demo PIN
            tap(app.window, f"keypad.{digit}")
        tap(app.window, "diagnosticsPin.enterButton")
        qtbot.waitUntil(lambda: app.vm.screen == "diagnostics")
        assert app.demo is not None
        app.demo.place("renewal-ok")
        qtbot.waitUntil(lambda: app.reader.present, timeout=15_000)
        type_into(app, "diagnostics.access.input", "000000")  # a wrong CAN: the chip counts down
        tap(app.window, "diagnostics.testReadButton")
        qtbot.waitUntil(lambda: app.vm.diagnosticsMessage.startswith("test read: "), timeout=15_000)
        assert app.vm.diagnosticsMessage == "test read: ACCESS_DENIED (2 tries left on the chip)"
        type_into(app, "diagnostics.access.input", app.demo.persona("renewal-ok")["document"]["can"],
                  erase_first=6)
        tap(app.window, "diagnostics.testReadButton")
        qtbot.waitUntil(lambda: "APDUs" in app.vm.diagnosticsMessage, timeout=15_000)
        message = app.vm.diagnosticsMessage
        assert "access PACE" in message and "signature valid" in message
        assert "active authentication valid" in message and "王" not in message
    finally:
        app.close()
