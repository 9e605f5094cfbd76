"""The photo station: the live camera on its own thread, a mirrored preview, and the automatic photographer.

While a photo screen is up, the newest frame goes to the screen (at most `preview_fps`), and frames are
checked one at a time on the `analysis` lane; the photo guide turns the verdicts into a hint, a countdown
and, at zero, a capture. Nothing here blocks the GUI thread: frames are converted on the grabber's thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from drivers.camera.base import Camera, Frame
from drivers.camera.grabber import FrameGrabber, Grabbed
from flows.photo_guide import GuideState, PhotoGuide
from kiosk.photo_check import Verdict, check_frame
from kiosk.runner import Runner
from ui.images import KioskImages

log = logging.getLogger("kiosk.camera")
PREVIEW_SCREENS = ("photo", "capturing", "diagnostics")  # diagnostics: the technician's camera check


def frame_to_qimage(frame: Frame, mirror: bool) -> QImage:
    """BGR frame → RGB QImage (a copy, so the numpy buffer may go). Mirror only the preview (PHOTO.md §7)."""
    import cv2
    rgb = cv2.cvtColor(cv2.flip(frame, 1) if mirror else frame, cv2.COLOR_BGR2RGB)
    height, width = rgb.shape[:2]
    return QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


class DirectFrames:
    """A camera read on the caller's thread (no grabber): for runs without Qt, like the flow tests."""

    def __init__(self, camera: Camera) -> None:
        self._camera = camera

    def fresh_frame(self) -> Frame:
        return self._camera.read()


class PhotoStation(QObject):
    """Owns the camera thread; `follow(screen)` turns preview and guidance on and off."""

    frameReady = Signal(int)  # noqa: N815 - a preview frame is in the image provider
    guidance = Signal(object)  # (GuideState, Verdict, latency in ms), on the GUI thread
    onlineChanged = Signal(bool)  # noqa: N815
    shoot = Signal()  # the countdown reached zero

    def __init__(self, open_camera: Callable[[], Camera], runner: Runner, images: KioskImages,
                 guide: PhotoGuide, preview_fps: float = 12.0,
                 check: Callable[[Frame], Verdict] = lambda frame: check_frame(frame, fast=True)) -> None:
        super().__init__()
        self._runner, self._images, self._guide, self._check = runner, images, guide, check
        self._interval_s = 1.0 / preview_fps
        self._grabber = FrameGrabber(open_camera, on_frame=self._on_frame,
                                     on_state=lambda online: self.onlineChanged.emit(online))
        self._started = self._previewing = self._analysing = False
        self._last_shown = 0.0
        self.verdicts = 0  # analysed preview frames (bench)
        self.shown = 0  # preview frames handed to the screen (bench)

    def follow(self, screen: str) -> None:
        self._previewing = screen in PREVIEW_SCREENS
        if self._previewing and not self._started:
            self._started = True
            self._grabber.start()
        if screen == "photo":
            self._guide.reset()

    def fresh_frame(self) -> Frame:
        """For a capture: a frame that arrived after now (never a stale one from the camera's buffer)."""
        if not self._started:
            self._started = True
            self._grabber.start()
        return self._grabber.next_after(time.monotonic(), timeout_s=5.0).frame

    @property
    def online(self) -> bool:
        return self._grabber.online

    @property
    def started(self) -> bool:
        return self._started

    def close(self) -> None:
        self._previewing = False
        self._grabber.close()

    def _on_frame(self, grabbed: Grabbed) -> None:  # the grabber's thread
        # 0.8: a frame a little early still counts, or a 15 fps camera would show only every other frame
        if not self._previewing or grabbed.at - self._last_shown < 0.8 * self._interval_s:
            return
        self._last_shown = grabbed.at
        self._images.put("preview", frame_to_qimage(grabbed.frame, mirror=True))
        self.frameReady.emit(grabbed.number)
        self.shown += 1
        if not self._analysing:
            self._analysing = True
            self._runner.post(lambda: self._analyse(grabbed))

    def _analyse(self, grabbed: Grabbed) -> None:  # GUI thread: hand the work to the analysis lane
        self._runner.run("analysis", lambda: self._check(grabbed.frame), lambda verdict: self._judged(
            grabbed, verdict), self._failed)

    def _judged(self, grabbed: Grabbed, verdict: Verdict) -> None:
        self._analysing = False
        self.verdicts += 1
        if not self._previewing:
            return
        state: GuideState = self._guide.update(grabbed.at, verdict.passed, verdict.code)
        latency_ms = (time.monotonic() - grabbed.at) * 1000  # from the camera's frame to its verdict
        self.guidance.emit((state, verdict, latency_ms))
        if state.fire:
            self.shoot.emit()

    def _failed(self, error: Exception) -> None:
        self._analysing = False
        log.warning("photo analysis failed: %s", type(error).__name__)
