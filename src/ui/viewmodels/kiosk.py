"""The one view-model QML binds to: the current screen and what it shows, and the citizen's actions.

It reads the flows' session (never the devices) and forwards touches to the kiosk through a port.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from flows.session import AccessKey, Delivery, Session
from ui.images import KioskImages
from ui.ports import DemoTray, KioskPort, VoicePort
from ui.viewmodels.presenting import present

log = logging.getLogger("kiosk.ui")


def _value(name: str, kind: type, default: Any, notify: Signal) -> Property:
    """A read-only property whose value lives in the view-model's `_values` dict."""
    return Property(kind, lambda self: self._values.get(name, default), notify=notify)


class KioskViewModel(QObject):
    """Everything the screens display, refreshed whenever the kiosk's state changes."""

    changed = Signal()
    screenChanged = Signal(str)  # noqa: N815 - Qt naming
    activity = Signal()  # any touch: the kiosk restarts its idle timer
    languageRequested = Signal(str)  # noqa: N815
    previewChanged = Signal()  # noqa: N815
    guideChanged = Signal()  # noqa: N815
    accessChanged = Signal()  # noqa: N815 - care mode, voice, the idle warning

    def __init__(self, port: KioskPort, images: KioskImages, demo: DemoTray | None = None,
                 language: str = "zh", max_photo_attempts: int = 3, keyboard_data_path: str = "",
                 voice: VoicePort | None = None) -> None:
        super().__init__()
        self._voice = voice
        self._access: dict[str, Any] = {"care": False, "idleWarning": 0}
        self._keyboard_data_path = keyboard_data_path
        self._port, self._images, self._demo = port, images, demo
        self._screen = "attract"
        self._values: dict[str, Any] = {"language": language}
        self._max_photo_attempts = max_photo_attempts
        self._guide: dict[str, Any] = {"hint": "", "countdown": 0, "online": True}
        self._version = 0
        self._preview_frame = 0

    # -- fed by the kiosk ---------------------------------------------------------------------
    def update(self, screen: str, session: Session | None) -> None:
        self._version += 1
        values = present(session, self._version)
        values.update(self._port.status())
        values["language"] = self._values["language"]
        self._images.put_jpeg("photo", session.capture.jpeg if session and session.capture else None)
        self._images.put_qr("referral", values.get("referralSlip"))
        receipt, payment = (session.receipt, session.payment) if session else (None, None)
        self._images.put_qr("qr", receipt.application_id if receipt else None)
        self._images.put_qr("payment", payment.qr_payload if payment else None)
        self._values = values
        self.changed.emit()
        if screen != self._screen:
            self._screen = screen
            self.screenChanged.emit(screen)

    def set_language(self, language: str) -> None:
        self._values["language"] = language
        if self._voice is not None:
            self._voice.language = language
        self.changed.emit()

    def show_idle_warning(self, seconds_left: int) -> None:
        self._access["idleWarning"] = seconds_left
        self.accessChanged.emit()

    def care_mode(self) -> bool:
        return bool(self._access["care"])

    def reset_preferences(self) -> None:
        """A new citizen: normal mode, voice off at the standard volume."""
        self._access["care"] = False
        if self._voice is not None:
            self._voice.reset()
        self.accessChanged.emit()

    def show_guidance(self, guidance: tuple[Any, Any, float]) -> None:
        """The photo guide's latest word: the hint in the citizen's language, and the countdown (and, for
        the technician, the failing measure and how long a frame took to its verdict)."""
        state, verdict, latency_ms = guidance
        hint = verdict.hint_en if self._values["language"] == "en" else verdict.hint_zh
        self._guide.update(hint="" if verdict.passed else hint, countdown=state.countdown,
                           measure="" if verdict.passed else verdict.code, latency=round(latency_ms))
        self.guideChanged.emit()

    def show_camera_online(self, online: bool) -> None:
        self._guide["online"] = online
        self.guideChanged.emit()

    def show_preview_frame(self, number: int) -> None:
        self._preview_frame = number
        self.previewChanged.emit()

    def _get_preview_frame(self) -> int:
        return self._preview_frame

    previewFrame = Property(int, _get_preview_frame, notify=previewChanged)  # noqa: N815
    photoHint = Property(str, lambda self: self._guide["hint"], notify=guideChanged)  # noqa: N815
    countdown = Property(int, lambda self: self._guide["countdown"], notify=guideChanged)
    cameraOnline = Property(bool, lambda self: self._guide["online"], notify=guideChanged)  # noqa: N815
    photoMeasure = Property(str, lambda self: self._guide.get("measure", ""), notify=guideChanged)  # noqa: N815
    previewLatencyMs = Property(int, lambda self: self._guide.get("latency", 0), notify=guideChanged)  # noqa: N815
    staffHelpOffered = Property(  # noqa: N815
        bool, lambda self: self._values.get("photoAttempts", 0) >= self._max_photo_attempts, notify=changed)

    careMode = Property(bool, lambda self: self._access["care"], notify=accessChanged)  # noqa: N815
    idleWarning = Property(int, lambda self: self._access["idleWarning"], notify=accessChanged)  # noqa: N815
    voiceOn = Property(  # noqa: N815
        bool, lambda self: bool(self._voice and self._voice.on), notify=accessChanged)
    voiceAvailable = Property(  # noqa: N815
        bool, lambda self: bool(self._voice and self._voice.available), constant=True)

    def current_screen(self) -> str:
        return self._screen

    def preview_frame_number(self) -> int:
        return self._preview_frame

    def _get_screen(self) -> str:
        return self._screen

    screen = Property(str, _get_screen, notify=screenChanged)
    language = _value("language", str, "zh", changed)
    service = _value("service", str, "", changed)
    holderName = _value("holderName", str, "", changed)  # noqa: N815
    licenceNumber = _value("licenceNumber", str, "", changed)  # noqa: N815
    licenceClasses = _value("licenceClasses", str, "", changed)  # noqa: N815
    validUntil = _value("validUntil", str, "", changed)  # noqa: N815
    term = _value("term", str, "", changed)
    eligibility = _value("eligibility", str, "", changed)
    reasons = _value("reasons", list, [], changed)
    notices = _value("notices", list, [], changed)
    feeCny = _value("feeCny", int, 0, changed)  # noqa: N815
    newValidUntil = _value("newValidUntil", str, "", changed)  # noqa: N815
    newTerm = _value("newTerm", str, "", changed)  # noqa: N815
    photoSource = _value("photoSource", str, "", changed)  # noqa: N815
    retakesLeft = _value("retakesLeft", int, 0, changed)  # noqa: N815
    phone = _value("phone", str, "", changed)
    address = _value("address", str, "", changed)
    deliveryMethod = _value("deliveryMethod", str, "", changed)  # noqa: N815
    applicationId = _value("applicationId", str, "", changed)  # noqa: N815
    qrSource = _value("qrSource", str, "", changed)  # noqa: N815
    reference = _value("reference", str, "", changed)
    delivered = _value("delivered", bool, False, changed)
    paymentQrSource = _value("paymentQrSource", str, "", changed)  # noqa: N815
    paymentStatus = _value("paymentStatus", str, "", changed)  # noqa: N815
    failure = _value("failure", str, "", changed)
    readProblem = _value("readProblem", str, "", changed)  # noqa: N815
    photoProblem = _value("photoProblem", str, "", changed)  # noqa: N815
    photoAttempts = _value("photoAttempts", int, 0, changed)  # noqa: N815
    typedAccess = _value("typedAccess", list, [], changed)  # noqa: N815
    issuingOffice = _value("issuingOffice", str, "", changed)  # noqa: N815
    elsewhere = _value("elsewhere", bool, False, changed)
    certificateIssued = _value("certificateIssued", str, "", changed)  # noqa: N815
    certificateValidUntil = _value("certificateValidUntil", str, "", changed)  # noqa: N815
    certificateFit = _value("certificateFit", bool, False, changed)  # noqa: N815
    newValidFrom = _value("newValidFrom", str, "", changed)  # noqa: N815
    newClasses = _value("newClasses", str, "", changed)  # noqa: N815
    declarations = _value("declarations", list, [], changed)
    deliveryAddress = _value("deliveryAddress", str, "", changed)  # noqa: N815
    ticket = _value("ticket", str, "", changed)
    referralSlip = _value("referralSlip", str, "", changed)  # noqa: N815
    referralQrSource = _value("referralQrSource", str, "", changed)  # noqa: N815
    serviceWindow = _value("serviceWindow", str, "", changed)  # noqa: N815
    printerReady = _value("printerReady", bool, False, changed)  # noqa: N815
    printStatus = _value("printStatus", str, "", changed)  # noqa: N815
    helpStatus = _value("helpStatus", str, "", changed)  # noqa: N815
    helpKind = _value("helpKind", str, "", changed)  # noqa: N815
    helpTicket = _value("helpTicket", str, "", changed)  # noqa: N815
    helpWindow = _value("helpWindow", str, "", changed)  # noqa: N815
    devicesDown = _value("devicesDown", list, [], changed)  # noqa: N815
    diagnosticsAvailable = _value("diagnosticsAvailable", bool, False, changed)  # noqa: N815
    diagnosticsReport = _value("diagnosticsReport", list, [], changed)  # noqa: N815
    diagnosticsMessage = _value("diagnosticsMessage", str, "", changed)  # noqa: N815
    pinLockedFor = _value("pinLockedFor", int, 0, changed)  # noqa: N815
    pinFailures = _value("pinFailures", int, 0, changed)  # noqa: N815
    bundleFolders = _value("bundleFolders", list, [], changed)  # noqa: N815

    @Property(str, constant=True)
    def keyboardDataPath(self) -> str:  # noqa: N802 - where the in-window keyboard may keep learned words
        return self._keyboard_data_path

    @Property(list, constant=True)
    def services(self) -> list[str]:
        return list(self._port.services)

    @Property(list, constant=True)
    def demoPersonas(self) -> list[dict[str, str]]:  # noqa: N802
        return self._demo.personas() if self._demo else []

    # -- the citizen's touches ------------------------------------------------------------------
    @Slot()
    def touch(self) -> None:
        self._act(self._port.touch)

    @Slot(str)
    def choose(self, service: str) -> None:
        self._act(self._port.choose, service)

    @Slot(str)
    def send(self, event: str) -> None:
        """Events without data: proceed, capture, retake, accept_photo, back, confirm, cancel, finish."""
        self._act(self._port.send, event)

    @Slot(str, str)
    def chooseDelivery(self, method: str, phone: str) -> None:  # noqa: N802
        self.deliverTo(method, phone, "")

    @Slot(str, str, str)
    def deliverTo(self, method: str, phone: str, address: str) -> None:  # noqa: N802
        """Post goes to `address` when one was typed, else to the address on record."""
        address = " ".join(address.split()) or self._values.get("address") or ""
        delivery = Delivery(method=method, phone=phone, address=address if method == "post" else None)
        self._act(self._port.send, "delivery_chosen", delivery=delivery)

    @Slot(str)
    def declare(self, declaration: str) -> None:
        self._act(self._port.send, "declare", declaration=declaration)

    @Slot()
    def help(self) -> None:
        self._act(self._port.help)

    @Slot(str, str)
    def requestHelp(self, kind: str, phone: str) -> None:  # noqa: N802
        self._act(self._port.request_help, kind, phone)

    @Slot(str, list, str)
    def printSlip(self, title: str, lines: list[str], qr: str) -> None:  # noqa: N802
        self._act(self._port.print_slip, title, [str(line) for line in lines], qr)

    @Slot(str, str, str)
    def enterAccessKey(self, document_number: str, birth_date: str, expiry_date: str) -> None:  # noqa: N802
        key = AccessKey(document_number.strip().upper(), birth_date.strip(), expiry_date.strip())
        self._act(self._port.send, "key_entered", access=key)

    @Slot(str)
    def enterCan(self, can: str) -> None:  # noqa: N802
        self._act(self._port.send, "key_entered", access=AccessKey(can=can.strip()))

    @Slot(str)
    def chooseLanguage(self, language: str) -> None:  # noqa: N802
        self.activity.emit()
        self.languageRequested.emit(language)

    @Slot()
    def toggleCare(self) -> None:  # noqa: N802
        self._access["care"] = not self._access["care"]
        self.accessChanged.emit()
        self.activity.emit()  # after the change: care mode's longer timeouts apply at once

    @Slot()
    def openDiagnostics(self) -> None:  # noqa: N802
        self._act(self._port.open_diagnostics)

    @Slot(str)
    def enterPin(self, pin: str) -> None:  # noqa: N802
        self._act(self._port.enter_pin, pin)

    @Slot(str, str)
    def diagnosticsAction(self, action: str, argument: str) -> None:  # noqa: N802
        self._act(self._port.diagnostics_action, action, argument)

    @Slot()
    def stillHere(self) -> None:  # noqa: N802 - "continue" on the idle warning: any touch would do
        self.activity.emit()

    @Slot()
    def callStaff(self) -> None:  # noqa: N802
        self._act(self._port.call_staff)

    @Slot(str)
    def announce(self, text: str) -> None:
        """A screen's spoken instruction (it says so on entry; spoken only when voice is on)."""
        if self._voice is not None:
            self._voice.announce(text)

    @Slot(str)
    def voice(self, action: str) -> None:
        """toggle | repeat | stop | louder | softer"""
        self.activity.emit()
        voice = self._voice
        if voice is None:
            return
        steps = {"louder": 1, "softer": -1}
        if action in steps:
            voice.change_volume(steps[action])
        elif action in ("toggle", "repeat", "stop"):
            getattr(voice, action)()
        self.accessChanged.emit()

    @Slot(str)
    def placeDemoCard(self, persona_id: str) -> None:  # noqa: N802
        if self._demo is not None:
            self._act(self._demo.place, persona_id)

    def _act(self, action: Any, *args: Any, **kwargs: Any) -> None:
        self.activity.emit()
        try:
            action(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - a touch must never leave the kiosk stuck
            log.exception("touch handler failed")
            self._port.fail(error)
