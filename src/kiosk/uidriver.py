"""Drives the real QML UI the way a finger would: find an item by objectName, tap its centre.

Used by `kiosk qa run`, `kiosk screenshot` and the benchmarks. Waits run the Qt event loop until a
condition holds (bounded), never sleep.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QObject, QPoint, Qt, QTimer
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.errors import KioskError


class UiTimeout(KioskError):
    """The UI did not reach the expected condition in time."""


def wait_until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Run the event loop until `condition()` is true; UiTimeout names `what` otherwise."""
    if condition():
        return
    loop = QEventLoop()
    poll = QTimer(interval=5)
    def check() -> None:
        if condition():
            loop.quit()
    poll.timeout.connect(check)
    deadline = QTimer(singleShot=True, interval=int(timeout_s * 1000))
    deadline.timeout.connect(loop.quit)
    poll.start()
    deadline.start()
    loop.exec()
    poll.stop()
    deadline.stop()
    if not condition():
        raise UiTimeout(f"timed out after {timeout_s:.0f} s waiting for {what}")


def wait_for_frame(window: QQuickWindow, timeout_s: float = 5.0) -> None:
    """Until the window has painted one more frame (offscreen rendering is real rendering)."""
    swapped = [False]

    def mark() -> None:
        swapped[0] = True
    window.frameSwapped.connect(mark)
    window.update()
    try:
        wait_until(lambda: swapped[0], timeout_s, "a painted frame")
    finally:
        window.frameSwapped.disconnect(mark)


def find_item(window: QQuickWindow, name: str) -> QQuickItem | None:
    """The visible item with this objectName, if the current screen has one.

    Walks the visual tree: items a Loader creates are not QObject children of the window.
    """
    pending = [window.contentItem()]
    while pending:
        item = pending.pop()
        if item.objectName() == name and item.isVisible():
            return item
        pending.extend(item.childItems())
    return None


def tap(window: QQuickWindow, name: str, timeout_s: float = 10.0) -> None:
    """Wait for the named item to be visible and enabled, then tap its centre."""
    def ready() -> bool:
        item = find_item(window, name)
        return item is not None and item.isEnabled() and item.width() > 0
    wait_until(ready, timeout_s, f"the item {name!r}")
    wait_for_frame(window)  # positioners and layouts settle at the next polish: tap what is painted
    item = find_item(window, name)
    assert item is not None
    centre = item.mapToScene(item.boundingRect().center()).toPoint()
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(centre))


def type_text(window: QQuickWindow, text: str) -> None:
    """Type into the focused item, key by key (QTest types whole strings only into widgets)."""
    for char in text:
        QTest.keyClick(window, ord(char))


def erase(window: QQuickWindow, count: int) -> None:
    """Delete `count` characters from the end of the focused field."""
    QTest.keyClick(window, Qt.Key.Key_End)
    for _ in range(count):
        QTest.keyClick(window, Qt.Key.Key_Backspace)


def text_of(window: QQuickWindow, name: str) -> str:
    item = find_item(window, name)
    return str(item.property("text")) if isinstance(item, QObject) else ""
