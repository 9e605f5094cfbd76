"""The quality measures themselves (names of DESIGN.md §4.5), each a cheap function of the frame and the mesh.

Face statistics (sharpness, exposure, dynamic range, cheeks) are taken on the mesh's upright 192 × 192 crop,
where the face is always about 128 px wide: no full-frame conversion, and values that do not depend on how
large the face is in the frame. The background is read in strips beside and above the head in the frame.
"""

from __future__ import annotations

import math

import cv2
import numpy as np
import numpy.typing as npt

from drivers.camera import hints
from drivers.camera.base import Frame
from drivers.camera.face import (
    CHIN,
    FACE_SIDES,
    FOREHEAD,
    LEFT_EYE,
    LOWER_LIP,
    RIGHT_EYE,
    UPPER_LIP,
    FaceBox,
    Landmarks,
)
from drivers.camera.thresholds import Measure, PhotoThresholds

Gray = npt.NDArray[np.uint8]
DARK_LUMA, BRIGHT_LUMA = 25, 247  # OFIQ's under/over-exposure bins
SCHARR_GAIN = 32.0  # Scharr's response to a ramp of one grey level per pixel


def measure(name: str, value: float, passed: bool, hint: hints.Hint = ("", ""),
            limits: tuple[float | None, float | None] = (None, None)) -> Measure:
    return Measure(name, round(float(value), 4), bool(passed), hint[0], hint[1], limits)


def face_count(faces: tuple[FaceBox, ...], main: FaceBox | None, th: PhotoThresholds) -> Measure:
    """Faces at least `other_face_min_width` × the main face's width; exactly one passes."""
    count = 0 if main is None else sum(f.width >= th.other_face_min_width * main.width for f in faces)
    hint = hints.NO_FACE if count == 0 else hints.SEVERAL_FACES
    return measure("face_count", count, count == 1, hint, (1, 1))


def face_centred(image: Frame, main: FaceBox, lm: Landmarks | None, th: PhotoThresholds) -> Measure:
    """Signed offset of the eye midpoint (box centre without a mesh) from the centre line, share of width."""
    x = lm.eye_mid[0] if lm is not None else main.centre[0]
    offset = x / image.shape[1] - 0.5
    hint = hints.MOVE_RIGHT if offset > 0 else hints.MOVE_LEFT  # image right = the citizen's left
    limit = th.max_centre_offset
    return measure("face_centred", offset, abs(offset) <= limit, hint, (-limit, limit))


def landmark_measures(image: Frame, lm: Landmarks, th: PhotoThresholds,
                      skip: tuple[str, ...]) -> list[Measure]:
    height = image.shape[0]
    t = max(lm.eye_to_chin, 1e-6)
    found = [
        _ranged("eye_line", lm.eye_mid[1] / height, th.eye_line_min, th.eye_line_max,
                hints.EYES_TOO_HIGH, hints.EYES_TOO_LOW),
        _ranged("head_size", t / height, th.head_size_min, th.head_size_max,
                hints.COME_CLOSER, hints.STEP_BACK),
        _angle("roll", lm.roll, th.max_roll_deg, hints.HEAD_STRAIGHT, hints.HEAD_STRAIGHT),
        _angle("yaw", lm.yaw, th.max_yaw_deg, hints.FACE_CAMERA, hints.FACE_CAMERA),
        _angle("pitch", lm.pitch, th.max_pitch_deg, hints.CHIN_DOWN, hints.CHIN_UP),
    ]
    eyes = min(lm.gap(RIGHT_EYE[2], RIGHT_EYE[3]), lm.gap(LEFT_EYE[2], LEFT_EYE[3])) / t
    found.append(measure("eyes_open", eyes, eyes >= th.min_eyes_open, hints.OPEN_EYES,
                         (th.min_eyes_open, None)))
    mouth = lm.gap(UPPER_LIP, LOWER_LIP) / t
    found.append(measure("mouth_closed", mouth, mouth <= th.max_mouth_open, hints.CLOSE_MOUTH,
                         (None, th.max_mouth_open)))
    gray = np.asarray(cv2.cvtColor(lm.crop, cv2.COLOR_BGR2GRAY), np.uint8)
    mask = _face_mask(lm)
    found.append(_sharpness(gray, mask, th))
    histogram = np.asarray(cv2.calcHist([gray], [0], mask, [256], [0, 256]), np.float32).ravel()
    if histogram.sum() > 0:
        found.append(_exposure(histogram, th))
        if "dynamic_range" not in skip:
            found.append(_dynamic_range(histogram, th))
    cheeks = _cheeks(lm)
    if cheeks and "lighting_balance" not in skip:
        found.append(_lighting_balance(gray, cheeks, th))
    if cheeks and "natural_colour" not in skip:
        found.append(_natural_colour(lm.crop, cheeks, th))
    if "background" not in skip:
        strips = _background_strips(image, lm)
        if strips:
            found.append(_background(strips, th))
    return found


