"""The selftest's checks of what the kiosk stands on besides the store and the back office: card reader,
camera, fonts, translations, voice, receipt printer. Each: name, ok, detail, critical (the kiosk cannot
serve without it)."""

from __future__ import annotations

import subprocess
from importlib import resources
from typing import Any

from kiosk.config import Settings

Check = dict[str, Any]
FONT = "Noto Sans CJK SC"


def device_checks(settings: Settings) -> list[Check]:
    return [_guarded("card_reader", True, lambda: _reader(settings)),
            _guarded("camera", True, lambda: _camera(settings)),
            _guarded("fonts", True, _fonts),
            _guarded("translations", True, _translations),
            _guarded("chip_trust", False, lambda: _chip_trust(settings)),
            _guarded("face_match", False, lambda: _face_match(settings)),
            _guarded("voice", False, lambda: _voice(settings)),
            _guarded("printer", False, lambda: _printer(settings))]


def _guarded(name: str, critical: bool, check: Any) -> Check:
    try:
        ok, detail = check()
    except Exception as error:  # noqa: BLE001 - any failure is the check's answer
        ok, detail = False, f"{type(error).__name__}: {str(error)[:160]}"
    return {"name": name, "ok": ok, "detail": detail, "critical": critical}


def _reader(settings: Settings) -> tuple[bool, str]:
    from kiosk.hardware import open_reader
    reader = open_reader(settings)
    try:
        status = reader.status
        detail = f" — {status.detail}" if status.detail else ""
        return status.working, f"{reader.name}: {status.state}{detail}"
    finally:
        reader.close()


def _chip_trust(settings: Settings) -> tuple[bool, str]:
    """Without trusted CSCA certificates a chip's signature cannot be checked: say so (not critical:
    the national ID card read by a contact reader has no chip signature to check)."""
    if settings.devices.card != "pcsc":
        return True, f"no chip reader ({settings.devices.card})"
    folder = settings.chip.csca_dir
    if not folder:
        return False, "chip.csca_dir is not set: document signatures go unchecked"
    from drivers.card.trust import CscaStore
    count = len(CscaStore.from_dir(folder))
    return count > 0, f"{count} trusted CSCA certificates in {folder}; access {settings.chip.access_policy}"


def _face_match(settings: Settings) -> tuple[bool, str]:
    if not settings.photo.face_match:
        return False, "photo.face_match is off: every application goes to a staff check"
    from drivers.camera.face_match import face_match_support
    supported, reason = face_match_support()
    return supported, "dlib face descriptor ready" if supported else f"staff check instead: {reason}"


def _camera(settings: Settings) -> tuple[bool, str]:
    from kiosk.hardware import open_camera
    camera = open_camera(settings)
    try:
        frame = camera.read()
        height, width = frame.shape[:2]
        return True, f"{settings.devices.camera}: a {width}×{height} frame"
    finally:
        camera.close()


def _fonts() -> tuple[bool, str]:
    found = subprocess.run(["fc-match", "-f", "%{family}", FONT], capture_output=True, text=True,
                           timeout=10, check=False).stdout
    return FONT in found, found[:120] or "fc-match found nothing"


def _translations() -> tuple[bool, str]:
    from PySide6.QtCore import QTranslator
    catalogue = resources.files("ui") / "i18n" / "kiosk_zh.qm"
    loaded = QTranslator().load(str(catalogue))
    return loaded, str(catalogue) if loaded else f"cannot load {catalogue}"


def _voice(settings: Settings) -> tuple[bool, str]:
    engine = settings.voice.engine
    if engine == "none":
        return True, "voice guidance is off in the config"
    from PySide6.QtTextToSpeech import QTextToSpeech
    engines = QTextToSpeech.availableEngines()
    return engine in engines, f"engine {engine}; available: {', '.join(engines) or 'none'}"


def _printer(settings: Settings) -> tuple[bool, str]:
    spec = settings.devices.printer
    if spec in ("", "none"):
        return True, "no receipt printer configured"
    from drivers.printer.escpos_printer import open_printer
    printer = open_printer(spec)
    assert printer is not None
    try:
        return True, f"{spec}: paper {printer.check()}"
    finally:
        printer.close()
