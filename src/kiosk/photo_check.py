"""What the kiosk asks of a camera frame: does it make a licence photo, and if not, the one thing to fix.

Uses the photo-quality analysis of drivers/camera when the build has it; otherwise (and as the fallback
PHOTO.md allows) a Haar face check: one face, large enough, roughly centred.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.camera.base import Frame
from drivers.camera.thresholds import PhotoThresholds


@dataclass(frozen=True)
class Verdict:
    passed: bool
    code: str = ""  # the measure to fix (DESIGN.md §4.5 names), "" when passed
    hint_zh: str = ""
    hint_en: str = ""


HAAR_HINTS = {
    "face_count": ("请正对摄像头，画面中只保留一个人", "Stand in front of the camera, alone in the picture"),
    "head_size": ("请靠近一点", "Please come a little closer"),
    "face_centred": ("请移到画面中间", "Please move to the middle of the picture"),
}


def check_frame(frame: Frame, fast: bool = False, thresholds: PhotoThresholds | None = None) -> Verdict:
    """`fast` (preview frames) skips the light and background measures; a capture runs them all."""
    try:
        from drivers.camera.quality import DEFAULT_THRESHOLDS, analyse, analyse_fast, most_important_failure
    except ImportError:
        return _haar_check(frame)
    limits = thresholds or DEFAULT_THRESHOLDS
    analysis = analyse_fast(frame, limits) if fast else analyse(frame, limits)
    failure = most_important_failure(analysis)
    if failure is None:
        return Verdict(True)
    return Verdict(False, failure.name, failure.hint_zh, failure.hint_en)


def _haar_check(frame: Frame) -> Verdict:
    from drivers.camera.licence_photo import find_face
    from drivers.errors import UnreadableMedia
    try:
        x, y, w, h = find_face(frame)
    except UnreadableMedia:
        return _fail("face_count")
    height, width = frame.shape[:2]
    if w < width * 0.2:
        return _fail("head_size")
    if abs((x + w / 2) - width / 2) > width * 0.15:
        return _fail("face_centred")
    return Verdict(True)


def _fail(code: str) -> Verdict:
    zh, en = HAAR_HINTS[code]
    return Verdict(False, code, zh, en)
