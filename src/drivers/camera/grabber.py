"""Frames from any camera on a thread of their own: the newest one is always at hand, never a stale one.

The grabber reads continuously (so the camera's own buffer never fills with old frames), keeps only the
latest frame with its number and time, tells a listener about each one (on the grabber's thread), and
reopens the camera when it goes away, reporting the loss and the recovery.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from drivers.camera.base import Camera, Frame
from drivers.errors import DeviceFault, NoDevice

log = logging.getLogger("drivers.camera")
CameraFactory = Callable[[], Camera]


@dataclass(frozen=True)
class Grabbed:
    number: int
    at: float  # time.monotonic() when it arrived
    frame: Frame


class FrameGrabber:
    """`start()` the thread; `latest()` or `next_after(t)` take frames; `close()` stops and releases."""

    def __init__(self, open_camera: CameraFactory, retry_s: float = 1.0,
                 on_frame: Callable[[Grabbed], None] | None = None,
                 on_state: Callable[[bool], None] | None = None) -> None:
        self._open, self._retry_s = open_camera, retry_s
        self._on_frame, self._on_state = on_frame, on_state
        self._lock = threading.Condition()
        self._latest: Grabbed | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="kiosk-camera-grab", daemon=True)
        self.online = False

    def start(self) -> None:
        self._thread.start()

    def latest(self) -> Grabbed | None:
        with self._lock:
            return self._latest

    def next_after(self, moment: float, timeout_s: float = 2.0) -> Grabbed:
        """The first frame that arrived after `moment` (never one captured before the request)."""
        with self._lock:
            fresh = self._lock.wait_for(lambda: self._latest is not None and self._latest.at > moment,
                                        timeout=timeout_s)
            if not fresh or self._latest is None:
                raise NoDevice("the camera delivered no fresh frame")
            return self._latest

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                camera = self._open()
            except DeviceFault as error:
                self._lost(error)
                continue
            try:
                self._grab_from(camera)
            except DeviceFault as error:
                self._lost(error)
            finally:
                camera.close()

    def _grab_from(self, camera: Camera) -> None:
        number = self._latest.number if self._latest else 0
        while not self._stop.is_set():
            frame = camera.read()
            number += 1
            grabbed = Grabbed(number, time.monotonic(), frame)
            with self._lock:
                self._latest = grabbed
                self._lock.notify_all()
            self._set_online(True)
            if self._on_frame is not None:
                self._on_frame(grabbed)

    def _lost(self, error: DeviceFault) -> None:
        log.warning("camera unavailable: %s", error)
        self._set_online(False)
        self._stop.wait(self._retry_s)  # then try to open it again

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            if self._on_state is not None:
                self._on_state(online)
