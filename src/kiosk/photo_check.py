"""What the kiosk asks of a camera frame: does it make a licence photo, and if not, the one thing to fix."""

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


def check_frame(frame: Frame, fast: bool = False, thresholds: PhotoThresholds | None = None) -> Verdict:
    """`fast` (preview frames) skips the light and background measures; a capture runs them all."""
    from drivers.camera.quality import DEFAULT_THRESHOLDS, analyse, analyse_fast, most_important_failure
    limits = thresholds or DEFAULT_THRESHOLDS
    analysis = analyse_fast(frame, limits) if fast else analyse(frame, limits)
    failure = most_important_failure(analysis)
    if failure is None:
        return Verdict(True)
    return Verdict(False, failure.name, failure.hint_zh, failure.hint_en)
