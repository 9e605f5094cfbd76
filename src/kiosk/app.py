"""The composition root: builds the Qt application, devices, back-office client, conductor and UI."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from drivers.camera.base import Camera
from drivers.camera.opencv import OpenCVCamera
from drivers.camera.simulated import SimulatedCamera
from drivers.card.simulated import SimulatedReader
from kiosk.api.client import BackOfficeClient
from kiosk.conductor import Conductor
from kiosk.config import Settings
from kiosk.demo import StubDemoTray
from kiosk.errors import EnvironmentFault, UsageError
from kiosk.preview import PreviewPump
from kiosk.workers import QtRunner
from ui.images import KioskImages
from ui.language import Translations
from ui.viewmodels.kiosk import KioskViewModel

log = logging.getLogger("kiosk")
MAIN_QML = resources.files("ui") / "qml" / "Main.qml"


@dataclass
class KioskApp:
    """Everything one running kiosk is made of; `close` releases it all."""

    qt: QGuiApplication
    engine: QQmlApplicationEngine
    window: QQuickWindow
    vm: KioskViewModel
    conductor: Conductor
    reader: SimulatedReader
    demo: StubDemoTray | None
    runner: QtRunner
    preview: PreviewPump
    idle: QTimer
    api: BackOfficeClient
    translations: Translations

    def close(self) -> None:
        loader = self.window.findChild(QObject, "screenLoader")
        if loader is not None:
            loader.setProperty("source", "")  # unbind the screen from the view-model before teardown
        self.idle.stop()
        self.preview.follow("closed")
        self.runner.shutdown()
        self.api.close()
        self.conductor.camera.close()
        self.reader.close()
        self.window.close()
        self.translations.remove()
        self.engine.deleteLater()


def qt_application() -> QGuiApplication:
    existing = QGuiApplication.instance()
    app = existing if isinstance(existing, QGuiApplication) else QGuiApplication(["kiosk"])
    app.setFont(QFont("Noto Sans CJK SC"))
    return app


def build_app(settings: Settings, demo_stub: str | None = None, persona: str | None = None) -> KioskApp:
    """Wire a kiosk; with `demo_stub`, the simulated reader gets the stub's personas as a demo tray."""
    qt = qt_application()
    reader = _reader(settings)
    demo = StubDemoTray.load(demo_stub, reader, only=persona) if demo_stub else None
    runner = QtRunner()
    api = BackOfficeClient(settings.back_office, settings.office, settings.kiosk_id)
    conductor = Conductor(reader, _camera(settings), api, runner)
    images = KioskImages()
    vm = KioskViewModel(conductor, images, demo, language=settings.screen.language)
    preview = PreviewPump(conductor.camera, runner, images)
    preview.frameReady.connect(vm.show_preview_frame)
    engine, window = _load_qml(vm, images, settings)
    idle = _idle_timer(settings, conductor, vm)
    conductor.add_listener(vm.update)
    conductor.add_listener(lambda screen, _session: preview.follow(screen))
    translations = _wire_language(vm, engine, settings.screen.language)
    return KioskApp(qt, engine, window, vm, conductor, reader, demo, runner, preview, idle, api, translations)


def _reader(settings: Settings) -> SimulatedReader:
    if settings.devices.card != "simulated":
        raise UsageError(f"config key devices.card: {settings.devices.card!r} is not available in this build "
                         "(only 'simulated' until PC/SC reading lands)")
    return SimulatedReader()


def _camera(settings: Settings) -> Camera:
    device = settings.devices.camera
    if device == "simulated":
        return SimulatedCamera(settings.devices.camera_image or None)
    return OpenCVCamera(int(device) if device.isdigit() else device)


def _load_qml(vm: KioskViewModel, images: KioskImages,
              settings: Settings) -> tuple[QQmlApplicationEngine, QQuickWindow]:
    engine = QQmlApplicationEngine()
    engine.addImageProvider("kiosk", images)
    warnings: list[str] = []
    engine.warnings.connect(lambda errors: warnings.extend(e.toString() for e in errors))
    engine.setInitialProperties({"vm": vm})
    engine.load(QUrl.fromLocalFile(str(Path(str(MAIN_QML)))))
    roots = engine.rootObjects()
    if not roots:
        raise EnvironmentFault("the kiosk UI failed to load: " + "; ".join(warnings[:3]))
    window = roots[0]
    assert isinstance(window, QQuickWindow)
    window.resize(settings.screen.width, settings.screen.height)
    return engine, window


def _idle_timer(settings: Settings, conductor: Conductor, vm: KioskViewModel) -> QTimer:
    """A step left untouched for idle_delay_s ends the session (and wipes it)."""
    idle = QTimer(singleShot=True, interval=settings.screen.idle_delay_s * 1000)
    idle.timeout.connect(conductor.timeout)

    def restart(screen: str = "", _session: object = None) -> None:
        if conductor.screen == "attract":
            idle.stop()
        else:
            idle.start()
    vm.activity.connect(restart)
    conductor.add_listener(restart)
    return idle


def _wire_language(vm: KioskViewModel, engine: QQmlApplicationEngine, language: str) -> Translations:
    translations = Translations()
    translations.apply(language, engine)

    def switch(requested: str) -> None:
        if translations.apply(requested, engine):
            vm.set_language(requested)
    vm.languageRequested.connect(switch)
    return translations
