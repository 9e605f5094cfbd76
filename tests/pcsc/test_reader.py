"""The PC/SC reader through a real pcscd and vpcd: choice, presence events, transport, pcscd restarts."""

from __future__ import annotations

import threading

import pytest

from drivers.card.pcsc import PcscReader, choose_reader, list_readers
from drivers.errors import NoDevice
from kiosk.pcscd import READER, InsertedCard, Pcscd, wait_for

pytestmark = pytest.mark.pcsc
ATR = bytes.fromhex("3B8880010000000000000000")


class EchoChip:
    """Answers every APDU with its CLA/INS and 90 00."""

    def power_on(self) -> bytes:
        return ATR

    def process(self, apdu: bytes) -> bytes:
        return apdu[:2] + b"\x90\x00"


def test_readers_are_listed_and_chosen_by_pattern_never_the_first(pcscd: Pcscd) -> None:
    readers = list_readers()
    assert READER in readers and len(readers) == 2
    assert choose_reader(readers, "*00 00", allow_virtual=True) == READER
    with pytest.raises(NoDevice, match="matches 2 readers"):
        choose_reader(readers, "", allow_virtual=True)


def test_a_virtual_reader_is_refused_unless_allowed(pcscd: Pcscd) -> None:
    with pytest.raises(NoDevice, match="virtual card reader is installed"):
        choose_reader(list_readers(), "*00 00", allow_virtual=False)


def test_presence_events_and_a_transport(pcscd: Pcscd) -> None:
    reader = PcscReader("*00 00", allow_virtual=True)
    events: list[bool] = []
    changed = threading.Event()
    reader.add_listener(lambda present: (events.append(present), changed.set()))
    try:
        card = InsertedCard(EchoChip())
        wait_for(lambda: reader.present and events[-1:] == [True], "the card to be reported")
        transport, handle = reader.connect()
        assert transport.transmit(bytes.fromhex("00B00000E0")) == bytes.fromhex("00B09000")
        reader.disconnect(handle)
        card.remove()
        wait_for(lambda: not reader.present and events[-1:] == [False], "the card to be reported gone")
    finally:
        reader.close()


def test_the_watcher_survives_a_pcscd_restart(pcscd: Pcscd) -> None:
    reader = PcscReader("*00 00", allow_virtual=True)
    events: list[bool] = []
    reader.add_listener(events.append)
    try:
        wait_for(lambda: reader.status.state == "online", "the reader to be online")
        pcscd.stop()  # the device model: the reader is gone while pcscd is …
        wait_for(lambda: reader.status.state == "noDevice", "the reader to be reported missing")
        assert reader.status.hint
        pcscd.start()  # … and back by itself when pcscd is
        wait_for(lambda: reader.status.state == "online", "the reader to be online again")
        card = InsertedCard(EchoChip())
        wait_for(lambda: reader.present, "the card after the restart")
        transport, handle = reader.connect()
        assert transport.transmit(bytes.fromhex("0084000008"))[-2:] == b"\x90\x00"
        reader.disconnect(handle)
        card.remove()
    finally:
        reader.close()


def test_a_reader_missing_at_start_is_waited_for_and_then_used(pcscd: Pcscd) -> None:
    from drivers.card.pcsc import WaitingReader
    from kiosk.config import Devices, Settings
    from kiosk.hardware import open_reader
    pcscd.stop()
    settings = Settings(devices=Devices(card="pcsc", reader="*00 00", allow_virtual_reader=True))
    reader = open_reader(settings)  # pcscd down: the kiosk starts (out of service) instead of exiting
    assert isinstance(reader, WaitingReader) and reader.status.state == "noDevice" and not reader.present
    events: list[bool] = []
    reader.add_listener(events.append)
    try:
        pcscd.start()
        wait_for(lambda: reader.status.state == "online", "the reader to be found")
        card = InsertedCard(EchoChip())
        wait_for(lambda: reader.present and events == [True], "the listener to hear the card")
        card.remove()
    finally:
        reader.close()
