"""Fault injection: the pieces (matching, the book, the mangled answers) and the real stub under faults."""

import asyncio
import json
import time
import uuid
from typing import Any

import pytest
import requests

from backend_stub.fault_middleware import Captured, arrived, send_dropped, send_malformed
from backend_stub.faults import Fault, FaultBook, is_v1, path_matches
from backend_stub.qa_faults import FaultRequest
from tests.backend_stub.conftest import RunningStub
from tests.backend_stub.test_stub_api import application, assert_error, identity, listed, submit

# --- the pieces -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("/v1/applications", "/v1/applications", True),
        ("/v1/applications", "/v1/applications/x", False),
        ("/v1/payments/*", "/v1/payments/pay-1", True),
        ("/v1/payments/*", "/v1/payments", False),
        ("/v1/*", "/v1/health", True),
        ("/v1*", "/v1", True),
    ],
)
def test_path_matching(pattern: str, path: str, expected: bool) -> None:
    assert path_matches(pattern, path) is expected


@pytest.mark.parametrize(
    ("path", "expected"), [("/v1", True), ("/v1/x", True), ("/v10", False), ("/_stub/x", False)]
)
def test_faults_apply_to_v1_only(path: str, expected: bool) -> None:
    assert is_v1(path) is expected


def test_the_book_uses_the_oldest_match_and_counts_down() -> None:
    book = FaultBook()
    first = book.add(Fault("POST", "/v1/*", count=2, status=500))
    second = book.add(Fault("*", "/v1/health", latency_ms=5))
    assert (first.id, second.id) == (1, 2)
    assert book.take("GET", "/v1/health") == second  # the first is for POST only
    assert book.take("post", "/v1/eligibility") == first
    assert book.listing() == [{**first.to_json(), "count": 1}]
    assert book.take("GET", "/_stub/personas") is None
    assert book.take("POST", "/v1/x") is not None and book.take("POST", "/v1/x") is None
    book.add(Fault("GET", "/v1/health", drop=True))
    assert book.clear() == 1 and book.listing() == []


