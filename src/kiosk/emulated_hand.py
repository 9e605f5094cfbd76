"""QA with the real PC/SC stack: "placing" a persona's card inserts an emulated eMRTD chip into vpcd.

Only for QA and tests, where vsmartcard-vpcd is installed on purpose; never on a citizen's kiosk.
"""

from __future__ import annotations

import threading
from typing import Any

from drivers.card.vpcd import VpcdCard


class EmulatedHand:
    """Holds at most one card in vpcd's first slot; placing another takes the first one out."""

    def __init__(self, port: int | None = None) -> None:
        self._port = port
        self._card: VpcdCard | None = None
        self._thread: threading.Thread | None = None

    def place(self, persona: dict[str, Any]) -> None:
        from drivers.card.card_builder import build_card
        from drivers.card.chip import EmrtdChip
        self.remove()
        files, key = build_card(persona)
        card = VpcdCard(EmrtdChip(files, key)) if self._port is None else VpcdCard(EmrtdChip(files, key),
                                                                                    port=self._port)
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
