"""`kiosk-stub` / `python -m backend_stub` as a process: start, refuse bad configuration, stop."""

import json
import os
import signal
import socket
import stat
import subprocess
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from backend_stub.app import DATA_DIR
from backend_stub.scenarios import load_scenario_file
from tests.backend_stub.stub_harness import TOKEN, RunningStub, stub_command

RUN_TIMEOUT_S = 60


def run_failing(*args: str) -> str:
    """Run the stub expecting exit code 2; return its single stderr line."""
    result = subprocess.run(stub_command(*args), capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kiosk-stub: ")
    return lines[0]


def test_port_in_use_is_one_clear_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        line = run_failing("--port", str(port))
    assert line == f"kiosk-stub: cannot listen on 127.0.0.1:{port}: Address already in use"


def test_bad_scenario_file_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"personas": [{"id": "x", "colour": "red"}]}), encoding="utf-8")
    line = run_failing("--port", "0", "--scenarios", str(path))
    assert line.startswith(f"kiosk-stub: {path}: ")
    assert "personas[0].colour: unknown key" in line and "personas[0].holder: missing required key" in line


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--today", "26/11/2026"], "kiosk-stub: --today: expected a date YYYY-MM-DD, got '26/11/2026'"),
        (["--today", "2026-02-30"], "kiosk-stub: --today: expected a date YYYY-MM-DD"),
        (["--office", "37"], "kiosk-stub: --office: expected a 6-digit office code"),
        (["--port", "http"], "kiosk-stub: argument --port: expected 0 to 65535"),
        (["--port", "70000"], "kiosk-stub: argument --port: expected 0 to 65535"),
        (["--colour", "red"], "kiosk-stub: unrecognized arguments: --colour red"),
        (["--scenarios", "/nonexistent/s.json"], "kiosk-stub: /nonexistent/s.json: cannot read the file"),
        (
            ["--db", "/nonexistent/dir/stub.db"],
            "kiosk-stub: --db /nonexistent/dir/stub.db: cannot use this database",
        ),
        (["--token", "has space"], "kiosk-stub: --token:"),
        (["--host", "no-such-host.invalid"], "kiosk-stub: cannot listen on no-such-host.invalid:"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(args: list[str], expected: str) -> None:
    assert run_failing("--port", "0", *args).startswith(expected)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_it_cleanly(launch_stub: Callable[..., RunningStub], signum: int) -> None:
    stub = launch_stub()
    assert requests.get(f"{stub.url}/v1/health", timeout=10).status_code == 200
    stub.process.send_signal(signum)
    assert stub.process.wait(timeout=30) == 0
    assert (
        stub.process.stdout is not None and stub.process.stdout.read() == ""
    )  # the ready line was the only one
    assert stub.stderr_text() == ""


def test_ready_line_names_a_reachable_loopback_url(launch_stub: Callable[..., RunningStub]) -> None:
    stub = launch_stub()
    assert stub.url.startswith("http://127.0.0.1:") and int(stub.url.rsplit(":", 1)[1]) > 0
    assert (
        requests.get(f"{stub.url}/v1/health", timeout=10).json()["today"] == "2026-11-26"
    )  # the demo's date


def test_tokens_replace_the_default(launch_stub: Callable[..., RunningStub]) -> None:
    stub = launch_stub("--token", "alpha", "--token", "beta")
    query = {"service": "lost", "id_number": "1"}
    for token, status in (("alpha", 200), ("beta", 200), (TOKEN, 401)):
        headers = {"Authorization": f"Bearer {token}"}
        assert (
            requests.post(f"{stub.url}/v1/eligibility", json=query, headers=headers, timeout=10).status_code
            == status
        )


def write_scenario(path: Path, today: str | None) -> Path:
    persona = {
        "id": "lost-file",
        "holder": {"id_number": "110105194912310021", "name": "测试", "sex": "F", "birth_date": "1949-12-31"},
        "document": {"kind": "TD1", "number": "E1", "portrait": "../faces/p.jpg"},
        "licence": None,
        "medical_certificate": None,
    }
    document = {"personas": [persona]} | ({"today": today} if today else {})
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_today_and_portraits_come_from_the_scenario_file(
    launch_stub: Callable[..., RunningStub], tmp_path: Path
) -> None:
    (tmp_path / "scenarios").mkdir()
    stub = launch_stub("--scenarios", str(write_scenario(tmp_path / "scenarios" / "s.json", "2025-05-05")))
    assert requests.get(f"{stub.url}/v1/health", timeout=10).json()["today"] == "2025-05-05"
    persona = requests.get(f"{stub.url}/_stub/personas/lost-file", timeout=10).json()
    assert persona["document"]["portrait"] == str(tmp_path / "faces" / "p.jpg")
    assert (
        requests.get(f"{stub.url}/_stub/personas/renewal-ok", timeout=10).status_code == 404
    )  # demo not loaded


def test_today_defaults_to_the_real_date(launch_stub: Callable[..., RunningStub], tmp_path: Path) -> None:
    before = date.today()
    stub = launch_stub("--scenarios", str(write_scenario(tmp_path / "s.json", None)))
    today = requests.get(f"{stub.url}/v1/health", timeout=10).json()["today"]
    assert today in {before.isoformat(), (before + timedelta(days=1)).isoformat()}


def test_a_database_file_keeps_everything_across_restarts(
    launch_stub: Callable[..., RunningStub], tmp_path: Path
) -> None:
    db = str(tmp_path / "stub.db")
    first = launch_stub("--db", db)
    body = {
        "service": "lost",
        "office": "371500",
        "kiosk_id": "k",
        "id_number": load_scenario_file(DATA_DIR / "demo.json").personas["lost-ok"].holder.id_number,
        "photo_jpeg_b64": "/9j/4AAQ",
        "delivery": {"method": "collect", "address": None, "phone": "13806351037"},
        "fee_cny": 10,
        "declarations": ["LOSS_DECLARED"],
    }
    headers = {"Authorization": f"Bearer {TOKEN}", "Idempotency-Key": "persist-1"}
    created = requests.post(f"{first.url}/v1/applications", json=body, headers=headers, timeout=10)
    assert created.status_code == 201, created.text
    before = received(first.url, headers)
    assert stat.S_IMODE(os.stat(db).st_mode) == 0o600
    assert first.stop() == 0
    second = launch_stub("--db", db)
    again = requests.post(f"{second.url}/v1/applications", json=body, headers=headers, timeout=10)
    assert (again.status_code, again.json()) == (200, created.json())
    assert received(second.url, headers) == before
    assert len(before["applications"]) == 1  # the same key added no second row
    assert before["applications"][0]["request"]["declarations"] == ["LOSS_DECLARED"]


def received(url: str, headers: dict[str, str]) -> dict[str, Any]:
    """After one application: add a payment (read once: paid), a heartbeat and an assistance request;
    list all five kinds."""
    if not requests.get(f"{url}/_stub/payments", timeout=10).json():
        payment = {
            "service": "lost",
            "id_number": None,
            "document_number": "E1",
            "amount_cny": 10,
            "kiosk_id": "k",
        }
        payment["document_number"] = (
            load_scenario_file(DATA_DIR / "demo.json").personas["lost-ok"].document.number
        )
        created = requests.post(f"{url}/v1/payments", json=payment, headers=headers, timeout=10).json()
        requests.get(f"{url}/v1/payments/{created['payment_id']}", headers=headers, timeout=10)
        beat = {"kiosk_id": "k", "sent_at": "2026-11-26T10:00:00+08:00", "version": "1", "devices": {}}
        beat["outbox"] = {"depth": 0, "oldest_age_s": None, "rejected": 0}
        assert requests.post(f"{url}/v1/heartbeat", json=beat, headers=headers, timeout=10).status_code == 200
        assist = {"kind": "priority", "office": "371500", "kiosk_id": "k"}
        asked = requests.post(f"{url}/v1/assistance", json=assist, headers=headers, timeout=10)
        assert asked.status_code == 201
    kinds = ("applications", "photos", "payments", "heartbeats", "assistance")
    listed = {kind: requests.get(f"{url}/_stub/{kind}", timeout=10).json() for kind in kinds}
    assert all(len(items) == 1 for items in listed.values()), listed
    assert listed["payments"][0]["status"] == "paid"
    return listed
