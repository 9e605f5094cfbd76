"""The composition root: builds the Qt application, devices, back-office client, conductor and UI."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QLoggingCategory, QObject, QUrl
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from drivers.card.base import CardReader
from drivers.card.simulated import SimulatedReader
from drivers.device_state import HW_ERROR, ONLINE, DeviceStatus
from flows.photo_guide import PhotoGuide
from kiosk import hardware
from kiosk.background import BackgroundJobs
from kiosk.conductor import Conductor
from kiosk.config import Settings
from kiosk.deferred import Deferred
from kiosk.devices import DeviceMonitor, camera_probe
from kiosk.errors import EnvironmentFault
from kiosk.idle import IdleGuard
from kiosk.photo_check import check_frame
from kiosk.preview import PhotoStation
from kiosk.voice import Voice
from kiosk.workers import QtRunner
from ui.images import KioskImages
from ui.language import Translations
from ui.viewmodels.kiosk import KioskViewModel

if TYPE_CHECKING:
    from drivers.camera.base import Camera
    from drivers.printer.base import ReceiptPrinter
    from kiosk.api.client import BackOfficeClient
    from kiosk.demo import StubDemoTray
    from kiosk.lockdown import Lockdown
    from kiosk.metrics import MetricsServer
    from kiosk.outbox_worker import OutboxWorker
    from kiosk.watchdog import Watchdog

log = logging.getLogger("kiosk")
MAIN_QML = resources.files("ui") / "qml" / "Main.qml"
# Where Qt Virtual Keyboard finds the kiosk's keyboard style (QtQuick/VirtualKeyboard/Styles/kiosk).
KEYBOARD_STYLES = resources.files("ui") / "qml" / "keyboard"


@dataclass
class KioskApp:
    """Everything one running kiosk is made of; `close` releases it all."""

    qt: QGuiApplication
    engine: QQmlApplicationEngine
    window: QQuickWindow
    vm: KioskViewModel
    conductor: Conductor
    reader: CardReader
    demo: StubDemoTray | None
    runner: QtRunner
    preview: PhotoStation
    idle: IdleGuard
    api: Deferred[BackOfficeClient]
    outbox: Deferred[OutboxWorker]
    background: BackgroundJobs
    translations: Translations
    keyboard_data: tempfile.TemporaryDirectory[str]
    lockdown: Lockdown | None = None
    watchdog: Watchdog | None = None
    metrics: Deferred[MetricsServer] | None = None

    def lock_down(self) -> None:
        """Kiosk mode (kiosk/lockdown.py): full screen, frameless, no cursor, no keyboard way out."""
        from kiosk.lockdown import Lockdown
        self.lockdown = Lockdown(self.qt, self.window)
        self.lockdown.apply()

    def close(self) -> None:
        if self.watchdog is not None:
            self.watchdog.notify_stopping()  # first: systemd knows the stop is under way; pings end
        if self.metrics is not None:
            self.metrics.close()  # never built, never started: nothing to do
        if self.lockdown is not None:
            self.lockdown.release()
        loader = self.window.findChild(QObject, "screenLoader")
        if loader is not None:
            loader.setProperty("source", "")  # unbind the screen from the view-model before teardown
        self.idle.stop()
        self.background.stop()
        if self.conductor.monitor is not None:
            self.conductor.monitor.stop()
        self.conductor.printing.close()
        self.preview.follow("closed")
        self.runner.shutdown()
        self.api.close()
        self.preview.close()
        self.outbox.close()
        if self.demo is not None:
            self.demo.take_away()
        self.reader.close()
        self.window.close()
        self.translations.remove()
        self.engine.deleteLater()
        self.keyboard_data.cleanup()


def qt_application() -> QGuiApplication:
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")  # the in-window keyboard (DESIGN.md §2)
    # Warnings from inside Qt Virtual Keyboard, not ours: its key-click sound probes for PipeWire (absent
    # on headless machines), one of its QML types shadows a property, and its pinyin engine warns each
    # time it starts a user dictionary in a fresh private folder (kiosk/app.py: _keyboard_data).
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false\n"
                                    "qt.qml.propertyCache.append.warning=false\n"
                                    "qt.virtualkeyboard.pinyin.warning=false")
    existing = QGuiApplication.instance()
    app = existing if isinstance(existing, QGuiApplication) else QGuiApplication(["kiosk"])
    app.setFont(QFont("Noto Sans CJK SC"))
    return app


def build_app(settings: Settings, demo_stub: str | None = None, persona: str | None = None,
              open_camera: Callable[[], Camera] | None = None, out_of_service: bool = False) -> KioskApp:
    """Wire a kiosk; with `demo_stub`, the simulated reader gets the stub's personas as a demo tray."""
    qt = qt_application()
    reader = hardware.open_reader(settings)
    demo = _demo_tray(demo_stub, reader, persona, settings.chip.csca_dir)
    runner = QtRunner()
    api: Deferred[BackOfficeClient] = Deferred(lambda: _api(settings))
    outbox: Deferred[OutboxWorker] = Deferred(lambda: _outbox(settings, api.get()))
    images = KioskImages()
    photo = settings.photo
    preview = PhotoStation(open_camera or (lambda: hardware.open_camera(settings)), runner, images,
                           PhotoGuide(photo.steady_s, photo.countdown_s), photo.preview_fps,
                           lambda frame: check_frame(frame, fast=True, thresholds=photo.thresholds))
    conductor = Conductor(reader, preview, cast("BackOfficeClient", api), cast("OutboxWorker", outbox),
                          runner, settings.back_office.payment_poll_s, photo,
                          payment_timeout_s=settings.back_office.payment_timeout_s,
                          printer=_printer(settings.devices.printer), service_window=settings.service_window)
    keyboard_data = _keyboard_data()
    voice = Voice(settings.voice.engine, settings.voice.volume)
    voice.language = settings.screen.language
    vm = KioskViewModel(conductor, images, demo, language=settings.screen.language,
                        max_photo_attempts=photo.max_attempts, keyboard_data_path=keyboard_data.name,
                        voice=voice)
    _wire_photo_station(preview, conductor, vm, photo.auto_capture)
    engine, window = _load_qml(vm, images, settings)
    idle = _idle_guard(settings, conductor, vm, voice)
    conductor.add_listener(vm.update)
    conductor.add_listener(lambda screen, _session: preview.follow(screen))
    translations = _wire_language(vm, engine, settings.screen.language)
    monitor = _device_monitor(settings, reader, preview, conductor)
    conductor.attach(monitor)
    background = BackgroundJobs(runner, outbox, api, settings.kiosk_id, monitor.report,
                                settings.store.outbox_interval_s, settings.back_office.heartbeat_interval_s)
    metrics: Deferred[MetricsServer] = Deferred(lambda: _metrics(settings, background))
    if out_of_service:
        conductor.crash_loop()
    app = KioskApp(qt, engine, window, vm, conductor, reader, demo, runner, preview, idle, api,
                   outbox, background, translations, keyboard_data, metrics=metrics)

    def start_background() -> None:
        """After the first frame: what the attract screen need not wait for."""
        _operations(app, settings, out_of_service)
        _start_face_check(runner, conductor, settings.photo.face_match)
        monitor.start()
        background.start()
    # Built on the warm-up lane after the first frame (kiosk.metrics costs ~125 ms to import).
    parts: list[Deferred[Any]] = [api, outbox, *([metrics] if settings.metrics.enabled else [])]
    _warm_up_after_first_frame(window, runner, parts, start_background)
    return app


