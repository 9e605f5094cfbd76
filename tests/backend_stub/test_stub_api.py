"""The HTTP API, against a real stub process (see conftest.py)."""

import base64
import json
import re
import uuid
from typing import Any

import pytest
import requests

from backend_stub.app import DATA_DIR
from backend_stub.scenarios import load_scenario_file

DEMO = load_scenario_file(DATA_DIR / "demo.json")
JPEG = b"\xff\xd8\xff\xe0" + bytes(30_000)  # only the JPEG start is checked


def identity(persona_id: str) -> dict[str, Any]:
    persona = DEMO.personas[persona_id]
    return {
        "id_number": persona.holder.id_number,
        "document_number": persona.document.number,
        "name": persona.document.name,
        "birth_date": persona.document.birth_date.isoformat(),
    }


def application(persona_id: str, service: str = "renewal", **changes: Any) -> dict[str, Any]:
    body = identity(persona_id)
    del body["birth_date"]
    body.update(
        service=service,
        office="371500",
        kiosk_id="kiosk-01",
        photo_jpeg_b64=base64.b64encode(JPEG).decode(),
        delivery={"method": "post", "address": "山东省聊城市东昌府区柳园南路17号", "phone": "13806351037"},
        fee_cny=10,
    )
    return body | changes


def submit(api: requests.Session, body: dict[str, Any], key: str | None = None) -> requests.Response:
    headers = {"Idempotency-Key": key or str(uuid.uuid4())}
    return api.post(f"{api.base}/v1/applications", json=body, headers=headers, timeout=10)


def post(api: requests.Session, path: str, body: Any) -> requests.Response:
    return api.post(f"{api.base}{path}", json=body, timeout=10)


def assert_error(response: requests.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == code and isinstance(body["message"], str) and body["message"]
    return body


# --- health and auth ------------------------------------------------------------------------------


def test_health_needs_no_token(stub_url: str) -> None:
    response = requests.get(f"{stub_url}/v1/health", timeout=10)
    assert response.json() == {"status": "ok", "today": "2026-11-26", "version": "1"}


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": "Basic demo-kiosk-token"},
        {"Authorization": "Bearer "},
    ],
)
@pytest.mark.parametrize("path", ["/v1/eligibility", "/v1/licence-records/lookup", "/v1/applications"])
def test_v1_refuses_without_a_valid_token(stub_url: str, headers: dict[str, str], path: str) -> None:
    response = requests.post(f"{stub_url}{path}", data="not even json", headers=headers, timeout=10)
    assert_error(response, 401, "UNAUTHORISED")
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_reading_an_application_needs_a_token(stub_url: str) -> None:
    assert_error(requests.get(f"{stub_url}/v1/applications/x", timeout=10), 401, "UNAUTHORISED")


def test_unknown_paths_and_methods_answer_in_the_error_format(api: requests.Session) -> None:
    assert_error(api.get(f"{api.base}/v1/nothing", timeout=10), 404, "NOT_FOUND")
    not_allowed = api.delete(f"{api.base}/v1/health", timeout=10)
    assert_error(not_allowed, 405, "METHOD_NOT_ALLOWED")
    assert not_allowed.headers["Allow"] == "GET"  # RFC 9110


# --- lookup ---------------------------------------------------------------------------------------


def test_lookup_returns_the_record(api: requests.Session) -> None:
    response = post(api, "/v1/licence-records/lookup", identity("renewal-ok"))
    assert response.status_code == 200
    body = response.json()
    assert body["holder"]["name"] == "王建国" and body["holder"]["birth_date"] == "1985-03-12"
    assert set(body["holder"]) >= {
        "id_number",
        "surname_latin",
        "given_names_latin",
        "sex",
        "address",
        "phone",
    }
    assert body["licence"]["classes"] == ["C1"] and body["licence"]["valid_until"] == "2027-01-30"
    assert body["medical_certificate"] == {"issued": "2026-11-01", "fit": True}


def test_lookup_by_document_number_alone(api: requests.Session) -> None:
    query = {"id_number": None, "document_number": identity("lost-ok")["document_number"]}
    assert post(api, "/v1/licence-records/lookup", query).json()["holder"]["name"] == "萧婷"


@pytest.mark.parametrize(
    "query",
    [
        identity("renewal-no-licence"),
        {"id_number": "110105194912310021", "document_number": None, "name": None, "birth_date": None},
    ],
)
def test_lookup_without_a_licence(api: requests.Session, query: dict[str, Any]) -> None:
    assert_error(post(api, "/v1/licence-records/lookup", query), 404, "NO_LICENCE")


def test_lookup_never_shows_a_record_to_a_different_card(api: requests.Session) -> None:
    query = identity("renewal-ok") | {"name": "张三"}
    body = assert_error(post(api, "/v1/licence-records/lookup", query), 409, "IDENTITY_MISMATCH")
    assert "holder" not in body


