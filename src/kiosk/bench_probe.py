"""A child process for the start-time benchmark: paint one frame, say so, exit.

`bare` is the yardstick: a plain Qt Quick window. `kiosk` is the real kiosk's attract screen.
"""

from __future__ import annotations

import sys
from typing import Any

from kiosk.qt_env import prepare_headless


def main(kind: str) -> int:
    prepare_headless()
    if kind == "bare":
        window, qt, keep = _bare()
    else:
        from kiosk.app import build_app
        from kiosk.config import Settings
        app = build_app(Settings())
        window, qt, keep = app.window, app.qt, app
    window.frameSwapped.connect(lambda: (print("painted", flush=True), qt.quit()))
    window.show()
    code = int(qt.exec())
    del keep
    return code


def _bare() -> tuple[Any, Any, Any]:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine
    qt = QGuiApplication(["bare"])
    engine = QQmlApplicationEngine()
    engine.loadData(b'import QtQuick\nWindow { width: 1080; height: 1920; visible: true\n'
                    b'  Text { anchors.centerIn: parent; text: "bare" } }')
    return engine.rootObjects()[0], qt, engine


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "kiosk"))
