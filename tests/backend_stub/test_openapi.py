"""The committed OpenAPI document (docs/openapi.json) is what the stub generates and serves.

When this fails after an intended API change, regenerate the document:
    python -m backend_stub.openapi > docs/openapi.json
"""

import json
from pathlib import Path
from typing import Any

import requests

from backend_stub.openapi import openapi_document, openapi_text
from tests.backend_stub.stub_harness import RunningStub

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"
REGENERATE = "docs/openapi.json is stale: run `python -m backend_stub.openapi > docs/openapi.json`"
OPERATIONS = {
    ("get", "/v1/health"): "Health",
    ("post", "/v1/licence-records/lookup"): "LicenceRecord",
    ("post", "/v1/eligibility"): "EligibilityAnswer",
    ("post", "/v1/applications"): "Receipt",
    ("get", "/v1/applications/{application_id}"): "ApplicationStatus",
    ("post", "/v1/photos"): "PhotoReceipt",
    ("post", "/v1/payments"): "PaymentCreated",
    ("get", "/v1/payments/{payment_id}"): "PaymentState",
    ("post", "/v1/heartbeat"): "HeartbeatAck",
    ("post", "/v1/assistance"): "AssistanceTicket",
}


def committed() -> dict[str, Any]:
    return json.loads(COMMITTED.read_text(encoding="utf-8"))


def operations(document: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(method, path): op for path, item in document["paths"].items() for method, op in item.items()}


def test_the_committed_document_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == openapi_text(), REGENERATE


def test_the_stub_serves_the_committed_document(stub_server: RunningStub) -> None:
    served = requests.get(f"{stub_server.url}/openapi.json", timeout=10).json()
    assert served == committed(), REGENERATE


def test_title_version_and_only_the_v1_operations() -> None:
    document = openapi_document()
    assert (document["info"]["title"], document["info"]["version"]) == (
        "Licence back office (kiosk API)",
        "1.0.0",
    )
    assert set(operations(document)) == set(OPERATIONS)


def test_every_operation_has_a_response_model_and_documented_errors() -> None:
    document = openapi_document()
    for key, op in operations(document).items():
        success = op["responses"]["201" if "201" in op["responses"] else "200"]
        assert success["content"]["application/json"]["schema"] == {
            "$ref": f"#/components/schemas/{OPERATIONS[key]}"
        }
        errors = {status: body for status, body in op["responses"].items() if status >= "400"}
        refs = {
            body["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
            for body in errors.values()
        }
        assert refs <= {"ErrorBody", "Refusal"}, key  # never FastAPI's {"detail": ...}
        if key != ("get", "/v1/health"):
            assert op["security"] == [{"kioskToken": []}] and {"401", "422"} <= set(errors), key
    assert "HTTPValidationError" not in document["components"]["schemas"]
    assert document["components"]["securitySchemes"]["kioskToken"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "the kiosk's token: `Authorization: Bearer <token>`",
    }


def test_refusals_and_missing_records_are_documented() -> None:
    ops = operations(openapi_document())
    assert ops[("post", "/v1/applications")]["responses"]["409"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Refusal"
    }
    for key in [
        ("post", "/v1/payments"),
        ("get", "/v1/payments/{payment_id}"),
        ("post", "/v1/licence-records/lookup"),
    ]:
        assert "404" in ops[key]["responses"], key
