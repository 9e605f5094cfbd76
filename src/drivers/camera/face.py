"""Faces and face landmarks without network access: MediaPipe's BlazeFace and face mesh through cv2.dnn.

The two TFLite files are vendored in `drivers/camera/models/` (see PROVENANCE.md there) and loaded once per
process, on first use; a lock lets any thread use them. Everything else is a pure function of a frame
(PHOTO.md §4.1):

- `detect_faces`: BlazeFace short range on the frame padded to a square and scaled to 128 × 128. Boxes and the
  six BlazeFace keypoints in frame pixels, best score first.
- `face_landmarks`: the 468-point mesh on a 192 × 192 crop of 1.5 × the box, rotated so the eyes are level.
  Points come back in frame pixels (z in the same pixel scale, smaller = nearer the camera), with roll, yaw
  and pitch.

If the models cannot be loaded (a broken install), detection falls back to OpenCV's Haar cascade: boxes only,
no keypoints, no landmarks.
"""

from __future__ import annotations

import logging
import math
import threading
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import cv2
import numpy as np
import numpy.typing as npt

from drivers.camera.base import Frame

log = logging.getLogger(__name__)

DETECTOR_SIZE = 128
MESH_SIZE = 192
MESH_CROP_SCALE = 1.5  # the mesh expects 1.5 × the detector's box (MediaPipe's face landmark graph)
MIN_SCORE = 0.5
NMS_IOU = 0.3

# Mesh indices (subject's right = image left in an unmirrored frame).
RIGHT_EYE = (33, 133, 159, 145)  # outer corner, inner corner, upper lid, lower lid
LEFT_EYE = (263, 362, 386, 374)
UPPER_LIP, LOWER_LIP = 13, 14  # inner lip contour, centre
MOUTH_CORNERS = (61, 291)
CHIN, FOREHEAD, NOSE_TIP = 152, 10, 1
FACE_SIDES = (234, 454)  # widest points of the face contour (right, left)

Points = npt.NDArray[np.float32]
_forward_lock = threading.Lock()  # a cv2.dnn.Net is not safe to run from two threads at once


@dataclass(frozen=True, eq=False)
class FaceBox:
    """One detected face in frame pixels. `keypoints`: right eye, left eye, nose, mouth, right ear, left ear
    (empty after the Haar fallback)."""

    x: float
    y: float
    width: float
    height: float
    score: float
    keypoints: Points = field(default_factory=lambda: np.zeros((0, 2), np.float32))

    @property
    def area(self) -> float:
        return self.width * self.height

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2


@dataclass(frozen=True, eq=False)
class Landmarks:
    """The face mesh of the main face, in frame pixels, with the pose derived from it.

    `roll`: degrees of the eye line, positive when the image-right eye is lower (head tilted towards the
    subject's left shoulder, clockwise on screen). `yaw`: positive when the face turns towards the image's
    right. `pitch`: positive when the chin is raised. Yaw and pitch come from the mesh's own depth (the normal
    of the plane through the outer eye corners and the mouth corners): rough, about ±5° on frontal portraits
    (see docs/photo-quality.md).
    """

    points: Points  # 468 × 3
    crop_points: Points  # 468 × 2, the same points in the upright crop
    presence: float  # the mesh's own face/no-face score, 0–1
    roll: float
    yaw: float
    pitch: float
    crop: npt.NDArray[np.uint8]  # the upright 192 × 192 BGR crop the mesh saw (reused by the measures)
    to_crop: npt.NDArray[np.float64]  # 2 × 3 affine: frame pixels → crop pixels

    def point(self, index: int) -> tuple[float, float]:
        x, y = self.points[index, :2]
        return float(x), float(y)

    def eye_centre(self, eye: tuple[int, ...]) -> tuple[float, float]:
        centre = self.points[list(eye), :2].mean(axis=0)
        return float(centre[0]), float(centre[1])

    @property
    def right_eye(self) -> tuple[float, float]:
        return self.eye_centre(RIGHT_EYE)

    @property
    def left_eye(self) -> tuple[float, float]:
        return self.eye_centre(LEFT_EYE)

    @property
    def eye_mid(self) -> tuple[float, float]:
        (rx, ry), (lx, ly) = self.right_eye, self.left_eye
        return (rx + lx) / 2, (ry + ly) / 2

    @property
    def inter_eye(self) -> float:
        """Distance between the eye centres (IED), pixels."""
        (rx, ry), (lx, ly) = self.right_eye, self.left_eye
        return math.hypot(lx - rx, ly - ry)

    @property
    def eye_to_chin(self) -> float:
        """OFIQ's t: eye midpoint → chin, pixels."""
        mx, my = self.eye_mid
        cx, cy = self.point(CHIN)
        return math.hypot(cx - mx, cy - my)

    def gap(self, upper: int, lower: int) -> float:
        """Distance between two mesh points, pixels (eyelids, lips)."""
        (ux, uy), (lx, ly) = self.point(upper), self.point(lower)
        return math.hypot(lx - ux, ly - uy)


