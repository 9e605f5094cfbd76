"""Is the person in front of the camera the document's holder? The live photo against the document's photo.

Runs once per capture on the camera lane (kiosk/steps.py), never per preview frame. The answer is one of
match | mismatch | staff_check: the kiosk refers a clear mismatch to a staffed window, and an application
whose face the kiosk could not judge (no face found, no AVX, face match switched off, the matcher gone)
carries `staff_check` so that a person compares the photos before the card is issued.

The matcher runs in a child process of its own, started on first use and shared by the whole kiosk
process: dlib keeps the GIL for a whole descriptor (~110 ms), which would freeze the GUI thread, and a crash
or an illegal instruction inside it (a CPU without AVX) must not take the kiosk down.
"""

from __future__ import annotations

import atexit
import logging
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from drivers.camera.base import Frame

log = logging.getLogger("kiosk.face")
STAFF_CHECK = "staff_check"
TIMEOUT_S = 60.0  # the first comparison also loads the models (~1 s); a hung child never holds a citizen

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()
_matcher: Any = None  # in the child: the FaceMatcher, or why there is none (str)


class FaceCheck:
    """The check the capture step calls: `check(frame, portrait)` → match | mismatch | staff_check."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled

    def __call__(self, frame: Frame, portrait: bytes) -> str:
        if not self.enabled:
            return STAFF_CHECK
        try:
            verdict, reason = _shared_pool().submit(_compare, frame, portrait).result(timeout=TIMEOUT_S)
        except Exception as error:  # noqa: BLE001 - a broken or hung matcher is a staff check, never a crash
            log.warning("face match unavailable (%s): staff check", type(error).__name__)
            _drop_pool()
            return STAFF_CHECK
        log.info("face match: %s (%s)", verdict, reason)  # a verdict, never an image
        return str(verdict)

    def prepare(self, portrait: bytes) -> None:
        """Describe the document's photo now, while the citizen goes through the steps, so the capture
        waits only for the live face (no answer is awaited: a failure shows at the comparison)."""
        if self.enabled:
            try:
                _shared_pool().submit(_prepare, portrait)
            except Exception as error:  # noqa: BLE001 - a pool already gone: the comparison will say so
                log.warning("face match could not prepare: %s", type(error).__name__)

    def warm_up(self) -> str:
        """Start the child and load the models before the first citizen's capture needs them; returns
        "ready" or why face match cannot run here (every check is then a staff check)."""
        if not self.enabled:
            return "off"
        return str(_shared_pool().submit(_readiness).result(timeout=TIMEOUT_S))


def face_check(enabled: bool) -> FaceCheck:
    return FaceCheck(enabled)


def _shared_pool() -> ProcessPoolExecutor:
    import multiprocessing  # on the camera lane, not on the GUI thread at start
    from concurrent.futures import ProcessPoolExecutor
    global _pool
    with _pool_lock:
        if _pool is None:
            # spawn, not fork: the parent runs Qt and worker threads, which a forked child must not inherit
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_load)
            # stopped while the interpreter is whole: left to its own weakref at exit it fails noisily
            atexit.register(_drop_pool, wait=True)
        return _pool


def _drop_pool(wait: bool = False) -> None:
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=wait, cancel_futures=True)


# --- in the child process ---------------------------------------------------------------------------------

def _load() -> None:
    global _matcher
    _exit_with_parent()
    from drivers.camera.face_match import FaceMatcher, face_match_support
    supported, reason = face_match_support()  # checks AVX before dlib is imported
    _matcher = FaceMatcher() if supported else reason
    if supported:
        _matcher.warm_up()


def _exit_with_parent() -> None:
    """A kiosk killed outright (its watchdog, kill -9) leaves this child waiting on a queue whose write end it
    holds itself: it would never see the end. Wait on the parent's sentinel instead, and go with it."""
    import multiprocessing
    import os
    from multiprocessing.connection import wait
    parent = multiprocessing.parent_process()
    if parent is not None:
        sentinel = parent.sentinel
        threading.Thread(target=lambda: (wait([sentinel]), os._exit(0)), name="face-match-orphan-guard",
                         daemon=True).start()


def _readiness() -> str:
    return _matcher if isinstance(_matcher, str) else "ready"


def _prepare(portrait: bytes) -> None:
    if not isinstance(_matcher, str):
        try:
            _matcher.portrait_descriptor(portrait)
        except Exception:  # noqa: BLE001 - the comparison tries again and turns any failure into a staff check
            log.exception("face match: the document photo could not be described")


def _compare(frame: Frame, portrait: bytes) -> tuple[str, str]:
    if isinstance(_matcher, str):
        return STAFF_CHECK, _matcher
    result = _matcher.compare(frame, portrait)
    return result.verdict, result.reason
