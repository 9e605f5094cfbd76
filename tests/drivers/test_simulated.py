"""The simulated reader and camera, and the licence-photo crop."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.camera.licence_photo import PHOTO_HEIGHT, PHOTO_WIDTH, crop_licence_photo
from drivers.camera.simulated import SimulatedCamera
from drivers.card.base import DocumentData
from drivers.card.simulated import SimulatedReader
from drivers.errors import NoDevice, NoMedia, UnreadableMedia

DOC = DocumentData("TD1", "E12345678", date(2031, 5, 1), "WANG", "JIANGUO", date(1985, 3, 12), "M", "CHN",
                   "王建国", "371502198503120017")


def test_reader_reports_placement_and_removal_from_any_thread() -> None:
    reader, events = SimulatedReader(), []
    reader.add_listener(events.append)
    with pytest.raises(NoMedia):
        reader.read()
    worker = threading.Thread(target=reader.place, args=(DOC,))
    worker.start()
    worker.join()
    assert reader.read().document == DOC and reader.present
    reader.remove()
    reader.remove()  # nothing left: no second event
    assert events == [True, False]


def test_camera_loops_the_image_with_a_sway_and_fails_when_closed() -> None:
    camera = SimulatedCamera()
    frames = [camera.read() for _ in range(12)]
    assert frames[0].shape == (480, 640, 3)
    assert any(not np.array_equal(frames[0], frame) for frame in frames[1:])
    camera.close()
    with pytest.raises(NoDevice):
        camera.read()


def test_camera_names_a_missing_or_broken_image(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not an image")
    for path in (tmp_path / "missing.jpg", broken):
        with pytest.raises(NoDevice, match=path.name):
            SimulatedCamera(path)


def test_crop_is_the_licence_format_and_never_mirrored() -> None:
    frame = SimulatedCamera(sway_px=0).read()
    photo = crop_licence_photo(frame)
    image = cv2.imdecode(np.frombuffer(photo.jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert image.shape == (PHOTO_HEIGHT, PHOTO_WIDTH, 3)
    assert 10_000 < len(photo.jpeg) < 60_000
    mirrored = crop_licence_photo(cv2.flip(frame, 1))
    assert mirrored.jpeg != photo.jpeg


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32 - 1), st.sampled_from([(480, 640), (120, 160), (50, 50)]))
def test_any_frame_crops_or_says_there_is_no_face(seed: int, shape: tuple[int, int]) -> None:
    noise = np.random.default_rng(seed).integers(0, 256, (*shape, 3), dtype=np.uint8)
    try:
        photo = crop_licence_photo(noise)
        assert photo.width == PHOTO_WIDTH
    except UnreadableMedia:
        pass
