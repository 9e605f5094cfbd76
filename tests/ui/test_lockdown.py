"""Kiosk mode: one instance, full screen and frameless, no cursor, no closing, no keyboard shortcut."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWindow

from kiosk.app import build_app
from kiosk.commands import for_qa
from kiosk.config import Settings
from kiosk.errors import UsageError
from kiosk.lockdown import KeyGuard, single_instance


def test_a_second_kiosk_on_the_same_data_is_refused(tmp_path: Path) -> None:
    first = single_instance(tmp_path)
    try:
        with pytest.raises(UsageError, match="another kiosk is already running"):
            single_instance(tmp_path)
    finally:
        first.unlock()
    single_instance(tmp_path).unlock()  # and the lock is free again once the first one has gone


@pytest.mark.parametrize("key, modifiers, swallowed", [
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier, True),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier, True),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.MetaModifier, True),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier, True),
    (Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, False),
    (Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier, False),  # typing a capital letter is fine
])
def test_key_chords_and_function_keys_never_reach_the_ui(qapp, key: Qt.Key, modifiers: Qt.KeyboardModifier,  # type: ignore[no-untyped-def]
                                                         swallowed: bool) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers)
    assert KeyGuard().eventFilter(qapp, event) is swallowed


def test_kiosk_mode_is_full_screen_frameless_cursorless_and_cannot_be_closed(qtbot, stub_url: str,  # type: ignore[no-untyped-def]
                                                                             tmp_path: Path) -> None:
    app = build_app(for_qa(Settings(), stub_url, tmp_path), demo_stub=stub_url)
    try:
        app.lock_down()
        qtbot.waitUntil(lambda: app.window.visibility() == QWindow.Visibility.FullScreen)
        assert app.window.flags() & Qt.WindowType.FramelessWindowHint
        assert app.lockdown is not None and app.lockdown.cursor_hidden
        assert QGuiApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor  # (set: safe to ask)
        app.window.close()  # what Alt+F4 or the window manager would ask
        assert app.window.isVisible()
    finally:
        app.close()
    assert not app.lockdown.cursor_hidden and not app.window.isVisible()
