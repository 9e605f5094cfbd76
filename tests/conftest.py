"""Shared fixtures: a real stub back office on loopback, and Qt offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
import requests

# Before anything imports Qt: render offscreen with the software scene graph.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")  # as the kiosk: pytest-qt makes the app first

from kiosk.stub_process import StubProcess  # noqa: E402

if TYPE_CHECKING:
    from flows.session import Photo

DEMO_TOKEN = "demo-kiosk-token"


@pytest.fixture(scope="session")
def stub_server() -> Iterator[StubProcess]:
    """One real stub process for the whole run (started on a free port, stopped at the end)."""
    with StubProcess() as stub:
        yield stub


@pytest.fixture
def stub_url(stub_server: StubProcess) -> str:
    """The stub's URL, with its received applications cleared so tests never see each other's."""
    requests.post(f"{stub_server.url}/_stub/reset", timeout=5).raise_for_status()
    return stub_server.url


@pytest.fixture(scope="session")
def photo() -> Photo:
    """A small but real JPEG licence photo."""
    import cv2
    import numpy as np

    from flows.session import Photo
    ok, encoded = cv2.imencode(".jpg", np.full((378, 260, 3), 240, np.uint8))
    assert ok
    return Photo(encoded.tobytes(), 260, 378)


def inject_fault(url: str, method: str, path: str, **fault: object) -> None:
    """Arm the stub's fault injection for the next matching call(s) (DESIGN: QA fault controls)."""
    body = {"method": method, "path": path, **fault}
    requests.post(f"{url}/_stub/faults", json=body, timeout=5).raise_for_status()


def received_applications(url: str) -> list[dict[str, object]]:
    return list(requests.get(f"{url}/_stub/applications", timeout=5).json())
