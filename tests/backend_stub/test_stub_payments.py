"""Fee payments: creation by key, the personas' scripted answers, QA control, and the application check."""

import re
import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
import requests

from backend_stub.clock import CHINA_TIME
from backend_stub.payments import TIME_TO_PAY, on_read, settled
from tests.backend_stub.test_stub_api import DEMO, application, assert_error, listed, submit


def payment_body(persona_id: str, amount: int = 10, service: str = "renewal") -> dict[str, Any]:
    persona = DEMO.personas[persona_id]
    return {
        "service": service,
        "id_number": persona.holder.id_number,
        "document_number": persona.document.number,
        "amount_cny": amount,
        "kiosk_id": "kiosk-01",
    }


def create(api: requests.Session, body: dict[str, Any], key: str | None = None) -> requests.Response:
    headers = {"Idempotency-Key": key or str(uuid.uuid4())}
    return api.post(f"{api.base}/v1/payments", json=body, headers=headers, timeout=10)


def status(api: requests.Session, payment_id: str) -> dict[str, Any]:
    response = api.get(f"{api.base}/v1/payments/{payment_id}", timeout=10)
    assert response.status_code == 200, response.text
    return response.json()


def qa_set(api: requests.Session, payment_id: str, new_status: str) -> requests.Response:
    return requests.post(f"{api.base}/_stub/payments/{payment_id}", json={"status": new_status}, timeout=10)


def paid_payment(api: requests.Session, persona_id: str = "renewal-ok", amount: int = 10) -> str:
    payment_id = create(api, payment_body(persona_id, amount)).json()["payment_id"]
    assert status(api, payment_id)["status"] == "paid"
    return payment_id


# --- creation -------------------------------------------------------------------------------------


def test_a_payment_is_created_once_per_key(api: requests.Session) -> None:
    key = str(uuid.uuid4())
    first, again = create(api, payment_body("renewal-ok"), key), create(api, payment_body("renewal-ok"), key)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    body = first.json()
    assert set(body) == {"payment_id", "status", "qr_payload", "amount_cny", "expires_at"}
    assert (body["status"], body["amount_cny"]) == ("pending", 10)
    assert body["qr_payload"] == f"stubpay://pay?id={body['payment_id']}&amount=10"
    created = datetime.fromisoformat(body["expires_at"]) - TIME_TO_PAY
    assert created.date().isoformat() == "2026-11-26" and created.utcoffset() == timedelta(hours=8)
    assert len(requests.get(f"{api.base}/_stub/payments", timeout=10).json()) == 1


def test_a_repeated_key_gets_the_first_answer_even_after_payment(api: requests.Session) -> None:
    key = str(uuid.uuid4())
    first = create(api, payment_body("renewal-ok"), key).json()
    status(api, first["payment_id"])
    assert create(api, payment_body("lost-ok"), key).json() == first


def test_a_payment_needs_a_key(api: requests.Session) -> None:
    response = api.post(f"{api.base}/v1/payments", json=payment_body("renewal-ok"), timeout=10)
    assert_error(response, 400, "IDEMPOTENCY_KEY_MISSING")


@pytest.mark.parametrize("persona_id", ["renewal-no-licence", None])
def test_nobody_on_record_cannot_pay(api: requests.Session, persona_id: str | None) -> None:
    body = payment_body(persona_id or "renewal-ok")
    if persona_id is None:
        body |= {"id_number": "110105194912310021", "document_number": None}
    assert_error(create(api, body), 404, "NO_LICENCE")


@pytest.mark.parametrize(
    "change",
    [{"amount_cny": 0}, {"amount_cny": "10"}, {"service": "fly"}, {"kiosk_id": ""}, {"tip": 1}],
)
def test_bad_payment_bodies_are_refused(api: requests.Session, change: dict[str, Any]) -> None:
    assert_error(create(api, payment_body("renewal-ok") | change), 422, "INVALID_REQUEST")


# --- scripted answers and QA control --------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona_id", "expected"),
    [("renewal-ok", "paid"), ("renewal-pay-declines", "declined"), ("renewal-pay-never", "pending")],
)
def test_the_first_read_gives_the_personas_answer(
    api: requests.Session, persona_id: str, expected: str
) -> None:
    payment_id = create(api, payment_body(persona_id)).json()["payment_id"]
    first, second = status(api, payment_id), status(api, payment_id)
    assert first == second
    assert (first["payment_id"], first["status"], first["amount_cny"]) == (payment_id, expected, 10)
    assert (first["paid_at"] is not None) == (expected == "paid")


def test_an_unknown_payment_is_a_404(api: requests.Session) -> None:
    assert_error(api.get(f"{api.base}/v1/payments/pay-nothing", timeout=10), 404, "NOT_FOUND")


