"""What the running stub knows: personas, its date and office, and the application store."""

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from backend_stub.model import Persona
from backend_stub.store import ApplicationStore


@dataclass
class StubState:
    personas: Mapping[str, Persona]  # replaced whole, never edited in place: readers need no lock
    today: date
    office: str
    store: ApplicationStore
    scenario_dir: Path  # posted scenarios resolve portraits against this
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add_personas(self, personas: Mapping[str, Persona]) -> None:
        with self.lock:
            self.personas = {**self.personas, **personas}
