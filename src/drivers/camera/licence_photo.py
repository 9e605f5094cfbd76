"""Turn a camera capture into the licence photo: 260 × 378 px, head centred, JPEG (PHOTO.md §1.1, §1.3).

From the face mesh: level the eyes, find the crown by scanning up from the forehead until the light backdrop
starts (estimated from the mesh when the backdrop is not plain), scale so crown → chin is 242 px, centre the
eye midpoint, put the crown 15 px below the top, and pick the JPEG quality (≥ 70) by bisection so the file
lands in the byte range. Never mirrored.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from drivers.camera.base import Frame
from drivers.camera.face import CHIN, FACE_SIDES, FOREHEAD, Landmarks, as_bgr, detect_faces, models_available
from drivers.camera.quality import Analysis, find_main_face
from drivers.errors import UnreadableMedia

PHOTO_WIDTH, PHOTO_HEIGHT = 260, 378
HEAD_LENGTH_PX = 242  # crown → chin, within GA 482's 224–260 px
CROWN_MARGIN_PX = 15  # crown 10–20 px below the photo's top edge
MIN_QUALITY = 70
DEFAULT_SIZE_RANGE = (14_000, 30_000)
CROWN_ABOVE_FOREHEAD = 0.5  # crown estimate: point 10 minus this × (chin − point 10); scanned: 0.49–0.56
CROWN_RATIO_RANGE = (0.15, 0.9)  # a scanned crown outside this (same units) is not believed
BACKDROP_TOLERANCE = 30.0  # colour distance from the backdrop that counts as hair or head (at least)
BACKDROP_MAX_SPREAD = 25.0  # mean colour distance within the backdrop above which it is too busy to scan
BACKDROP_ROWS_TO_STOP = 4  # this many backdrop rows in a row end the scan

Matrix = npt.NDArray[np.float64]


@dataclass(frozen=True)
class LicencePhoto:
    jpeg: bytes
    width: int
    height: int
    quality: int = 0  # the JPEG quality used
    crown_found: bool = False  # the crown was found on the backdrop (not estimated from the mesh)


def find_face(frame: Frame) -> tuple[int, int, int, int]:
    """The largest face box (x, y, w, h); UnreadableMedia when there is none."""
    image = as_bgr(frame)
    faces = detect_faces(image) if image is not None else []
    if not faces:
        raise UnreadableMedia("no face found in the capture")
    face = max(faces, key=lambda f: f.area)
    return round(face.x), round(face.y), round(face.width), round(face.height)


def crop_licence_photo(frame: Frame, quality: int | None = None, analysis: Analysis | None = None,
                       size_range: tuple[int, int] = DEFAULT_SIZE_RANGE) -> LicencePhoto:
    """The licence photo of the main face. `quality` fixes the JPEG quality (at least 70); without it the
    highest quality whose file fits `size_range` is used. `analysis` of this frame saves finding the face
    again. UnreadableMedia when there is no usable face."""
    image = as_bgr(frame)
    if image is None:
        raise UnreadableMedia("the capture is not an image")
    landmarks = analysis.landmarks if analysis is not None else find_main_face(image)[2]
    if landmarks is None:
        if models_available():
            raise UnreadableMedia("no usable face in the capture")
        matrix, crown_found = _box_geometry(image), False  # Haar fallback: no mesh, the old box-based crop
    else:
        matrix, crown_found = _mesh_geometry(image, landmarks)
    photo = _warp(image, matrix)
    jpeg, used = _encode(photo, quality, size_range)
    return LicencePhoto(jpeg, PHOTO_WIDTH, PHOTO_HEIGHT, used, crown_found)


def _mesh_geometry(image: Frame, lm: Landmarks) -> tuple[Matrix, bool]:
    """Affine frame → photo: rotate the eyes level about their midpoint, then scale and place."""
    eye_x, eye_y = lm.eye_mid
    level = _rotation(math.radians(-lm.roll), (eye_x, eye_y))
    chin_y = _apply(level, lm.point(CHIN))[1]
    forehead_y = _apply(level, lm.point(FOREHEAD))[1]
    sides = [_apply(level, lm.point(i))[0] for i in FACE_SIDES]
    face_length = max(chin_y - forehead_y, 1.0)
    scanned = _scan_crown(image, level, eye_x, forehead_y, abs(sides[1] - sides[0]))
    low, high = CROWN_RATIO_RANGE
    believable = scanned is not None and low <= (forehead_y - scanned) / face_length <= high
    estimate = forehead_y - CROWN_ABOVE_FOREHEAD * face_length
    crown_y = scanned if believable and scanned is not None else estimate
    scale = HEAD_LENGTH_PX / max(chin_y - crown_y, 1.0)
    place = np.array([[scale, 0, PHOTO_WIDTH / 2 - scale * eye_x],
                      [0, scale, CROWN_MARGIN_PX - scale * crown_y]])
    return _compose(place, level), believable


def _scan_crown(image: Frame, level: Matrix, eye_x: float, forehead_y: float,
                face_width: float) -> float | None:
    """The top of the head on a plain backdrop: in the levelled image, the highest row above the forehead
    where the central band still differs from the backdrop. None when the backdrop cannot be told apart."""
    top = forehead_y - 1.5 * face_width
    width = round(2.4 * face_width)
    height = round(forehead_y - top)
    if width < 8 or height < 8:
        return None
    shift = np.array([[1, 0, width / 2 - eye_x], [0, 1, -top]])
    region = cv2.warpAffine(image, _compose(shift, level), (width, height), flags=cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_REPLICATE).astype(np.float32)
    side = max(2, width // 8)
    upper = region[: height // 2]
    backdrop = np.concatenate([upper[:, :side], upper[:, -side:]], axis=1).reshape(-1, 3)
    reference = np.median(backdrop, axis=0)
    spread = float(np.linalg.norm(backdrop - reference, axis=1).mean())
    if spread > BACKDROP_MAX_SPREAD:
        return None  # the backdrop itself is busy
    tolerance = max(BACKDROP_TOLERANCE, 2.5 * spread)
    band = region[:, width // 2 - max(1, width // 10): width // 2 + max(1, width // 10)]
    differs = (np.linalg.norm(band - reference, axis=2) > tolerance).mean(axis=1) > 0.2
    crown, quiet = None, 0
    for row in range(height - 1, -1, -1):
        if differs[row]:
            crown, quiet = row, 0
        else:
            quiet += 1
            if quiet >= BACKDROP_ROWS_TO_STOP and crown is not None:
                return top + crown
    return None  # the head reaches the top of the frame


def _box_geometry(image: Frame) -> Matrix:
    """Without a mesh (Haar fallback): the first crop's rule, a 130 px box, the crown half a box above it."""
    x, y, w, _ = find_face(image)
    scale = 130 / w
    return np.array([[scale, 0, PHOTO_WIDTH / 2 - (x + w / 2) * scale],
                     [0, scale, CROWN_MARGIN_PX + 65 - y * scale]])


