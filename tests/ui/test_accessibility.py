"""Accessibility, checked over the theme and every screen in both modes (DOMAIN.md §11): text sizes,
touch targets, colours with enough contrast; care mode, voice guidance, calling staff from any screen."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor
from PySide6.QtQml import QQmlComponent, QQmlEngine
from PySide6.QtQuick import QQuickItem

from kiosk.app import KioskApp, build_app
from kiosk.commands import for_qa
from kiosk.config import Settings
from kiosk.qa import run_flow, walk_to
from kiosk.screenshots import LIVE, SCREENS
from kiosk.stub_process import StubProcess
from kiosk.uidriver import find_item, tap, wait_for_frame
from tests.ui.test_kiosk_ui import let_idle_expire

QML = Path(__file__).parents[2] / "src" / "ui" / "qml"
MODES = {"normal": {"text": 28, "target": 64}, "care": {"text": 36, "target": 96}}
PAIRS = [("text", "background"), ("text", "surface"), ("mutedText", "background"), ("mutedText", "surface"),
         ("primary", "background"), ("primary", "surface"), ("danger", "background"), ("danger", "surface"),
         ("success", "background"), ("success", "surface"), ("textOnPrimary", "primary")]
ON_LIGHT = ("text", "mutedText", "primary", "danger", "success")  # text colours for light backgrounds
# demo-only controls; pictures of the card's print
NOT_CHECKED = ("demoTray", "cardBackPicture", "cardFrontPicture")


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours."""
    def luminance(c: QColor) -> float:
        def linear(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF())
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def theme(care: bool) -> dict[str, Any]:
    engine = QQmlEngine()
    component = QQmlComponent(engine)
    component.setData(f'import QtQuick\nimport "{QML.as_uri()}"\nQtObject {{ property var theme: Theme }}'
                      .encode(), QUrl())
    holder = component.create()
    assert holder is not None, component.errorString()
    singleton = holder.property("theme")
    singleton.setProperty("care", care)
    names = {name for pair in PAIRS for name in pair} | {"bodySize", "smallSize", "minTarget", "targetHeight"}
    return {name: singleton.property(name) for name in names}


@pytest.mark.parametrize("care", [False, True])
def test_every_colour_pair_of_the_theme_has_enough_contrast(qapp, care: bool) -> None:  # type: ignore[no-untyped-def]
    colours = theme(care)
    low = {f"{a} on {b}": round(contrast(colours[a], colours[b]), 2) for a, b in PAIRS
           if contrast(colours[a], colours[b]) < (7.0 if care else 4.5)}  # care mode: AAA
    assert low == {}


def test_care_mode_is_larger_than_normal_mode(qapp) -> None:  # type: ignore[no-untyped-def]
    normal, care = theme(False), theme(True)
    assert normal["bodySize"] >= 28 and normal["minTarget"] >= 64
    assert care["bodySize"] >= 36 and care["smallSize"] >= 36 and care["minTarget"] >= 96
    assert care["targetHeight"] > normal["targetHeight"]


@pytest.fixture(scope="module")
def screens(tmp_path_factory) -> Iterator[tuple[KioskApp, dict[str, Any]]]:  # type: ignore[no-untyped-def]
    """One kiosk with a session copied at every screen, as `kiosk screenshot` makes them."""
    from kiosk import screenshots
    with StubProcess() as stub:
        app = build_app(for_qa(Settings(), stub.url, tmp_path_factory.mktemp("kiosk")), demo_stub=stub.url)
        try:
            yield app, screenshots._collect(app, stub)
        finally:
            app.close()


def audit(app: KioskApp, care: bool, checked: dict[str, int]) -> list[str]:
    """What breaks the numbers on the painted screen: small text, small targets, unapproved colours;
    `checked` counts what was looked at."""
    limits, colours = MODES["care" if care else "normal"], theme(care)
    allowed = {colours[name].name() for name in ON_LIGHT}
    problems: list[str] = []
    for item in visible_items(app.window.contentItem()):
        name = item.objectName() or type(item).__name__
        text = item.property("text")
        if item.inherits("QQuickText") and isinstance(text, str) and text.strip():  # Text and Body, Field, …
            checked["texts"] += 1
            font = item.property("font")
            if font.pixelSize() < limits["text"]:
                problems.append(f"text {text[:20]!r} {font.pixelSize()} px")
            colour = item.property("color").name()
            if colour not in allowed and colour != colours["textOnPrimary"].name():
                problems.append(f"text {text[:20]!r} in {colour}")
        if re.search(r"(Button|^keypad\.|^language\.)", name) and not name.startswith("demo."):
            checked["targets"] += 1
            if min(item.width(), item.height()) < limits["target"]:
                problems.append(f"target {name} {item.width():.0f}×{item.height():.0f}")
    return problems


def visible_items(root: QQuickItem) -> list[QQuickItem]:
    found, pending = [], [root]
    while pending:
        item = pending.pop()
        if not item.isVisible() or item.objectName() in NOT_CHECKED:
            continue
        found.append(item)
        pending.extend(item.childItems())
    return found