# --- models -------------------------------------------------------------------------------------------

@cache
def _nets() -> tuple[cv2.dnn.Net, cv2.dnn.Net] | None:
    """The detector and the mesh, read once per process; None (and a log line) if they cannot be read."""
    models = resources.files("drivers.camera") / "models"
    try:
        nets = []
        for name in ("face_detection_short_range.tflite", "face_landmark.tflite"):
            data = np.frombuffer((models / name).read_bytes(), dtype=np.uint8)
            nets.append(cv2.dnn.readNetFromTFLite(data))
        return nets[0], nets[1]
    except (OSError, cv2.error, AttributeError) as exc:
        log.warning("face models unavailable, falling back to the Haar cascade: %s", exc)
        return None


def models_available() -> bool:
    """True when BlazeFace and the mesh are loaded (landmark measures possible)."""
    return _nets() is not None


@cache
def _anchors() -> npt.NDArray[np.float32]:
    """BlazeFace short-range anchor centres: a 16 × 16 grid with 2 anchors per cell, then 8 × 8 with 6."""
    centres = []
    for grid, per_cell in ((16, 2), (8, 6)):
        ys, xs = np.mgrid[0:grid, 0:grid]
        cells = np.stack([(xs + 0.5) / grid, (ys + 0.5) / grid], axis=-1).reshape(-1, 2)
        centres.append(np.repeat(cells, per_cell, axis=0))
    return np.concatenate(centres).astype(np.float32)


@cache
def _haar() -> cv2.CascadeClassifier:
    cascades = cv2.data.haarcascades  # type: ignore[attr-defined]  # opencv <5 ships the XML files
    return cv2.CascadeClassifier(cascades + "haarcascade_frontalface_default.xml")


# --- detection ---------------------------------------------------------------------------------------

def as_bgr(frame: Frame) -> Frame | None:
    """The frame as a contiguous BGR uint8 image, or None when it is no image at all (empty, wrong rank)."""
    image = np.asarray(frame)
    if image.dtype != np.uint8 or image.ndim not in (2, 3) or min(image.shape[:2], default=0) < 1:
        return None
    if image.ndim == 2:
        return np.asarray(cv2.cvtColor(image, cv2.COLOR_GRAY2BGR), np.uint8)
    channels = image.shape[2]
    if channels == 3:
        return np.ascontiguousarray(image)
    if channels == 4:
        return np.asarray(cv2.cvtColor(image, cv2.COLOR_BGRA2BGR), np.uint8)
    if channels == 1:
        return np.asarray(cv2.cvtColor(image[:, :, 0], cv2.COLOR_GRAY2BGR), np.uint8)
    return None


