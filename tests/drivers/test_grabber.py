"""The frame grabber: always the newest frame, never a stale one, and back after the camera goes away."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from drivers.camera.grabber import FrameGrabber
from drivers.camera.simulated import SimulatedCamera, file_camera
from drivers.errors import NoDevice


class FlakyCamera:
    """Delivers `frames` frames, then behaves as if unplugged."""

    def __init__(self, frames: int) -> None:
        self._left, self.closed = frames, False

    def read(self) -> np.ndarray:
        if self._left <= 0:
            raise NoDevice("unplugged")
        self._left -= 1
        return np.zeros((48, 64, 3), np.uint8)

    def close(self) -> None:
        self.closed = True


def test_a_capture_takes_a_frame_newer_than_the_request() -> None:
    grabber = FrameGrabber(lambda: SimulatedCamera(fps=30))
    grabber.start()
    try:
        first = grabber.next_after(0.0)
        asked = time.monotonic()
        fresh = grabber.next_after(asked)
        assert fresh.at > asked and fresh.number > first.number
        assert fresh.frame.shape == (480, 640, 3)
    finally:
        grabber.close()


def test_a_lost_camera_is_reported_and_reopened() -> None:
    opened: list[FlakyCamera] = []
    states: list[bool] = []
    back = threading.Event()

    def open_camera() -> FlakyCamera:
        if len(opened) == 1 and not opened[0].closed:
            raise NoDevice("still gone")
        opened.append(FlakyCamera(frames=5))
        return opened[-1]

    def state(online: bool) -> None:
        states.append(online)
        if states == [True, False, True]:
            back.set()
    grabber = FrameGrabber(open_camera, retry_s=0.01, on_state=state)
    grabber.start()
    try:
        assert back.wait(10), states
        assert opened[0].closed and len(opened) >= 2
    finally:
        grabber.close()


def test_no_frame_at_all_is_a_clear_fault() -> None:
    def broken() -> FlakyCamera:
        raise NoDevice("no camera")
    grabber = FrameGrabber(broken, retry_s=0.01)
    grabber.start()
    try:
        with pytest.raises(NoDevice, match="no fresh frame"):
            grabber.next_after(time.monotonic(), timeout_s=0.2)
    finally:
        grabber.close()


def test_a_video_file_loops(tmp_path: Path) -> None:
    path = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 60, (64, 48))
    for shade in range(4):
        writer.write(np.full((48, 64, 3), 20 + shade * 60, np.uint8))
    writer.release()
    camera = file_camera(path)
    shades = [round((int(camera.read()[0, 0, 0]) - 20) / 60) for _ in range(9)]
    camera.close()
    assert shades == [0, 1, 2, 3, 0, 1, 2, 3, 0]
