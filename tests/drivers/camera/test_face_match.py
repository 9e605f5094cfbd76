"""Face match (live photo ↔ chip portrait): verdicts on the packaged demo faces, hostile input, the CPU check,
and that only the two public-domain model files are ever read."""

from __future__ import annotations

import platform
import subprocess
import sys
from importlib import resources
from pathlib import Path

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drivers.camera import face_match
from drivers.camera.face_match import (
    ACCEPT_DISTANCE,
    MODEL_FILES,
    REFUSE_DISTANCE,
    FaceMatch,
    FaceMatcher,
    cpu_supported,
    face_match_support,
    models_dir,
)
from tests.drivers.camera import images

FACES = resources.files("backend_stub") / "data" / "faces"
SUPPORTED, WHY = face_match_support()
needs_dlib = pytest.mark.skipif(not SUPPORTED, reason=f"face match unavailable here: {WHY}")
VERDICTS = ("match", "mismatch", "staff_check")
FLAGS_WITHOUT_AVX = "processor\t: 0\nflags\t\t: fpu vme de pse tsc msr sse sse2 ssse3 sse4_1 sse4_2 popcnt\n"
FLAGS_WITH_AVX = FLAGS_WITHOUT_AVX.replace("popcnt", "popcnt avx avx2 fma")
ON_X86 = platform.machine().lower() in face_match.X86


def demo_portrait() -> bytes:
    return (FACES / "demo-face.jpg").read_bytes()


def other_portrait() -> bytes:
    return (FACES / "other-face.jpg").read_bytes()


@pytest.fixture(scope="module")
def matcher() -> FaceMatcher:
    return FaceMatcher()


@needs_dlib
def test_the_demo_frame_matches_the_demo_chip_portrait(matcher: FaceMatcher) -> None:
    result = matcher.compare(images.plain(), demo_portrait())
    assert result.verdict == "match", result
    assert result.distance is not None and result.distance < ACCEPT_DISTANCE


@needs_dlib
def test_someone_else_on_the_chip_is_a_mismatch(matcher: FaceMatcher) -> None:
    result = matcher.compare(images.plain(), other_portrait())
    assert result.verdict == "mismatch", result
    assert result.distance is not None and result.distance > REFUSE_DISTANCE


@needs_dlib
def test_live_photo_as_jpeg_bytes_works(matcher: FaceMatcher) -> None:
    ok, jpeg = cv2.imencode(".jpg", images.plain(), [cv2.IMWRITE_JPEG_QUALITY, 90])
    assert ok
    assert matcher.compare(jpeg.tobytes(), demo_portrait()).verdict == "match"


@needs_dlib
@pytest.mark.parametrize("compression", [1000, 100])  # lossless, and ≈ 10:1 like a chip's DG2
def test_a_jpeg_2000_portrait_works(matcher: FaceMatcher, compression: int) -> None:
    portrait = cv2.imdecode(np.frombuffer(demo_portrait(), np.uint8), cv2.IMREAD_COLOR)
    ok, jp2 = cv2.imencode(".jp2", portrait, [cv2.IMWRITE_JPEG2000_COMPRESSION_X1000, compression])
    assert ok and jp2.tobytes()[4:8] == b"jP  "
    assert matcher.compare(images.plain(), jp2.tobytes()).verdict == "match"


@needs_dlib
def test_no_face_in_either_image_is_a_staff_check_not_a_mismatch(matcher: FaceMatcher) -> None:
    ok, coffee = cv2.imencode(".jpg", images.coffee())
    assert ok
    assert matcher.compare(images.coffee(), demo_portrait()) == FaceMatch("staff_check", None, "no_face_live")
    assert matcher.compare(images.plain(), coffee.tobytes()) == FaceMatch("staff_check", None,
                                                                          "no_face_portrait")


@needs_dlib
def test_a_face_too_small_to_trust_is_a_staff_check(matcher: FaceMatcher) -> None:
    crop = (np.asarray(images.lfw(0)[20:120, 20:120]))  # a 25 px LFW face scaled up: no detail to compare
    tiny = cv2.resize(crop, (25, 25), interpolation=cv2.INTER_AREA)
    ok, jpeg = cv2.imencode(".jpg", tiny)
    assert ok
    result = matcher.compare(images.plain(), jpeg.tobytes())
    assert result.verdict == "staff_check"
    assert result.reason in ("small_face_portrait", "no_face_portrait")


@needs_dlib
@pytest.mark.parametrize("portrait", [b"", b"\xff\xd8\xff", b"not an image at all", b"\x00" * 5000,
                                      b"\x00\x00\x00\x0cjP  \r\n\x87\n" + b"\x00" * 64])
def test_unreadable_portraits_are_a_staff_check(matcher: FaceMatcher, portrait: bytes) -> None:
    assert matcher.compare(images.plain(), portrait) == FaceMatch("staff_check", None, "portrait_unreadable")


@needs_dlib
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                               HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=4096))
def test_garbage_portrait_bytes_never_raise(matcher: FaceMatcher, portrait: bytes) -> None:
    result = matcher.compare(images.plain(), portrait)
    assert result.verdict == "staff_check" and result.reason != "error", result


@needs_dlib
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                               HealthCheck.function_scoped_fixture])
@given(st.floats(0.0, 0.6))
def test_a_truncated_portrait_is_a_staff_check(matcher: FaceMatcher, kept: float) -> None:
    """Up to 60 % of the file: no whole face survives, so it must never decide either way."""
    data = demo_portrait()
    result = matcher.compare(images.plain(), data[: int(kept * len(data))])
    assert result.verdict == "staff_check" and result.reason != "error", result


