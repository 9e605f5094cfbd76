"""The client against the real stub: lookups, eligibility, submission, and classified failures."""

from __future__ import annotations

import socket
from dataclasses import replace
from datetime import date

import pytest
import requests

from flows.assistance import AssistanceRequest, AssistanceTicket
from flows.session import Delivery, Identity, MedicalCertificate, Photo, Receipt
from kiosk.api.client import BackOfficeClient
from kiosk.api.errors import ProtocolError, Rejected, Unauthorised, Unavailable
from kiosk.config import BackOffice
from tests.conftest import DEMO_TOKEN, inject_fault, received_applications

WANG = Identity("371502198503120017", "E12345678", "王建国", date(1985, 3, 12))


def client(url: str, token: str = DEMO_TOKEN) -> BackOfficeClient:
    return BackOfficeClient(BackOffice(url=url, token=token, connect_timeout_s=2, read_timeout_s=5),
                            office="371500", kiosk_id="test-kiosk")


def persona_identity(url: str, persona: str) -> Identity:
    holder = requests.get(f"{url}/_stub/personas/{persona}", timeout=5).json()["holder"]
    return Identity(holder["id_number"], "X", holder["name"], date.fromisoformat(holder["birth_date"]))


def test_lookup_and_eligibility_for_a_renewal(stub_url: str) -> None:
    api = client(stub_url)
    identity = persona_identity(stub_url, "renewal-ok")
    record = api.lookup(identity)
    assert record is not None and record.holder_name == identity.name
    assert record.medical_certificate == MedicalCertificate(date(2026, 11, 1), fit=True)
    eligibility = api.eligibility("renewal", identity)
    assert eligibility.outcome == "eligible" and eligibility.fee_cny == 10


def test_unknown_person_has_no_record_and_is_ineligible(stub_url: str) -> None:
    api = client(stub_url)
    stranger = replace(WANG, id_number="110101199001011237", document_number="Z00000000")
    assert api.lookup(stranger) is None
    assert api.eligibility("renewal", stranger).reasons == ("NO_LICENCE",)


def submit(api: BackOfficeClient, identity: Identity, photo: Photo, key: str) -> Receipt:
    fields = api.application_fields("renewal", identity, Delivery("collect", "13800000000"), 10, None)
    return api.submit_application(fields, api.upload_photo(photo.jpeg), key)


def test_submission_with_the_same_key_is_received_once(stub_url: str, photo: Photo) -> None:
    api = client(stub_url)
    identity = persona_identity(stub_url, "renewal-ok")
    first = submit(api, identity, photo, "key-1")
    again = submit(api, identity, photo, "key-1")
    assert first == again
    received = requests.get(f"{stub_url}/_stub/applications", timeout=5).json()
    assert [app["application_id"] for app in received] == [first.application_id]


def test_declarations_go_with_the_application(stub_url: str, photo: Photo) -> None:
    api = client(stub_url)
    identity = persona_identity(stub_url, "damaged-ok")
    fields = api.application_fields("damaged", identity, Delivery("collect", "13800000000"), 10, None,
                                    declarations=("DAMAGE_DECLARED", "OLD_CARD_HANDED_IN"))
    api.submit_application(fields, api.upload_photo(photo.jpeg), "key-declared")
    (application,) = received_applications(stub_url)
    assert application["request"]["declarations"] == ["DAMAGE_DECLARED", "OLD_CARD_HANDED_IN"]  # type: ignore[index]


def assistance_requests(url: str) -> list[dict[str, object]]:
    return list(requests.get(f"{url}/_stub/assistance", timeout=5).json())


def test_assistance_gets_a_ticket(stub_url: str) -> None:
    api = client(stub_url)
    priority = api.request_assistance(AssistanceRequest("priority", service="lost"))
    assert (priority.kind, priority.status, priority.window) == ("priority", "queued", "1")
    home = api.request_assistance(AssistanceRequest("home_service", phone="13800000000"))
    assert (home.status, home.window) == ("scheduled", None)
    rows = assistance_requests(stub_url)
    assert [(row["request_id"], row["kiosk_id"], row["office"]) for row in rows] == [
        (priority.request_id, "test-kiosk", "371500"), (home.request_id, "test-kiosk", "371500")]


def test_a_lost_assistance_answer_is_retried_without_a_second_request(stub_url: str) -> None:
    inject_fault(stub_url, "POST", "/v1/assistance", drop=True)
    ticket = client(stub_url).request_assistance(AssistanceRequest("agent"))
    assert [row["request_id"] for row in assistance_requests(stub_url)] == [ticket.request_id]


def test_a_home_visit_without_a_phone_is_rejected(stub_url: str) -> None:
    with pytest.raises(Rejected) as rejection:
        client(stub_url).request_assistance(AssistanceRequest("home_service"))
    assert rejection.value.codes[0] == "INVALID_REQUEST"


def test_an_answer_for_another_kind_is_a_protocol_error(stub_url: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    api = client(stub_url)
    answer = {"request_id": "AS-1", "kind": "staff", "status": "queued", "window": None}
    monkeypatch.setattr(api, "_call", lambda *args, **kwargs: answer)
    assert api.request_assistance(AssistanceRequest("staff")) == AssistanceTicket("AS-1", "staff", "queued")
    with pytest.raises(ProtocolError):
        api.request_assistance(AssistanceRequest("home_service", phone="13800000000"))


def test_ineligible_submission_is_rejected_with_codes(stub_url: str, photo: Photo) -> None:
    api = client(stub_url)
    identity = persona_identity(stub_url, "renewal-many")
    with pytest.raises(Rejected) as rejection:
        submit(api, identity, photo, "key-2")
    assert "TOO_EARLY" in rejection.value.codes


def test_a_wrong_token_is_unauthorised(stub_url: str) -> None:
    with pytest.raises(Unauthorised):
        client(stub_url, token="wrong").eligibility("renewal", WANG)


def test_nobody_listening_is_unavailable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # bound but not listening: connections are refused
        with pytest.raises(Unavailable):
            client(f"http://127.0.0.1:{port}").eligibility("renewal", WANG)


def test_tls_is_verified_with_the_configured_bundle_and_client_certificate(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.api.client import _new_session
    plain = _new_session(BackOffice(url="https://example.invalid"))
    assert plain.verify is True and plain.cert is None
    bundle, cert = str(tmp_path / "ca.pem"), str(tmp_path / "kiosk.pem")
    configured = _new_session(BackOffice(url="https://example.invalid", ca_bundle=bundle, client_cert=cert,
                                         token="t0ken"))
    assert configured.verify == bundle and configured.cert == cert
    assert configured.headers["Authorization"] == "Bearer t0ken"


def test_logs_name_routes_not_ids(stub_url: str, caplog: pytest.LogCaptureFixture) -> None:
    api = client(stub_url)
    identity = persona_identity(stub_url, "renewal-ok")
    with caplog.at_level("INFO", logger="kiosk.api"):
        api.eligibility("renewal", identity)
        with pytest.raises(Rejected):
            api._call("GET", "/v1/applications/371500-20261126-999999")
    text = caplog.text
    assert "/v1/eligibility" in text and "/v1/applications/:id" in text
    assert "999999" not in text and DEMO_TOKEN not in text and identity.id_number not in text
