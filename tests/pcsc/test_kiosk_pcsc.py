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
