"""The in-window keyboard's keys are touch targets like any other (DOMAIN.md §11): ≥ 64 px, ≥ 96 px in
care mode, in portrait and landscape, on the letters (English, pinyin) and the digits layouts; and in
portrait the field being typed and the screen's actions stay above the keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtQuick import QQuickItem

from kiosk.app import KioskApp, build_app
from kiosk.commands import for_qa
from kiosk.config import Settings
from kiosk.qa import walk_to
from kiosk.stub_process import StubProcess
from kiosk.uidriver import find_item, tap, wait_for_frame, wait_until

TARGET = {"normal": 64, "care": 96}
SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
# QtVirtualKeyboard.KeyType, in its order; a filler key is a gap in a row, not a target.
KEY_TYPES = ("BaseKey", "BackspaceKey", "ChangeLanguageKey", "EnterKey", "FillerKey", "HandwritingModeKey",
             "HideKeyboardKey", "InputModeKey", "Key", "ModeKey", "NumberKey", "ShiftKey", "SpaceKey",
             "SymbolModeKey", "FlickKey")
Hint = Qt.InputMethodHint
# Which keyboard layout a field's hints call up: the language's letters, or digits (AccessKey, phone).
HINTS = {"letters": Hint.ImhNone, "latin": Hint.ImhUppercaseOnly | Hint.ImhLatinOnly,
         "digits": Hint.ImhDigitsOnly, "dialable": Hint.ImhDialableCharactersOnly}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KioskApp]:
    """A kiosk on the delivery screen with a new address to type: a text field and the keyboard."""
    with StubProcess() as stub:
        kiosk = build_app(for_qa(Settings(), stub.url, tmp_path_factory.mktemp("kiosk")), demo_stub=stub.url)
        try:
            walk_to(kiosk, "damaged", "damaged-ok", "delivery")
            tap(kiosk.window, "delivery.newAddressButton")
            yield kiosk
        finally:
            kiosk.close()


def keys(window_root: QQuickItem) -> list[QQuickItem]:
    """The keyboard's visible keys (every key type has `keyType` and a key panel), fillers left out."""
    found, pending = [], [window_root]
    while pending:
        item = pending.pop()
        if not item.isVisible():
            continue
        kind = item.property("keyType")
        if isinstance(kind, int) and item.property("keyPanelDelegate") is not None:
            if KEY_TYPES[kind] != "FillerKey":
                found.append(item)
            continue
        pending.extend(item.childItems())
    return found


def show_keyboard(app: KioskApp, hints: Hint) -> str:
    """Focus the address field with these input hints; returns the keyboard layout that came up."""
    tap(app.window, "delivery.address.input")
    field = find_item(app.window, "delivery.address.input")
    assert field is not None
    field.setProperty("inputMethodHints", hints)
    wait_until(lambda: find_item(app.window, "keyboardLayoutLoader") is not None, 5, "the keyboard")
    wait_for_frame(app.window)
    wait_for_frame(app.window)  # the layout loads, then its rows settle at the next polish
    layout = find_item(app.window, "keyboardLayoutLoader")
    assert layout is not None
    return str(layout.property("source").toString())


def hidden_by_keyboard(app: KioskApp, names: tuple[str, ...]) -> list[str]:
    """Which of these items the keyboard covers (their rectangles meet) or the window cuts off."""
    keyboard = find_item(app.window, "keyboard")
    assert keyboard is not None
    covered = keyboard.mapRectToScene(keyboard.boundingRect())
    window = QRectF(0, 0, app.window.width(), app.window.height())
    items = {name: find_item(app.window, name) for name in names}
    return [name for name, item in items.items()
            if item is None or item.mapRectToScene(item.boundingRect()).intersects(covered)
            or not window.contains(item.mapRectToScene(item.boundingRect()))]


def small_keys(app: KioskApp, target: int) -> list[str]:
    found = keys(app.window.contentItem())
    assert len(found) >= 10  # the walk saw a keyboard, not an empty one
    small = []
    for key in found:
        painted = key.mapRectToScene(key.boundingRect())
        if min(painted.width(), painted.height()) < target:
            name = key.property("displayText") or KEY_TYPES[key.property("keyType")]
            small.append(f"{name} {painted.width():.0f}×{painted.height():.0f}")
    return small


@contextmanager
def looking_as(app: KioskApp, mode: str, orientation: str) -> Iterator[None]:
    """The kiosk in this mode and orientation; then normal mode, in Chinese, again."""
    if app.vm.care_mode() != (mode == "care"):
        app.vm.toggleCare()
    app.window.resize(*SIZES[orientation])
    try:
        yield
    finally:
        app.vm.reset_preferences()
        app.vm.chooseLanguage("zh")


@pytest.mark.parametrize("orientation", list(SIZES))
@pytest.mark.parametrize("mode", list(TARGET))
def test_every_key_is_a_large_enough_target(app: KioskApp, mode: str, orientation: str) -> None:
    problems: dict[str, list[str]] = {}
    layouts: set[str] = set()
    with looking_as(app, mode, orientation):
        for language in ("zh", "en"):
            app.vm.chooseLanguage(language)
            for kind, hints in HINTS.items():
                layouts.add("/".join(show_keyboard(app, hints).split("/")[-2:]))
                small = small_keys(app, TARGET[mode])
                if small:
                    problems[f"{language} {kind}"] = small
    assert problems == {}
    # Pinyin, English (Qt's fallback layout), digits (ImhDigitsOnly) and the phone pad (dialable).
    assert layouts == {"zh_CN/main.qml", "fallback/main.qml", "fallback/digits.qml", "fallback/dialpad.qml"}


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("mode", list(TARGET))
def test_the_address_and_the_actions_stay_above_the_keyboard(app: KioskApp, mode: str,
                                                             orientation: str) -> None:
    hidden: dict[str, list[str]] = {}
    with looking_as(app, mode, orientation):
        for language in ("zh", "en"):  # English titles wrap to more lines
            app.vm.chooseLanguage(language)
            show_keyboard(app, HINTS["letters"])
            hidden[language] = hidden_by_keyboard(app, ("delivery.address.input", "delivery.backButton",
                                                        "delivery.continueButton", "frame.cancelButton"))
    assert hidden == {"zh": [], "en": []}