def _start_face_check(runner: QtRunner, conductor: Conductor, enabled: bool) -> None:
    """Face match: its child process starts and loads the models on the camera lane, so the first capture
    (on the same lane) comes after it; if it cannot start, every check is a staff check."""
    from kiosk.face_check import FaceCheck
    check = conductor.steps.face_check = FaceCheck(enabled)
    runner.run("camera", check.warm_up, lambda state: log.info("face match: %s", state),
               lambda error: log.warning("face match did not start: %s", type(error).__name__))


def _operations(app: KioskApp, settings: Settings, out_of_service: bool) -> None:
    """Diagnostics and the systemd watchdog (~25 ms of imports, so after the first frame)."""
    from kiosk.store.audit import AuditTrail
    from kiosk.technician import Technician
    from kiosk.watchdog import Watchdog
    conductor, reader = app.conductor, app.reader
    assert conductor.monitor is not None
    conductor.attach_technician(Technician(settings, app.runner, conductor.monitor,
                                           AuditTrail(settings.store_path),
                                           lambda: _reader_lines(settings, reader), conductor.refresh))
    watchdog = app.watchdog = Watchdog()  # no-op without $NOTIFY_SOCKET (a shell, QA, autostart)
    conductor.add_listener(lambda screen, _session: watchdog.status(f"serving: {screen}"))
    watchdog.notify_ready("out of service: crash loop" if out_of_service else "serving: attract")


