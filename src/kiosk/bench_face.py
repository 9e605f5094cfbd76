"""Face match figures: the time of one comparison for `kiosk bench`, and the calibration of its thresholds.

`face_match_ms()`: demo camera frame (Grace Hopper) against the demo chip portrait, one comparison at a time.

`python -m kiosk.bench_face --calibrate` (needs the test extra: scikit-image, matplotlib): descriptors of
face images shipped in installed packages only (PHOTO.md §5; nothing is downloaded), each under augmentations
(scale, JPEG and JPEG 2000 compression, blur, brightness/contrast, rotation, shift, mirror, noise, grey, the
licence crop), then the distance distributions of same-person and different-person pairs and the false-accept,
false-reject and staff-check rates at the thresholds. docs/face-match.md records the method and the numbers.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from itertools import combinations
from typing import Any

import cv2
import numpy as np

from drivers.camera.base import Frame
from drivers.camera.face_match import ACCEPT_DISTANCE, MIN_FACE_PX, REFUSE_DISTANCE, FaceMatcher, decode

Vector = Any  # a 128-d numpy descriptor
Augment = Callable[[Frame], Frame]


def face_match_ms(repeat: int = 20) -> dict[str, Any]:
    """Median time of one comparison (decode, two detections, two embeddings) and of one embedding alone."""
    matcher = FaceMatcher()
    ok, why = matcher.supported()
    if not ok:
        return {"supported": False, "reason": why, "compare_ms_median": None, "embedding_ms_median": None}
    frame = decode((resources.files("drivers.camera") / "data" / "demo_face_plain.jpg").read_bytes())
    portrait = (resources.files("backend_stub") / "data" / "faces" / "demo-face.jpg").read_bytes()
    assert frame is not None
    matcher.compare(frame, portrait)  # loads the models: not part of a comparison's cost
    face = matcher.find_face(frame)
    assert face is not None
    # a whole comparison (a fresh matcher: the document photo not yet described), and what is left at the
    # capture once the kiosk has described the document photo when the card was read
    compare = _median_ms(lambda: FaceMatcher().compare(frame, portrait), repeat)
    at_capture = _median_ms(lambda: matcher.compare(frame, portrait), repeat)
    embed = _median_ms(lambda: matcher.embed(face), repeat)
    detect = _median_ms(lambda: matcher.find_face(frame), repeat)
    return {"supported": True, "compare_ms_median": compare, "at_capture_ms_median": at_capture,
            "embedding_ms_median": embed,
            "detection_ms_median": detect, "repeat": repeat, "size": "640x480 vs 260x378"}


def _median_ms(work: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(samples), 1)


# --- calibration -------------------------------------------------------------------------------------------

def named_faces() -> dict[str, Frame]:
    """One original photograph per known person (all public domain): the astronaut Eileen Collins,
    Grace Hopper, and the cameraman (a small face, found only after upsampling)."""
    from matplotlib import cbook
    from skimage import data
    hopper = cv2.imread(str(cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)), cv2.IMREAD_COLOR)
    return {"collins": cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR), "hopper": hopper,
            "cameraman": cv2.cvtColor(data.camera(), cv2.COLOR_GRAY2BGR)}


def lfw_faces() -> list[Frame]:
    """The 100 25 × 25 LFW crops in scikit-image (identities not given: some may repeat)."""
    from skimage import data
    crops = (data.lfw_subset()[:100] * 255).round().astype(np.uint8)
    return [cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR) for crop in crops]


PROJECT_IMAGES = {"demo_face_plain": ("hopper", "camera", "demo_face_plain.jpg"),
                  "demo_face": ("collins", "camera", "demo_face.jpg"),
                  "chip_hopper": ("hopper", "faces", "demo-face.jpg"),
                  "chip_collins": ("collins", "faces", "other-face.jpg")}


def project_images() -> dict[str, tuple[str, Frame]]:
    """The project's own images of the same people, made differently from the originals (cross-image)."""
    camera = resources.files("drivers.camera") / "data"
    faces = resources.files("backend_stub") / "data" / "faces"
    folders = {"camera": camera, "faces": faces}
    images = {name: (person, decode((folders[folder] / file).read_bytes()))
              for name, (person, folder, file) in PROJECT_IMAGES.items()}
    return {name: (person, image) for name, (person, image) in images.items() if image is not None}


