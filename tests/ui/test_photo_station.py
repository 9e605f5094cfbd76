"""The photo step in the real UI: the automatic countdown, a camera that goes away and comes back, and
staff help after the photo checks have refused three captures."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np

from drivers.camera.simulated import SimulatedCamera
from drivers.errors import NoDevice
from kiosk.app import KioskApp, build_app
from kiosk.commands import for_qa
from kiosk.config import Settings
from kiosk.qa import walk_to
from kiosk.uidriver import find_item, tap


def photo_app(stub_url: str, data_dir: Path, open_camera=None, **photo: object) -> KioskApp:  # type: ignore[no-untyped-def]
    settings = for_qa(Settings(), stub_url, data_dir)
    settings = replace(settings, photo=replace(settings.photo, **photo))
    app = build_app(settings, demo_stub=stub_url, open_camera=open_camera)
    app.window.show()
    return app


def to_photo(app: KioskApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    walk_to(app, "renewal", "renewal-ok", "photo")
    assert app.vm.screen == "photo"


def test_the_countdown_takes_the_photo_by_itself(stub_url: str, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    app = photo_app(stub_url, tmp_path, steady_s=0.2, countdown_s=0.6)
    counts: list[int] = []
    app.vm.guideChanged.connect(lambda: counts.append(app.vm.countdown))
    try:
        to_photo(app, qtbot)
        qtbot.waitUntil(lambda: app.vm.screen == "photo_review", timeout=15_000)
        assert 1 in counts  # the citizen saw the countdown before the shot
        assert app.vm.photoSource
    finally:
        app.close()


class UnpluggedOnce:
    """The first camera delivers a few frames and is then unplugged; the next one works."""

    def __init__(self) -> None:
        self.opened = 0

    def __call__(self) -> SimulatedCamera:
        self.opened += 1
        return SimulatedCamera(fps=30) if self.opened > 1 else _Dying()


class _Dying(SimulatedCamera):
    def __init__(self) -> None:
        super().__init__(fps=30)
        self._left = 15

    def read(self) -> np.ndarray:
        self._left -= 1
        if self._left < 0:
            raise NoDevice("unplugged")
        return super().read()


def test_a_camera_lost_mid_preview_is_told_and_recovers(stub_url: str, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    app = photo_app(stub_url, tmp_path, UnpluggedOnce(), auto_capture=False)
    seen: list[bool] = []
    app.vm.guideChanged.connect(lambda: seen.append(app.vm.cameraOnline))
    try:
        to_photo(app, qtbot)
        qtbot.waitUntil(lambda: False in seen, timeout=15_000)
        assert "摄像头暂时无法使用" in str(find_item(app.window, "photo.hint").property("text"))
        qtbot.waitUntil(lambda: app.vm.cameraOnline, timeout=15_000)
        tap(app.window, "photo.captureButton")
        qtbot.waitUntil(lambda: app.vm.screen == "photo_review", timeout=15_000)
    finally:
        app.close()


def test_three_refused_captures_offer_staff_help(stub_url: str, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    wall = tmp_path / "wall.png"
    cv2.imwrite(str(wall), np.full((480, 640, 3), 200, np.uint8))
    app = photo_app(stub_url, tmp_path, lambda: SimulatedCamera(wall, fps=30), auto_capture=False)
    try:
        to_photo(app, qtbot)
        for attempt in (1, 2, 3):
            assert find_item(app.window, "photo.staffButton") is None
            tap(app.window, "photo.captureButton")
            qtbot.waitUntil(lambda: app.vm.photoAttempts == attempt, timeout=15_000)  # noqa: B023
        assert app.vm.photoProblem == "face_count"
        tap(app.window, "photo.staffButton")
        qtbot.waitUntil(lambda: app.vm.screen == "failed")
        assert app.vm.failure == "PHOTO_NEEDS_STAFF"
    finally:
        app.close()