def _wire_photo_station(station: PhotoStation, conductor: Conductor, vm: KioskViewModel,
                        auto_capture: bool) -> None:
    station.frameReady.connect(vm.show_preview_frame)
    station.guidance.connect(vm.show_guidance)
    station.onlineChanged.connect(vm.show_camera_online)
    def shoot() -> None:
        if conductor.screen == "photo":  # the countdown may end just as the citizen pressed the button
            conductor.send("capture")
    if auto_capture:
        station.shoot.connect(shoot)


def _device_monitor(settings: Settings, reader: CardReader, station: PhotoStation,
                    conductor: Conductor) -> DeviceMonitor:
    probes = {"card_reader": lambda: reader.status,
              "camera": camera_probe(lambda: station.started, lambda: station.online)}
    if settings.devices.printer not in ("", "none"):
        probes["printer"] = lambda: DeviceStatus(HW_ERROR, "the last slip failed") \
            if conductor.printing.status == "failed" else DeviceStatus(ONLINE, settings.devices.printer)
    return DeviceMonitor(probes)


def _reader_lines(settings: Settings, reader: CardReader) -> list[str]:
    """The technician's view of the readers (on the diagnostics lane)."""
    lines = [f"in use: {reader.name} ({reader.status.state})"]
    atr = getattr(reader, "last_atr", b"")
    if atr:
        lines.append(f"last ATR: {atr.hex(' ').upper()}")
    if settings.devices.card == "pcsc":
        from drivers.card.pcsc import list_readers
        try:
            lines += [f"found: {name}" for name in list_readers()]
        except Exception as error:  # noqa: BLE001 - pcscd gone is itself the answer
            lines.append(f"cannot list readers: {error}")
    return lines


def _warm_up_after_first_frame(window: QQuickWindow, runner: QtRunner, parts: list[Deferred[Any]],
                               then: Callable[[], None]) -> None:
    """Once the attract screen is on the glass, build the heavy collaborators on a worker lane, then
    start the background jobs."""
    started = False

    def warm_up() -> None:
        nonlocal started
        if started:  # frameSwapped may arrive again (from the render thread) before we are done
            return
        started = True
        log.info("kiosk ready: the attract screen is painted")
        runner.run("warm-up", lambda: import_module("flows.service"), lambda _module: None,
                   lambda error: log.warning("warm-up failed: %s", error))
        for part in parts:
            runner.run("warm-up", part.get, lambda _built: None,
                       lambda error: log.warning("warm-up failed: %s", error))
        then()
    window.frameSwapped.connect(warm_up)


