"""Kiosk heartbeats: validation, the acknowledgement, and the latest one per kiosk for QA."""

import copy
from typing import Any

import pytest
import requests

from tests.backend_stub.test_stub_api import assert_error


def beat(kiosk_id: str = "kiosk-01", depth: int = 0, **changes: Any) -> dict[str, Any]:
    body = {
        "kiosk_id": kiosk_id,
        "sent_at": "2026-11-26T02:15:00+00:00",
        "version": "0.1.0",
        "devices": {
            "card_reader": {"state": "online", "detail": None},
            "camera": {"state": "hwError", "detail": "no frames for 10 s"},
            "printer": {"state": "noDevice"},
        },
        "outbox": {"depth": depth, "oldest_age_s": 12.5 if depth else None, "rejected": 0},
    }
    return body | changes


def send(api: requests.Session, body: Any) -> requests.Response:
    return api.post(f"{api.base}/v1/heartbeat", json=body, timeout=10)


def latest(api: requests.Session) -> list[dict[str, Any]]:
    return requests.get(f"{api.base}/_stub/heartbeats", timeout=10).json()


def test_a_heartbeat_is_acknowledged_and_kept(api: requests.Session) -> None:
    response = send(api, beat())
    assert response.status_code == 200
    received_at = response.json()["received_at"]
    assert received_at.startswith("2026-11-26T") and received_at.endswith("+08:00")
    (kept,) = latest(api)
    expected = copy.deepcopy(beat())
    expected["devices"]["printer"]["detail"] = None
    assert kept == expected | {"received_at": received_at}


def test_only_the_latest_heartbeat_per_kiosk_is_kept(api: requests.Session) -> None:
    for kiosk_id, depth in (("kiosk-02", 1), ("kiosk-01", 2), ("kiosk-02", 3)):
        assert send(api, beat(kiosk_id, depth)).status_code == 200
    assert [(item["kiosk_id"], item["outbox"]["depth"]) for item in latest(api)] == [
        ("kiosk-01", 2),
        ("kiosk-02", 3),
    ]


def test_a_heartbeat_needs_the_token(stub_url: str) -> None:
    assert_error(requests.post(f"{stub_url}/v1/heartbeat", json=beat(), timeout=10), 401, "UNAUTHORISED")


@pytest.mark.parametrize(
    "changes",
    [
        {"sent_at": "2026-11-26T10:15:00"},  # no offset
        {"sent_at": "1764123300"},
        {"sent_at": 1764123300},
        {"sent_at": "2026-13-26T10:15:00+08:00"},
        {"devices": {"camera": {"state": "sleepy", "detail": None}}},
        {"devices": {"": {"state": "online"}}},
        {"outbox": {"depth": -1, "oldest_age_s": None, "rejected": 0}},
        {"outbox": {"depth": 0, "oldest_age_s": "1", "rejected": 0}},
        {"version": ""},
        {"battery": 90},
    ],
)
def test_bad_heartbeats_are_refused(api: requests.Session, changes: dict[str, Any]) -> None:
    assert_error(send(api, beat(**changes)), 422, "INVALID_REQUEST")
    assert latest(api) == []


@pytest.mark.parametrize("sent_at", ["2026-11-26T10:15:00Z", "2026-11-26t10:15:00.5+08:00"])
def test_rfc3339_times_are_accepted(api: requests.Session, sent_at: str) -> None:
    assert send(api, beat(sent_at=sent_at)).status_code == 200