@needs_dlib
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                               HealthCheck.function_scoped_fixture])
@given(st.floats(0.6, 1.0))
def test_a_portrait_cut_late_never_raises(matcher: FaceMatcher, kept: float) -> None:
    data = demo_portrait()
    result = matcher.compare(images.plain(), data[: int(kept * len(data))])
    assert result.verdict in ("match", "staff_check") and result.reason != "error", result  # still her


@needs_dlib
@pytest.mark.parametrize("live", [np.zeros((0, 0, 3), np.uint8), np.zeros((480, 640, 3), np.float64),
                                  np.zeros((4, 4, 2), np.uint8), b"", b"garbage"])
def test_unreadable_live_photos_are_a_staff_check(matcher: FaceMatcher, live: object) -> None:
    result = matcher.compare(live, demo_portrait())  # type: ignore[arg-type]
    assert result == FaceMatch("staff_check", None, "live_unreadable")


def test_thresholds_split_three_ways() -> None:
    matcher = FaceMatcher(0.5, 0.65)
    assert matcher.judge(0.2).verdict == "match"
    assert matcher.judge(0.5).verdict == "staff_check"
    assert matcher.judge(0.65).verdict == "staff_check"
    assert matcher.judge(0.66).verdict == "mismatch"
    assert matcher.judge(float("nan")) == FaceMatch("staff_check", None, "error")
    assert ACCEPT_DISTANCE < REFUSE_DISTANCE


def test_avx_check_reads_the_cpu_flags() -> None:
    assert not cpu_supported(FLAGS_WITHOUT_AVX, "x86_64")
    assert cpu_supported(FLAGS_WITH_AVX, "x86_64")
    assert not cpu_supported("", "x86_64")  # no flags at all: do not risk SIGILL
    assert not cpu_supported(FLAGS_WITHOUT_AVX.replace("sse2", "avx512f"), "x86_64")  # only the exact flag
    assert cpu_supported(FLAGS_WITHOUT_AVX, "aarch64")  # dlib-bin's ARM build needs no AVX


@pytest.mark.skipif(not ON_X86, reason="the AVX check applies to x86 only")
def test_without_avx_dlib_is_never_imported(tmp_path: Path) -> None:
    """Importing an AVX build on a CPU without AVX kills the process: the check must come first."""
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text(FLAGS_WITHOUT_AVX)
    code = ("import sys; from pathlib import Path; from drivers.camera.face_match import FaceMatcher; "
            f"m = FaceMatcher(cpuinfo_path=Path({str(cpuinfo)!r})); "
            "print(m.supported(), m.compare(b'x', b'y').reason, 'dlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["(False,", "'unsupported_cpu')", "unsupported_cpu", "False"]


@pytest.mark.skipif(not ON_X86, reason="the AVX check applies to x86 only")
def test_with_avx_the_synthetic_flags_pass(tmp_path: Path) -> None:
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text(FLAGS_WITH_AVX)
    assert face_match_support(cpuinfo, models_dir()) == (SUPPORTED, WHY)


def test_missing_model_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / MODEL_FILES[0]).write_bytes(b"")
    matcher = FaceMatcher(folder=tmp_path)
    assert matcher.supported() == (False, "models_missing")
    assert not matcher.warm_up()
    result = matcher.compare(images.plain(), demo_portrait())
    assert result == FaceMatch("staff_check", None, "models_missing")


@needs_dlib
def test_only_the_two_public_domain_models_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder with just the 5-point predictor and the descriptor is enough, and nothing else is loaded
    (the 68-point model's training data bars commercial use; the MMOD detector is not needed)."""
    import dlib
    for name in MODEL_FILES:
        (tmp_path / name).symlink_to(models_dir() / name)
    opened: list[str] = []

    def spy(load: object) -> object:
        def wrapped(path: str) -> object:
            opened.append(Path(path).name)
            return load(path)  # type: ignore[operator]
        return wrapped
    for loader in ("shape_predictor", "face_recognition_model_v1", "cnn_face_detection_model_v1"):
        monkeypatch.setattr(dlib, loader, spy(getattr(dlib, loader)))
    assert set(MODEL_FILES) == {"shape_predictor_5_face_landmarks.dat",
                                "dlib_face_recognition_resnet_model_v1.dat"}
    matcher = FaceMatcher(folder=tmp_path)
    assert matcher.warm_up() and sorted(opened) == sorted(MODEL_FILES)
    assert matcher.compare(images.plain(), demo_portrait()).verdict == "match"
    assert sorted(opened) == sorted(MODEL_FILES)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(MODEL_FILES)


@needs_dlib
def test_the_document_photo_is_described_once_and_kept_until_another_comes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = FaceMatcher()
    described: list[int] = []
    real = fresh._describe_portrait  # noqa: SLF001 - counting the expensive step

    def counted(portrait: bytes) -> object:
        described.append(len(portrait))
        return real(portrait)
    monkeypatch.setattr(fresh, "_describe_portrait", counted)
    fresh.portrait_descriptor(demo_portrait())  # as the kiosk does when the document is read
    first = fresh.compare(images.plain(), demo_portrait())
    again = fresh.compare(images.plain(), demo_portrait())
    assert described == [len(demo_portrait())] and first.verdict == again.verdict == "match"
    assert fresh.compare(images.plain(), other_portrait()).verdict == "mismatch"  # the next citizen's
    assert described == [len(demo_portrait()), len(other_portrait())]
