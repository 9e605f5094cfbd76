"""PACE through the real stack: pyscard → pcscd → vpcd → the emulated chip (CARD.md §10)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drivers.card.card_builder import DEFAULT_PACE, BuiltCard, build_card
from drivers.card.chip import EmrtdChip
from drivers.card.emrtd import read_emrtd
from drivers.card.pace import CanPassword, PaceAccess, policy_access
from drivers.card.pcsc import PcscReader
from drivers.errors import AccessDenied
from kiosk.pcscd import READER, InsertedCard, Pcscd, wait_for

pytestmark = pytest.mark.pcsc
DEMO = Path(__file__).resolve().parents[2] / "src" / "backend_stub" / "data" / "demo.json"


@pytest.fixture(scope="module")
def card() -> BuiltCard:
    scenario = json.loads(DEMO.read_text(encoding="utf-8"))
    persona: dict[str, Any] = next(p for p in scenario["personas"] if p["id"] == "renewal-ok")
    persona["document"]["portrait"] = str((DEMO.parent / persona["document"]["portrait"]).resolve())
    return build_card(persona, pace=DEFAULT_PACE)


@pytest.fixture
def reader(pcscd: Pcscd) -> Iterator[PcscReader]:
    watcher = PcscReader(READER, allow_virtual=True)
    yield watcher
    watcher.close()


def inserted(card: BuiltCard, reader: PcscReader) -> InsertedCard:
    chip = EmrtdChip(card.files, card.mrz_key, can=card.can, card_access=card.card_access)
    slot = InsertedCard(chip)
    wait_for(lambda: reader.present, "the card to be reported")
    return slot


def test_a_pace_read_through_pcscd(card: BuiltCard, reader: PcscReader) -> None:
    slot = inserted(card, reader)
    try:
        transport, handle = reader.connect()
        try:
            result = read_emrtd(transport, access=PaceAccess(CanPassword(str(card.can))), use_sfi=True)
        finally:
            reader.disconnect(handle)
    finally:
        slot.remove()
    assert result.access == "PACE" and result.passive_auth["hashes"] == "valid"
    assert result.document.number == card.mrz_key.document_number and result.portrait


def test_a_wrong_can_through_pcscd_shows_the_tries_left_and_policy_never_falls_back(
        card: BuiltCard, reader: PcscReader) -> None:
    slot = inserted(card, reader)
    try:
        transport, handle = reader.connect()
        try:
            with pytest.raises(AccessDenied) as refused:
                policy_access(card.mrz_key, "000000", "pace-preferred")(transport)
            result = read_emrtd(transport, access=policy_access(card.mrz_key, card.can, "pace-required"))
        finally:
            reader.disconnect(handle)
    finally:
        slot.remove()
    assert refused.value.retries_left == 2
    assert result.access == "PACE" and result.passive_auth["hashes"] == "valid"