@pytest.mark.parametrize(
    "body",
    [
        {"method": "POST", "path": "/v1/applications", "status": 500, "drop": True},
        {"method": "POST", "path": "/v1/applications", "drop": True, "malformed": True},
        {"method": "POST", "path": "/v1/applications"},  # no effect at all
        {"method": "POST", "path": "/_stub/reset", "status": 500},
        {"method": "POST", "path": "/v1/a*b", "status": 500},
        {"method": "POST", "path": "/v1/applications", "status": 200},
        {"method": "POST", "path": "/v1/applications", "status": 500, "count": 0},
        {"method": "POST", "path": "/v1/applications", "latency_ms": -1},
        {"method": "PO ST", "path": "/v1/applications", "status": 500},
    ],
)
def test_bad_fault_requests(body: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        FaultRequest.model_validate(body)


def test_a_fault_request_defaults() -> None:
    fault = FaultRequest.model_validate({"method": "post", "path": "/v1/x", "status": 503}).fault()
    assert fault == Fault("POST", "/v1/x", count=1, latency_ms=0, status=503)


def sent_by(mangle: Any, answer: Captured) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []

    async def send(message: Any) -> None:
        messages.append(message)

    asyncio.run(mangle(answer, send))
    return messages


def test_the_request_is_read_before_the_delay_and_handed_over_whole() -> None:
    incoming = [
        {"type": "http.request", "body": b'{"a": ', "more_body": True},
        {"type": "http.request", "body": b"1}", "more_body": False},
        {"type": "http.disconnect"},  # the client leaves during the delay
    ]

    async def receive() -> Any:
        return incoming.pop(0)

    async def read_twice() -> list[Any]:
        replay = await arrived(receive)
        return [await replay(), await replay()]

    body, after = asyncio.run(read_twice())
    assert body == {"type": "http.request", "body": b'{"a": 1}', "more_body": False}
    assert after == {"type": "http.disconnect"}


def test_a_dropped_answer_announces_more_than_it_sends() -> None:
    answer = Captured(
        201, [(b"content-type", b"application/json"), (b"content-length", b"16")], b'{"id": "123456"}'
    )
    start, body = sent_by(send_dropped, answer)
    assert (start["status"], dict(start["headers"])[b"content-length"]) == (201, b"16")
    assert (body["body"], body["more_body"]) == (b'{"id": "', True)  # and the response never completes
    assert sent_by(send_dropped, Captured(204))[1]["body"] == b""


def test_a_malformed_answer_is_200_with_half_the_json() -> None:
    start, body = sent_by(send_malformed, Captured(409, [], b'{"code": "INELIGIBLE"}'))
    assert (start["status"], dict(start["headers"])[b"content-length"], body["body"]) == (
        200,
        b"11",
        b'{"code": "I',
    )
    with pytest.raises(ValueError):
        json.loads(body["body"])


# --- the real stub under faults -------------------------------------------------------------------


def add_fault(base: str, **fault: Any) -> dict[str, Any]:
    response = requests.post(f"{base}/_stub/faults", json=fault, timeout=10)
    assert response.status_code == 201, response.text
    return response.json()


def faults(base: str) -> list[dict[str, Any]]:
    return requests.get(f"{base}/_stub/faults", timeout=10).json()


def eligibility(api: requests.Session) -> requests.Response:
    body = identity("renewal-ok") | {"service": "renewal"}
    return api.post(f"{api.base}/v1/eligibility", json=body, timeout=10)


def test_an_injected_status_for_the_next_n_requests(api: requests.Session) -> None:
    added = add_fault(api.base, method="POST", path="/v1/eligibility", status=503, count=2)
    assert added == {
        "id": added["id"],
        "method": "POST",
        "path": "/v1/eligibility",
        "count": 2,
        "latency_ms": 0,
        "status": 503,
        "drop": False,
        "malformed": False,
    }
    body = assert_error(eligibility(api), 503, "INJECTED")
    assert body["message"] == "injected fault: HTTP 503"
    assert faults(api.base) == [added | {"count": 1}]
    assert_error(eligibility(api), 503, "INJECTED")
    assert eligibility(api).status_code == 200 and faults(api.base) == []


def test_a_prefix_and_method_select_the_requests(api: requests.Session) -> None:
    add_fault(api.base, method="GET", path="/v1/payments/*", status=500)
    assert eligibility(api).status_code == 200
    not_matched = api.post(f"{api.base}/v1/payments", json={}, timeout=10)
    assert_error(not_matched, 422, "INVALID_REQUEST")  # the endpoint's own answer
    assert_error(api.get(f"{api.base}/v1/payments/pay-1", timeout=10), 500, "INJECTED")


def test_faults_never_touch_qa_endpoints(api: requests.Session) -> None:
    add_fault(api.base, method="*", path="/v1*", status=500, count=3)
    assert requests.get(f"{api.base}/_stub/personas", timeout=10).status_code == 200
    assert_error(requests.get(f"{api.base}/v1/health", timeout=10), 500, "INJECTED")
    response = requests.post(
        f"{api.base}/_stub/faults", json={"method": "GET", "path": "/docs", "status": 500}
    )
    assert_error(response, 422, "INVALID_REQUEST")


def test_faults_come_after_the_token_check(api: requests.Session) -> None:
    add_fault(api.base, method="POST", path="/v1/eligibility", status=502)
    assert_error(requests.post(f"{api.base}/v1/eligibility", json={}, timeout=10), 401, "UNAUTHORISED")
    assert_error(eligibility(api), 502, "INJECTED")  # the refused request did not use the fault up


def test_a_request_that_arrived_is_processed_even_if_its_client_leaves(api: requests.Session) -> None:
    add_fault(api.base, method="POST", path="/v1/applications", latency_ms=300)
    with pytest.raises(requests.exceptions.ReadTimeout):
        api.post(
            f"{api.base}/v1/applications",
            json=application("renewal-ok"),
            headers={"Idempotency-Key": str(uuid.uuid4())},
            timeout=(10, 0.05),
        )
    deadline = time.monotonic() + 10
    while not listed(api):  # a bounded wait on the stub's state
        assert time.monotonic() < deadline, "the stub did not store the request its client gave up on"


def test_latency_alone_delays_the_normal_answer(api: requests.Session) -> None:
    add_fault(api.base, method="POST", path="/v1/eligibility", latency_ms=300)
    started = time.monotonic()
    response = eligibility(api)
    assert time.monotonic() - started >= 0.3
    assert response.json()["outcome"] == "eligible"


def test_latency_then_status(api: requests.Session) -> None:
    add_fault(api.base, method="POST", path="/v1/eligibility", latency_ms=200, status=504)
    started = time.monotonic()
    assert_error(eligibility(api), 504, "INJECTED")
    assert time.monotonic() - started >= 0.2


def test_a_dropped_connection_after_the_work_is_done(api: requests.Session, stub_server: RunningStub) -> None:
    add_fault(api.base, method="POST", path="/v1/applications", drop=True)
    key = str(uuid.uuid4())
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        submit(api, application("renewal-ok"), key)
    (stored,) = listed(api)  # the application was received; only the answer was lost
    retried = submit(api, application("renewal-ok"), key)
    assert (retried.status_code, retried.json()["application_id"]) == (200, stored["application_id"])
    assert "without completing response" not in stub_server.stderr_text()


def test_a_malformed_answer_after_the_work_is_done(api: requests.Session) -> None:
    add_fault(api.base, method="POST", path="/v1/applications", malformed=True)
    response = submit(api, application("renewal-ok"))
    assert response.status_code == 200 and response.text.startswith('{"application_id":')
    with pytest.raises(ValueError):
        response.json()
    assert len(listed(api)) == 1


def test_faults_are_listed_and_cleared(stub_url: str) -> None:
    add_fault(stub_url, method="POST", path="/v1/applications", drop=True, count=5)
    add_fault(stub_url, method="GET", path="/v1/*", malformed=True)
    assert [(f["path"], f["count"]) for f in faults(stub_url)] == [("/v1/applications", 5), ("/v1/*", 1)]
    assert requests.delete(f"{stub_url}/_stub/faults", timeout=10).json() == {"status": "ok", "deleted": 2}
    assert faults(stub_url) == []
    add_fault(stub_url, method="GET", path="/v1/*", malformed=True)
    assert requests.post(f"{stub_url}/_stub/reset", timeout=10).json()["cleared"]["faults"] == 1
    assert faults(stub_url) == []
