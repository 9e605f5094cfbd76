"""Any array at all: `analyse` never raises, and the crop raises nothing but UnreadableMedia."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drivers.camera.licence_photo import PHOTO_WIDTH, crop_licence_photo
from drivers.camera.quality import analyse, analyse_fast
from drivers.errors import UnreadableMedia
from tests.drivers.camera import images

SHAPES = [(480, 640), (50, 50), (4000, 10), (10, 4000), (1, 1), (2, 3), (121, 97), (720, 1280)]


@st.composite
def frames(draw: st.DrawFn) -> npt.NDArray[np.generic]:
    height, width = draw(st.sampled_from(SHAPES))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    kind = draw(st.sampled_from(["noise", "grey", "black", "white", "2d", "bgra", "one_channel", "float",
                                 "tiny_face", "face_crop"]))
    if kind == "noise":
        return rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
    if kind == "grey":  # all three channels equal
        return np.repeat(rng.integers(0, 256, (height, width, 1), dtype=np.uint8), 3, axis=2)
    if kind in ("black", "white"):
        return np.full((height, width, 3), 0 if kind == "black" else 255, np.uint8)
    if kind == "2d":
        return rng.integers(0, 256, (height, width), dtype=np.uint8)
    if kind == "bgra":
        return rng.integers(0, 256, (height, width, 4), dtype=np.uint8)
    if kind == "one_channel":
        return rng.integers(0, 256, (height, width, 1), dtype=np.uint8)
    if kind == "float":
        return rng.random((height, width, 3))
    plain = images.plain()
    if kind == "tiny_face":  # the demo frame squeezed into the odd shape
        import cv2
        return np.asarray(cv2.resize(plain, (width, height), interpolation=cv2.INTER_AREA), np.uint8)
    top, left = rng.integers(0, 480), rng.integers(0, 640)  # a random piece of the demo frame
    return np.ascontiguousarray(plain[top: top + height, left: left + width])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frames())
def test_analyse_never_raises(frame: npt.NDArray[np.generic]) -> None:
    for analysis in (analyse(frame), analyse_fast(frame)):  # type: ignore[arg-type]
        assert analysis.verdict in ("accept", "reject")
        assert analysis.measures and analysis.measures[0].name == "face_count"
        assert all(np.isfinite(m.value) for m in analysis.measures)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frames())
def test_the_crop_raises_only_unreadable_media(frame: npt.NDArray[np.generic]) -> None:
    try:
        photo = crop_licence_photo(frame)  # type: ignore[arg-type]
    except UnreadableMedia:
        return
    assert photo.width == PHOTO_WIDTH and photo.jpeg[:2] == b"\xff\xd8"
