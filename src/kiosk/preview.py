"""The live camera preview: frames read on the camera lane, shown mirrored, only while a screen needs them."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from drivers.camera.base import Camera, Frame
from kiosk.runner import Runner
from ui.images import KioskImages

log = logging.getLogger("kiosk.camera")
PREVIEW_SCREENS = ("photo", "capturing")


def frame_to_qimage(frame: Frame, mirror: bool) -> QImage:
    """BGR frame → RGB QImage (a copy, so the numpy buffer may go). Mirror only the preview (PHOTO.md §7)."""
    import cv2
    rgb = cv2.cvtColor(cv2.flip(frame, 1) if mirror else frame, cv2.COLOR_BGR2RGB)
    height, width = rgb.shape[:2]
    return QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


class PreviewPump(QObject):
    """Asks the camera for the next frame after the previous one arrived, at most `fps` times a second."""

    frameReady = Signal(int)  # noqa: N815 - the frame's number, for the image URL

    def __init__(self, camera: Camera, runner: Runner, images: KioskImages, fps: int = 12) -> None:
        super().__init__()
        self._camera, self._runner, self._images = camera, runner, images
        self._timer = QTimer(self, interval=1000 // fps, singleShot=True)
        self._timer.timeout.connect(self._request)
        self._running = False
        self._frames = 0

    def follow(self, screen: str) -> None:
        """Start on the photo screens, stop everywhere else."""
        wanted = screen in PREVIEW_SCREENS
        if wanted and not self._running:
            self._running = True
            self._request()
        elif not wanted:
            self._running = False
            self._timer.stop()
            self._images.put("preview", None)

    def _request(self) -> None:
        if self._running:
            self._runner.run("camera", lambda: frame_to_qimage(self._camera.read(), mirror=True),
                             self._show, self._lost)

    def _show(self, image: QImage) -> None:
        if not self._running:
            return
        self._frames += 1
        self._images.put("preview", image)
        self.frameReady.emit(self._frames)
        self._timer.start()

    def _lost(self, error: Exception) -> None:
        log.warning("camera preview stopped: %s", error)
        self._running = False
