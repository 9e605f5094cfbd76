"""Fault injection for QA and tests: what to do to the next N requests matching a method and path.

A fault's effect, in order: `latency_ms` of delay once the request has arrived, then one of
`status` (an error answer instead of the endpoint), `drop` (the endpoint runs, its answer is cut
off and the connection closed) or `malformed` (the endpoint runs, its answer becomes 200 with
truncated JSON); with none of the three the normal answer follows the delay. fault_middleware.py
applies them.
"""

import threading
from dataclasses import asdict, dataclass, replace
from typing import Any

V1_PREFIX = "/v1"


@dataclass(frozen=True)
class Fault:
    method: str  # upper case, or "*" for any
    path: str  # exact, or a prefix when it ends with "*"
    count: int = 1
    latency_ms: int = 0
    status: int | None = None
    drop: bool = False
    malformed: bool = False
    id: int = 0

    def matches(self, method: str, path: str) -> bool:
        return self.method in ("*", method.upper()) and path_matches(self.path, path)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, **asdict(self)}  # the id first, for people reading a listing


def path_matches(pattern: str, path: str) -> bool:
    return path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern


def is_v1(path: str) -> bool:
    """Faults apply to the kiosk API only, never to /_stub or the docs."""
    return path == V1_PREFIX or path.startswith(V1_PREFIX + "/")


class FaultBook:
    """The faults still to apply, oldest first. Used from the event loop and from worker threads."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()
        self._last_id = 0

    def add(self, fault: Fault) -> Fault:
        with self._lock:
            self._last_id += 1
            added = replace(fault, id=self._last_id)
            self._faults.append(added)
            return added

    def take(self, method: str, path: str) -> Fault | None:
        """The oldest fault matching this request, with one use of it consumed; None if there is none."""
        if not is_v1(path):
            return None
        with self._lock:
            index = next((i for i, f in enumerate(self._faults) if f.matches(method, path)), None)
            if index is None:
                return None
            fault = self._faults[index]
            self._consume(index, fault)
            return fault

    def _consume(self, index: int, fault: Fault) -> None:
        if fault.count > 1:
            self._faults[index] = replace(fault, count=fault.count - 1)
        else:
            del self._faults[index]

    def listing(self) -> list[dict[str, Any]]:
        """The remaining faults; `count` is how many requests each will still affect."""
        with self._lock:
            return [fault.to_json() for fault in self._faults]

    def clear(self) -> int:
        with self._lock:
            count, self._faults = len(self._faults), []
            return count
