"""Is the person in front of the camera the document's holder? The live photo against the chip's portrait.

Runs once per capture on the camera lane (kiosk/steps.py), never per preview frame. The answer is one of
match | mismatch | staff_check: the kiosk refers a clear mismatch to a staffed window, and an application
whose face the kiosk could not judge (no face found, no AVX, face match switched off) carries
`staff_check` so that a person compares the photos before the card is issued.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from drivers.camera.base import Frame

log = logging.getLogger("kiosk.face")


class FaceCheck:
    """The check the capture step calls (`check(frame, portrait)` → verdict) and its warm-up."""

    def __init__(self, matcher: Any = None) -> None:
        self._matcher = matcher  # None: a staff check every time

    def __call__(self, frame: Frame, portrait: bytes) -> str:
        if self._matcher is None:
            return "staff_check"
        result = self._matcher.compare(frame, portrait)
        log.info("face match: %s (%s)", result.verdict, result.reason)  # a verdict, never an image
        return str(result.verdict)

    def warm_up(self) -> None:
        """Load the models (~0.7 s) before the first citizen's capture needs them."""
        if self._matcher is not None:
            self._matcher.warm_up()


def face_check(enabled: bool) -> FaceCheck:
    """With face match off or impossible here (no AVX, no models), always a staff check."""
    if not enabled:
        return FaceCheck()
    from drivers.camera.face_match import FaceMatcher, face_match_support
    supported, reason = face_match_support()
    if not supported:
        log.warning("face match unavailable (%s): every application goes to a staff check", reason)
        return FaceCheck()
    return FaceCheck(FaceMatcher())