def test_qa_sets_a_status_and_the_script_is_over(api: requests.Session) -> None:
    payment_id = create(api, payment_body("renewal-ok")).json()["payment_id"]
    assert qa_set(api, payment_id, "declined").json()["status"] == "declined"
    assert status(api, payment_id) == {
        "payment_id": payment_id,
        "status": "declined",
        "amount_cny": 10,
        "paid_at": None,
    }
    qa_set(api, payment_id, "pending")
    assert status(api, payment_id)["status"] == "pending"  # the persona's "pays" does not run again
    qa_set(api, payment_id, "paid")
    assert re.fullmatch(r"2026-11-26T[0-9:]{8}\+08:00", status(api, payment_id)["paid_at"])
    (listed_payment,) = requests.get(f"{api.base}/_stub/payments", timeout=10).json()
    assert (listed_payment["payment_id"], listed_payment["persona_id"]) == (payment_id, "renewal-ok")


def test_qa_control_refuses_unknown_payments_and_statuses(api: requests.Session) -> None:
    assert_error(qa_set(api, "pay-nothing", "paid"), 404, "NOT_FOUND")
    payment_id = create(api, payment_body("renewal-ok")).json()["payment_id"]
    assert_error(qa_set(api, payment_id, "refunded"), 422, "INVALID_REQUEST")


NOW = datetime(2026, 11, 26, 10, 0, tzinfo=CHINA_TIME)


def stored(behaviour: str, status: str = "pending", scripted: int = 1) -> dict[str, Any]:
    expires = (NOW + TIME_TO_PAY).isoformat()
    return {"status": status, "behaviour": behaviour, "scripted": scripted, "expires_at": expires}


@pytest.mark.parametrize(
    ("row", "at", "changes"),
    [
        (stored("pays"), NOW, {"status": "paid", "paid_at": NOW.isoformat(), "scripted": 0}),
        (stored("declines"), NOW, {"status": "declined", "paid_at": None, "scripted": 0}),
        (stored("never"), NOW, {"status": "pending", "paid_at": None, "scripted": 0}),
        (stored("never", scripted=0), NOW, {}),
        (stored("pays"), NOW + TIME_TO_PAY + timedelta(seconds=1), {"status": "expired", "scripted": 0}),
        (stored("pays", status="paid", scripted=0), NOW + timedelta(days=1), {}),
    ],
    ids=["pays", "declines", "never", "after-script", "expires", "paid-stays"],
)
def test_what_a_status_read_changes(row: dict[str, Any], at: datetime, changes: dict[str, Any]) -> None:
    assert on_read(row, at) == changes


def test_qa_pending_gives_a_fresh_time_to_pay() -> None:
    assert settled("pending", NOW)["expires_at"] == (NOW + TIME_TO_PAY).isoformat()
    assert "expires_at" not in settled("expired", NOW)


# --- a payment on the application -----------------------------------------------------------------


def test_an_application_with_a_paid_payment(api: requests.Session) -> None:
    payment_id = paid_payment(api)
    assert submit(api, application("renewal-ok", payment_id=payment_id)).status_code == 201
    assert listed(api)[0]["payment_id"] == payment_id


def test_a_payment_pays_for_one_application_only(api: requests.Session) -> None:
    payment_id = paid_payment(api)
    key = str(uuid.uuid4())
    first = submit(api, application("renewal-ok", payment_id=payment_id), key)
    assert submit(api, application("renewal-ok", payment_id=payment_id), key).json() == first.json()
    again = submit(api, application("renewal-ok", payment_id=payment_id))
    assert "already" in assert_error(again, 409, "PAYMENT_NOT_PAID")["message"]


@pytest.mark.parametrize(
    "case", ["pending", "declined", "expired", "unknown", "other-person", "other-amount"]
)
def test_an_application_with_an_unpaid_payment_is_refused(api: requests.Session, case: str) -> None:
    if case in ("pending", "declined", "expired"):
        payment_id = create(api, payment_body("renewal-ok")).json()["payment_id"]
        if case != "pending":
            qa_set(api, payment_id, case)
    elif case == "unknown":
        payment_id = "pay-nothing"
    else:
        persona, amount = ("lost-ok", 10) if case == "other-person" else ("renewal-ok", 20)
        payment_id = paid_payment(api, persona, amount)
    assert_error(submit(api, application("renewal-ok", payment_id=payment_id)), 409, "PAYMENT_NOT_PAID")
    assert listed(api) == []


def test_eligibility_is_checked_before_the_payment(api: requests.Session) -> None:
    body = application("renewal-many", payment_id="pay-nothing")
    assert_error(submit(api, body), 409, "INELIGIBLE")
