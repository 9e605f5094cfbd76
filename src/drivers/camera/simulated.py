"""A camera with no hardware: a still image looped with a slight sway, so the preview looks live."""

from __future__ import annotations

import math
from importlib import resources
from pathlib import Path

import cv2
import numpy as np

from drivers.camera.base import Frame
from drivers.errors import NoDevice

DEMO_IMAGE = resources.files("drivers.camera") / "data" / "demo_face.jpg"


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

    def __init__(self, image: Path | str | None = None, sway_px: int = 3) -> None:
        self._image = load_image(image or str(DEMO_IMAGE))
        self._sway_px = sway_px
        self._frame_no = 0
        self._closed = False

    def read(self) -> Frame:
        if self._closed:
            raise NoDevice("simulated camera is closed")
        self._frame_no += 1
        shift = round(self._sway_px * math.sin(self._frame_no / 8))
        matrix = np.array([[1, 0, shift], [0, 1, 0]], dtype=np.float32)
        height, width = self._image.shape[:2]
        moved = cv2.warpAffine(self._image, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE)
        return np.asarray(moved, dtype=np.uint8)

    def close(self) -> None:
        self._closed = True
