"""The opt-in Prometheus endpoint, scraped over HTTP and parsed as Prometheus would: the heartbeat
report's figures (built by kiosk/heartbeat.py itself), on loopback only."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from kiosk.heartbeat import app_version, heartbeat_report
from kiosk.metrics import MetricsServer
from kiosk.store.outbox import OutboxStats

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def report(**extra: Any) -> dict[str, Any]:
    devices = {"card_reader": "online", "camera": "hwError", "printer": "userError"}
    return heartbeat_report("kiosk-07", devices, OutboxStats(depth=3, oldest_age_s=42.5, rejected=1)) | extra


@pytest.fixture
def serve() -> Iterator[Any]:
    servers: list[MetricsServer] = []

    def start(snapshot: Any, host: str = "127.0.0.1") -> MetricsServer:
        servers.append(MetricsServer(snapshot, port=0, host=host))
        return servers[-1]
    yield start
    for server in servers:
        server.close()


def scrape(server: MetricsServer) -> Samples:
    response = requests.get(f"http://127.0.0.1:{server.port}/metrics", timeout=5)
    response.raise_for_status()
    return {(sample.name, frozenset(sample.labels.items())): sample.value
            for family in text_string_to_metric_families(response.text) for sample in family.samples}


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples[(name, frozenset(labels.items()))]


def test_the_heartbeat_figures_are_scraped(serve) -> None:  # type: ignore[no-untyped-def]
    sessions = {"submitted": 12, "cancelled": 2, "timed_out": 1}
    samples = scrape(serve(lambda: report(uptime_s=3600.5, sessions=sessions)))
    assert value(samples, "kiosk_info", kiosk_id="kiosk-07", version=app_version()) == 1
    assert value(samples, "kiosk_device_state", device="card_reader", state="online") == 1
    assert value(samples, "kiosk_device_state", device="card_reader", state="hwError") == 0
    assert value(samples, "kiosk_device_state", device="camera", state="hwError") == 1
    assert value(samples, "kiosk_device_state", device="camera", state="online") == 0
    # Every XFS state of every device is there (0 until it happens), and an unlisted one is not lost.
    assert sum(1 for name, labels in samples if name == "kiosk_device_state"
               and ("device", "camera") in labels) == 6
    assert value(samples, "kiosk_device_state", device="printer", state="userError") == 1
    assert value(samples, "kiosk_outbox_depth") == 3
    assert value(samples, "kiosk_outbox_oldest_age_seconds") == 42.5
    assert value(samples, "kiosk_outbox_rejected") == 1
    assert value(samples, "kiosk_uptime_seconds") == 3600.5
    assert value(samples, "kiosk_sessions_finished_total", outcome="submitted") == 12
    assert value(samples, "kiosk_sessions_finished_total", outcome="referred") == 0  # known before it happens
    assert value(samples, "kiosk_sessions_finished_total", outcome="timed_out") == 1


def test_each_scrape_reads_a_fresh_report_and_nothing_else(serve) -> None:  # type: ignore[no-untyped-def]
    reports: list[dict[str, Any] | None] = [None, report(), report() | {"outbox": {"depth": 0,
                                                                                   "oldest_age_s": None,
                                                                                   "rejected": 0}}]
    server = serve(lambda: reports.pop(0))
    assert scrape(server) == {}  # before the first heartbeat: no made-up figures
    assert value(scrape(server), "kiosk_outbox_depth") == 3
    emptied = scrape(server)
    assert value(emptied, "kiosk_outbox_depth") == 0
    assert not any(name == "kiosk_outbox_oldest_age_seconds" for name, _labels in emptied)
    # A fresh registry: none of the process-wide collectors (python_gc_*, process_*) leak in.
    assert all(name.startswith("kiosk_") for name, _labels in scrape(serve(report)))


def test_a_failing_report_leaves_the_endpoint_up(serve, caplog) -> None:  # type: ignore[no-untyped-def]
    def broken() -> dict[str, Any]:
        raise RuntimeError("store closed")
    server = serve(broken)
    assert scrape(server) == {}
    assert "could not be read" in caplog.text


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "localhost", "::", "kiosk.example"])
def test_only_loopback_is_served(host: str) -> None:
    with pytest.raises(ValueError, match="loopback"):
        MetricsServer(report, port=0, host=host)


def test_closing_stops_the_endpoint(serve) -> None:  # type: ignore[no-untyped-def]
    server = serve(report)
    scrape(server)
    server.close()
    with pytest.raises(requests.ConnectionError):
        scrape(server)
