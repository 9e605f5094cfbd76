"""The real QML UI offscreen, driven by taps, against the real stub."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtQuick import QQuickItem

from kiosk.app import KioskApp, build_app
from kiosk.commands import for_qa
from kiosk.config import Settings
from kiosk.qa import run_flow, walk_to
from kiosk.uidriver import find_item, tap, text_of, wait_for_frame


def make_app(stub_url: str, data_dir: Path, size: tuple[int, int] = (1080, 1920),
             language: str = "zh") -> KioskApp:
    settings = for_qa(Settings(), stub_url, data_dir)
    settings = replace(settings, screen=replace(settings.screen, width=size[0], height=size[1],
                                                language=language))
    app = build_app(settings, demo_stub=stub_url)
    app.window.show()
    return app


def let_idle_expire(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Fire the idle timer, see the warning, then fire the warning's timer (tests never wait for real
    time): the session ends on the attract screen."""
    app.idle.idle.timeout.emit()
    qtbot.waitUntil(lambda: find_item(app.window, "idleWarning.continueButton") is not None)
    assert app.vm.idleWarning == app.idle.warning.interval() // 1000 >= 20
    app.idle.warning.timeout.emit()
    qtbot.waitUntil(lambda: app.vm.screen == "attract")
    assert app.vm.idleWarning == 0


@pytest.fixture
def app(qtbot, stub_url: str, tmp_path: Path) -> Iterator[KioskApp]:  # type: ignore[no-untyped-def]
    kiosk = make_app(stub_url, tmp_path)
    yield kiosk
    kiosk.close()


def test_renewal_happy_path_through_the_real_screens(app: KioskApp) -> None:
    seen: dict[str, str] = {}

    def look(screen: str) -> None:
        if screen == "done":
            seen["application"] = text_of(app.window, "done.applicationId")
            seen["qr_width"] = find_item(app.window, "done.qr").implicitWidth()
    outcome = run_flow(app, "renewal", "renewal-ok", on_screen=look)
    assert outcome.outcome == "submitted"
    assert seen["application"] == outcome.application_id
    assert seen["qr_width"] > 100  # the QR code, not the 1-pixel placeholder
    assert app.vm.screen == "attract"
    assert app.vm.holderName == "" and app.vm.applicationId == ""


def test_every_reason_is_shown_at_once(app: KioskApp) -> None:
    shown: list[str] = []

    def look(screen: str) -> None:
        if screen == "refused":
            shown.extend(code for code in ("TOO_EARLY", "UNHANDLED_VIOLATIONS", "MEDICAL_CERTIFICATE_MISSING")
                         if find_item(app.window, f"refused.reason.{code}") is not None)
    assert run_flow(app, "renewal", "renewal-many", on_screen=look).outcome == "ineligible"
    assert shown == ["TOO_EARLY", "UNHANDLED_VIOLATIONS", "MEDICAL_CERTIFICATE_MISSING"]