def test_lookup_needs_a_number(api: requests.Session) -> None:
    assert_error(post(api, "/v1/licence-records/lookup", {"name": "王建国"}), 422, "INVALID_REQUEST")


# --- eligibility ----------------------------------------------------------------------------------


def test_eligibility_of_the_happy_renewal(api: requests.Session) -> None:
    response = post(
        api, "/v1/eligibility", identity("renewal-ok") | {"service": "renewal", "office": "371500"}
    )
    assert response.json() == {
        "service": "renewal",
        "outcome": "eligible",
        "reasons": [],
        "referrals": [],
        "notices": ["NEW_TERM_LONG"],
        "fee_cny": 10,
        "new_term": "long",
        "new_valid_from": "2027-01-31",
        "new_valid_until": None,
        "new_classes": ["C1"],
    }


def test_eligibility_reports_every_reason(api: requests.Session) -> None:
    body = post(
        api, "/v1/eligibility", identity("renewal-many") | {"service": "renewal", "office": "371500"}
    ).json()
    assert (body["outcome"], body["fee_cny"]) == ("ineligible", 0)
    assert body["reasons"] == ["TOO_EARLY", "UNHANDLED_VIOLATIONS", "MEDICAL_CERTIFICATE_MISSING"]


def test_eligibility_uses_the_stub_office_when_none_is_given(api: requests.Session) -> None:
    body = post(api, "/v1/eligibility", identity("transfer-in-local") | {"service": "transfer-in"}).json()
    assert body["reasons"] == ["ALREADY_LOCAL"]
    other = identity("transfer-in-local") | {"service": "transfer-in", "office": "370100"}
    assert post(api, "/v1/eligibility", other).json()["outcome"] == "eligible"


def test_eligibility_of_an_unknown_person(api: requests.Session) -> None:
    query = {"service": "lost", "id_number": "110105194912310021", "office": "371500"}
    body = post(api, "/v1/eligibility", query).json()
    assert (body["outcome"], body["reasons"], body["fee_cny"]) == ("ineligible", ["NO_LICENCE"], 0)


@pytest.mark.parametrize(
    "change",
    [
        {"service": "replace"},
        {"service": None},
        {"office": "37150"},
        {"office": 371500},
        {"extra": 1},
        {"name": 7},
    ],
)
def test_eligibility_refuses_bad_fields(api: requests.Session, change: dict[str, Any]) -> None:
    query = identity("renewal-ok") | {"service": "renewal"} | change
    assert_error(post(api, "/v1/eligibility", query), 422, "INVALID_REQUEST")


# --- applications ---------------------------------------------------------------------------------


def listed(api: requests.Session) -> list[dict[str, Any]]:
    return requests.get(f"{api.base}/_stub/applications", timeout=10).json()


def test_submission_is_received_once_per_key(api: requests.Session) -> None:
    key = str(uuid.uuid4())
    first = submit(api, application("renewal-ok"), key)
    again = submit(api, application("renewal-ok"), key)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    receipt = first.json()
    assert receipt["status"] == "received"
    assert re.fullmatch(r"371500-20261126-[0-9]{6}", receipt["application_id"])
    assert receipt["received_at"].startswith("2026-11-26T") and receipt["received_at"].endswith("+08:00")
    (row,) = listed(api)
    assert (row["application_id"], row["idempotency_key"], row["persona_id"]) == (
        receipt["application_id"],
        key,
        "renewal-ok",
    )
    assert row["photo_bytes"] == len(JPEG) and len(row["photo_sha256"]) == 64
    assert "photo_jpeg_b64" not in row["request"] and "photo" not in row


def test_a_submitted_application_can_be_read_back(api: requests.Session) -> None:
    receipt = submit(api, application("lost-ok", "lost")).json()
    response = api.get(f"{api.base}/v1/applications/{receipt['application_id']}", timeout=10)
    assert response.json() == receipt | {"service": "lost"}
    assert_error(api.get(f"{api.base}/v1/applications/371500-20261126-999999", timeout=10), 404, "NOT_FOUND")


def test_different_keys_are_different_applications(api: requests.Session) -> None:
    ids = {submit(api, application("damaged-ok", "damaged")).json()["application_id"] for _ in range(3)}
    assert len(ids) == 3 and len(listed(api)) == 3


def test_submission_needs_an_idempotency_key(api: requests.Session) -> None:
    response = api.post(f"{api.base}/v1/applications", json=application("renewal-ok"), timeout=10)
    assert_error(response, 400, "IDEMPOTENCY_KEY_MISSING")
    assert_error(submit(api, application("renewal-ok"), "x" * 201), 400, "IDEMPOTENCY_KEY_INVALID")
    assert listed(api) == []


def test_an_ineligible_submission_is_refused_with_every_reason(api: requests.Session) -> None:
    body = assert_error(submit(api, application("renewal-many")), 409, "INELIGIBLE")
    assert body["reasons"] == ["TOO_EARLY", "UNHANDLED_VIOLATIONS", "MEDICAL_CERTIFICATE_MISSING"]
    assert listed(api) == []