def augmentations() -> dict[str, Augment]:
    from drivers.camera.licence_photo import crop_licence_photo

    def licence(image: Frame) -> Frame:
        photo = decode(crop_licence_photo(image).jpeg)
        assert photo is not None
        return photo
    return {"original": lambda im: im, "half_size": lambda im: _scale(im, 0.5),
            "third_size": lambda im: _scale(im, 0.33), "jpeg_q25": lambda im: _codec(im, ".jpg", 25),
            "jp2_x20": lambda im: _codec(im, ".jp2", 20),
            "blur_s2": lambda im: cv2.GaussianBlur(im, (0, 0), 2),
            "bright_contrast": lambda im: cv2.convertScaleAbs(im, alpha=0.7, beta=50), "dark_gamma": _dark,
            "rotate_8": lambda im: _rotate(im, 8), "rotate_-8": lambda im: _rotate(im, -8),
            "shift_crop": _shift_crop, "mirror": lambda im: cv2.flip(im, 1), "noise": _noise,
            "grey": lambda im: cv2.cvtColor(cv2.cvtColor(im, cv2.COLOR_BGR2GRAY), cv2.COLOR_GRAY2BGR),
            "licence_crop": licence}


def _scale(image: Frame, factor: float) -> Frame:
    size = (max(1, round(image.shape[1] * factor)), max(1, round(image.shape[0] * factor)))
    return np.asarray(cv2.resize(image, size, interpolation=cv2.INTER_AREA), np.uint8)


def _codec(image: Frame, ext: str, quality: int) -> Frame:
    flag = cv2.IMWRITE_JPEG_QUALITY if ext == ".jpg" else cv2.IMWRITE_JPEG2000_COMPRESSION_X1000
    ok, data = cv2.imencode(ext, image, [flag, quality])
    out = decode(data.tobytes()) if ok else None
    assert out is not None
    return out


def _dark(image: Frame) -> Frame:
    table = (255 * (np.arange(256) / 255) ** 1.8).astype(np.uint8)
    return np.asarray(cv2.LUT(image, table), np.uint8)


def _rotate(image: Frame, degrees: float) -> Frame:
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    turned = cv2.warpAffine(image, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE)
    return np.asarray(turned, np.uint8)