@pytest.mark.parametrize("care", [False, True], ids=["normal", "care"])
def test_every_screen_meets_the_numbers(screens, care: bool) -> None:  # type: ignore[no-untyped-def]
    app, snapshots = screens
    app.vm._access["care"] = care  # noqa: SLF001 - the mode a citizen's touch would set
    app.vm.accessChanged.emit()
    problems: dict[str, list[str]] = {}
    checked = {"texts": 0, "targets": 0}
    try:
        for screen in (s for s in SCREENS if s not in LIVE):
            app.vm.update(screen, copy.deepcopy(snapshots.get(screen, snapshots.get("place_id"))))
            wait_for_frame(app.window)
            found = audit(app, care, checked)
            if found:
                problems[screen] = found
            simple = find_item(app.window, "screen.simple")
            if care and screen != "attract" and (simple is None or not simple.property("text")):
                problems.setdefault(screen, []).append("no plain-words instruction in care mode")
            if not care and simple is not None:
                problems.setdefault(screen, []).append("a care-mode instruction in normal mode")
    finally:
        app.vm.reset_preferences()
        app.vm.update("attract", None)
    assert problems == {}
    assert checked["texts"] > 300 and checked["targets"] > 60  # the audit saw the screens' contents


@pytest.fixture
def app(qtbot, stub_url: str, tmp_path: Path) -> Iterator[KioskApp]:  # type: ignore[no-untyped-def]
    kiosk = build_app(for_qa(Settings(), stub_url, tmp_path), demo_stub=stub_url)
    kiosk.window.show()
    yield kiosk
    kiosk.close()


def test_care_mode_is_one_touch_gives_more_time_and_ends_with_the_session(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    walk_to(app, "lost", "lost-ok", "record")
    normal = app.idle.idle.interval()
    tap(app.window, "access.careButton")
    qtbot.waitUntil(lambda: app.vm.careMode)
    assert app.idle.idle.interval() == normal * 2  # care_time_factor
    let_idle_expire(app, qtbot)
    assert app.vm.careMode is False  # the next citizen starts in normal mode


def test_voice_says_each_screen_and_never_a_number_of_the_citizen(app: KioskApp, stub_url: str,  # type: ignore[no-untyped-def]
                                                                  qtbot) -> None:
    persona = requests.get(f"{stub_url}/_stub/personas/renewal-ok", timeout=5).json()
    tap(app.window, "attract.voiceButton")
    qtbot.waitUntil(lambda: app.vm.voiceOn)
    voice = app.vm._voice  # noqa: SLF001
    run_flow(app, "renewal", "renewal-ok")
    said = " ".join(voice.spoken)
    for title in ("请将身份证放在读卡区", "您的新驾驶证", "申请已提交"):
        assert title in said
    digits = re.sub(r"\D", "", said)
    for number in (persona["holder"]["id_number"], persona["holder"]["phone"], persona["document"]["can"]):
        assert number not in digits
    assert voice.on is False and voice.volume == Settings().voice.volume  # reset for the next citizen


def test_voice_controls_change_the_volume_and_repeat(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    tap(app.window, "attract.startButton")
    tap(app.window, "access.voiceButton")
    qtbot.waitUntil(lambda: find_item(app.window, "access.louderButton") is not None)
    voice = app.vm._voice  # noqa: SLF001
    before, count = voice.volume, len(voice.spoken)
    tap(app.window, "access.louderButton")
    assert voice.volume > before and len(voice.spoken) == count + 1  # said again at the new volume
    tap(app.window, "access.repeatButton")
    assert voice.spoken[-1] == voice.spoken[-2]
    tap(app.window, "access.voiceButton")
    qtbot.waitUntil(lambda: not app.vm.voiceOn)


def test_call_staff_from_inside_a_service_and_go_on(app: KioskApp, stub_url: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    walk_to(app, "damaged", "damaged-ok", "damage_declaration")
    tap(app.window, "access.staffButton")
    qtbot.waitUntil(lambda: find_item(app.window, "access.staffStatus") is not None
                    and app.vm.helpTicket != "", timeout=10_000)
    latest = requests.get(f"{stub_url}/_stub/assistance", timeout=5).json()[-1]
    assert (latest["kind"], latest["request_id"]) == ("staff", app.vm.helpTicket)
    assert app.vm.screen == "damage_declaration"  # the session goes on
    tap(app.window, "frame.cancelButton")
    qtbot.waitUntil(lambda: app.vm.screen == "attract")
    assert app.vm.helpTicket == ""


def test_the_idle_warning_is_spoken_and_one_touch_continues(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    walk_to(app, "transfer-in", "transfer-in-ok", "residence")
    app.idle.idle.timeout.emit()
    qtbot.waitUntil(lambda: find_item(app.window, "idleWarning.continueButton") is not None)
    assert app.vm._voice.spoken[-1] == "您还需要更多时间吗？"  # noqa: SLF001 - heard even with voice off
    tap(app.window, "idleWarning.continueButton")
    qtbot.waitUntil(lambda: app.vm.idleWarning == 0)
    assert app.vm.screen == "residence" and app.idle.idle.isActive() and not app.idle.warning.isActive()
    tap(app.window, "frame.cancelButton")

