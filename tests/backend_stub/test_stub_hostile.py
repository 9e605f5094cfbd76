"""Hostile bodies against the real stub: whatever arrives, the answer is never a 500."""

import base64
from typing import Any

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TOKEN_HEADER = {"Authorization": "Bearer demo-kiosk-token"}
PATHS = [
    "/v1/licence-records/lookup",
    "/v1/eligibility",
    "/v1/applications",
    "/v1/assistance",
    "/_stub/scenarios",
]

json_leaves = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**20, max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
)
json_values = st.recursive(
    json_leaves,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=15), children, max_size=5)
    ),
    max_leaves=30,
)
# requests refuses header values with surrounding whitespace before sending them.
header_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=60).map(str.strip)

VALID_APPLICATION = {
    "service": "renewal",
    "office": "371500",
    "kiosk_id": "kiosk-01",
    "id_number": "371502198503120030",
    "document_number": "E26110113",
    "name": "王建国",
    "photo_jpeg_b64": base64.b64encode(b"\xff\xd8\xff\xe0" + bytes(100)).decode(),
    "delivery": {"method": "post", "address": "山东省聊城市", "phone": "13806351037"},
    "fee_cny": 10,
}
FIELDS = [*VALID_APPLICATION, "birth_date", "extra"]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_handled(response: requests.Response) -> None:
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert isinstance(response.json()["code"], str)


@SETTINGS
@given(path=st.sampled_from(PATHS), body=json_values, key=header_text)
def test_random_json_bodies(stub_server: Any, path: str, body: Any, key: str) -> None:
    headers = TOKEN_HEADER | {"Idempotency-Key": key}
    assert_handled(requests.post(f"{stub_server.url}{path}", json=body, headers=headers, timeout=10))


@SETTINGS
@given(path=st.sampled_from(PATHS), body=st.binary(max_size=200), content_type=header_text)
def test_random_bytes(stub_server: Any, path: str, body: bytes, content_type: str) -> None:
    headers = TOKEN_HEADER | {"Idempotency-Key": "k", "Content-Type": content_type}
    assert_handled(requests.post(f"{stub_server.url}{path}", data=body, headers=headers, timeout=10))


@SETTINGS
@given(changes=st.dictionaries(st.sampled_from(FIELDS), json_values, min_size=1, max_size=3), key=header_text)
def test_near_valid_applications(stub_server: Any, changes: dict[str, Any], key: str) -> None:
    body = VALID_APPLICATION | changes
    headers = TOKEN_HEADER | {"Idempotency-Key": key}
    assert_handled(
        requests.post(f"{stub_server.url}/v1/applications", json=body, headers=headers, timeout=10)
    )


@SETTINGS
@given(segment=st.text(max_size=40), method=st.sampled_from(["GET", "POST", "PUT", "DELETE"]))
def test_random_paths(stub_server: Any, segment: str, method: str) -> None:
    for prefix in ("/v1/applications/", "/_stub/personas/", "/"):
        url = f"{stub_server.url}{prefix}{requests.utils.quote(segment, safe='')}"
        assert_handled(requests.request(method, url, headers=TOKEN_HEADER, timeout=10))