def _shift_crop(image: Frame) -> Frame:
    height, width = image.shape[:2]
    return np.ascontiguousarray(image[height // 12:, width // 10: width - width // 20])


def _noise(image: Frame) -> Frame:
    noisy = image.astype(np.float32) + np.random.default_rng(7).normal(0, 8, image.shape)
    return np.asarray(np.clip(noisy, 0, 255), np.uint8)


@dataclass(frozen=True)
class Described:
    person: str
    variant: str
    width_px: float  # the face box's width in the image's own pixels
    vector: Vector


def describe_all(matcher: FaceMatcher, people: dict[str, Frame], augment: dict[str, Augment]
                 ) -> tuple[list[Described], list[tuple[str, str]]]:
    """Descriptors of every image found to hold a face, and the (person, variant) pairs that held none."""
    found, missed = [], []
    for person, image in people.items():
        for variant, change in augment.items():
            try:
                changed = change(image)
            except Exception:  # e.g. the licence crop finds no face mesh: that variant counts as missed
                missed.append((person, variant))
                continue
            described = describe(matcher, person, variant, changed)
            (found.append(described) if described else missed.append((person, variant)))
    return found, missed


def describe(matcher: FaceMatcher, person: str, variant: str, image: Frame) -> Described | None:
    face = matcher.find_face(image)
    return None if face is None else Described(person, variant, face.width_px, matcher.embed(face))


def pairs(items: list[Described]) -> tuple[list[float], list[float]]:
    """Distances of same-person and different-person pairs."""
    same: list[float] = []
    different: list[float] = []
    for one, other in combinations(items, 2):
        (same if one.person == other.person else different).append(_distance(one, other))
    return same, different


def _distance(one: Described, other: Described) -> float:
    return float(np.linalg.norm(one.vector - other.vector))


def rates(same: list[float], different: list[float], accept: float, refuse: float) -> dict[str, Any]:
    """FAR: different people scored "match"; FRR: the same person scored "mismatch"; staff checks of each."""
    def share(values: list[float], test: Callable[[float], bool]) -> float:
        return round(sum(map(test, values)) / max(1, len(values)), 5)
    return {"accept": accept, "refuse": refuse, "same_pairs": len(same), "different_pairs": len(different),
            "far": share(different, lambda d: d < accept), "frr": share(same, lambda d: d > refuse),
            "staff_check_same": share(same, lambda d: accept <= d <= refuse),
            "staff_check_different": share(different, lambda d: accept <= d <= refuse)}


def summary(values: list[float]) -> dict[str, Any]:
    if not values:
        return {"n": 0}
    ordered = sorted(values)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 3)
    return {"n": len(values), "min": round(ordered[0], 3), "p01": at(0.01), "p05": at(0.05),
            "median": at(0.5), "p95": at(0.95), "p99": at(0.99), "max": round(ordered[-1], 3)}


def calibrate(accept: float = ACCEPT_DISTANCE, refuse: float = REFUSE_DISTANCE) -> dict[str, Any]:
    """Distances and rates for the known people (scored: faces of at least MIN_FACE_PX), and for the
    LFW crops, which the size gate sends to a staff check (their distances show why)."""
    matcher = FaceMatcher(accept, refuse)
    augment = augmentations()
    named, missed = describe_all(matcher, named_faces(), augment)
    project = [d for name, (person, image) in project_images().items()
               if (d := describe(matcher, person, name, image)) is not None]
    quick = {k: augment[k] for k in ("original", "jpeg_q25", "mirror", "blur_s2")}
    lfw, lfw_missed = describe_all(matcher, {f"lfw{i:03d}": im for i, im in enumerate(lfw_faces())}, quick)
    everyone = named + project
    scored = [d for d in everyone if d.width_px >= MIN_FACE_PX]
    same, different = pairs(scored)
    lfw_same, _ = pairs(lfw)
    _, lfw_different = pairs([d for d in lfw if d.variant == "original"])
    small = [(d.person, d.variant) for d in everyone if d.width_px < MIN_FACE_PX]
    return {"images": {"known_people": len(everyone) + len(missed), "no_face": missed,
                       "under_size_gate": small,
                       "scored": len(scored), "lfw": len(lfw) + len(lfw_missed), "lfw_face_found": len(lfw),
                       "lfw_face_px_max": round(max((d.width_px for d in lfw), default=0), 1)},
            "distances": {"same_person": summary(same), "different_people": summary(different),
                          "lfw_same_crop": summary(lfw_same), "lfw_vs_lfw_unlabelled": summary(lfw_different),
                          "known_vs_lfw": summary([_distance(a, b) for a in scored for b in lfw])},
            "rates": rates(same, different, accept, refuse),
            "rates_at_dlib_default_0.6": rates(same, different, 0.6, 0.6),
            "cross_image": cross_image(scored)}


def cross_image(items: list[Described]) -> dict[str, float]:
    """The project's own images against the unaltered original photograph they were made from."""
    originals = {d.person: d for d in items if d.variant == "original"}
    made = {d.variant: d for d in items if d.variant in PROJECT_IMAGES}
    out = {f"{name}~{d.person}_original": round(_distance(d, originals[d.person]), 3)
           for name, d in made.items() if d.person in originals}
    if "demo_face_plain" in made and "chip_hopper" in made:
        out["demo_face_plain~chip_hopper"] = round(_distance(made["demo_face_plain"], made["chip_hopper"]), 3)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m kiosk.bench_face", description=__doc__.splitlines()[0])
    parser.add_argument("--calibrate", action="store_true", help="measure distances and error rates")
    parser.add_argument("--accept", type=float, default=ACCEPT_DISTANCE)
    parser.add_argument("--refuse", type=float, default=REFUSE_DISTANCE)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    cv2.setNumThreads(1)
    figures = calibrate(args.accept, args.refuse) if args.calibrate else face_match_ms(args.repeat)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
