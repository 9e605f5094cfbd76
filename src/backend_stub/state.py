"""What the running stub knows: personas, its date and office, what it received, and pending faults."""

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from backend_stub.clock import stub_now
from backend_stub.faults import FaultBook
from backend_stub.model import Persona
from backend_stub.records import Records
from backend_stub.store import ApplicationStore


@dataclass
class StubState:
    personas: Mapping[str, Persona]  # replaced whole, never edited in place: readers need no lock
    today: date
    office: str
    records: Records
    scenario_dir: Path  # posted scenarios resolve portraits against this
    faults: FaultBook = field(default_factory=FaultBook)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def store(self) -> ApplicationStore:
        return self.records.applications

    def now(self) -> datetime:
        return stub_now(self.today)

    def add_personas(self, personas: Mapping[str, Persona]) -> None:
        with self.lock:
            self.personas = {**self.personas, **personas}