def detect_faces(frame: Frame, min_score: float = MIN_SCORE) -> list[FaceBox]:
    """Faces in a BGR frame, best score first; [] when there is none (or the frame is not an image)."""
    image = as_bgr(frame)
    if image is None:
        return []
    nets = _nets()
    if nets is None:
        return _haar_faces(image)
    height, width = image.shape[:2]
    side = max(height, width)
    scale = DETECTOR_SIZE / side
    small = cv2.resize(image, (max(1, round(width * scale)), max(1, round(height * scale))),
                       interpolation=cv2.INTER_AREA)
    square = cv2.copyMakeBorder(small, 0, DETECTOR_SIZE - small.shape[0], 0, DETECTOR_SIZE - small.shape[1],
                                cv2.BORDER_CONSTANT, value=(0, 0, 0))
    blob = cv2.dnn.blobFromImage(square, 1 / 127.5, (DETECTOR_SIZE, DETECTOR_SIZE), (127.5, 127.5, 127.5),
                                 swapRB=True)
    with _forward_lock:
        nets[0].setInput(blob)
        regressors, classes = nets[0].forward(["regressors", "classificators"])
    raw = np.asarray(regressors, np.float32).reshape(-1, 16)
    return _decode(raw, np.asarray(classes, np.float32).reshape(-1), side, min_score)


def _decode(raw: npt.NDArray[np.float32], logits: npt.NDArray[np.float32], side: int,
            min_score: float) -> list[FaceBox]:
    scores = (1 / (1 + np.exp(-np.clip(logits, -80, 80)))).astype(np.float32)
    keep = np.flatnonzero(scores >= min_score)
    if keep.size == 0:
        return []
    anchors = _anchors()[keep]
    reg = raw[keep] / DETECTOR_SIZE
    centres = anchors + reg[:, 0:2]
    sizes = np.abs(reg[:, 2:4])
    boxes = np.concatenate([centres - sizes / 2, centres + sizes / 2], axis=1)  # x0 y0 x1 y1, 0–1
    points = anchors[:, None, :] + reg[:, 4:16].reshape(-1, 6, 2)
    faces = []
    for members, weights in _weighted_groups(boxes, scores[keep]):
        box = (boxes[members] * weights[:, None]).sum(axis=0) * side
        kps = (points[members] * weights[:, None, None]).sum(axis=0) * side
        faces.append(FaceBox(float(box[0]), float(box[1]), float(box[2] - box[0]), float(box[3] - box[1]),
                             float(scores[keep][members].max()), kps.astype(np.float32)))
    return faces


def _weighted_groups(boxes: npt.NDArray[np.float32], scores: npt.NDArray[np.float32]
                     ) -> list[tuple[npt.NDArray[np.intp], npt.NDArray[np.float32]]]:
    """Non-maximum suppression that averages each group by score (as MediaPipe's blending NMS does)."""
    order = list(np.argsort(-scores))
    groups = []
    while order:
        best = order[0]
        overlaps = _iou(boxes[best], boxes[order])
        members = np.array([order[i] for i in np.flatnonzero(overlaps > NMS_IOU)], dtype=np.intp)
        order = [order[i] for i in np.flatnonzero(overlaps <= NMS_IOU)]
        weights = scores[members] / scores[members].sum()
        groups.append((members, weights.astype(np.float32)))
    return groups


