"""A real V4L2/UVC camera through OpenCV."""

from __future__ import annotations

import cv2
import numpy as np

from drivers.camera.base import Frame
from drivers.errors import NoDevice


class OpenCVCamera:
    """Opens the device lazily; a failed read means the camera went away."""

    def __init__(self, device: int | str = 0, width: int = 640, height: int = 480, fps: float = 0.0) -> None:
        self.name = f"camera {device}"
        self._device, self._size, self._fps = device, (width, height), fps
        self._capture: cv2.VideoCapture | None = None

    def read(self) -> Frame:
        capture = self._capture or self._open()
        ok, frame = capture.read()
        if not ok or frame is None:
            self.close()
            raise NoDevice(f"{self.name} delivered no frame")
        return np.asarray(frame, dtype=np.uint8)

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None

    def _open(self) -> cv2.VideoCapture:
        capture = cv2.VideoCapture(self._device)
        if not capture.isOpened():
            raise NoDevice(f"{self.name} cannot be opened")
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, self._size[0])
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self._size[1])
        if self._fps > 0:
            capture.set(cv2.CAP_PROP_FPS, self._fps)
        self._capture = capture
        return capture
