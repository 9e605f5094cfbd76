"""Kiosk mode: one instance, full screen without a frame, no cursor, no way out by the keyboard, the
screen kept awake. What the operating system must add (no virtual-terminal switching, no edge gestures,
auto-login and restart) is the packaging's part (README: "Kiosk mode").
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QLockFile, QObject, Qt
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent
from PySide6.QtQuick import QQuickWindow

from kiosk.errors import UsageError

log = logging.getLogger("kiosk")
ESCAPE_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                    | Qt.KeyboardModifier.MetaModifier)
FUNCTION_KEYS = range(Qt.Key.Key_F1.value, Qt.Key.Key_F35.value + 1)


def single_instance(data_dir: Path) -> QLockFile:
    """Hold the kiosk's lock for as long as the returned object lives; a second kiosk exits (code 2)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / "kiosk.lock"))
    lock.setStaleLockTime(0)  # a crashed kiosk's lock is taken over (its process is gone)
    if not lock.tryLock(100):
        raise UsageError(f"another kiosk is already running (lock {data_dir / 'kiosk.lock'})")
    return lock


class KeyGuard(QObject):
    """Swallows every key chord (Ctrl, Alt, Meta) and function key before the UI sees it: the kiosk has
    no shortcuts, and a keyboard plugged into it must not find one."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        keys = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
        if event.type() in keys and isinstance(event, QKeyEvent):
            return bool(event.modifiers() & ESCAPE_MODIFIERS) or event.key() in FUNCTION_KEYS
        return False


class Lockdown:
    """Applies kiosk mode to the window; `release` undoes it (the kiosk closing itself, tests)."""

    def __init__(self, qt: QGuiApplication, window: QQuickWindow) -> None:
        self._qt, self._window = qt, window
        self._guard = KeyGuard()
        self._inhibit: int | None = None
        self.cursor_hidden = False  # ours to restore: the application's override cursor may be another's

    def apply(self) -> None:
        self._window.setProperty("locked", True)  # Main.qml refuses to close (Alt+F4, the window manager)
        self._window.setFlag(Qt.WindowType.FramelessWindowHint, True)
        self._window.showFullScreen()
        self._qt.installEventFilter(self._guard)
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))  # touch only: no pointer
        self.cursor_hidden = True
        self._inhibit = keep_awake()

    def release(self) -> None:
        self._window.setProperty("locked", False)
        self._qt.removeEventFilter(self._guard)
        if self.cursor_hidden:
            QGuiApplication.restoreOverrideCursor()
            self.cursor_hidden = False
        if self._inhibit is not None:
            release_awake(self._inhibit)
            self._inhibit = None


def keep_awake() -> int | None:
    """Ask the desktop session not to blank the screen (org.freedesktop.ScreenSaver); None where there is
    no session bus (a bare X server: the packaging turns blanking off with xset instead)."""
    from PySide6.QtDBus import QDBusConnection, QDBusInterface
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return None
    saver = QDBusInterface("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                           "org.freedesktop.ScreenSaver", bus)
    if not saver.isValid():
        return None
    reply = saver.call("Inhibit", "licence-kiosk", "a citizen may be using the kiosk")
    cookie = reply.arguments()[0] if reply.arguments() else None
    return cookie if isinstance(cookie, int) else None


def release_awake(cookie: int) -> None:
    from PySide6.QtDBus import QDBusConnection, QDBusInterface
    saver = QDBusInterface("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                           "org.freedesktop.ScreenSaver", QDBusConnection.sessionBus())
    if saver.isValid():
        saver.call("UnInhibit", cookie)
