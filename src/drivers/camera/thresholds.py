"""The two value types of the quality check: its limits (`PhotoThresholds`) and its result per measure."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PhotoThresholds:
    """Pass limits for each measure (kiosk config `[photo]`); defaults calibrated in docs/photo-quality.md."""

    min_face_score: float = 0.5  # BlazeFace score for a face to count at all
    other_face_min_width: float = 0.25  # another face counts from this share of the main face's box width
    max_centre_offset: float = 0.08  # eye midpoint off the frame's centre line, share of the frame width
    eye_line_min: float = 0.30  # eye midpoint below the frame's top, share of the frame height
    eye_line_max: float = 0.50
    head_size_min: float = 0.18  # eye midpoint → chin over the frame height (OFIQ HeadSize)
    head_size_max: float = 0.32  # above this the 260 × 378 crop no longer fits in the frame
    max_roll_deg: float = 8.0  # ISO/IEC 19794-5
    max_yaw_deg: float = 10.0  # ISO says 5°; our estimate is good to about ±5°
    max_pitch_deg: float = 10.0
    min_eyes_open: float = 0.025  # smaller eyelid gap over eye → chin
    max_mouth_open: float = 0.05  # inner-lip gap over eye → chin
    min_sharpness: float = 30.0  # Laplacian variance on the face at the mesh's scale
    min_exposure: float = 70.0  # mean face luma (0–255)
    max_exposure: float = 200.0
    max_dark_share: float = 0.25  # face pixels with luma ≤ 25
    max_bright_share: float = 0.05  # face pixels with luma ≥ 247
    min_dynamic_range: float = 6.0  # bits of entropy of the face's luma histogram
    min_lighting_balance: float = 0.7  # darker cheek's mean luma over the lighter one's
    max_background_gradient: float = 2.0  # mean gradient beside/above the head, grey levels/px at half size
    min_background_luma: float = 150.0
    max_colour_distance: float = 5.0  # cheek CIELAB (a, b) distance outside a ∈ [5, 25], b ∈ [5, 35]

    def __post_init__(self) -> None:
        """Refuse limits that cannot be meant (config typos): negative, not finite, a range upside down."""
        for name, value in vars(self).items():
            if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
                raise ValueError(f"photo threshold {name} must be a finite number ≥ 0, not {value!r}")
        for low, high in (("eye_line_min", "eye_line_max"), ("head_size_min", "head_size_max"),
                          ("min_exposure", "max_exposure")):
            if getattr(self, low) > getattr(self, high):
                raise ValueError(f"photo thresholds: {low} is above {high}")


DEFAULT_THRESHOLDS = PhotoThresholds()


@dataclass(frozen=True)
class Measure:
    """One quality measure. The hints say what the citizen should do; they matter only when it failed."""

    name: str
    value: float
    passed: bool
    hint_zh: str = ""
    hint_en: str = ""
    limits: tuple[float | None, float | None] = (None, None)  # pass range of `value` (min, max)

    def as_dict(self, language: str = "en") -> dict[str, Any]:
        """The DESIGN.md §4.5 shape: name, value, pass, hint ("zh" or else English; empty when passed)."""
        hint = "" if self.passed else (self.hint_zh if language == "zh" else self.hint_en)
        return {"name": self.name, "value": self.value, "pass": self.passed, "hint": hint}


