"""Opt-in Prometheus endpoint on loopback: the heartbeat report's figures (kiosk/heartbeat.py), for fleets
that already run Prometheus; a local agent scrapes it and sends outbound, so nothing listens on the hall's
network. Off by default (`[metrics] enabled`).

The figures are read from `snapshot`, a report of the heartbeat's shape, at each scrape on the server's own
thread: it must return a report already built (never query the store from here) or None before the first.
"""

from __future__ import annotations

import ipaddress
import logging
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from wsgiref.simple_server import WSGIServer

from prometheus_client import CollectorRegistry, start_http_server
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, InfoMetricFamily, Metric

from drivers.device_state import BUSY, HW_ERROR, NO_DEVICE, OFFLINE, ONLINE, STARTING
from flows.outcome import CANCELLED, FAILED, INELIGIBLE, REFERRED, SUBMITTED

log = logging.getLogger("kiosk.metrics")
Snapshot = Callable[[], Mapping[str, Any] | None]
# Every state and outcome is exported from the first scrape (0 until it happens): a series that appears
# late loses its first change to rate() and to alerts such as `kiosk_device_state{state="hwError"} == 1`.
DEVICE_STATES = (ONLINE, OFFLINE, NO_DEVICE, HW_ERROR, BUSY, STARTING)
OUTCOMES = (SUBMITTED, INELIGIBLE, REFERRED, CANCELLED, FAILED)


class HeartbeatCollector:
    """Turns one heartbeat report into metric families at each scrape."""

    def __init__(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot

    def collect(self) -> Iterator[Metric]:
        try:
            report = self._snapshot()
        except Exception:  # noqa: BLE001 - a bad report must not take the endpoint down with it
            log.warning("metrics: the heartbeat report could not be read", exc_info=True)
            return
        if report is None:  # before the first heartbeat: an empty page, not made-up zeros
            return
        yield InfoMetricFamily("kiosk", "Which kiosk and which release answers.",
                               value={"kiosk_id": str(report.get("kiosk_id", "")),
                                      "version": str(report.get("version", ""))})
        yield _device_states(report.get("devices", {}))
        yield from _outbox(report.get("outbox", {}))
        if "uptime_s" in report:
            yield GaugeMetricFamily("kiosk_uptime_seconds", "Seconds since the kiosk started.",
                                    value=float(report["uptime_s"]))
        if "sessions" in report:
            yield _sessions(report["sessions"])


def _device_states(devices: Mapping[str, Any]) -> GaugeMetricFamily:
    family = GaugeMetricFamily("kiosk_device_state", "1 for each device's current CEN/XFS state, else 0.",
                               labels=["device", "state"])
    for device, status in sorted(devices.items()):
        current = status.get("state") if isinstance(status, Mapping) else status
        for state in (*DEVICE_STATES, *([current] if current not in DEVICE_STATES else [])):
            family.add_metric([device, str(state)], 1.0 if state == current else 0.0)
    return family


def _outbox(outbox: Mapping[str, Any]) -> Iterator[GaugeMetricFamily]:
    yield GaugeMetricFamily("kiosk_outbox_depth", "Confirmed applications not yet acknowledged.",
                            value=float(outbox.get("depth", 0)))
    if outbox.get("oldest_age_s") is not None:  # absent, not 0, when nothing waits
        yield GaugeMetricFamily("kiosk_outbox_oldest_age_seconds", "Age of the oldest waiting application.",
                                value=float(outbox["oldest_age_s"]))
    yield GaugeMetricFamily("kiosk_outbox_rejected", "Applications the back office refused for good.",
                            value=float(outbox.get("rejected", 0)))


def _sessions(sessions: Mapping[str, Any]) -> CounterMetricFamily:
    family = CounterMetricFamily("kiosk_sessions_finished", "Sessions finished since start, by outcome.",
                                 labels=["outcome"])
    for outcome in sorted({*OUTCOMES, *sessions}):
        family.add_metric([outcome], float(sessions.get(outcome, 0)))
    return family


class MetricsServer:
    """Serves /metrics from a daemon thread on a loopback address; `close` stops it."""

    def __init__(self, snapshot: Snapshot, port: int, host: str = "127.0.0.1") -> None:
        if not _is_loopback(host):
            raise ValueError(f"metrics host {host!r}: only a loopback address is allowed")
        self.registry = CollectorRegistry()  # a fresh one: none of the process-wide default collectors
        self.registry.register(HeartbeatCollector(snapshot))
        self._server: WSGIServer
        self._thread: threading.Thread
        self._server, self._thread = start_http_server(port, addr=host, registry=self.registry)
        log.info("metrics on http://%s:%d/metrics", host, self.port)

    @property
    def port(self) -> int:
        return int(self._server.server_port)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def _is_loopback(host: str) -> bool:
    """An address literal only: a name could resolve elsewhere (/etc/hosts) after this check."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