def _ranged(name: str, value: float, low: float, high: float,
            below: hints.Hint, above: hints.Hint) -> Measure:
    return measure(name, value, low <= value <= high, below if value < low else above, (low, high))


def _angle(name: str, degrees: float, limit: float, positive: hints.Hint, negative: hints.Hint) -> Measure:
    hint = positive if degrees > 0 else negative
    return measure(name, degrees, abs(degrees) <= limit, hint, (-limit, limit))


def _face_mask(lm: Landmarks) -> Gray:
    """The mesh's convex hull in the crop, shrunk by a few pixels so the face's outline is not measured."""
    mask = np.zeros(lm.crop.shape[:2], np.uint8)
    hull = cv2.convexHull(np.round(lm.crop_points).astype(np.int32))
    cv2.fillConvexPoly(mask, hull, 255)
    return np.asarray(cv2.erode(mask, np.ones((7, 7), np.uint8)), np.uint8)


def _sharpness(gray: Gray, mask: Gray, th: PhotoThresholds) -> Measure:
    laplacian = cv2.Laplacian(gray, cv2.CV_16S, ksize=1)
    _, std = cv2.meanStdDev(laplacian, mask=mask)
    variance = float(std[0, 0]) ** 2
    return measure("sharpness", variance, variance >= th.min_sharpness, hints.HOLD_STILL,
                   (th.min_sharpness, None))


def _exposure(histogram: npt.NDArray[np.float32], th: PhotoThresholds) -> Measure:
    """Mean face luma, failing also when too many face pixels are crushed black or burnt white."""
    total = float(histogram.sum())
    mean = float(np.dot(histogram, np.arange(256))) / total
    dark = float(histogram[:DARK_LUMA + 1].sum()) / total
    bright = float(histogram[BRIGHT_LUMA:].sum()) / total
    too_dark = mean < th.min_exposure or dark > th.max_dark_share
    too_bright = mean > th.max_exposure or bright > th.max_bright_share
    hint = hints.TOO_DARK if too_dark else hints.TOO_BRIGHT
    return measure("exposure", mean, not (too_dark or too_bright), hint, (th.min_exposure, th.max_exposure))


def _dynamic_range(histogram: npt.NDArray[np.float32], th: PhotoThresholds) -> Measure:
    p = histogram[histogram > 0] / histogram.sum()
    entropy = float(-(p * np.log2(p)).sum())
    return measure("dynamic_range", entropy, entropy >= th.min_dynamic_range, hints.FLAT_LIGHT,
                   (th.min_dynamic_range, None))


Square = tuple[int, int, int, int]  # x0, y0, x1, y1 in the crop


def _cheeks(lm: Landmarks) -> list[Square]:
    """OFIQ's cheek squares: side 0.3 × IED, half the eye–mouth distance below each eye (in the crop)."""
    pts = lm.crop_points
    eyes = [pts[list(eye)].mean(axis=0) for eye in (RIGHT_EYE, LEFT_EYE)]
    mouth_y = float(pts[[UPPER_LIP, LOWER_LIP], 1].mean())
    half = 0.15 * float(np.hypot(*(eyes[1] - eyes[0])))
    size = lm.crop.shape[0]
    squares = []
    for ex, ey in eyes:
        cx, cy = float(ex), float(ey) + 0.5 * (mouth_y - float(ey))
        x0, y0 = max(0, round(cx - half)), max(0, round(cy - half))
        x1, y1 = min(size, round(cx + half)), min(size, round(cy + half))
        if x1 - x0 < 2 or y1 - y0 < 2:
            return []
        squares.append((x0, y0, x1, y1))
    return squares


