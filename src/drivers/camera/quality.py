"""Is this frame a usable licence photo? OFIQ-style measures (PHOTO.md §2) with a hint for each failure.

    analysis = analyse(frame, thresholds)
    analysis.verdict                      # "accept" | "reject"
    most_important_failure(analysis)      # the one thing to tell the citizen now, or None

Measure names are those of DESIGN.md §4.5. A measure that cannot be computed (no face, no landmarks) is left
out, never faked. Thresholds and what they were calibrated on: docs/photo-quality.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from drivers.camera import measures
from drivers.camera.base import Frame
from drivers.camera.face import FaceBox, Landmarks, as_bgr, detect_faces, face_landmarks
from drivers.camera.thresholds import DEFAULT_THRESHOLDS, Measure, PhotoThresholds

__all__ = ["DEFAULT_THRESHOLDS", "FAST_SKIPS", "PRIORITY", "Analysis", "Measure", "PhotoThresholds",
           "analyse", "analyse_fast", "find_main_face", "most_important_failure"]

# The order in which failures are told (no face or several faces first, then position and size, pose,
# eyes and mouth, light, sharpness, background). Also the order of `Analysis.measures`.
PRIORITY = ("face_count", "head_size", "face_centred", "eye_line", "roll", "yaw", "pitch", "eyes_open",
            "mouth_closed", "exposure", "lighting_balance", "dynamic_range", "natural_colour", "sharpness",
            "background")
MIN_MESH_PRESENCE = 0.5
FAST_SKIPS = ("dynamic_range", "lighting_balance", "natural_colour", "background")


@dataclass(frozen=True, eq=False)
class Analysis:
    """The result of `analyse`: the faces, the main (largest) face's landmarks, the measures, the verdict.

    `complete` is False for `analyse_fast`, whose verdict covers only the measures it ran.
    """

    faces: tuple[FaceBox, ...]
    landmarks: Landmarks | None
    measures: tuple[Measure, ...]
    verdict: Literal["accept", "reject"]
    frame_size: tuple[int, int]  # width, height
    complete: bool = True
    main_face: FaceBox | None = field(default=None)

    def measure(self, name: str) -> Measure | None:
        return next((m for m in self.measures if m.name == name), None)

    @property
    def failures(self) -> tuple[Measure, ...]:
        return tuple(m for m in self.measures if not m.passed)


def analyse(frame: Frame, thresholds: PhotoThresholds = DEFAULT_THRESHOLDS) -> Analysis:
    """All measures on one BGR frame. Never raises, whatever the array; a non-image has no face."""
    return _analyse(frame, thresholds, skip=())


def analyse_fast(frame: Frame, thresholds: PhotoThresholds = DEFAULT_THRESHOLDS) -> Analysis:
    """For preview frames: the same, less what the citizen cannot fix by moving (FAST_SKIPS: dynamic range,
    lighting balance, natural colour, background), which `analyse` checks on the captured frame."""
    return _analyse(frame, thresholds, skip=FAST_SKIPS)


def most_important_failure(analysis: Analysis) -> Measure | None:
    """The failed measure to tell the citizen about first (PRIORITY order), or None when all passed."""
    rank = {name: index for index, name in enumerate(PRIORITY)}
    failures = sorted(analysis.failures, key=lambda m: rank.get(m.name, len(PRIORITY)))
    return failures[0] if failures else None


def _analyse(frame: Frame, thresholds: PhotoThresholds, skip: tuple[str, ...]) -> Analysis:
    image = as_bgr(frame)
    size = (int(image.shape[1]), int(image.shape[0])) if image is not None else (0, 0)
    faces, main, landmarks = find_main_face(image, thresholds) if image is not None else ((), None, None)
    found = [measures.face_count(faces, main, thresholds)]
    if image is not None and main is not None:
        found.append(measures.face_centred(image, main, landmarks, thresholds))
    if image is not None and landmarks is not None:
        found += measures.landmark_measures(image, landmarks, thresholds, skip)
    ordered = tuple(sorted(found, key=lambda m: PRIORITY.index(m.name)))
    verdict: Literal["accept", "reject"] = "accept" if _acceptable(ordered) else "reject"
    return Analysis(faces, landmarks, ordered, verdict, size, complete=not skip, main_face=main)


def find_main_face(image: Frame, thresholds: PhotoThresholds = DEFAULT_THRESHOLDS,
                   ) -> tuple[tuple[FaceBox, ...], FaceBox | None, Landmarks | None]:
    """The faces, the largest one and its mesh. A box the mesh finds no face in is dropped (a detector false
    positive) and the next largest is tried; after the Haar fallback there are boxes but no mesh."""
    faces = sorted(detect_faces(image, thresholds.min_face_score), key=lambda f: -f.area)
    for face in list(faces):
        landmarks = face_landmarks(image, face)
        if landmarks is None:
            return tuple(faces), faces[0], None
        if landmarks.presence >= MIN_MESH_PRESENCE:
            return tuple(faces), face, landmarks
        faces.remove(face)
    return (), None, None


def _acceptable(found: tuple[Measure, ...]) -> bool:
    """Every measure that could be computed passed. With the models, no mesh means no face (face_count fails);
    only a broken install (Haar fallback) leaves just face_count and face_centred to decide."""
    return all(m.passed for m in found)
