"""Asking for a person: tickets by kind, once per key, strict bodies, QA listing, faults."""

import uuid
from typing import Any

import pytest
import requests

from tests.backend_stub.test_stub_api import assert_error

QA = "/_stub/assistance"


def assistance(kind: str = "staff", **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"kind": kind, "office": "371500", "kiosk_id": "kiosk-01"}
    if kind == "home_service":
        body["phone"] = "13806351037"
    return body | changes


def ask(api: requests.Session, body: dict[str, Any], key: str | None = None) -> requests.Response:
    headers = {"Idempotency-Key": key or str(uuid.uuid4())}
    return api.post(f"{api.base}/v1/assistance", json=body, headers=headers, timeout=10)


def listed(api: requests.Session) -> list[dict[str, Any]]:
    return requests.get(f"{api.base}{QA}", timeout=10).json()


@pytest.mark.parametrize(
    ("kind", "status", "window"),
    [("staff", "queued", None), ("priority", "queued", "1"), ("agent", "queued", "1"),
     ("home_service", "scheduled", None)],
)
def test_each_kind_gets_its_ticket(api: requests.Session, kind: str, status: str, window: str | None) -> None:
    response = ask(api, assistance(kind))
    assert response.status_code == 201, response.text
    assert response.json() == {
        "request_id": "AS-371500-20261126-000001", "kind": kind, "status": status, "window": window,
    }


def test_requests_are_numbered_and_listed_for_qa(api: requests.Session) -> None:
    ask(api, assistance("priority", service="renewal"), key="key-a")
    ask(api, assistance("home_service"), key="key-b")
    rows = listed(api)
    assert [row["request_id"] for row in rows] == ["AS-371500-20261126-000001", "AS-371500-20261126-000002"]
    assert {key: rows[0][key] for key in ("idempotency_key", "kind", "service", "phone", "window")} == {
        "idempotency_key": "key-a", "kind": "priority", "service": "renewal", "phone": None, "window": "1",
    }
    home = (rows[1]["phone"], rows[1]["status"], rows[1]["kiosk_id"])
    assert home == ("13806351037", "scheduled", "kiosk-01")
    assert rows[1]["received_at"].startswith("2026-11-26T")


def test_the_same_key_gets_the_first_ticket_and_adds_no_row(api: requests.Session) -> None:
    first = ask(api, assistance("agent"), key="once")
    again = ask(api, assistance("staff"), key="once")  # a known key is answered before anything else
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert len(listed(api)) == 1


def test_a_request_needs_a_key(api: requests.Session) -> None:
    response = api.post(f"{api.base}/v1/assistance", json=assistance(), timeout=10)
    assert_error(response, 400, "IDEMPOTENCY_KEY_MISSING")


def test_a_request_needs_the_token(stub_url: str) -> None:
    response = requests.post(f"{stub_url}/v1/assistance", json=assistance(), timeout=10)
    assert_error(response, 401, "UNAUTHORISED")


@pytest.mark.parametrize(
    "body",
    [
        assistance("home_service", phone=None),  # a home visit cannot be arranged without a phone
        {"kind": "home_service", "office": "371500", "kiosk_id": "k"},
        assistance("taxi"),
        assistance(phone="call me"),
        assistance(office="3715"),
        assistance(kiosk_id=""),
        assistance(service="passport"),
        assistance(note="x"),
        {"office": "371500", "kiosk_id": "k"},
        ["staff"],
    ],
)
def test_off_contract_bodies_are_refused(api: requests.Session, body: Any) -> None:
    assert_error(ask(api, body), 422, "INVALID_REQUEST")
    assert listed(api) == []


def test_a_phone_may_come_with_any_kind(api: requests.Session) -> None:
    assert ask(api, assistance("staff", phone="+86 138-0635-1037")).status_code == 201


def test_faults_apply_and_a_dropped_answer_is_replayed_by_key(api: requests.Session) -> None:
    fault = {"method": "POST", "path": "/v1/assistance", "status": 503}
    requests.post(f"{api.base}/_stub/faults", json=fault, timeout=10).raise_for_status()
    assert_error(ask(api, assistance()), 503, "INJECTED")
    assert listed(api) == []
    fault = {"method": "POST", "path": "/v1/assistance", "drop": True}
    requests.post(f"{api.base}/_stub/faults", json=fault, timeout=10).raise_for_status()
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        ask(api, assistance("priority"), key="dropped")
    again = ask(api, assistance("priority"), key="dropped")
    assert (again.status_code, again.json()["request_id"]) == (200, listed(api)[0]["request_id"])


def test_reset_drops_assistance_requests(api: requests.Session) -> None:
    ask(api, assistance())
    assert requests.post(f"{api.base}/_stub/reset", timeout=10).json()["cleared"]["assistance"] == 1
    assert listed(api) == []