def _lighting_balance(gray: Gray, cheeks: list[Square], th: PhotoThresholds) -> Measure:
    means = [float(gray[y0:y1, x0:x1].mean()) for x0, y0, x1, y1 in cheeks]
    balance = min(means) / max(max(means), 1e-6)
    return measure("lighting_balance", balance, balance >= th.min_lighting_balance, hints.SIDE_SHADOW,
                   (th.min_lighting_balance, None))


def _natural_colour(crop: Frame, cheeks: list[Square], th: PhotoThresholds) -> Measure:
    """Distance of the cheeks' mean CIELAB (a, b) from OFIQ's skin box a ∈ [5, 25], b ∈ [5, 35]."""
    pixels = np.concatenate([crop[y0:y1, x0:x1].reshape(-1, 3) for x0, y0, x1, y1 in cheeks])
    bgr = pixels.mean(axis=0).astype(np.float32).reshape(1, 1, 3) / 255
    _, a, b = cv2.cvtColor(bgr, cv2.COLOR_BGR2Lab)[0, 0]
    da = max(5 - a, 0.0, a - 25)
    db = max(5 - b, 0.0, b - 35)
    distance = math.hypot(da, db)
    return measure("natural_colour", distance, distance <= th.max_colour_distance, hints.ODD_COLOUR,
                   (None, th.max_colour_distance))


def _background_strips(image: Frame, lm: Landmarks) -> list[Gray]:
    """Grey strips of the frame beside the head (from above the crown estimate down to eye level, well clear
    of the hair) and above it, clipped to the frame; strips thinner than 4 px are dropped."""
    height, width = image.shape[:2]
    (sx0, _), (sx1, _) = lm.point(FACE_SIDES[0]), lm.point(FACE_SIDES[1])
    half = max(abs(sx1 - sx0) / 2, 1.0)
    cx, eye_y = lm.eye_mid
    forehead_y, chin_y = lm.point(FOREHEAD)[1], lm.point(CHIN)[1]
    face_length = max(chin_y - forehead_y, 1.0)
    boxes = [(cx - 2.6 * half, forehead_y - 0.5 * face_length, cx - 1.8 * half, eye_y),
             (cx + 1.8 * half, forehead_y - 0.5 * face_length, cx + 2.6 * half, eye_y),
             (cx - half, 0, cx + half, forehead_y - 0.75 * face_length)]
    strips = []
    for x0, y0, x1, y1 in boxes:
        x0, x1 = max(0, round(x0)), min(width, round(x1))
        y0, y1 = max(0, round(y0)), min(height, round(y1))
        if x1 - x0 >= 4 and y1 - y0 >= 4:
            strips.append(np.asarray(cv2.cvtColor(image[y0:y1, x0:x1], cv2.COLOR_BGR2GRAY), np.uint8))
    return strips


def _background(strips: list[Gray], th: PhotoThresholds) -> Measure:
    """Mean gradient magnitude (grey levels per pixel, at half resolution) over the strips; also fails on a
    dark background (mean luma)."""
    gradient_sum, luma_sum, count = 0.0, 0.0, 0
    for strip in strips:
        if min(strip.shape) >= 8:
            strip = np.asarray(cv2.pyrDown(strip), np.uint8)  # halves sensor noise; objects and edges stay
        dx = cv2.Scharr(strip, cv2.CV_32F, 1, 0)
        dy = cv2.Scharr(strip, cv2.CV_32F, 0, 1)
        inner = cv2.magnitude(dx, dy)[1:-1, 1:-1]
        gradient_sum += float(inner.sum()) / max(inner.size, 1) * strip.size
        luma_sum += float(strip.sum())
        count += strip.size
    gradient = gradient_sum / count / SCHARR_GAIN
    mean_luma = luma_sum / count
    plain = gradient <= th.max_background_gradient
    light = mean_luma >= th.min_background_luma
    hint = hints.BUSY_BACKGROUND if not plain else hints.DARK_BACKGROUND
    return measure("background", gradient, plain and light, hint, (None, th.max_background_gradient))