def test_a_referred_submission_goes_to_a_window(api: requests.Session) -> None:
    body = assert_error(submit(api, application("damaged-frequent", "damaged")), 409, "REFERRED")
    assert (body["reasons"], body["referrals"]) == ([], ["FREQUENT_REISSUE"])


def test_the_fee_must_match(api: requests.Session) -> None:
    body = assert_error(submit(api, application("lost-ok", "lost", fee_cny=0)), 409, "FEE_MISMATCH")
    assert body["fee_cny"] == 10


def test_an_unknown_person_cannot_submit(api: requests.Session) -> None:
    body = application("renewal-ok", id_number="110105194912310021", document_number="X0000000")
    assert assert_error(submit(api, body), 409, "INELIGIBLE")["reasons"] == ["NO_LICENCE"]


@pytest.mark.parametrize(
    ("photo", "message"),
    [
        ("", None),  # an empty field is a schema error
        ("!!!not base64!!!", "not valid base64"),
        ("QUJD\nREVG", "not valid base64"),
        (base64.b64encode(b"GIF89a....").decode(), "not a JPEG"),
        (base64.b64encode(b"\xff\xd8\xff" + bytes(2 * 1024 * 1024)).decode(), None),
    ],
)
def test_bad_photos_are_refused(api: requests.Session, photo: str, message: str | None) -> None:
    response = submit(api, application("renewal-ok", photo_jpeg_b64=photo))
    if message:
        assert message in assert_error(response, 422, "PHOTO_INVALID")["message"]
    else:
        assert_error(response, 422, "INVALID_REQUEST")
    assert listed(api) == []


def test_a_photo_of_exactly_2_mb_is_accepted(api: requests.Session) -> None:
    photo = b"\xff\xd8\xff" + bytes(2 * 1024 * 1024 - 3)
    response = submit(api, application("renewal-ok", photo_jpeg_b64=base64.b64encode(photo).decode()))
    assert response.status_code == 201


@pytest.mark.parametrize(
    "delivery",
    [
        {"method": "post", "address": None, "phone": "13806351037"},
        {"method": "post", "address": "  ", "phone": "13806351037"},
        {"method": "drone", "address": "x", "phone": "13806351037"},
        {"method": "collect", "address": None, "phone": "call me"},
        {"method": "collect", "phone": "13806351037", "note": "x"},
    ],
)
def test_bad_delivery_is_refused(api: requests.Session, delivery: dict[str, Any]) -> None:
    assert_error(submit(api, application("renewal-ok", delivery=delivery)), 422, "INVALID_REQUEST")


def test_collect_needs_no_address(api: requests.Session) -> None:
    delivery = {"method": "collect", "address": None, "phone": "13806351037"}
    assert submit(api, application("renewal-ok", delivery=delivery)).status_code == 201


def test_declarations_are_kept_with_the_application(api: requests.Session) -> None:
    declared = ["DAMAGE_DECLARED", "OLD_CARD_HANDED_IN"]
    assert submit(api, application("damaged-ok", "damaged", declarations=declared)).status_code == 201
    assert submit(api, application("damaged-ok", "damaged")).status_code == 201
    assert [row["request"]["declarations"] for row in listed(api)] == [declared, []]


@pytest.mark.parametrize(
    "declarations",
    [["SOMETHING_ELSE"], "LOSS_DECLARED", [1], ["LOSS_DECLARED"] * 9, None],
)
def test_off_contract_declarations_are_refused(api: requests.Session, declarations: Any) -> None:
    response = submit(api, application("lost-ok", "lost", declarations=declarations))
    assert_error(response, 422, "INVALID_REQUEST")


def test_an_oversized_body_is_refused_before_parsing(api: requests.Session) -> None:
    response = api.post(f"{api.base}/v1/eligibility", data=b"x" * (4 * 1024 * 1024), timeout=30)
    assert_error(response, 413, "TOO_LARGE")


def test_a_chunked_body_is_refused(api: requests.Session) -> None:
    response = api.post(f"{api.base}/v1/eligibility", data=iter([b"{}"]), timeout=10)
    assert_error(response, 411, "LENGTH_REQUIRED")


@pytest.mark.parametrize(
    "data",
    [
        b"[" * 100_000 + b"]" * 100_000,  # deeper than the JSON parser's recursion limit
        json.dumps({"service": "renewal", "id_number": "1", "name": "王" * 1_000_000}).encode(),
        b'{"service": "renewal", "id_number": "1", "fee": ' + b"9" * 5000 + b"}",
    ],
    ids=["deep", "huge-string", "huge-number"],
)
def test_monstrous_bodies_are_refused_without_a_500(api: requests.Session, data: bytes) -> None:
    headers = {"Content-Type": "application/json"}
    response = api.post(f"{api.base}/v1/eligibility", data=data, headers=headers, timeout=30)
    assert 400 <= response.status_code < 500 and isinstance(response.json()["code"], str)
