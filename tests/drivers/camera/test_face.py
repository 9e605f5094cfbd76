"""BlazeFace and the face mesh through cv2.dnn, on real photographs shipped in PyPI packages."""

from __future__ import annotations

import math

import numpy as np
import pytest

from drivers.camera import face
from drivers.camera.face import CHIN, FOREHEAD, LEFT_EYE, RIGHT_EYE, detect_faces, face_landmarks
from tests.drivers.camera import images


@pytest.mark.parametrize(("name", "box"), [
    ("astronaut", (177, 67, 93, 93)),  # PHOTO.md §5: Haar [177, 67, 93, 93], BlazeFace 0.92
    ("hopper", (149, 100, 231, 231)),  # Haar [149, 100, 231, 231], BlazeFace 0.94
])
def test_one_face_where_the_portraits_have_it(name: str, box: tuple[int, int, int, int]) -> None:
    faces = detect_faces(getattr(images, name)())
    assert len(faces) == 1 and faces[0].score > 0.9
    fx, fy = faces[0].centre
    x, y, w, h = box
    assert abs(fx - (x + w / 2)) < 0.2 * w and abs(fy - (y + h / 2)) < 0.3 * h
    assert 0.6 * w < faces[0].width < 1.2 * w


def test_the_cameraman_is_found_and_the_coffee_has_no_face() -> None:
    assert len(detect_faces(images.cameraman())) == 1  # small face, three-quarter view (Haar finds none)
    assert detect_faces(images.coffee()) == []


def test_lfw_faces_are_found_and_non_faces_are_not() -> None:
    """skimage's LFW subset: 100 face crops and 100 non-faces (PHOTO.md §5: Haar 99/100 and 0/100)."""
    found = sum(bool(detect_faces(images.lfw(i))) for i in range(100))
    false = sum(bool(detect_faces(images.lfw(i))) for i in range(100, 200))
    assert found >= 95 and false <= 3, (found, false)


def test_the_mesh_puts_eyes_above_the_mouth_above_the_chin() -> None:
    frame = images.plain()
    landmarks = face_landmarks(frame, detect_faces(frame)[0])
    assert landmarks is not None and landmarks.presence > 0.9
    assert landmarks.points.shape == (468, 3)
    (rx, ry), (lx, _) = landmarks.right_eye, landmarks.left_eye
    assert rx < lx  # the subject's right eye is on the image's left in an unmirrored frame
    assert landmarks.point(FOREHEAD)[1] < ry < landmarks.point(CHIN)[1]
    assert 0.5 < landmarks.inter_eye / landmarks.eye_to_chin < 0.9
    assert abs(landmarks.roll) < 5 and abs(landmarks.yaw) < 5 and abs(landmarks.pitch) < 5


def test_roll_follows_a_rotation_of_the_frame() -> None:
    base = _roll(images.plain())
    assert _roll(images.rotated(images.plain(), 15)) == pytest.approx(base - 15, abs=2)
    assert _roll(images.rotated(images.plain(), -10)) == pytest.approx(base + 10, abs=2)


def test_yaw_is_large_on_a_three_quarter_view() -> None:
    frame = images.cameraman()
    landmarks = face_landmarks(frame, detect_faces(frame)[0])
    assert landmarks is not None and abs(landmarks.yaw) > 25


def test_points_come_back_in_frame_pixels_whatever_the_scale() -> None:
    frame = images.plain()
    small = np.ascontiguousarray(frame[::2, ::2])
    big_mark = face_landmarks(frame, detect_faces(frame)[0])
    small_mark = face_landmarks(small, detect_faces(small)[0])
    assert big_mark is not None and small_mark is not None
    for eye in (RIGHT_EYE, LEFT_EYE):
        (bx, by), (sx, sy) = big_mark.eye_centre(eye), small_mark.eye_centre(eye)
        assert math.hypot(bx - 2 * sx, by - 2 * sy) < 6


def test_without_the_models_detection_falls_back_to_haar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(face, "_nets", lambda: None)
    faces = detect_faces(images.plain())
    assert len(faces) == 1 and len(faces[0].keypoints) == 0
    assert face_landmarks(images.plain(), faces[0]) is None
    assert not face.models_available()


def test_the_models_load_once() -> None:
    assert face.models_available()
    assert face._nets() is face._nets()


def _roll(frame: np.ndarray) -> float:
    landmarks = face_landmarks(frame, detect_faces(frame)[0])
    assert landmarks is not None
    return landmarks.roll