def _outbox(settings: Settings, api: BackOfficeClient) -> OutboxWorker:
    from kiosk.outbox_worker import OutboxWorker
    from kiosk.store.db import open_db
    from kiosk.store.outbox import Outbox
    outbox = Outbox(open_db(settings.store_path), settings.store.retry_max_s)
    return OutboxWorker(outbox, api, retention_s=settings.store.retention_days * 86400)


def _api(settings: Settings) -> BackOfficeClient:
    from kiosk.api.client import BackOfficeClient
    return BackOfficeClient(settings.back_office, settings.office, settings.kiosk_id)


def _demo_tray(stub_url: str | None, reader: CardReader, persona: str | None,
               csca_dir: str = "") -> StubDemoTray | None:
    """Demo and QA: the stub's personas, laid on the simulated reader or inserted into vpcd as chips."""
    if not stub_url:
        return None
    from kiosk.demo import SimulatedHand, StubDemoTray
    if isinstance(reader, SimulatedReader):
        return StubDemoTray.load(stub_url, SimulatedHand(reader), only=persona)
    from kiosk.emulated_hand import EmulatedHand
    return StubDemoTray.load(stub_url, EmulatedHand(csca_dir=csca_dir), only=persona)


def _keyboard_data() -> tempfile.TemporaryDirectory[str]:
    """A private folder (0700, removed on close) for what the in-window keyboard learns. Its pinyin engine
    keeps a user dictionary of chosen words under $XDG_CONFIG_HOME (it ignores the keyboard's own
    userDataPath setting), so that points here too: typed addresses never reach ~/.config."""
    folder = tempfile.TemporaryDirectory(prefix="kiosk-keyboard-")
    (Path(folder.name) / "qtvirtualkeyboard" / "pinyin").mkdir(mode=0o700, parents=True)
    os.environ["XDG_CONFIG_HOME"] = folder.name
    return folder


def _metrics(settings: Settings, background: BackgroundJobs) -> MetricsServer:
    from kiosk.metrics import MetricsServer  # prometheus-client: only for fleets that opt in
    return MetricsServer(lambda: background.last_report, settings.metrics.port)


def _printer(spec: str) -> Callable[[], ReceiptPrinter] | None:
    """Opens the configured receipt printer when the first slip is printed (None: no printer)."""
    if spec in ("", "none"):
        return None

    def open_it() -> ReceiptPrinter:
        from drivers.printer.escpos_printer import open_printer
        printer = open_printer(spec)
        assert printer is not None
        return printer
    return open_it


def _load_qml(vm: KioskViewModel, images: KioskImages,
              settings: Settings) -> tuple[QQmlApplicationEngine, QQuickWindow]:
    engine = QQmlApplicationEngine()
    engine.addImageProvider("kiosk", images)
    engine.addImportPath(str(KEYBOARD_STYLES))
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


def _idle_guard(settings: Settings, conductor: Conductor, vm: KioskViewModel, voice: Voice) -> IdleGuard:
    """A step left untouched asks "more time?", then ends the session (and wipes it); a new citizen
    starts in normal mode with voice off."""
    guard = IdleGuard(settings.screen, lambda: conductor.screen, vm.care_mode, conductor.timeout,
                      lambda: voice.warn(QCoreApplication.translate("IdleWarning", "Do you need more time?")))
    guard.warningChanged.connect(vm.show_idle_warning)
    vm.activity.connect(guard.restart)
    shown = [conductor.screen]

    def changed(screen: str, _session: object) -> None:
        if screen != shown[0]:
            shown[0] = screen
            guard.restart()
            if screen == "attract":
                vm.reset_preferences()
    conductor.add_listener(changed)
    return guard


def _wire_language(vm: KioskViewModel, engine: QQmlApplicationEngine, language: str) -> Translations:
    translations = Translations()
    translations.apply(language, engine)

    def switch(requested: str) -> None:
        if translations.apply(requested, engine):
            vm.set_language(requested)
    vm.languageRequested.connect(switch)
    return translations
