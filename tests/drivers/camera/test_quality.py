"""The quality measures on real photographs and on systematic degradations of the passing demo frame."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest

from drivers.camera import hints
from drivers.camera.quality import (
    FAST_SKIPS,
    PRIORITY,
    Analysis,
    PhotoThresholds,
    analyse,
    analyse_fast,
    most_important_failure,
)
from tests.drivers.camera import images

ALL_MEASURES = set(PRIORITY)


@cache
def analysed(name: str) -> Analysis:
    return analyse(images.case(name))


def failed(analysis: Analysis) -> set[str]:
    return {m.name for m in analysis.failures}


def test_the_demo_frame_passes_every_measure() -> None:
    analysis = analysed("plain")
    assert analysis.verdict == "accept" and analysis.complete
    assert {m.name for m in analysis.measures} == ALL_MEASURES  # nothing left out on a good frame
    assert most_important_failure(analysis) is None
    assert len(analysis.faces) == 1 and analysis.landmarks is not None


@pytest.mark.parametrize(("name", "violations", "first"), [
    # The old demo frame (astronaut crop): her smile shows teeth. The wall beside her head is a plain studio
    # backdrop; the flag and the shuttle model are outside the strips measured, and outside the licence crop.
    ("kiosk_astronaut", {"mouth_closed"}, "mouth_closed"),
    # The whole 512 × 512 portrait: also a small head high in the frame.
    ("astronaut", {"head_size", "eye_line", "mouth_closed"}, "head_size"),
    # Grace Hopper: the flag behind her. Her cap is a head covering, which no measure here detects.
    ("hopper", {"background"}, "background"),
    # The cameraman: small, three-quarter view, black-and-white, in a field.
    ("cameraman", {"head_size", "eye_line", "yaw", "natural_colour", "background"}, "head_size"),
])
def test_packaged_portraits_are_rejected_for_what_they_violate(name: str, violations: set[str],
                                                               first: str) -> None:
    analysis = analysed(name)
    assert analysis.verdict == "reject"
    assert failed(analysis) == violations
    failure = most_important_failure(analysis)
    assert failure is not None and failure.name == first


def test_no_face_is_one_measure_and_nothing_faked() -> None:
    analysis = analysed("coffee")
    assert analysis.verdict == "reject" and analysis.faces == () and analysis.landmarks is None
    assert [(m.name, m.value, m.passed) for m in analysis.measures] == [("face_count", 0, False)]
    failure = most_important_failure(analysis)
    assert failure is not None and (failure.hint_zh, failure.hint_en) == hints.NO_FACE


@pytest.mark.parametrize(("name", "measure", "hint"), [
    ("blur", "sharpness", hints.HOLD_STILL),
    ("dark", "exposure", hints.TOO_DARK),
    ("overexposed", "exposure", hints.TOO_BRIGHT),
    ("rotated", "roll", hints.HEAD_STRAIGHT),
    ("off_centre", "face_centred", hints.MOVE_RIGHT),  # on the image's right = the citizen's left
    ("too_small", "head_size", hints.COME_CLOSER),
    ("busy_background", "background", hints.BUSY_BACKGROUND),
    ("two_faces", "face_count", hints.SEVERAL_FACES),
    ("no_face", "face_count", hints.NO_FACE),
    ("side_lit", "lighting_balance", hints.SIDE_SHADOW),
    ("blue_cast", "natural_colour", hints.ODD_COLOUR),
    ("washed_out", "dynamic_range", hints.FLAT_LIGHT),
])
def test_each_degradation_fails_its_measure_and_that_is_the_hint(name: str, measure: str,
                                                                 hint: hints.Hint) -> None:
    analysis = analysed(name)
    assert analysis.verdict == "reject"
    failure = most_important_failure(analysis)
    assert failure is not None and failure.name == measure, [(m.name, m.value) for m in analysis.failures]
    assert (failure.hint_zh, failure.hint_en) == hint


def test_degradations_fail_little_else() -> None:
    """Beyond the measure each degradation targets, only knock-on effects fail (a dark frame also has a dark
    backdrop and fewer grey levels)."""
    allowed = {"blur": {"sharpness"}, "dark": {"exposure", "background", "dynamic_range"},
               "overexposed": {"exposure"}, "rotated": {"roll"}, "off_centre": {"face_centred"},
               "too_small": {"head_size"}, "busy_background": {"background"}, "two_faces": {"face_count"},
               "side_lit": {"lighting_balance"}, "blue_cast": {"natural_colour"},
               "washed_out": {"dynamic_range"}}
    for name, measures in allowed.items():
        assert failed(analysed(name)) <= measures, (name, failed(analysed(name)))


def test_two_faces_count_two_and_the_larger_is_measured() -> None:
    analysis = analysed("two_faces")
    count = analysis.measure("face_count")
    assert count is not None and count.value == 2
    assert analysis.main_face is not None and analysis.main_face.width == max(f.width for f in analysis.faces)


def test_hints_follow_the_direction_of_the_fault() -> None:
    left = analyse(images.off_centre(images.plain(), -0.2))
    failure = most_important_failure(left)
    assert failure is not None and (failure.hint_zh, failure.hint_en) == hints.MOVE_LEFT
    big = analyse(images.plain(), PhotoThresholds(head_size_max=0.2))
    failure = most_important_failure(big)
    assert failure is not None and (failure.hint_zh, failure.hint_en) == hints.STEP_BACK


def test_thresholds_decide_and_are_reported() -> None:
    strict = PhotoThresholds(min_sharpness=1e9)
    analysis = analyse(images.plain(), strict)
    sharpness = analysis.measure("sharpness")
    assert sharpness is not None and not sharpness.passed and sharpness.limits == (1e9, None)
    assert analysis.verdict == "reject"
    loose = replace(PhotoThresholds(), max_mouth_open=0.5)
    assert analyse(images.kiosk_astronaut(), loose).verdict == "accept"  # nothing else wrong with that frame


@pytest.mark.parametrize("bad", [{"max_roll_deg": -1}, {"min_sharpness": float("nan")},
                                 {"head_size_min": 0.4, "head_size_max": 0.3}, {"max_yaw_deg": "10"}])
def test_thresholds_that_cannot_be_meant_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="photo threshold"):
        PhotoThresholds(**bad)  # type: ignore[arg-type]


def test_priority_puts_people_before_position_before_pose_before_light() -> None:
    analysis = analysed("cameraman")  # fails head_size, eye_line, yaw, natural_colour, background
    ordered = [m.name for m in analysis.failures]
    assert ordered == sorted(ordered, key=PRIORITY.index)
    assert PRIORITY[0] == "face_count" and PRIORITY[-1] == "background"
    assert PRIORITY.index("head_size") < PRIORITY.index("roll") < PRIORITY.index("eyes_open")
    assert PRIORITY.index("mouth_closed") < PRIORITY.index("exposure") < PRIORITY.index("sharpness")


def test_fast_analysis_skips_only_the_scene_measures() -> None:
    fast = analyse_fast(images.plain())
    assert not fast.complete and fast.verdict == "accept"
    assert {m.name for m in fast.measures} == ALL_MEASURES - set(FAST_SKIPS)
    assert analyse_fast(images.side_lit(images.plain())).verdict == "accept"  # light: the capture's check
    blurred = most_important_failure(analyse_fast(images.blurred(images.plain())))
    assert blurred is not None and blurred.name == "sharpness"


def test_measures_have_the_json_shape_of_design_4_5() -> None:
    analysis = analysed("kiosk_astronaut")
    rows = [m.as_dict("zh") for m in analysis.measures]
    assert all(set(row) == {"name", "value", "pass", "hint"} for row in rows)
    mouth = next(row for row in rows if row["name"] == "mouth_closed")
    assert mouth["pass"] is False and mouth["hint"] == hints.CLOSE_MOUTH[0]
    assert all(row["hint"] == "" for row in rows if row["pass"])
    assert isinstance(mouth["value"], float)


def test_the_eyes_and_mouth_read_as_measured_on_the_portraits() -> None:
    """Open eyes measure 0.06–0.08 of eye → chin (threshold 0.025); a closed mouth under 0.035, a smile with
    teeth 0.09–0.11 (threshold 0.05): the calibration table of docs/photo-quality.md."""
    for name in ("plain", "hopper", "astronaut", "kiosk_astronaut"):
        eyes = analysed(name).measure("eyes_open")
        assert eyes is not None and 0.05 < eyes.value < 0.09
    for name, low, high in (("plain", 0, 0.035), ("hopper", 0, 0.035), ("astronaut", 0.08, 0.12),
                            ("kiosk_astronaut", 0.08, 0.12)):
        mouth = analysed(name).measure("mouth_closed")
        assert mouth is not None and low <= mouth.value <= high


def test_threads_may_analyse_at_the_same_time() -> None:
    """The preview lane and a capture may overlap: the shared networks are locked, the results identical."""
    from concurrent.futures import ThreadPoolExecutor
    frames = [images.plain(), images.case("blur"), images.kiosk_astronaut()] * 3
    expected = [[(m.name, m.value) for m in analyse(f).measures] for f in frames]
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(analyse, frames))
    assert [[(m.name, m.value) for m in r.measures] for r in results] == expected
