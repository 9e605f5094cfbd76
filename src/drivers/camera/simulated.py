"""A camera with no hardware: a still image looped with a slight sway, so the preview looks live."""

from __future__ import annotations

import math
import time
from importlib import resources
from pathlib import Path

import cv2
import numpy as np

from drivers.camera.base import Frame
from drivers.errors import NoDevice

# A portrait that passes the licence-photo checks (plain light background, closed mouth): PROVENANCE.md.
DEMO_IMAGE = resources.files("drivers.camera") / "data" / "demo_face_plain.jpg"


def load_image(path: Path | str) -> Frame:
    """Decode an image file to BGR; NoDevice names the file when it is missing or not an image."""
    data = np.fromfile(str(path), dtype=np.uint8) if Path(str(path)).is_file() else None
    image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data is not None and data.size else None
    if image is None:
        raise NoDevice(f"simulated camera: cannot read image {path}")
    return np.asarray(image, dtype=np.uint8)


class SimulatedCamera:
    """Loops one image, shifting it by a few pixels per frame like a person breathing."""

    name = "Simulated camera"

    def __init__(self, image: Path | str | None = None, sway_px: int = 3, fps: float = 0.0) -> None:
        """`fps` > 0 paces `read` like a real camera (the grabber thread would otherwise spin)."""
        self._image = load_image(image or str(DEMO_IMAGE))
        self._sway_px = sway_px
        self._frame_no = 0
        self._closed = False
        self._pace = Pace(fps) if fps > 0 else None

    def read(self) -> Frame:
        if self._closed:
            raise NoDevice("simulated camera is closed")
        if self._pace is not None:
            self._pace.wait()
        self._frame_no += 1
        shift = round(self._sway_px * math.sin(self._frame_no / 8))
        matrix = np.array([[1, 0, shift], [0, 1, 0]], dtype=np.float32)
        height, width = self._image.shape[:2]
        moved = cv2.warpAffine(self._image, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE)
        return np.asarray(moved, dtype=np.uint8)

    def close(self) -> None:
        self._closed = True


class VideoFileCamera:
    """A video file played in a loop at its own frame rate, as if a person stood in front of the camera."""

    def __init__(self, path: Path | str) -> None:
        self.name = f"video {Path(str(path)).name}"
        self._capture = cv2.VideoCapture(str(path))
        if not self._capture.isOpened():
            raise NoDevice(f"simulated camera: cannot open video {path}")
        self._pace = Pace(self._capture.get(cv2.CAP_PROP_FPS) or 25.0)

    def read(self) -> Frame:
        self._pace.wait()
        ok, frame = self._capture.read()
        if not ok:  # the end: start again from the first frame
            self._capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, frame = self._capture.read()
        if not ok or frame is None:
            raise NoDevice("simulated camera: the video has no frames")
        return np.asarray(frame, dtype=np.uint8)

    def close(self) -> None:
        self._capture.release()


class Pace:
    """A file reads faster than a camera delivers: `wait` until the next frame is due."""

    def __init__(self, fps: float) -> None:
        self._interval_s = 1.0 / min(max(fps, 1.0), 60.0)
        self._next = time.monotonic()

    def wait(self) -> None:
        delay = self._next - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        self._next = max(self._next, time.monotonic()) + self._interval_s


VIDEO_SUFFIXES = (".mp4", ".avi", ".mkv", ".mov", ".webm")


def file_camera(path: Path | str) -> SimulatedCamera | VideoFileCamera:
    """An image or a video file, looped: the demo's and the tests' camera."""
    if str(path).lower().endswith(VIDEO_SUFFIXES):
        return VideoFileCamera(path)
    return SimulatedCamera(path, fps=15)
