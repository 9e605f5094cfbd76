"""Technicians through the real screens: out of service while a needed device is down and back by itself,
diagnostics behind the hidden corner and the PIN (locked after five wrong tries, audited), the report,
a diagnostics bundle, leaving to the attract screen."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.device_state import NO_DEVICE, DeviceStatus
from kiosk.app import KioskApp, build_app
from kiosk.commands import for_qa
from kiosk.config import Settings
from kiosk.uidriver import find_item, tap, text_of


@pytest.fixture
def app(qtbot, stub_url: str, tmp_path: Path) -> Iterator[KioskApp]:  # type: ignore[no-untyped-def]
    kiosk = build_app(for_qa(Settings(), stub_url, tmp_path), demo_stub=stub_url)
    kiosk.window.show()
    assert kiosk.conductor.monitor is not None
    kiosk.conductor.monitor.start()
    yield kiosk
    kiosk.close()


def enter(app: KioskApp, pin: str) -> None:
    for digit in pin:
        tap(app.window, f"keypad.{digit}")
    tap(app.window, "diagnosticsPin.enterButton")


def open_diagnostics(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        tap(app.window, "diagnostics.corner")
    qtbot.waitUntil(lambda: app.vm.screen == "diagnostics_pin")


def test_a_missing_reader_takes_the_kiosk_out_of_service_until_it_is_back(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    monitor = app.conductor.monitor
    assert monitor is not None
    real = monitor._probes["card_reader"]  # noqa: SLF001 - the device's own report is the seam
    monitor._probes["card_reader"] = lambda: DeviceStatus(NO_DEVICE, "pcscd is not running")  # noqa: SLF001
    monitor.poll()
    qtbot.waitUntil(lambda: app.vm.screen == "out_of_service")
    assert "card_reader" in text_of(app.window, "outOfService.devices")
    assert not app.idle.idle.isActive()  # nobody to time out
    monitor._probes["card_reader"] = real  # noqa: SLF001
    monitor.poll()
    qtbot.waitUntil(lambda: app.vm.screen == "attract")


def test_a_session_in_progress_is_not_cut_by_a_device_going_down(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    from kiosk.qa import walk_to
    monitor = app.conductor.monitor
    assert monitor is not None
    walk_to(app, "lost", "lost-ok", "loss_declaration")
    real = monitor._probes["camera"]  # noqa: SLF001
    monitor._probes["camera"] = lambda: DeviceStatus(NO_DEVICE, "unplugged")  # noqa: SLF001
    monitor.poll()
    assert app.vm.screen == "loss_declaration"
    tap(app.window, "frame.cancelButton")
    qtbot.waitUntil(lambda: app.vm.screen == "out_of_service")  # the next citizen is not let in
    monitor._probes["camera"] = real  # noqa: SLF001
    monitor.poll()
    qtbot.waitUntil(lambda: app.vm.screen == "attract")


def test_five_wrong_pins_lock_diagnostics(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_diagnostics(app, qtbot)
    for attempt in range(1, 6):
        enter(app, "1111")
        qtbot.waitUntil(lambda expected=attempt % 5: app.vm.pinFailures == expected)
    assert app.vm.pinLockedFor > 0 and app.vm.screen == "diagnostics_pin"
    button = find_item(app.window, "diagnosticsPin.enterButton")
    assert button is not None and not button.isEnabled()
    tap(app.window, "frame.cancelButton")
    qtbot.waitUntil(lambda: app.vm.screen == "attract")


def test_the_technician_sees_the_report_saves_a_bundle_and_leaves(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    open_diagnostics(app, qtbot)
    enter(app, "2468")  # the demo PIN
    qtbot.waitUntil(lambda: app.vm.screen == "diagnostics")
    qtbot.waitUntil(lambda: len(app.vm.diagnosticsReport) > 0, timeout=15_000)
    titles = [section["title"] for section in app.vm.diagnosticsReport]
    assert titles[:4] == ["devices", "card readers", "back office", "outbox"]
    config = next(s for s in app.vm.diagnosticsReport if s["title"].startswith("configuration"))["lines"]
    assert "back_office.token = (set)" in config and not any("demo-kiosk-token" in line for line in config)
    back_office = next(s for s in app.vm.diagnosticsReport if s["title"] == "back office")["lines"]
    assert any("token accepted" in line for line in back_office)
    qtbot.waitUntil(lambda: app.vm.preview_frame_number() > 0, timeout=10_000)  # the camera, live …
    qtbot.waitUntil(lambda: app.vm.previewLatencyMs > 0, timeout=10_000)  # … with its checks' latency
    assert app.demo is not None
    app.demo.place("renewal-ok")  # a document on the (simulated) reader, for the test read
    tap(app.window, "diagnostics.testReadButton")
    qtbot.waitUntil(lambda: app.vm.diagnosticsMessage.startswith("test read: "), timeout=10_000)
    assert "ms" in app.vm.diagnosticsMessage and "王" not in app.vm.diagnosticsMessage  # no holder data
    tap(app.window, "diagnostics.saveButton.0")
    qtbot.waitUntil(lambda: app.vm.diagnosticsMessage.startswith("saved "), timeout=10_000)
    bundle = Path(app.vm.diagnosticsMessage.removeprefix("saved "))
    with zipfile.ZipFile(bundle) as saved:
        config = json.loads(saved.read("config.json"))
        assert set(saved.namelist()) == {"report.json", "config.json", "logs.txt"}
    assert config["back_office"]["token"] == "(set)" and "demo-kiosk-token" not in bundle.read_bytes().decode(
        "latin-1")
    assert config["diagnostics"]["pin_hash"] == "(set)"
    tap(app.window, "diagnostics.leaveButton")
    qtbot.waitUntil(lambda: app.vm.screen == "attract")
    audit = [row["event"] for row in app.conductor.technician._audit.recent(5)]  # noqa: SLF001
    assert audit[:4] == ["diagnostics.leave", "diagnostics.bundle", "diagnostics.test_read",
                         "diagnostics.pin"]
