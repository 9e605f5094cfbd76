"""The /_stub QA endpoints, against the real stub process."""

import json
import uuid
from typing import Any

import pytest
import requests
from starlette.requests import Request

from backend_stub.app import DATA_DIR
from backend_stub.errors import ApiError
from backend_stub.qa import loopback_only, service_hint


def get(url: str) -> requests.Response:
    return requests.get(url, timeout=10)


def test_personas_are_listed(stub_url: str) -> None:
    personas = {item["id"]: item for item in get(f"{stub_url}/_stub/personas").json()}
    assert personas["renewal-ok"] == {
        "id": "renewal-ok",
        "name": "王建国",
        "service_hint": "renewal",
        "has_licence": True,
    }
    assert personas["transfer-in-ok"]["service_hint"] == "transfer-in"
    assert personas["renewal-no-licence"]["has_licence"] is False


def test_a_persona_in_full(stub_url: str) -> None:
    persona = get(f"{stub_url}/_stub/personas/renewal-identity-mismatch").json()
    assert set(persona) == {"id", "holder", "document", "licence", "medical_certificate", "payment"}
    assert persona["payment"] == "pays"  # the default
    assert persona["document"]["portrait"] == str(DATA_DIR / "faces" / "demo-face.jpg")
    assert persona["document"]["name"] == persona["holder"]["name"] == "李秀英"
    assert persona["document"]["birth_date"] != persona["holder"]["birth_date"]
    assert persona["licence"]["status"] == "A"


def test_an_unknown_persona(stub_url: str) -> None:
    response = get(f"{stub_url}/_stub/personas/nobody")
    assert (response.status_code, response.json()["code"]) == (404, "NOT_FOUND")


CLEARED_KINDS = ("applications", "photos", "payments", "heartbeats", "assistance", "faults")


def test_reset_drops_applications(stub_url: str) -> None:
    assert requests.post(f"{stub_url}/_stub/reset", timeout=10).json() == {
        "status": "ok",
        "deleted": 0,
        "cleared": dict.fromkeys(CLEARED_KINDS, 0),
    }
    assert get(f"{stub_url}/_stub/applications").json() == []


def posted_persona(persona_id: str) -> dict[str, Any]:
    return {
        "id": persona_id,
        "holder": {
            "id_number": f"Q{uuid.uuid4().hex[:17]}",
            "name": "测试",
            "sex": "F",
            "birth_date": "1990-01-01",
        },
        "document": {"kind": "TD3", "number": "P1234567", "portrait": "faces/x.jpg"},
        "licence": None,
        "medical_certificate": None,
    }


def test_scenarios_can_be_added_at_run_time(stub_url: str) -> None:
    persona_id = f"lost-posted-{uuid.uuid4().hex[:8]}"
    response = requests.post(
        f"{stub_url}/_stub/scenarios", json={"personas": [posted_persona(persona_id)]}, timeout=10
    )
    assert response.status_code == 200
    assert response.json()["loaded"] == [persona_id]
    assert response.json()["personas"] > 30
    persona = get(f"{stub_url}/_stub/personas/{persona_id}").json()
    assert persona["document"]["portrait"] == str(DATA_DIR / "faces" / "x.jpg")


def test_a_bad_posted_scenario_is_refused_with_its_key_path(stub_url: str) -> None:
    persona = posted_persona("lost-bad") | {"colour": "red"}
    response = requests.post(f"{stub_url}/_stub/scenarios", json={"personas": [persona]}, timeout=10)
    assert response.status_code == 422
    assert response.json() == {
        "code": "SCENARIO_INVALID",
        "message": "posted scenario: personas[0].colour: unknown key",
    }
    assert get(f"{stub_url}/_stub/personas/lost-bad").status_code == 404


@pytest.mark.parametrize("body", [b"", b"{", b"[" * 50_000, json.dumps({"personas": 5}).encode()])
def test_posted_garbage_is_a_422(stub_url: str, body: bytes) -> None:
    response = requests.post(f"{stub_url}/_stub/scenarios", data=body, timeout=10)
    assert (response.status_code, response.json()["code"]) == (422, "SCENARIO_INVALID")


def request_from(host: str) -> Request:
    return Request({"type": "http", "client": (host, 50000), "headers": [], "method": "GET", "path": "/"})


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.1", "::1"])
def test_qa_endpoints_answer_loopback_clients(host: str) -> None:
    loopback_only(request_from(host))


@pytest.mark.parametrize("host", ["10.0.0.7", "192.168.1.20", "2001:db8::1", "testclient", ""])
def test_qa_endpoints_refuse_other_clients(host: str) -> None:
    with pytest.raises(ApiError) as refused:
        loopback_only(request_from(host))
    assert (refused.value.status, refused.value.code) == (403, "FORBIDDEN")


@pytest.mark.parametrize(
    ("persona_id", "hint"),
    [
        ("renewal-ok", "renewal"),
        ("transfer-in-local", "transfer-in"),
        ("lost-x", "lost"),
        ("qa-1", None),
        ("lost", None),
    ],
)
def test_service_hint(persona_id: str, hint: str | None) -> None:
    assert service_hint(persona_id) == hint
