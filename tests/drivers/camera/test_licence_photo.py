"""The licence crop (PHOTO.md §1.3): 260 × 378, head 224–260 px crown → chin, crown 10–20 px from the top,
JPEG within the byte range, never mirrored. Measured on the output itself."""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt
import pytest

from drivers.camera import face
from drivers.camera.face import CHIN
from drivers.camera.licence_photo import (
    MIN_QUALITY,
    PHOTO_HEIGHT,
    PHOTO_WIDTH,
    LicencePhoto,
    crop_licence_photo,
    find_face,
)
from drivers.camera.quality import analyse
from drivers.errors import UnreadableMedia
from tests.drivers.camera import images

Image = npt.NDArray[np.uint8]


def decode(photo: LicencePhoto) -> Image:
    image = cv2.imdecode(np.frombuffer(photo.jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert image is not None
    return np.asarray(image, np.uint8)


def head_rows(photo: Image) -> npt.NDArray[np.bool_]:
    """Pixel by pixel: not the backdrop (the colour of the photo's top rows)."""
    backdrop = np.median(photo[:4].reshape(-1, 3), axis=0)
    return np.asarray(np.linalg.norm(photo.astype(np.float32) - backdrop, axis=2) > 30)


@pytest.mark.parametrize("name", ["plain", "rotated_6", "far"])
def test_the_crop_has_the_licence_geometry(name: str) -> None:
    frame = {"plain": images.plain(), "rotated_6": images.rotated(images.plain(), 6),
             "far": images.too_small(images.plain(), 0.6)}[name]
    photo = crop_licence_photo(frame)
    image = decode(photo)
    assert image.shape == (PHOTO_HEIGHT, PHOTO_WIDTH, 3) and (photo.width, photo.height) == (260, 378)
    assert photo.crown_found
    head = head_rows(image)
    crown = int(np.argmax(head[:, 100:160].mean(axis=1) > 0.2))  # first row where the head starts
    landmarks = analyse(image).landmarks
    assert landmarks is not None
    chin = landmarks.point(CHIN)[1]
    assert 10 <= crown <= 20
    assert 224 <= chin - crown <= 260
    assert abs(landmarks.eye_mid[0] - PHOTO_WIDTH / 2) < 8 and abs(landmarks.roll) < 3
    rows = head[crown + 20: round(landmarks.eye_mid[1]) + 40]
    widest = max(int(np.ptp(np.flatnonzero(row))) for row in rows)
    assert 165 <= widest <= 189  # GA 482: head width 165–189 px


def test_the_jpeg_lands_in_the_byte_range_at_quality_70_or_more() -> None:
    for low, high in ((14_000, 30_000), (8_000, 16_000), (20_000, 40_000)):
        photo = crop_licence_photo(images.plain(), size_range=(low, high))
        assert low <= len(photo.jpeg) <= high and photo.quality >= MIN_QUALITY
    fixed = crop_licence_photo(images.plain(), quality=40)
    assert fixed.quality == MIN_QUALITY  # never below 70, whatever is asked


def test_the_crop_is_never_mirrored() -> None:
    """A red patch on the image's left shoulder stays on the photo's left."""
    frame = images.plain().copy()
    frame[400:440, 200:240] = (0, 0, 255)
    image = decode(crop_licence_photo(frame))
    red = (image[:, :, 2] > 180) & (image[:, :, 1] < 80) & (image[:, :, 0] < 80)
    ys, xs = np.nonzero(red)
    assert xs.size > 50 and xs.mean() < PHOTO_WIDTH / 2


def test_a_given_analysis_is_reused_and_gives_the_same_photo() -> None:
    frame = images.plain()
    assert crop_licence_photo(frame, analysis=analyse(frame)).jpeg == crop_licence_photo(frame).jpeg


def test_without_a_plain_backdrop_the_crown_is_estimated_from_the_mesh() -> None:
    photo = crop_licence_photo(images.hopper())  # the flag behind her: no backdrop to scan
    assert not photo.crown_found
    landmarks = analyse(decode(photo)).landmarks
    assert landmarks is not None and 224 <= landmarks.point(CHIN)[1] - 15 <= 260


def test_the_old_demo_frame_still_crops() -> None:
    photo = crop_licence_photo(images.kiosk_astronaut())
    assert photo.crown_found and 14_000 <= len(photo.jpeg) <= 30_000


@pytest.mark.parametrize("name", ["no_face", "coffee"])
def test_no_face_is_unreadable_media(name: str) -> None:
    with pytest.raises(UnreadableMedia):
        crop_licence_photo(images.case(name))
    with pytest.raises(UnreadableMedia):
        find_face(images.case(name))


def test_without_the_models_the_box_crop_still_works(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(face, "_nets", lambda: None)
    photo = crop_licence_photo(images.plain())
    assert decode(photo).shape == (PHOTO_HEIGHT, PHOTO_WIDTH, 3) and not photo.crown_found
