"""QA with the real PC/SC stack: "placing" a persona's card inserts an emulated eMRTD chip into vpcd.

Only for QA and tests, where vsmartcard-vpcd is installed on purpose; never on a citizen's kiosk.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from drivers.card.vpcd import VpcdCard

CSCA_FILE = "qa-csca.der"


class EmulatedHand:
    """Holds at most one card in vpcd's first slot; placing another takes the first one out.

    Every card it makes is signed by one throwaway document signer under one test CSCA, whose certificate
    it puts in `csca_dir` (the kiosk's trusted folder in QA): the kiosk checks the chain for real."""

    def __init__(self, port: int | None = None, csca_dir: str = "") -> None:
        from drivers.card.card_signer import ThrowawayPki
        self._port = port
        self._card: VpcdCard | None = None
        self._thread: threading.Thread | None = None
        self.pki = ThrowawayPki.generate()
        self.faults: Any = None  # tests: the `ChipFaults` of the next cards placed (a clone, a bad signature)
        if csca_dir:
            folder = Path(csca_dir).expanduser()
            folder.mkdir(parents=True, exist_ok=True)
            (folder / CSCA_FILE).write_bytes(self.pki.der(self.pki.csca_certificate))

    def place(self, persona: dict[str, Any]) -> None:
        from drivers.card.card_builder import build_card
        self.remove()
        chip = build_card(persona, pki=self.pki).chip(self.faults)
        card = VpcdCard(chip) if self._port is None else VpcdCard(chip, port=self._port)
        card.insert()
        self._card = card
        self._thread = threading.Thread(target=card.serve, name="vpcd-card", daemon=True)
        self._thread.start()

    def remove(self) -> None:
        if self._card is not None:
            self._card.remove()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._card = self._thread = None