def _iou(box: npt.NDArray[np.float32], others: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    x0 = np.maximum(box[0], others[:, 0])
    y0 = np.maximum(box[1], others[:, 1])
    x1 = np.minimum(box[2], others[:, 2])
    y1 = np.minimum(box[3], others[:, 3])
    inter = np.clip(x1 - x0, 0, None) * np.clip(y1 - y0, 0, None)
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (others[:, 2] - others[:, 0]) * (others[:, 3] - others[:, 1])
    result: npt.NDArray[np.float32] = inter / np.maximum(area + areas - inter, 1e-9)
    return result


def _haar_faces(image: Frame) -> list[FaceBox]:
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    min_side = max(60, min(gray.shape) // 5)  # citizens stand 40–80 cm away: faces are large
    if min(gray.shape) < min_side:
        return []
    found = _haar().detectMultiScale(gray, 1.15, 5, minSize=(min_side, min_side))
    boxes = sorted((tuple(int(v) for v in box) for box in found), key=lambda b: -b[2] * b[3])
    return [FaceBox(x, y, w, h, 1.0) for x, y, w, h in boxes]


# --- landmarks ---------------------------------------------------------------------------------------

def face_landmarks(frame: Frame, face: FaceBox) -> Landmarks | None:
    """The mesh for one detected face; None without keypoints (Haar fallback) or models."""
    image = as_bgr(frame)
    nets = _nets()
    if image is None or nets is None or len(face.keypoints) < 2:
        return None
    (rx, ry), (lx, ly) = face.keypoints[0], face.keypoints[1]
    angle = math.atan2(ly - ry, lx - rx)
    size = MESH_CROP_SCALE * max(face.width, face.height)
    to_crop = _crop_transform(face.centre, angle, size)
    crop = np.asarray(cv2.warpAffine(image, to_crop, (MESH_SIZE, MESH_SIZE), flags=cv2.INTER_LINEAR,
                                     borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0)), np.uint8)
    blob = cv2.dnn.blobFromImage(crop, 1 / 255, (MESH_SIZE, MESH_SIZE), swapRB=True)
    with _forward_lock:
        nets[1].setInput(blob)
        raw, flag = nets[1].forward(["conv2d_20", "conv2d_30"])
    in_crop = raw.reshape(468, 3).astype(np.float64)
    points = _to_frame(in_crop, to_crop)
    roll = _roll(points)
    yaw, pitch = _yaw_pitch(in_crop)
    presence = float(1 / (1 + math.exp(-float(np.clip(flag.ravel()[0], -80, 80)))))
    crop_points = in_crop[:, :2].astype(np.float32)
    return Landmarks(points, crop_points, presence, roll, yaw, pitch, crop, to_crop)


def _crop_transform(centre: tuple[float, float], angle: float, size: float) -> npt.NDArray[np.float64]:
    """Affine frame → crop: `centre` to the middle, the line at `angle` (radians) level, `size` → 192 px."""
    scale = MESH_SIZE / max(size, 1e-6)
    cos, sin = math.cos(angle) * scale, math.sin(angle) * scale
    linear = np.array([[cos, sin], [-sin, cos]])
    shift = MESH_SIZE / 2 - linear @ np.asarray(centre)
    return np.hstack([linear, shift[:, None]])


def _to_frame(in_crop: npt.NDArray[np.float64], to_crop: npt.NDArray[np.float64]) -> Points:
    back = cv2.invertAffineTransform(to_crop)
    xy = in_crop[:, :2] @ back[:, :2].T + back[:, 2]
    scale = math.sqrt(abs(np.linalg.det(back[:, :2])))
    return np.column_stack([xy, in_crop[:, 2] * scale]).astype(np.float32)


def _roll(points: Points) -> float:
    """Degrees of the line through the eye centres, in the frame."""
    right = points[list(RIGHT_EYE), :2].mean(axis=0)
    left = points[list(LEFT_EYE), :2].mean(axis=0)
    return math.degrees(math.atan2(float(left[1] - right[1]), float(left[0] - right[0])))


def _yaw_pitch(p: npt.NDArray[np.float64]) -> tuple[float, float]:
    """Yaw and pitch from the normal of the eye-corner/mouth-corner plane, in the upright crop's axes."""
    across = (p[LEFT_EYE[0]] - p[RIGHT_EYE[0]]) + (p[MOUTH_CORNERS[1]] - p[MOUTH_CORNERS[0]])
    down = (p[list(MOUTH_CORNERS)].mean(axis=0) - p[[RIGHT_EYE[0], LEFT_EYE[0]]].mean(axis=0))
    facing = -np.cross(across, down)  # image axes: x right, y down, z away from the camera
    norm = float(np.linalg.norm(facing))
    if norm == 0:
        return 0.0, 0.0
    fx, fy, fz = facing / norm
    yaw = math.degrees(math.atan2(fx, -fz))
    pitch = math.degrees(math.atan2(-fy, -fz))
    return yaw, pitch