def test_language_switches_while_running(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    tap(app.window, "attract.startButton")
    qtbot.waitUntil(lambda: app.vm.screen == "menu")
    assert text_of(app.window, "screen.title") == "您要办理什么业务？"
    tap(app.window, "language.en")
    qtbot.waitUntil(lambda: text_of(app.window, "screen.title") == "What would you like to do?")
    assert app.vm.language == "en"
    tap(app.window, "language.zh")
    qtbot.waitUntil(lambda: text_of(app.window, "screen.title") == "您要办理什么业务？")


def test_the_demo_tray_places_a_card(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    tap(app.window, "attract.startButton")
    tap(app.window, "menu.service.renewal")
    qtbot.waitUntil(lambda: app.vm.screen == "place_id")
    assert find_item(app.window, "demo.persona.renewal-ok") is None  # the tray starts folded
    tap(app.window, "demo.toggle")
    tap(app.window, "demo.persona.renewal-ok")
    qtbot.waitUntil(lambda: app.vm.screen == "record")
    assert app.vm.holderName


def test_idle_timeout_returns_to_attract_and_wipes(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    tap(app.window, "attract.startButton")
    tap(app.window, "menu.service.renewal")
    app.demo.place("renewal-ok")
    qtbot.waitUntil(lambda: app.vm.screen == "record")
    assert app.idle.idle.isActive()
    let_idle_expire(app, qtbot)
    assert app.vm.holderName == "" and not app.idle.idle.isActive()
    assert app.conductor.outcomes[-1].outcome == "cancelled"


def test_landscape_keeps_every_button_on_screen(qtbot, stub_url: str,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    app = make_app(stub_url, tmp_path, size=(1920, 1080), language="en")
    offscreen: list[str] = []
    window_rect = QRectF(0, 0, 1920, 1080)

    def look(screen: str) -> None:
        wait_for_frame(app.window)  # judge the laid-out, painted screen
        for item in visible_buttons(app.window.contentItem()):
            box = item.mapRectToScene(item.boundingRect())
            if not window_rect.contains(box):
                offscreen.append(f"{screen}:{item.objectName()}")
    try:
        assert run_flow(app, "renewal", "renewal-ok", on_screen=look).outcome == "submitted"
    finally:
        app.close()
    assert offscreen == []


def visible_buttons(root: QQuickItem) -> list[QQuickItem]:
    found, pending = [], [root]
    while pending:
        item = pending.pop()
        if item.isVisible() and item.objectName().endswith("Button"):
            found.append(item)
        pending.extend(item.childItems())
    return found


def test_a_queued_application_is_told_honestly(app: KioskApp, stub_url: str) -> None:
    from tests.conftest import inject_fault
    seen: dict[str, object] = {}

    def look(screen: str) -> None:
        if screen == "done":
            seen["notice"] = find_item(app.window, "done.queuedNotice") is not None
            seen["qr"] = find_item(app.window, "done.qr") is not None
            seen["shown"] = text_of(app.window, "done.applicationId")
    inject_fault(stub_url, "POST", "/v1/applications", status=503, count=3)
    outcome = run_flow(app, "renewal", "renewal-ok", on_screen=look)
    assert outcome.outcome == "submitted" and outcome.delivered is False and outcome.application_id is None
    assert seen == {"notice": True, "qr": False, "shown": seen["shown"]}
    assert str(seen["shown"]).startswith("Q")


def test_heartbeats_carry_device_states_and_the_outbox(app: KioskApp, stub_url: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    import requests

    def latest() -> dict[str, object] | None:
        beats = requests.get(f"{stub_url}/_stub/heartbeats", timeout=5).json()
        return next((beat for beat in beats if beat.get("kiosk_id") == "kiosk-dev"), None)
    app.window.update()  # the first painted frame starts the background jobs
    qtbot.waitUntil(lambda: latest() is not None, timeout=10_000)
    beat = latest()
    assert beat is not None
    assert beat["outbox"] == {"depth": 0, "oldest_age_s": None, "rejected": 0}
    assert set(beat["devices"]) == {"card_reader", "camera"}  # type: ignore[arg-type]


def test_a_back_office_fault_is_told_in_plain_words(app: KioskApp, stub_url: str) -> None:
    from tests.conftest import inject_fault
    shown: list[str] = []

    def look(screen: str) -> None:
        if screen == "failed":
            shown.append(text_of(app.window, "failed.message"))
    inject_fault(stub_url, "POST", "/v1/eligibility", status=500)
    outcome = run_flow(app, "renewal", "renewal-ok", on_screen=look)
    assert (outcome.outcome, outcome.failure) == ("failed", "UNAVAILABLE")
    assert shown == ["暂时无法连接驾驶证业务系统。"]


def test_switching_language_mid_flow_keeps_everything_entered(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    walk_to(app, "transfer-in", "transfer-in-ok", "self_declaration")
    before = (app.vm.holderName, app.vm.licenceNumber, list(app.vm.declarations), app.vm.issuingOffice)
    tap(app.window, "language.en")
    qtbot.waitUntil(lambda: app.vm.language == "en")
    assert find_item(app.window, "screen.title").property("text") == "Your physical condition"
    after = (app.vm.holderName, app.vm.licenceNumber, list(app.vm.declarations), app.vm.issuingOffice)
    assert after == before
    assert app.vm.screen == "self_declaration" and app.vm._voice.language == "en"  # noqa: SLF001
    tap(app.window, "selfDeclaration.fitButton")
    qtbot.waitUntil(lambda: app.vm.screen == "hand_in")
    assert app.vm.declarations == ["RESIDENCE_HOUSEHOLD", "PHYSICAL_CONDITION_FIT"]
    tap(app.window, "language.zh")
    tap(app.window, "frame.cancelButton")
    qtbot.waitUntil(lambda: app.vm.screen == "attract")