def _warp(image: Frame, matrix: Matrix) -> Frame:
    """Apply frame → photo, halving the frame first while the scale is below 0.5 (bilinear would alias)."""
    matrix = matrix.copy()
    while math.sqrt(abs(np.linalg.det(matrix[:, :2]))) < 0.5 and min(image.shape[:2]) >= 2:
        image = np.asarray(cv2.pyrDown(image), np.uint8)
        matrix[:, :2] *= 2
    scale = math.sqrt(abs(np.linalg.det(matrix[:, :2])))
    flags = cv2.INTER_CUBIC if scale > 1 else cv2.INTER_LINEAR
    photo = cv2.warpAffine(image, matrix, (PHOTO_WIDTH, PHOTO_HEIGHT), flags=flags,
                           borderMode=cv2.BORDER_REPLICATE)
    return np.asarray(photo, np.uint8)


def _encode(photo: Frame, quality: int | None, size_range: tuple[int, int]) -> tuple[bytes, int]:
    """A fixed quality, or the highest quality (70–100) whose file is at most size_range's top, by bisection.
    When even quality 70 is too large it is used all the same; the quality floor wins."""
    if quality is not None:
        used = min(100, max(MIN_QUALITY, quality))
        return _jpeg(photo, used), used
    low, high = MIN_QUALITY, 100
    best = _jpeg(photo, low), low
    if len(best[0]) > size_range[1]:
        return best
    while low < high:
        middle = (low + high + 1) // 2
        data = _jpeg(photo, middle)
        if len(data) <= size_range[1]:
            low, best = middle, (data, middle)
        else:
            high = middle - 1
    return best


def _jpeg(photo: Frame, quality: int) -> bytes:
    ok, encoded = cv2.imencode(".jpg", photo, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise UnreadableMedia("the photo could not be encoded")
    return bytes(encoded.tobytes())


def _rotation(angle: float, centre: tuple[float, float]) -> Matrix:
    cos, sin = math.cos(angle), math.sin(angle)
    cx, cy = centre
    return np.array([[cos, -sin, cx - cos * cx + sin * cy], [sin, cos, cy - sin * cx - cos * cy]])


def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    """The affine map `outer ∘ inner` (inner applied first)."""
    full = np.vstack([outer, [0, 0, 1]]) @ np.vstack([inner, [0, 0, 1]])
    return full[:2]


def _apply(matrix: Matrix, point: tuple[float, float]) -> tuple[float, float]:
    x, y = matrix @ np.array([point[0], point[1], 1.0])
    return float(x), float(y)
