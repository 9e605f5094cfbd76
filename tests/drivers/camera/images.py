"""Test frames: real photographs shipped in PyPI packages (PHOTO.md §5), degradations of the passing frame.

Everything is made in memory from installed package data; nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources

import cv2
import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.uint8]
DATA = resources.files("drivers.camera") / "data"


def _decode(data: bytes) -> Image:
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert image is not None
    return np.asarray(image, np.uint8)


@cache
def plain() -> Image:
    """The demo frame that passes: Grace Hopper on an even light backdrop, 640 × 480."""
    return _decode((DATA / "demo_face_plain.jpg").read_bytes())


@cache
def kiosk_astronaut() -> Image:
    """The old demo frame: the astronaut crop at 640 × 480 (smile with teeth, busy background)."""
    return _decode((DATA / "demo_face.jpg").read_bytes())


@cache
def astronaut() -> Image:
    from skimage import data
    return np.ascontiguousarray(cv2.cvtColor(data.astronaut(), cv2.COLOR_RGB2BGR))


@cache
def hopper() -> Image:
    from matplotlib import cbook
    return _decode(cbook.get_sample_data("grace_hopper.jpg").read())


@cache
def cameraman() -> Image:
    from skimage import data
    return np.ascontiguousarray(cv2.cvtColor(data.camera(), cv2.COLOR_GRAY2BGR))


@cache
def coffee() -> Image:
    from skimage import data
    return np.ascontiguousarray(cv2.cvtColor(data.coffee(), cv2.COLOR_RGB2BGR))


@cache
def lfw(index: int) -> Image:
    """One of skimage's LFW crops (0–99 faces, 100–199 not), 25 × 25 scaled to 100 px inside a 20 px border,
    as PHOTO.md §5 measured them."""
    from skimage import data
    crop = (data.lfw_subset()[index] * 255).round().astype(np.uint8)  # float64 in [0, 1], not uint8
    big = cv2.resize(crop, (100, 100), interpolation=cv2.INTER_CUBIC)
    framed = cv2.copyMakeBorder(big, 20, 20, 20, 20, cv2.BORDER_REPLICATE)
    return np.ascontiguousarray(cv2.cvtColor(framed, cv2.COLOR_GRAY2BGR))


# --- degradations of the passing frame ----------------------------------------------------------------------

def blurred(frame: Image) -> Image:
    return np.asarray(cv2.GaussianBlur(frame, (0, 0), 3), np.uint8)


def dark(frame: Image) -> Image:
    return np.asarray(cv2.convertScaleAbs(frame, alpha=0.35), np.uint8)


def overexposed(frame: Image) -> Image:
    return np.asarray(cv2.add(frame, np.full_like(frame, 90)), np.uint8)


def rotated(frame: Image, degrees: float = 15) -> Image:
    height, width = frame.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height * 0.45), degrees, 1.0)
    return _warp(frame, matrix)


def off_centre(frame: Image, share: float = 0.2) -> Image:
    """The person a fifth of the width to the image's right (the citizen's left)."""
    height, width = frame.shape[:2]
    return _warp(frame, np.float32([[1, 0, share * width], [0, 1, 0]]))


def _warp(frame: Image, matrix: npt.NDArray[np.floating]) -> Image:
    height, width = frame.shape[:2]
    moved = cv2.warpAffine(frame, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE)
    return np.asarray(moved, np.uint8)


def too_small(frame: Image, scale: float = 0.4) -> Image:
    """A far frame: the scene shrunk and letterboxed back to full size on the backdrop's colour."""
    height, width = frame.shape[:2]
    small = cv2.resize(frame, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    top, left = (height - small.shape[0]) // 2, (width - small.shape[1]) // 2
    canvas = np.empty_like(frame)
    canvas[:] = backdrop_colour(frame)
    canvas[top:top + small.shape[0], left:left + small.shape[1]] = small
    return canvas


def backdrop_colour(frame: Image) -> npt.NDArray[np.uint8]:
    return np.median(frame[:20, :20].reshape(-1, 3), axis=0).astype(np.uint8)


def backdrop_mask(frame: Image, tolerance: int = 10) -> npt.NDArray[np.bool_]:
    """Pixels of the light backdrop: flood-filled from the top corners (so a white shirt is not taken)."""
    mask = np.zeros((frame.shape[0] + 2, frame.shape[1] + 2), np.uint8)
    flags = 4 | cv2.FLOODFILL_MASK_ONLY | cv2.FLOODFILL_FIXED_RANGE | (255 << 8)
    for seed in ((0, 0), (frame.shape[1] - 1, 0)):
        cv2.floodFill(frame, mask, seed, 0, (tolerance,) * 3, (tolerance,) * 3, flags)
    return np.asarray(mask[1:-1, 1:-1] > 0)


def busy_background(frame: Image) -> Image:
    """The backdrop replaced by the coffee photo (cups, spoon, wood grain)."""
    texture = cv2.resize(coffee(), (frame.shape[1], frame.shape[0]), interpolation=cv2.INTER_AREA)
    out = frame.copy()
    mask = backdrop_mask(frame)
    out[mask] = texture[mask]
    return out


def two_faces(frame: Image) -> Image:
    """The astronaut's head pasted on the backdrop to the left of the main face."""
    head = cv2.resize(astronaut()[50:200, 160:290], (104, 120), interpolation=cv2.INTER_AREA)
    out = frame.copy()
    out[150:270, 20:124] = head
    return out


def blank_wall(frame: Image) -> Image:
    noise = np.random.default_rng(7).normal(0, 1.5, frame.shape)
    return np.clip(np.round(backdrop_colour(frame).astype(np.float64) + noise), 0, 255).astype(np.uint8)


def side_lit(frame: Image) -> Image:
    """Light from the image's right: the gain rises from 0.3 to 1.1 across the middle of the frame (the face),
    like a single lamp's shadow line down the nose."""
    x = np.arange(frame.shape[1], dtype=np.float32) - frame.shape[1] / 2
    gain = (0.3 + 0.8 / (1 + np.exp(-x / 40)))[None, :, None]
    return np.clip(frame.astype(np.float32) * gain, 0, 255).astype(np.uint8)


def washed_out(frame: Image) -> Image:
    """Contrast cut to 35 % around a light grey: flat, milky light."""
    return np.asarray(cv2.convertScaleAbs(frame, alpha=0.35, beta=0.65 * 160), np.uint8)


def blue_cast(frame: Image) -> Image:
    gains = np.array([1.45, 1.0, 0.65], np.float32)  # B, G, R: a white balance set for lamplight, in daylight
    return np.clip(frame.astype(np.float32) * gains, 0, 255).astype(np.uint8)


DEGRADATIONS: dict[str, Callable[[Image], Image]] = {
    "blur": blurred, "dark": dark, "overexposed": overexposed, "rotated": rotated, "off_centre": off_centre,
    "too_small": too_small, "busy_background": busy_background, "two_faces": two_faces, "no_face": blank_wall,
    "side_lit": side_lit, "blue_cast": blue_cast, "washed_out": washed_out,
}


PORTRAITS: dict[str, Callable[[], Image]] = {
    "plain": plain, "kiosk_astronaut": kiosk_astronaut, "astronaut": astronaut, "hopper": hopper,
    "cameraman": cameraman, "coffee": coffee,
}


@cache
def case(name: str) -> Image:
    """A packaged portrait or a degradation of the passing frame, by name."""
    if name in PORTRAITS:
        return PORTRAITS[name]()
    return DEGRADATIONS[name](plain())


def all_cases() -> dict[str, Image]:
    return {name: case(name) for name in [*PORTRAITS, *DEGRADATIONS]}
