"""Fixtures for the stub back office: a real server process on a free loopback port."""

from collections.abc import Callable, Iterator

import pytest
import requests

from tests.backend_stub.stub_harness import TOKEN, RunningStub, start_stub


@pytest.fixture(scope="session")
def stub_server() -> Iterator[RunningStub]:
    stub = start_stub("--today", "2026-11-26")
    yield stub
    assert stub.stop() == 0


@pytest.fixture
def stub_url(stub_server: RunningStub) -> Iterator[str]:
    """The shared server with nothing left over from earlier tests (applications, photos, payments,
    heartbeats, faults), and nothing left behind for later ones."""
    requests.post(f"{stub_server.url}/_stub/reset", timeout=10).raise_for_status()
    yield stub_server.url
    requests.post(f"{stub_server.url}/_stub/reset", timeout=10).raise_for_status()


@pytest.fixture
def api(stub_url: str) -> Iterator[requests.Session]:
    """A session that sends the kiosk's token; use `api.base` for the URL."""
    with requests.Session() as session:
        session.headers["Authorization"] = f"Bearer {TOKEN}"
        session.base = stub_url  # type: ignore[attr-defined]
        yield session


@pytest.fixture
def launch_stub() -> Iterator[Callable[..., RunningStub]]:
    """Start extra stubs with their own options; all are stopped at the end of the test."""
    started: list[RunningStub] = []

    def launch(*args: str) -> RunningStub:
        started.append(start_stub(*args))
        return started[-1]

    yield launch
    for stub in started:
        stub.stop()
