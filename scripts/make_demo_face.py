"""Regenerate src/drivers/camera/data/demo_face_plain.jpg: a 640 × 480 frame that passes the photo checks.

Run by hand (needs the test extra, for matplotlib): .venv/bin/python scripts/make_demo_face.py
The kiosk never runs this; it only loops the JPEG this writes.

Source: Grace Hopper's portrait shipped in matplotlib (`grace_hopper.jpg`, public domain, US Navy). Her mouth
is closed and she faces the camera; the astronaut of demo_face.jpg smiles with her teeth showing, which no
licence photo accepts. Steps:
1. segment her with cv2.grabCut, seeded from the face mesh (the face is sure foreground, a head ellipse and
   the body below the chin probable foreground, the rest sure background);
2. the portrait's edges cut her shoulders off: put a plain body silhouette in her uniform's colour behind her;
3. composite with a feathered edge onto an even light backdrop, with a little sensor noise, so that eye
   midpoint → chin is 26 % of the frame height and the eyes are 40 % from the top, centred.
Her cap is a head covering, which a licence photo does not allow and which the kiosk does not measure
(docs/photo-quality.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from drivers.camera.face import CHIN, detect_faces, face_landmarks  # noqa: E402

OUT = ROOT / "src/drivers/camera/data/demo_face_plain.jpg"
SIZE = (640, 480)
HEAD_SIZE, EYE_LINE = 0.26, 0.40
BACKDROP_BGR = (238, 238, 236)
FLAG_EDGE_PX = 30  # the flag's fringe along the portrait's left edge
CLOTH_SAMPLE_PX = 60  # a square of plain uniform cloth just inside that fringe, at the bottom
TORSO_TOP = 0.15  # the body silhouette's top, below the chin, in units of eye → chin
TORSO_AXES = (2.6, 1.38)  # its half-axes, same units


def load_portrait() -> np.ndarray:
    from matplotlib import cbook
    path = cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)
    return cv2.imread(str(path), cv2.IMREAD_COLOR)


def segment(image: np.ndarray) -> tuple[np.ndarray, float, tuple[float, float], float]:
    """Alpha (0–1) of the person, the eye → chin distance, the eye midpoint and the chin's row."""
    height, width = image.shape[:2]
    landmarks = face_landmarks(image, detect_faces(image)[0])
    assert landmarks is not None, "no face mesh on the portrait"
    points = landmarks.points[:, :2]
    (_, y0), (_, y1) = points.min(axis=0), points.max(axis=0)
    face_width = float(np.ptp(points[:, 0]))
    eye_x, _ = landmarks.eye_mid
    chin_y = landmarks.point(CHIN)[1]
    mask = np.full((height, width), cv2.GC_BGD, np.uint8)
    head_centre = (round(eye_x), round((y0 + y1) / 2 - 0.2 * face_width))
    head_axes = (round(0.8 * face_width), round(1.05 * face_width))
    cv2.ellipse(mask, head_centre, head_axes, 0, 0, 360, cv2.GC_PR_FGD, -1)
    cv2.rectangle(mask, (0, round(chin_y + 0.1 * face_width)), (width, height), cv2.GC_PR_FGD, -1)
    cv2.rectangle(mask, (round(eye_x - face_width), round(chin_y + 0.6 * face_width)), (width, height),
                  cv2.GC_FGD, -1)
    cv2.fillConvexPoly(mask, cv2.convexHull(np.round(points).astype(np.int32)), cv2.GC_FGD)
    models = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
    cv2.grabCut(image, mask, None, models[0], models[1], 8, cv2.GC_INIT_WITH_MASK)
    alpha = np.isin(mask, (cv2.GC_FGD, cv2.GC_PR_FGD)).astype(np.float32)
    alpha[:, :FLAG_EDGE_PX] = 0
    return alpha, landmarks.eye_to_chin, landmarks.eye_mid, chin_y


def torso(centre: tuple[float, float], axes: tuple[float, float], colour: np.ndarray
          ) -> tuple[np.ndarray, np.ndarray]:
    """A plain body silhouette (an ellipse) in the uniform's colour, frame-sized, with its alpha."""
    alpha = np.zeros((SIZE[1], SIZE[0]), np.float32)
    cv2.ellipse(alpha, (round(centre[0]), round(centre[1])), (round(axes[0]), round(axes[1])),
                0, 0, 360, 1.0, -1)
    layer = np.empty((SIZE[1], SIZE[0], 3), np.float64)
    layer[:] = colour
    return layer, alpha


def compose() -> np.ndarray:
    portrait = load_portrait()
    alpha, eye_to_chin, (eye_x, eye_y), chin_y = segment(portrait)
    cloth = portrait[-CLOTH_SAMPLE_PX:, FLAG_EDGE_PX:FLAG_EDGE_PX + CLOTH_SAMPLE_PX]
    colour = np.median(cloth.reshape(-1, 3), axis=0)
    scale = HEAD_SIZE * SIZE[1] / eye_to_chin
    matrix = np.array([[scale, 0, SIZE[0] / 2 - scale * eye_x],
                       [0, scale, EYE_LINE * SIZE[1] - scale * eye_y]])
    person = cv2.warpAffine(portrait, matrix, SIZE, flags=cv2.INTER_AREA, borderMode=cv2.BORDER_REPLICATE)
    alpha = cv2.warpAffine(alpha, matrix, SIZE, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    t = HEAD_SIZE * SIZE[1]
    chin_frame = EYE_LINE * SIZE[1] + scale * (chin_y - eye_y)
    body_centre = (SIZE[0] / 2, chin_frame + (TORSO_TOP + TORSO_AXES[1]) * t)
    body, body_alpha = torso(body_centre, (TORSO_AXES[0] * t, TORSO_AXES[1] * t), colour)
    frame = np.full((SIZE[1], SIZE[0], 3), BACKDROP_BGR, np.float64)
    for layer, cover in ((body, body_alpha), (person.astype(np.float64), alpha)):
        soft = cv2.GaussianBlur(cover, (5, 5), 1.2)[:, :, None]
        frame = soft * layer + (1 - soft) * frame
    frame += np.random.default_rng(1906).normal(0, 1.5, frame.shape)
    return np.clip(np.round(frame), 0, 255).astype(np.uint8)


def main() -> None:
    cv2.setNumThreads(1)  # one thread: the same bytes on every run
    frame = compose()
    cv2.imwrite(str(OUT), frame, [cv2.IMWRITE_JPEG_QUALITY, 92])
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
