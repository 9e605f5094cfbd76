"""The interactive API docs work with no network: every asset they name is served by the stub itself."""

import re

import pytest
import requests

from tests.backend_stub.stub_harness import RunningStub

# src="…", href="…", and the OpenAPI document: Swagger UI's `url: '…'`, ReDoc's spec-url="…".
REFERENCE = re.compile(r"""(?:src|href|spec-url)\s*=\s*["']([^"']+)["']|\burl:\s*["']([^"']+)["']""")
ABSOLUTE = re.compile(r"""(?:https?:)?//[^\s"'<>)]+""")


def references(page: str) -> list[str]:
    return [first or second for first, second in REFERENCE.findall(page)]


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_a_docs_page_loads_nothing_from_outside(stub_server: RunningStub, path: str) -> None:
    response = requests.get(f"{stub_server.url}{path}", timeout=10)
    assert response.status_code == 200 and "text/html" in response.headers["content-type"]
    foreign = [url for url in ABSOLUTE.findall(response.text) if not url.startswith(stub_server.url)]
    assert foreign == [], f"{path} refers to other origins"
    local = references(response.text)
    assert any(url.endswith(".js") for url in local) and "/openapi.json" in local
    for url in local:
        assert url.startswith("/"), url
        asset = requests.get(f"{stub_server.url}{url}", timeout=10)
        assert asset.status_code == 200 and asset.content, url
    assets = [url for url in local if url != "/openapi.json"]
    assert all(url.startswith("/static") for url in assets), assets


def test_swagger_ui_does_not_call_the_online_validator(stub_server: RunningStub) -> None:
    page = requests.get(f"{stub_server.url}/docs", timeout=10).text
    assert '"validatorUrl": null' in page


def test_the_served_document_has_only_the_kiosk_api(stub_server: RunningStub) -> None:
    paths = requests.get(f"{stub_server.url}/openapi.json", timeout=10).json()["paths"]
    assert paths and all(path.startswith("/v1/") for path in paths)
