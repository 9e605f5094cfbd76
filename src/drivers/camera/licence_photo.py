"""Turn a camera capture into the licence photo: 260 × 378 px, head centred, JPEG (PHOTO.md §1.1, §1.3).

This is the first, face-box-based crop; the full quality checks are the photo station's work.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from drivers.camera.base import Frame
from drivers.errors import UnreadableMedia

PHOTO_WIDTH, PHOTO_HEIGHT = 260, 378
FACE_WIDTH_PX = 130  # the Haar box is narrower than the head: 130 px box ≈ 170 px head width
CROWN_ABOVE_BOX = 0.5  # the crown sits about half a box width above the box's top
CROWN_MARGIN_PX = 15  # crown 10–20 px below the photo's top edge
_cascade: cv2.CascadeClassifier | None = None


@dataclass(frozen=True)
class LicencePhoto:
    jpeg: bytes
    width: int
    height: int


def find_face(frame: Frame) -> tuple[int, int, int, int]:
    """The largest face box (x, y, w, h); UnreadableMedia when there is none."""
    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    min_side = max(60, min(gray.shape) // 5)  # citizens stand 40–80 cm away: faces are large
    faces = _detector().detectMultiScale(gray, 1.15, 5, minSize=(min_side, min_side))
    if len(faces) == 0:
        raise UnreadableMedia("no face found in the capture")
    x, y, w, h = max(faces, key=lambda box: box[2] * box[3])
    return int(x), int(y), int(w), int(h)


def crop_licence_photo(frame: Frame, quality: int = 85) -> LicencePhoto:
    """Scale and crop around the face; never mirrored; JPEG at `quality` (≥ 70)."""
    x, y, w, _ = find_face(frame)
    scale = FACE_WIDTH_PX / w
    left = (x + w / 2) * scale - PHOTO_WIDTH / 2
    top = y * scale - FACE_WIDTH_PX * CROWN_ABOVE_BOX - CROWN_MARGIN_PX
    matrix = np.array([[scale, 0, -left], [0, scale, -top]], dtype=np.float32)
    photo = cv2.warpAffine(frame, matrix, (PHOTO_WIDTH, PHOTO_HEIGHT),
                           flags=cv2.INTER_AREA, borderMode=cv2.BORDER_CONSTANT,
                           borderValue=(255, 255, 255))  # licence photos have a white background
    ok, encoded = cv2.imencode(".jpg", photo, [cv2.IMWRITE_JPEG_QUALITY, max(70, quality)])
    if not ok:
        raise UnreadableMedia("the photo could not be encoded")
    return LicencePhoto(encoded.tobytes(), PHOTO_WIDTH, PHOTO_HEIGHT)


def _detector() -> cv2.CascadeClassifier:
    global _cascade
    if _cascade is None:
        cascades = cv2.data.haarcascades  # type: ignore[attr-defined]  # opencv <5 ships the XML files
        _cascade = cv2.CascadeClassifier(cascades + "haarcascade_frontalface_default.xml")
    return _cascade
