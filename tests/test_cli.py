"""The `kiosk` command as QA and operations call it: real processes, exit codes, JSON on the last line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tests.conftest import received_applications

KIOSK = [sys.executable, "-m", "kiosk"]


def kiosk(*args: str, env: dict[str, str] | None = None,
          timeout: int = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KIOSK, *args], capture_output=True, text=True, timeout=timeout,
                          env=env or dict(os.environ))


@pytest.mark.e2e
def test_qa_run_submits_a_renewal_against_a_given_backend(stub_url: str) -> None:
    result = kiosk("qa", "run", "renewal", "--persona", "renewal-ok", "--backend", stub_url, "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["outcome"] == "submitted"
    assert outcome["persona"] == "renewal-ok" and outcome["application_id"]
    assert outcome["screens"][0] == "attract" and "done" in outcome["screens"]
    assert "371502198503120030" not in result.stderr  # no full ID number in the logs
    assert "demo-kiosk-token" not in result.stderr


@pytest.mark.e2e
def test_qa_run_starts_its_own_stub_and_reports_ineligible_with_exit_1() -> None:
    result = kiosk("qa", "run", "renewal", "--persona", "renewal-many", "--json")
    assert result.returncode == 1, result.stderr[-2000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["outcome"] == "ineligible"
    assert sorted(outcome["reasons"]) == ["MEDICAL_CERTIFICATE_MISSING", "TOO_EARLY", "UNHANDLED_VIOLATIONS"]


def test_unknown_persona_is_one_clear_line_and_exit_2(stub_url: str) -> None:
    result = kiosk("qa", "run", "renewal", "--persona", "nobody", "--backend", stub_url, "--json")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == (
        "kiosk: unknown persona 'nobody': the back office stub has no such id")
    assert "Traceback" not in result.stderr


def test_a_bad_config_key_is_named_with_exit_2(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[screen]\nlanguage = \"fr\"\n", encoding="utf-8")
    result = kiosk("run", "--config", str(config))
    assert result.returncode == 2
    assert result.stderr.strip() == "kiosk: config key screen.language: must be one of zh, en"


def test_no_display_is_one_clear_line_and_exit_2() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = kiosk("run", env=env)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("kiosk: no display")


def test_an_unreachable_backend_for_qa_is_a_usage_error() -> None:
    result = kiosk("qa", "run", "renewal", "--persona", "renewal-ok", "--backend", "http://127.0.0.1:9")
    assert result.returncode == 2
    assert "cannot reach the back office stub" in result.stderr


@pytest.mark.e2e
def test_screenshot_writes_a_png_of_the_screen(tmp_path: Path) -> None:
    result = kiosk("screenshot", "--screen", "done", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr[-2000:]
    png = (tmp_path / "done.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1080, 1920)


def test_screenshot_of_an_unknown_screen_is_exit_2(tmp_path: Path) -> None:
    result = kiosk("screenshot", "--screen", "nowhere", "--out", str(tmp_path))
    assert result.returncode == 2 and "unknown screen 'nowhere'" in result.stderr


@pytest.mark.e2e
def test_qa_soak_runs_the_persona_mix_in_one_process_within_the_memory_target(stub_url: str) -> None:
    result = kiosk("qa", "soak", "--sessions", "12", "--backend", stub_url, "--json")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    soak = json.loads(result.stdout.strip().splitlines()[-1])
    assert (soak["sessions"], soak["completed"], soak["warmup"]) == (12, 12, 8)
    # the mix of eight personas, twice over for the first four: every path of the demo
    assert soak["outcomes"] == {"failed": 1, "ineligible": 1, "referred": 2, "submitted": 8}
    assert soak["unexpected"] == [] and soak["passed"] is True
    assert soak["rss_mb"]["growth"] < soak["target_rss_growth_mb"] == 10 and soak["fds"]["growth"] <= 0
    assert set(soak["threads"]) == {"baseline", "end", "growth"} and soak["threads"]["baseline"] > 1
    assert 0 < soak["s_per_session"]["median"] <= soak["s_per_session"]["p95"]
    assert soak["face_child_rss_mb"]["end"] > 0  # face match ran in its child process
    assert len(received_applications(stub_url)) == 8


def test_qa_soak_needs_a_persona_with_a_service_and_sessions() -> None:
    result = kiosk("qa", "soak", "renewal", "--sessions", "3")
    assert result.returncode == 2 and "give both SERVICE and --persona" in result.stderr
    result = kiosk("qa", "soak", "--sessions", "0")
    assert result.returncode == 2 and "--sessions must be at least 1" in result.stderr


@pytest.mark.e2e
@pytest.mark.pcsc
def test_bench_prints_the_start_and_switch_figures() -> None:
    result = kiosk("bench", "--json", "--repeat", "1", "--load-seconds", "2", "--soak-sessions", "12",
                   timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["start"]["ratio"] > 0 and figures["start"]["bare_ms"] > 0
    assert 0 < figures["switch"]["p50_ms"] <= figures["switch"]["p95_ms"]
    assert figures["renewal"]["outcome"] == "submitted" and figures["renewal"]["cpu_s"] > 0
    photo = figures["photo"]
    assert 0 < photo["median_ms"] <= photo["p95_ms"] and photo["preview_fps"] > 0
    assert photo["analysed_per_s"] > 0 and photo["longest_gui_gap_ms"] > 0
    card = figures["card"]
    assert card["hashes"] == "valid" and card["dg2_bytes"] == 20_000
    assert card["minimum_apdus"] <= card["apdus"] and 0 < card["kiosk_cpu_share"] < 1
    assert (card["access"], card["signature"], card["active_auth"]) == ("BAC", "valid", "valid")
    pace = card["pace"]
    assert (pace["access"], pace["hashes"], pace["signature"], pace["active_auth"]) == (
        "PACE", "valid", "valid", "valid")
    assert pace["minimum_apdus"] <= pace["apdus"] and pace["dg2_bytes"] == 20_000
    face = figures["face"]
    assert face["supported"] and 0 < face["embedding_ms_median"] < face["compare_ms_median"]
    assert face["at_capture_ms_median"] > 0
    load = figures["stub_load"]
    assert load["kiosks"] == 20 and load["requests"] > 20 and load["errors"] == 0
    assert 25 < load["photo_kb"] < 40 and 0 < load["p50_ms"] <= load["p99_ms"]
    soak = figures["soak"]
    assert (soak["sessions"], soak["completed"], soak["unexpected"]) == (12, 12, [])
    assert sum(soak["outcomes"].values()) == 12 and soak["outcomes"]["submitted"] == 8
    assert {"baseline", "end", "growth"} <= set(soak["rss_mb"]) and isinstance(soak["passed"], bool)
    assert soak["fds"]["end"] - soak["fds"]["baseline"] == soak["fds"]["growth"]


@pytest.mark.e2e
def test_the_demo_kiosk_runs_and_stops_cleanly_on_sigterm() -> None:
    import signal
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with subprocess.Popen([*KIOSK, "run", "--demo", "--windowed"], stderr=subprocess.PIPE, text=True,
                          env=env) as kiosk_process:
        assert kiosk_process.stderr is not None
        stub_url = ""
        for line in kiosk_process.stderr:  # bounded by the process: it ends if the kiosk dies
            if "demo back office stub at " in line:
                stub_url = line.split(" at ")[-1].strip()
            if "kiosk ready" in line:
                break
        assert stub_url and requests.get(f"{stub_url}/v1/health", timeout=5).ok
        kiosk_process.send_signal(signal.SIGTERM)
        assert kiosk_process.wait(timeout=60) == 0
    with pytest.raises(requests.ConnectionError):  # the demo stub went with it
        requests.get(f"{stub_url}/v1/health", timeout=5)


def test_selftest_reports_outbox_and_back_office(stub_url: str, tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'data_dir = "{tmp_path}"\n[back_office]\nurl = "{stub_url}"\n'
                      'token = "demo-kiosk-token"\n', encoding="utf-8")
    result = kiosk("selftest", "--config", str(config), "--json")
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ok"] and report["outbox"] == {"depth": 0, "oldest_age_s": None, "rejected": 0}
    assert report["status"] == "ok"
    names = {check["name"] for check in report["checks"]}
    assert names == {"store", "back_office", "outbox", "card_reader", "camera", "fonts", "translations",
                     "chip_trust", "face_match", "voice", "printer"}
    assert "demo-kiosk-token" not in result.stdout + result.stderr


def test_selftest_fails_when_the_back_office_is_unreachable(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'data_dir = "{tmp_path}"\n[back_office]\nurl = "http://127.0.0.1:9"\n'
                      "connect_timeout_s = 1\n", encoding="utf-8")
    result = kiosk("selftest", "--config", str(config), "--json")
    assert result.returncode == 1  # degraded: applications queue in the outbox meanwhile
    report = json.loads(result.stdout.strip().splitlines()[-1])
    checks = {c["name"]: c for c in report["checks"]}
    assert checks["back_office"] == {"name": "back_office", "ok": False, "detail": "UNAVAILABLE",
                                     "critical": False}
    assert report["status"] == "degraded"


@pytest.mark.parametrize("devices, failing", [
    ('card = "pcsc"\nreader = "No Such Reader*"\n', "card_reader"),  # no pcscd here: no reader at all
    ('camera = "/dev/video-none"\n', "camera"),
])
def test_selftest_is_unusable_without_a_reader_or_a_camera(stub_url: str, tmp_path: Path, devices: str,
                                                           failing: str) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'data_dir = "{tmp_path}"\n[back_office]\nurl = "{stub_url}"\n'
                      f'token = "demo-kiosk-token"\n[devices]\n{devices}', encoding="utf-8")
    result = kiosk("selftest", "--config", str(config), "--json")
    assert result.returncode == 2, result.stdout + result.stderr[-1000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["status"] == "unusable"
    assert [c["name"] for c in report["checks"] if not c["ok"] and c["critical"]] == [failing]


DATA = Path(__file__).resolve().parents[1] / "src" / "drivers" / "camera" / "data"


def test_photo_check_accepts_the_demo_face_and_names_what_fails_in_another(tmp_path: Path) -> None:
    result = kiosk("photo", "check", str(DATA / "demo_face_plain.jpg"), str(DATA / "demo_face.jpg"), "--json")
    assert result.returncode == 1  # one of the two is refused
    plain, busy = (json.loads(line) for line in result.stdout.strip().splitlines()[-2:])
    assert plain["verdict"] == "accept" and plain["faces"] == 1
    assert {m["name"] for m in plain["measures"]} >= {"face_count", "head_size", "sharpness", "exposure"}
    assert busy["verdict"] == "reject"
    failed = {m["name"]: m["hint"] for m in busy["measures"] if not m["pass"]}
    assert "mouth_closed" in failed and all(failed.values())  # every failure says what to do


def test_photo_crop_writes_the_licence_format(tmp_path: Path) -> None:
    out = tmp_path / "licence.jpg"
    result = kiosk("photo", "crop", str(DATA / "demo_face_plain.jpg"), "--out", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    import cv2
    import numpy as np
    image = cv2.imdecode(np.frombuffer(out.read_bytes(), np.uint8), cv2.IMREAD_COLOR)
    assert image.shape == (378, 260, 3) and 14_000 <= out.stat().st_size <= 30_000


def test_photo_check_of_a_non_image_is_a_usage_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.jpg"
    junk.write_bytes(b"not an image")
    result = kiosk("photo", "check", str(junk))
    assert result.returncode == 2 and "not an image file" in result.stderr


@pytest.mark.e2e
def test_qa_run_serves_the_other_services_too(stub_url: str) -> None:
    result = kiosk("qa", "run", "lost", "--persona", "lost-ok", "--backend", stub_url, "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert (outcome["service"], outcome["outcome"]) == ("lost", "submitted")
    assert outcome["notices"] == ["OLD_CARD_VOID"]


def test_diagnostics_pin_hash_prints_a_hash_that_matches_the_pin_only() -> None:
    from kiosk.diagnostics import pin_matches
    result = subprocess.run([sys.executable, "-m", "kiosk", "diagnostics", "pin-hash"], input="135790\n",
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    stored = result.stdout.strip()
    assert pin_matches("135790", stored) and not pin_matches("135791", stored) and "135790" not in stored
    bad = subprocess.run([sys.executable, "-m", "kiosk", "diagnostics", "pin-hash"], input="12\n",
                         capture_output=True, text=True, timeout=60, check=False)
    assert bad.returncode == 2 and "4 to 12 digits" in bad.stderr
