"""Many kiosks at once against a back office: the stub-load figure of `kiosk bench` (DESIGN.md §5).

Each simulated kiosk is a thread with its own HTTP session that submits applications with a ~30 KB
photo back to back, each with a fresh idempotency key, for a fixed time. Loopback only.
"""

from __future__ import annotations

import base64
import json
import statistics
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import requests


@dataclass
class KioskResults:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0


def submission_body(persona: dict[str, Any], photo_jpeg: bytes) -> dict[str, Any]:
    holder, document = persona["holder"], persona["document"]
    return {"service": "renewal", "office": "371500", "kiosk_id": "load", "id_number": holder["id_number"],
            "document_number": document["number"], "name": holder["name"], "fee_cny": 10,
            "photo_jpeg_b64": base64.b64encode(photo_jpeg).decode("ascii"),
            "delivery": {"method": "collect", "address": None, "phone": "13800000000"}}


def run_load(url: str, token: str, body: dict[str, Any], kiosks: int = 20,
             seconds: float = 20.0) -> dict[str, Any]:
    """Submit from `kiosks` threads for `seconds`; latency percentiles over every request."""
    deadline = time.monotonic() + seconds
    results = [KioskResults() for _ in range(kiosks)]
    threads = [threading.Thread(target=_kiosk, args=(url, token, body, deadline, result), daemon=True)
               for result in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    latencies = sorted(ms for result in results for ms in result.latencies_ms)
    return {"kiosks": kiosks, "seconds": seconds, "requests": len(latencies),
            "errors": sum(result.errors for result in results),
            "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
            "p99_ms": round(latencies[int(0.99 * (len(latencies) - 1))], 1) if latencies else None,
            "photo_kb": round(len(base64.b64decode(body["photo_jpeg_b64"])) / 1024, 1),
            "target_p99_ms": 100}


def _kiosk(url: str, token: str, body: dict[str, Any], deadline: float, result: KioskResults) -> None:
    payload = json.dumps(body).encode()  # encoded once: measure the server, not this generator
    with requests.Session() as http:
        http.headers.update({"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                response = http.post(f"{url}/v1/applications", data=payload, timeout=10,
                                     headers={"Idempotency-Key": str(uuid.uuid4())})
                ok = response.status_code in (200, 201)
            except requests.RequestException:
                ok = False
            result.latencies_ms.append((time.perf_counter() - started) * 1000)
            result.errors += not ok
