"""Reading emulated eMRTDs through the real pcscd: the card CLI, wrong keys, torn cards, and a whole
renewal with `kiosk qa run --card pcsc`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest

from drivers.card.card_builder import build_card
from kiosk.demo import access_data
from kiosk.pcscd import READER, InsertedCard, Pcscd, wait_for

pytestmark = pytest.mark.pcsc
DEMO = Path(__file__).resolve().parents[2] / "src" / "backend_stub" / "data" / "demo.json"


def persona(persona_id: str) -> dict[str, Any]:
    scenario = json.loads(DEMO.read_text(encoding="utf-8"))
    found = next(p for p in scenario["personas"] if p["id"] == persona_id)
    found["document"]["portrait"] = str((DEMO.parent / found["document"]["portrait"]).resolve())
    return dict(found)


def kiosk(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True,
                          timeout=timeout, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


def present() -> bool:
    from drivers.card.pcsc import PcscReader
    reader = PcscReader(READER, allow_virtual=True)
    try:
        wait_for(lambda: reader.present, "the card to be reported")
        return True
    finally:
        reader.close()


def test_card_read_gives_the_design_json_and_the_portrait(pcscd: Pcscd, tmp_path: Path) -> None:
    wang = persona("renewal-ok")
    built = build_card(wang)  # PACE (CAN or MRZ), DG15 for active authentication, a test CSCA
    trusted = tmp_path / "csca"
    trusted.mkdir()
    (trusted / "test-csca.der").write_bytes(built.csca_certificate)
    card = InsertedCard(built.chip())
    try:
        assert present()
        portrait = tmp_path / "portrait.jpg"
        result = kiosk("card", "read", "--reader", READER, "--can", wang["document"]["can"], "--json",
                       "--csca", str(trusted), "--portrait", str(portrait))
    finally:
        card.remove()
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["reader"] == READER and report["access"] == "PACE" and report["atr"]
    assert report["passive_auth"] == {"hashes": "valid", "signature": "valid", "signature_detail": "valid"}
    assert report["active_auth"] == "valid"
    assert report["document"]["number"] == wang["document"]["number"]
    assert report["holder"]["full_name"] == wang["holder"]["name"]
    assert report["holder"]["personal_number"] == wang["holder"]["id_number"]
    assert report["passive_auth"]["hashes"] == "valid"
    assert report["portrait"]["format"] == "jpeg" and report["portrait"]["width"] > 0
    image = cv2.imdecode(np.frombuffer(portrait.read_bytes(), np.uint8), cv2.IMREAD_COLOR)
    assert image is not None and image.shape[1] == report["portrait"]["width"]
    assert report["timing"]["apdus"] > 10
    assert wang["holder"]["id_number"] not in result.stderr  # the logs never carry it


def test_a_wrong_key_is_refused_and_a_torn_card_can_be_read_again(pcscd: Pcscd) -> None:
    wang = persona("renewal-ok")
    built = build_card(wang, pace=None)  # a BAC-only card: the MRZ data open it
    number, birth, expiry = access_data(wang)
    card = InsertedCard(built.chip())
    try:
        assert present()
        wrong = kiosk("card", "read", "--reader", READER, "--mrz", f"{number},{birth},010101", "--json")
        assert wrong.returncode == 1
        assert json.loads(wrong.stdout.splitlines()[-1])["error"] == "ACCESS_DENIED"
    finally:
        card.remove()
    torn = InsertedCard(built.chip(tear_after_apdus=12))
    assert present()
    first = kiosk("card", "read", "--reader", READER, "--mrz", f"{number},{birth},{expiry}", "--json")
    torn.remove()
    assert first.returncode == 1
    assert json.loads(first.stdout.splitlines()[-1])["error"] == "CARD_REMOVED", first.stdout
    again = InsertedCard(built.chip())
    try:
        assert present()
        second = kiosk("card", "read", "--reader", READER, "--mrz", f"{number},{birth},{expiry}", "--json")
    finally:
        again.remove()
    assert second.returncode == 0, second.stderr[-2000:]


@pytest.mark.e2e
def test_a_whole_renewal_through_pcscd_and_the_emulator(pcscd: Pcscd) -> None:
    result = kiosk("qa", "run", "renewal", "--persona", "renewal-ok", "--card", "pcsc", "--json", timeout=180)
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["outcome"] == "submitted"
    assert outcome["screens"][:5] == ["attract", "menu", "place_id", "access_key", "reading"]


def test_card_emulate_serves_a_card_folder_until_stopped(pcscd: Pcscd, tmp_path: Path) -> None:
    import signal

    from drivers.card.card_builder import write_card_dir
    wang = persona("renewal-ok")
    write_card_dir(wang, tmp_path / "card")
    command = [sys.executable, "-m", "kiosk", "card", "emulate", "--data", str(tmp_path / "card")]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as emulator:
        assert emulator.stdout is not None
        assert emulator.stdout.readline().startswith("card inserted into vpcd")
        result = kiosk("card", "read", "--reader", READER, "--mrz", ",".join(access_data(wang)), "--json")
        emulator.send_signal(signal.SIGTERM)
        assert emulator.wait(timeout=20) == 0
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    assert json.loads(result.stdout.splitlines()[-1])["document"]["number"] == wang["document"]["number"]


def test_readers_are_listed_with_the_virtual_ones_marked(pcscd: Pcscd) -> None:
    result = kiosk("card", "readers", "--json")
    assert result.returncode == 0
    assert {"name": READER, "virtual": True} in json.loads(result.stdout)["readers"]
